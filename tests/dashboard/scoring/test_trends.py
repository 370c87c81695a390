"""Trends: history over scan dates, monthly series, groups per band over time, groups per 10,000 youths."""

from __future__ import annotations

import datetime as dt

import polars as pl

from dashboard.scoring.config import ScoringConfig
from dashboard.scoring.scores import BANDEN, score_groups
from dashboard.scoring.trends import band_counts, groups_per_youth, month_ends, monthly_series, score_history
from tests.dashboard.scoring.conftest import LAT, LON, PEIL, Group, make_inputs


def _group(groep_id: str = "G1") -> Group:
    return Group(
        groep_id=groep_id,
        scans=[
            (dt.date(2025, 6, 1), {"overlast": 1}, "a;b"),
            (dt.date(2026, 6, 1), {"overlast": 3, "geweld": 2}, "a;b"),
        ],
        leden=[("P1", "kern"), ("P2", "meeloper")],
        registraties=[
            ("P1", dt.date(2026, 5, 10), "mishandeling", "verdachte"),
            ("P2", dt.date(2026, 5, 20), "overlast", "slachtoffer"),
        ],
        hangplekken=[(LAT, LON)],
        meldingen=[(dt.date(2026, 4, 3), LAT, LON), (dt.date(2026, 4, 9), LAT, LON)],
    )


def test_history_has_one_row_per_scan_and_the_later_scan_scores_higher(config: ScoringConfig) -> None:
    history = score_history(make_inputs([_group()]), config)
    assert history["peildatum"].to_list() == [dt.date(2025, 6, 1), dt.date(2026, 6, 1)]
    assert history["prioriteit"][1] > history["prioriteit"][0]


def test_month_ends_run_up_to_the_peildatum() -> None:
    assert month_ends(dt.date(2026, 6, 15), 3) == [
        dt.date(2026, 4, 30),
        dt.date(2026, 5, 31),
        dt.date(2026, 6, 15),
    ]


def test_monthly_series_counts_suspect_registrations_and_meldingen(config: ScoringConfig) -> None:
    series = monthly_series(make_inputs([_group()]), PEIL, config, months=4)
    assert series["maand"].to_list() == [dt.date(2026, m, 1) for m in (3, 4, 5, 6)]
    assert series["registraties"].to_list() == [0, 0, 1, 0]  # the victim's registration is not counted
    assert series["meldingen"].to_list() == [0, 2, 0, 0]


def test_band_counts_list_every_band_at_every_date(config: ScoringConfig) -> None:
    dates = [dt.date(2025, 12, 31), PEIL]
    counts = band_counts(make_inputs([_group("G1"), Group(groep_id="G2")]), dates, config)
    assert counts.height == len(dates) * len(BANDEN)
    assert counts.group_by("peildatum").agg(pl.col("groepen").sum())["groepen"].to_list() == [2, 2]
    assert counts.filter(pl.col("band") == "onvoldoende gegevens")["groepen"].to_list() == [1, 1]


def test_groups_per_10000_youths_is_null_where_unknown(config: ScoringConfig) -> None:
    inputs = make_inputs([_group("G1"), _group("G2")], jongeren=4000)
    table = groups_per_youth(score_groups(inputs, PEIL, config).scores, inputs.gemeenten)
    assert table["groepen_per_10000"].to_list() == [5.0]
    unknown = make_inputs([_group()], jongeren=None)
    assert groups_per_youth(score_groups(unknown, PEIL, config).scores, unknown.gemeenten)[
        "groepen_per_10000"
    ].to_list() == [None]
