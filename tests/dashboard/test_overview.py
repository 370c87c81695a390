"""Key figures of a scope, on the committed sample."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dashboard.access import Scope
from dashboard.overview import quarter_before, summarise_scope
from dashboard.presentation import BAND_ORDER
from dashboard.scoring.service import score_scope

UTRECHT = Scope(type="gemeente", codes=frozenset({"GM0344"}))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 11, 30), dt.date(2026, 8, 30)),
        (dt.date(2026, 5, 31), dt.date(2026, 2, 28)),
        (dt.date(2024, 5, 31), dt.date(2024, 2, 29)),
    ],
    ids=["gewoon", "maandeinde", "schrikkeljaar"],
)
def test_quarter_before(day: dt.date, expected: dt.date) -> None:
    assert quarter_before(day) == expected


def test_overview_counts_add_up(sample_engine) -> None:
    scores = score_scope(sample_engine, UTRECHT)
    overview = summarise_scope(scores)
    assert overview.groepen == scores.groepen.height > 0
    assert overview.per_band["band"].to_list() == list(BAND_ORDER)
    assert overview.per_band["nu"].sum() == overview.groepen
    assert (
        overview.per_band["nu"] - overview.per_band["vorig_kwartaal"] == overview.per_band["verschil"]
    ).all()
    assert overview.per_stap["groepen"].sum() == overview.groepen
    assert 0 <= overview.scan_achterstallig <= overview.problematisch
    assert overview.besluit_nodig == scores.groepen.filter(pl.col("stap") == "4").height


def test_scope_scores_hold_only_the_scope_and_sort_by_priority(sample_engine) -> None:
    scores = score_scope(sample_engine, UTRECHT)
    assert set(scores.groepen["gemeente_code"]) == {"GM0344"}
    ranked = scores.groepen.drop_nulls("prioriteit")["prioriteit"].to_list()
    assert ranked == sorted(ranked, reverse=True)
    assert scores.groepen["lat"].null_count() == 0
