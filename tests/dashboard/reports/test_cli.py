"""python -m dashboard report: writes the file and one log row; refuses a role without the right."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import func, select

from dashboard.cli import main
from dashboard.storage.schema import metadata
from tests.dashboard.reports.conftest import EVIL_GROUP, GROEP


def _rows(db) -> int:
    with db.connect() as connection:
        return connection.execute(select(func.count()).select_from(metadata.tables["exportlog"])).scalar_one()


def _report(url: str, out: Path, als: str, product: str = "rapportage", formaat: str = "pdf") -> int:
    args = ["--database-url", url, "report", "--groep", GROEP, "--product", product, "--format", formaat]
    return main([*args, "--out", str(out), "--als", als, "--peildatum", "2026-11-30"])


def test_the_cli_writes_a_report_and_logs_it(db_url: str, db, tmp_path: Path) -> None:
    before = _rows(db)
    out = tmp_path / "rapport.pdf"
    assert _report(db_url, out, "specialist-mnl") == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "alert(1)" in text
    assert EVIL_GROUP.split()[0] in text
    assert _rows(db) == before + 1


def test_the_cli_refuses_a_namenlijst_to_the_mayor(db_url: str, db, tmp_path: Path, capsys) -> None:
    before = _rows(db)
    out = tmp_path / "namen.html"
    assert _report(db_url, out, "burgemeester-utrecht", "namenlijst", "html") == 1
    assert "Geweigerd" in capsys.readouterr().err
    assert not out.exists()
    assert _rows(db) == before


def test_the_cli_needs_a_known_user(db_url: str, tmp_path: Path, capsys) -> None:
    assert _report(db_url, tmp_path / "x.pdf", "onbekend") == 1
    assert "Onbekende gebruiker" in capsys.readouterr().err
