"""Hangplek times in Dutch, member counts by role and age, and overlaps between groups."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dashboard.groups.summaries import format_times, summarise_members, summarise_overlap

PEILDATUM = dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param([], "—", id="none"),
        pytest.param([(5, 20, 24), (6, 20, 24)], "vr-za 20-24 u", id="weekend"),
        pytest.param([(1, 16, 18), (2, 16, 18), (3, 16, 18), (5, 16, 18)], "ma-wo, vr 16-18 u", id="ranges"),
        pytest.param([(6, 20, 24), (6, 0, 1)], "za 0-1 en 20-24 u", id="two-periods"),
        pytest.param([(7, 15, 18), (7, 17, 20), (1, 19, 21)], "ma 19-21 u; zo 15-20 u", id="merge-overlap"),
    ],
)
def test_format_times(rows: list[tuple[int, int, int]], expected: str) -> None:
    assert format_times(rows) == expected


def _leden(rows: list[tuple[str, str, str, dt.date, dt.date | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "persoon_id": pl.String,
            "groep_id": pl.String,
            "rol": pl.String,
            "van": pl.Date,
            "tot": pl.Date,
        },
        orient="row",
    )


LEDEN = _leden(
    [
        ("p1", "A", "leider", dt.date(2025, 1, 1), None),
        ("p2", "A", "kern", dt.date(2025, 1, 1), None),
        ("p3", "A", "meeloper", dt.date(2025, 1, 1), dt.date(2026, 1, 1)),  # left before the peildatum
        ("p1", "B", "kern", dt.date(2025, 1, 1), None),
        ("p2", "B", "kern", dt.date(2025, 1, 1), None),
        ("p2", "C", "aanhang", dt.date(2025, 1, 1), None),
        ("p3", "C", "kern", dt.date(2025, 1, 1), None),
    ]
)
BIRTHDATES = pl.DataFrame(
    {
        "persoon_id": ["p1", "p2", "p3"],
        "geboortedatum": [dt.date(2010, 12, 1), dt.date(2010, 11, 30), dt.date(2000, 1, 1)],
    }
)


def test_members_are_counted_by_role_and_age_band() -> None:
    counts = summarise_members(LEDEN, BIRTHDATES, "A", PEILDATUM)
    # p1 turns 16 on 1 Dec (still 15), p2 turned 16 on the peildatum: both 15-17; p3 left.
    assert counts.to_dicts() == [
        {"rol": "leider", "leeftijdsgroep": "15-17", "leden": 1},
        {"rol": "kern", "leeftijdsgroep": "15-17", "leden": 1},
    ]


def test_overlap_counts_shared_active_members_per_group() -> None:
    overlap = summarise_overlap(LEDEN, "A", PEILDATUM)
    assert overlap.select("ander_groep_id", "gedeelde_leden").to_dicts() == [
        {"ander_groep_id": "B", "gedeelde_leden": 2},
        {"ander_groep_id": "C", "gedeelde_leden": 1},
    ]
