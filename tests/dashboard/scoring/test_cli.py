"""`python -m dashboard score`: formats, the gemeente filter and Dutch errors without tracebacks."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.cli import main

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def url(sample_engine) -> str:
    return sample_engine.url.render_as_string(hide_password=False)


def test_json_carries_contributions_and_advice(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", url, "score", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["peildatum"] == "2026-11-30"
    groups = document["groepen"]
    assert groups
    scored = [g for g in groups if g["prioriteit"] is not None]
    assert all(g["bijdragen"] and g["advies"]["redenen"] for g in scored)
    assert {"groep_id", "werknaam", "gemeente_code", "ernst", "band", "type", "vlaggen"} <= groups[0].keys()


def test_gemeente_filters_and_csv_parses(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", url, "score", "--gemeente", "GM0307", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows
    assert {row["gemeente_code"] for row in rows} == {"GM0307"}


def test_table_has_a_line_per_group(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", url, "score", "--peildatum", "2026-06-30", "--gemeente", "GM0344"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["groep", "naam", "gemeente"]
    assert len(out) > 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["--peildatum", "30-11-2026"], "is geen geldige datum", id="datum"),
        pytest.param(["--gemeente", "Utrecht"], "is geen gemeentecode", id="gemeente"),
        pytest.param(["--config", "/bestaat/niet.toml"], "bestand niet gevonden", id="config"),
    ],
)
def test_bad_arguments_give_dutch_messages_without_traceback(url: str, argv: list[str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "--database-url", url, "score", *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
