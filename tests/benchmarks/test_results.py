"""The benchmark table: one row per figure with its database, value, target and verdict."""

from __future__ import annotations

import math

import pytest

from benchmarks.results import NO_DATABASE, Figure, describe_machine, once, render_table


@pytest.mark.parametrize(
    ("figure", "row"),
    [
        (Figure("laden", 35.384, 60, "s", "SQLite"), "| laden | SQLite | 35.38 s | ≤ 60 s | ja |"),
        (Figure("laden", 61.0, 60, "s", "PostgreSQL"), "| laden | PostgreSQL | 61.00 s | ≤ 60 s | NEE |"),
        (Figure("kaart", 0.72, 1, "MB", NO_DATABASE), "| kaart | geen | 0.72 MB | ≤ 1 MB | ja |"),
        (Figure("pagina", 0.5, 0.5, "s"), "| pagina | ? | 0.50 s | ≤ 0.5 s | ja |"),
        (
            Figure("pagina: meting mislukt (boem)", math.nan, 0, "", "SQLite"),
            "| pagina: meting mislukt (boem) | SQLite | fout | ≤ 0  | NEE |",
        ),
    ],
    ids=["gehaald", "gemist", "zonder-database", "precies-op-doel", "mislukt"],
)
def test_each_figure_is_one_markdown_row(figure: Figure, row: str) -> None:
    table = render_table([figure]).splitlines()
    assert table[:2] == ["| meting | database | waarde | doel | gehaald |", "|---|---|---:|---:|:---:|"]
    assert table[2:] == [row]


def test_a_failed_measurement_never_meets_its_target() -> None:
    assert not Figure("x", math.nan, 0, "s").gehaald


def test_once_is_true_only_the_first_time_per_name() -> None:
    assert [once("test: a"), once("test: a"), once("test: b")] == [True, False, True]


def test_the_machine_line_names_cores_and_python() -> None:
    line = describe_machine()
    assert " cores" in line
    assert "Python 3." in line
