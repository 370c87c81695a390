"""The group filter widgets (gemeente, basisteam, band, stap); each page passes its own key prefix."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from dashboard.domain import STAP_LABELS
from dashboard.filtering import GroupFilter
from dashboard.presentation import BAND_ORDER, band_label

if TYPE_CHECKING:
    import polars as pl

__all__ = ["group_filters"]


def _options(groups: pl.DataFrame, column: str) -> list[str]:
    return sorted(groups.get_column(column).drop_nulls().unique().to_list())


def group_filters(groups: pl.DataFrame, key: str, names: dict[str, str]) -> GroupFilter:
    """Show four multiselects in a row and return the choice; 'names' maps codes to area names."""
    columns = st.columns(4)
    gemeenten = columns[0].multiselect(
        "Gemeente",
        _options(groups, "gemeente_code"),
        format_func=lambda code: names.get(code, code),
        placeholder="Alle gemeenten",
        key=f"{key}_gemeente",
    )
    basisteams = columns[1].multiselect(
        "Basisteam",
        _options(groups, "basisteam_code"),
        format_func=lambda code: names.get(code, code),
        placeholder="Alle basisteams",
        key=f"{key}_basisteam",
    )
    banden = columns[2].multiselect(
        "Band", list(BAND_ORDER), format_func=band_label, placeholder="Alle banden", key=f"{key}_band"
    )
    stappen = columns[3].multiselect(
        "Stap",
        list(STAP_LABELS),
        format_func=lambda stap: STAP_LABELS.get(stap, stap),  # type: ignore[call-overload]
        placeholder="Alle stappen",
        key=f"{key}_stap",
    )
    return GroupFilter(
        gemeenten=frozenset(gemeenten),
        basisteams=frozenset(basisteams),
        banden=frozenset(banden),
        stappen=frozenset(stappen),
    )
