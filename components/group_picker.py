"""Choosing a group on the group page: a selectbox of the scope's groups that sets ?groep=."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from dashboard.presentation import band_label, format_number

if TYPE_CHECKING:
    import polars as pl

__all__ = ["choose_group"]

_KEY = "groep_keuze"


def _remember_choice() -> None:
    choice = st.session_state.get(_KEY)
    if choice:
        st.query_params["groep"] = choice
    else:
        st.query_params.pop("groep", None)


def choose_group(groups: pl.DataFrame, current: str | None) -> None:
    """A selectbox of the groups (groep_id, werknaam, band, prioriteit), highest priority first.

    The current group (from ?groep=) is preselected when it is among them; a choice updates ?groep=,
    so the address can be bookmarked and shared within the session's rights.
    """
    labels = {
        row["groep_id"]: f"{row['werknaam']} · {band_label(row['band'])} · {format_number(row['prioriteit'])}"
        for row in groups.iter_rows(named=True)
    }
    wanted = current if current in labels else None
    if st.session_state.get(_KEY) != wanted:
        st.session_state[_KEY] = wanted
    st.selectbox(
        "Groep",
        list(labels),
        index=None,
        format_func=lambda groep_id: labels.get(groep_id, groep_id),
        placeholder="Kies een groep uit uw gebied",
        key=_KEY,
        on_change=_remember_choice,
        help="De groepen in uw gebied, hoogste prioriteit eerst: naam, band en prioriteitsscore (0-100).",
    )
