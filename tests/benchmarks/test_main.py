"""`python -m benchmarks`: every module on each database, rows side by side, a clear line when skipping."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

import benchmarks.__main__ as runner
from benchmarks.results import NO_DATABASE, Figure


def _module(name: str, measure: object) -> SimpleNamespace:
    return SimpleNamespace(__name__=f"benchmarks.{name}", measure=measure)


def _per_backend(backend: str) -> list[Figure]:
    figures = [Figure("laden", 1.0 if backend == "sqlite" else 2.0, 60, "s")]
    if backend == "sqlite":  # a figure without database: measured once
        figures.append(Figure("kaart", 0.5, 1, "MB", NO_DATABASE))
    return [*figures, Figure("pagina", 0.1, 0.5, "s")]


def test_rows_of_both_databases_stand_side_by_side() -> None:
    module = _module("fake", _per_backend)
    rows = runner.interleave(
        [runner.measure_module(module, "sqlite"), runner.measure_module(module, "postgresql")]
    )
    assert [(f.meting, f.database) for f in rows] == [
        ("laden", "SQLite"),
        ("laden", "PostgreSQL"),
        ("kaart", "geen"),
        ("pagina", "SQLite"),
        ("pagina", "PostgreSQL"),
    ]


def test_a_failing_module_becomes_a_missed_row() -> None:
    def broken(backend: str) -> list[Figure]:
        msg = f"database {backend} weg\nmeer tekst"
        raise RuntimeError(msg)

    (row,) = runner.measure_module(_module("kapot", broken), "postgresql")
    assert row.meting == "kapot: meting mislukt (database postgresql weg)"
    assert row.database == "PostgreSQL"
    assert math.isnan(row.waarde)
    assert not row.gehaald


def test_a_module_without_database_parameter_runs_on_sqlite_only() -> None:
    module = _module("oud", lambda: [Figure("import", 1.0, 30, "s")])
    assert [f.database for f in runner.measure_module(module, "sqlite")] == ["SQLite"]
    assert runner.measure_module(module, "postgresql") == []


@pytest.mark.parametrize(
    ("argv", "waarde", "code"),
    [
        (["--database", "beide"], 1.0, 0),
        (["--database", "beide"], 99.0, 1),
        (["--database", "postgresql"], 1.0, 1),
    ],
    ids=["gehaald", "doel-gemist", "alleen-postgresql-onbereikbaar"],
)
def test_unreachable_postgresql_is_skipped_with_a_dutch_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    waarde: float,
    code: int,
) -> None:
    fake = _module("nep", lambda backend: [Figure(f"meting {backend}", waarde, 60, "s")])
    monkeypatch.setattr(runner, "MODULES", (fake,))
    monkeypatch.setattr(runner, "postgresql_server", lambda: (None, "127.0.0.1:5432 is niet bereikbaar"))
    assert runner.main([*argv, "--alleen", "nep"]) == code
    out = capsys.readouterr().out
    assert "PostgreSQL-metingen overgeslagen: 127.0.0.1:5432 is niet bereikbaar." in out
    assert ("| meting sqlite | SQLite |" in out) == (argv[1] == "beide")
    assert "| PostgreSQL |" not in out


def test_both_databases_are_measured_when_postgresql_answers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = _module("nep", lambda _backend: [Figure("meting", 1.0, 60, "s")])
    monkeypatch.setattr(runner, "MODULES", (fake,))
    monkeypatch.setattr(runner, "postgresql_server", lambda: ("PostgreSQL 15.20", None))
    assert runner.main([]) == 0
    out = capsys.readouterr().out
    assert "databases: SQLite, PostgreSQL 15.20" in out
    assert out.index("| meting | SQLite |") < out.index("| meting | PostgreSQL |")
    assert "overgeslagen" not in out
