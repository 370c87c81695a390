"""python -m dashboard import: exit codes, the Dutch report, dry run and the error report file."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.storage.engine import create_db_engine

GOOD = "melding_id;datum;gemeente_code;lat;lon\nM-CLI-1;01-01-2026;GM0344;52,09;5,12\n"
BAD = "melding_id;datum;gemeente_code;lat;lon\nM-CLI-2;31-02-2026;GM0344;52,09;5,12\n"


@pytest.fixture
def database(tmp_path: Path, small_sample: Path) -> str:
    """A SQLite file with the small sample loaded through the CLI."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database-url", url, "load", str(small_sample)]) == 0
    return url


def _file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="cp1252")
    return str(path)


def _dump(url: str) -> list[str]:
    engine = create_db_engine(url)
    with engine.connect() as connection:
        lines = list(connection.connection.dbapi_connection.iterdump())  # type: ignore[union-attr]
    engine.dispose()
    return lines


def test_import_writes_and_a_second_run_has_nothing_to_do(database: str, tmp_path: Path, capsys) -> None:
    path = _file(tmp_path, GOOD)
    assert main(["--database-url", database, "import", "meldingen", path]) == 0
    out, err = capsys.readouterr()
    assert "nieuw                 1" in out
    assert "Import opgeslagen en vastgelegd in het auditlog." in err
    assert "1 rijen gelezen" in err, "voortgang op stderr"
    assert main(["--database-url", database, "import", "meldingen", path]) == 0
    out, err = capsys.readouterr()
    assert "ongewijzigd           1" in out
    assert "Niets te doen" in err


def test_a_dry_run_writes_nothing(database: str, tmp_path: Path, capsys) -> None:
    before = _dump(database)
    assert main(["--database-url", database, "import", "meldingen", _file(tmp_path, GOOD), "--dry-run"]) == 0
    assert "Proefrun (--dry-run): er is niets opgeslagen." in capsys.readouterr().err
    assert _dump(database) == before


def test_a_rejected_file_exits_1_with_the_dutch_report(database: str, tmp_path: Path, capsys) -> None:
    before = _dump(database)
    report = tmp_path / "fouten.csv"
    code = main(
        [
            "--database-url",
            database,
            "import",
            "meldingen",
            _file(tmp_path, BAD),
            "--foutenrapport",
            str(report),
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "Import geweigerd: 1 rij(en) afgewezen; er is niets opgeslagen." in err
    assert "- rij 2, kolom datum: '31-02-2026' is geen geldige datum" in err
    assert report.read_bytes().decode("utf-8-sig").startswith("Rij;Kolom;Waarde;Wat is er mis")
    assert _dump(database) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["meldingen", "/bestaat/niet.csv"], "Bestand niet gevonden"),
        (["meldingen", "{file}", "--als", "niemand"], "Onbekende gebruiker: niemand"),
        (["meldingen", "{file}", "--als", "burgemeester-utrecht"], "mag geen gegevens importeren"),
    ],
)
def test_user_errors_are_dutch_and_exit_1(database: str, tmp_path: Path, capsys, args, message) -> None:
    path = _file(tmp_path, GOOD)
    assert main(["--database-url", database, "import", *(a.replace("{file}", path) for a in args)]) == 1
    assert message in capsys.readouterr().err


def test_an_unreadable_file_is_refused(database: str, tmp_path: Path, capsys) -> None:
    assert main(["--database-url", database, "import", "meldingen", _file(tmp_path, "a;b\n1;2\n")]) == 1
    assert "verplichte kolom(men) ontbreken" in capsys.readouterr().err


def test_a_user_imports_within_their_area(database: str, tmp_path: Path, capsys) -> None:
    outside = "melding_id;datum;gemeente_code;lat;lon\nM-CLI-3;01-01-2026;GM0344;52,09;5,12\n"
    code = main(
        [
            "--database-url",
            database,
            "import",
            "meldingen",
            _file(tmp_path, outside),
            "--als",
            "specialist-mnl",
        ]
    )
    assert code == 0, capsys.readouterr().err
