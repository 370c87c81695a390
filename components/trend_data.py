"""Cached trend frames of a scope at a peildatum, and the group choice for the score-history chart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl
import streamlit as st

from components.data import data_key, scope_scores
from dashboard.access import Scope
from dashboard.scoring.trends import band_counts, groups_per_youth, month_ends, monthly_series

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["MONTHS", "TrendFrames", "band_dates", "choose_history_groups", "history_of", "trend_frames"]

MONTHS = 24
# Above this many groups the band chart uses quarter ends: band_counts scores every group at every
# date, ~1 s for 24 month ends on the national sample (864 groups) against ~0.4 s for 8 quarter ends.
MONTHLY_UP_TO_GROUPS = 200


@dataclass(frozen=True)
class TrendFrames:
    """The small frames the trends page shows (no person data).

    groepen: groep_id, werknaam, prioriteit (highest first); geschiedenis: scoring.trends.HISTORY_COLUMNS;
    banden: peildatum, band, groepen; maanden: maand, registraties, meldingen (the scope's totals);
    per_jongeren: scoring.trends.groups_per_youth; grenzen: the hoog, midden and laag band limits.
    """

    groepen: pl.DataFrame
    geschiedenis: pl.DataFrame
    banden: pl.DataFrame
    maanden: pl.DataFrame
    per_jongeren: pl.DataFrame
    grenzen: tuple[float, float, float]


def band_dates(peildatum: dt.date, groups: int) -> list[dt.date]:
    """Month ends over MONTHS months up to the peildatum; every third one (quarters) for large scopes."""
    ends = month_ends(peildatum, MONTHS)
    return ends if groups <= MONTHLY_UP_TO_GROUPS else ends[::-1][::3][::-1]


@st.cache_data(ttl=300, show_spinner="Trends berekenen...", max_entries=64)
def _trend_frames(
    url: str,  # noqa: ARG001  (part of the cache key only: another database, another entry)
    scope_type: str,
    codes: tuple[str, ...],
    peildatum: dt.date,
) -> TrendFrames:
    scores = scope_scores(Scope.model_validate({"type": scope_type, "codes": frozenset(codes)}), peildatum)
    inputs, config = scores.inputs, scores.config
    monthly = monthly_series(inputs, peildatum, config, MONTHS)
    limits = config.banden
    return TrendFrames(
        groepen=scores.groepen.select("groep_id", "werknaam", "prioriteit"),
        geschiedenis=scores.geschiedenis.filter(pl.col("peildatum") <= peildatum),
        banden=band_counts(inputs, band_dates(peildatum, scores.groepen.height), config),
        maanden=monthly.group_by("maand").agg(pl.col("registraties", "meldingen").sum()).sort("maand"),
        per_jongeren=groups_per_youth(scores.groepen, inputs.gemeenten),
        grenzen=(limits.hoog, limits.midden, limits.laag),
    )


def trend_frames(scope: Scope, peildatum: dt.date) -> TrendFrames:
    """The scope's trend frames at the peildatum; scope and date are the cache key."""
    return _trend_frames(data_key(), scope.type, tuple(sorted(scope.codes)), peildatum)


def history_of(frames: TrendFrames, groep_ids: list[str]) -> pl.DataFrame:
    """The score history of the chosen groups only, in the order chosen (the chart's legend follows it)."""
    order = pl.DataFrame(
        {"groep_id": groep_ids, "volgorde": range(len(groep_ids))},
        schema={"groep_id": pl.String, "volgorde": pl.Int64},
    )
    return frames.geschiedenis.join(order, on="groep_id").sort("volgorde", "peildatum").drop("volgorde")


def choose_history_groups(groups: pl.DataFrame, key: str, top: int = 5) -> list[str]:
    """A multiselect of the scope's groups (default: the `top` highest priorities); returns groep_ids."""
    names = dict(groups.select("groep_id", "werknaam").iter_rows())
    return st.multiselect(
        "Groepen in de grafiek",
        list(names),
        default=groups["groep_id"].head(top).to_list(),
        format_func=lambda groep_id: names.get(groep_id, groep_id),
        placeholder="Kies groepen",
        key=f"{key}_groepen",
        help="Standaard de vijf groepen met de hoogste prioriteit; voeg groepen toe of haal ze weg.",
    )
