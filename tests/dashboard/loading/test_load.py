"""Loading a folder: malformed input is refused with Dutch messages and changes nothing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import func, select

from dashboard.loading import load as load_module
from dashboard.loading.issues import LoadError, LoadIssue
from dashboard.loading.load import load_folder
from dashboard.storage.schema import metadata


def _counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in metadata.tables.items()
        }


def _copy(sample_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "import"
    shutil.copytree(sample_dir, target, ignore=shutil.ignore_patterns("*.md"))
    return target


def _edit(folder: Path, bestand: str, change) -> None:
    path = folder / bestand
    frame = pl.read_csv(path, infer_schema=False)
    change(frame).write_csv(path)


def _set_cell(column: str, row: int, value: str | None):
    """Change one cell; row counts data rows from 0 (file line row + 2)."""

    def change(frame: pl.DataFrame) -> pl.DataFrame:
        values = frame.get_column(column).to_list()
        values[row] = value
        return frame.with_columns(pl.Series(column, values, dtype=pl.String))

    return change


BAD_INPUTS = [
    pytest.param(
        "groepen.csv",
        lambda frame: frame.drop("werknaam"),
        LoadIssue(bestand="groepen.csv", regel=1, kolom="werknaam", melding="kolom ontbreekt"),
        id="ontbrekende-kolom",
    ),
    pytest.param(
        "personen.csv",
        _set_cell("geboortedatum", 3, "31-02-2009"),
        LoadIssue(
            bestand="personen.csv",
            regel=5,
            kolom="geboortedatum",
            melding="'31-02-2009' is geen geldige datum (verwacht JJJJ-MM-DD, bijvoorbeeld 2025-03-31)",
        ),
        id="ongeldige-datum",
    ),
    pytest.param(
        "groepen.csv",
        _set_cell("gemeente_code", 0, "GM9999"),
        LoadIssue(
            bestand="groepen.csv",
            regel=2,
            kolom="gemeente_code",
            melding="'GM9999' komt niet voor in gemeenten.csv (kolom gemeente_code)",
        ),
        id="onbekende-gemeente",
    ),
    pytest.param(
        "groepen.csv",
        _set_cell("gemeente_code", 1, "0344"),
        LoadIssue(
            bestand="groepen.csv",
            regel=3,
            kolom="gemeente_code",
            melding="'0344' heeft niet de juiste vorm: verwacht een CBS-gemeentecode zoals GM0344",
        ),
        id="gemeentecode-vorm",
    ),
    pytest.param(
        "lidmaatschappen.csv",
        _set_cell("rol", 2, "baas"),
        LoadIssue(
            bestand="lidmaatschappen.csv",
            regel=4,
            kolom="rol",
            melding="'baas' is geen toegestane waarde; kies uit 'leider', 'kern', 'meeloper', 'aanhang'",
        ),
        id="onbekende-rol",
    ),
    pytest.param(
        "beoordelingen.csv",
        _set_cell("score", 0, "5"),
        LoadIssue(
            bestand="beoordelingen.csv", regel=2, kolom="score", melding="'5' is groter dan het maximum 3"
        ),
        id="score-te-hoog",
    ),
    pytest.param(
        "personen.csv",
        _set_cell("voornaam", 0, None),
        LoadIssue(bestand="personen.csv", regel=2, kolom="voornaam", melding="is verplicht, maar leeg"),
        id="verplicht-leeg",
    ),
]


@pytest.mark.parametrize(("bestand", "change", "expected"), BAD_INPUTS)
def test_malformed_input_is_refused_and_changes_nothing(
    engine, sample_dir: Path, tmp_path: Path, bestand: str, change, expected: LoadIssue
) -> None:
    load_folder(engine, sample_dir)
    before = _counts(engine)
    folder = _copy(sample_dir, tmp_path)
    _edit(folder, bestand, change)
    with pytest.raises(LoadError) as caught:
        load_folder(engine, folder, replace=True)
    assert expected in caught.value.issues
    assert str(expected) in str(caught.value)
    assert "er is niets opgeslagen" in str(caught.value)
    assert _counts(engine) == before


def test_duplicate_key_names_both_lines(engine, sample_dir: Path, tmp_path: Path) -> None:
    folder = _copy(sample_dir, tmp_path)
    _edit(folder, "groepen.csv", lambda frame: pl.concat([frame, frame.head(1)]))
    with pytest.raises(LoadError) as caught:
        load_folder(engine, folder)
    [issue] = [i for i in caught.value.issues if i.bestand == "groepen.csv"]
    assert issue.kolom == "groep_id"
    assert "komt al voor op regel 2" in issue.melding
    assert _counts(engine)["groep"] == 0


def test_missing_file_is_named(engine, sample_dir: Path, tmp_path: Path) -> None:
    folder = _copy(sample_dir, tmp_path)
    (folder / "meldingen.csv").unlink()
    with pytest.raises(LoadError) as caught:
        load_folder(engine, folder)
    assert caught.value.issues[0].bestand == "meldingen.csv"
    assert "ontbreekt" in caught.value.issues[0].melding


def test_loading_twice_needs_replace(engine, sample_dir: Path) -> None:
    load_folder(engine, sample_dir)
    before = _counts(engine)
    with pytest.raises(LoadError, match="bevat al gegevens"):
        load_folder(engine, sample_dir)
    assert _counts(engine) == before
    load_folder(engine, sample_dir, replace=True)
    after = _counts(engine)
    assert after["auditlog"] == before["auditlog"] + 1  # the replacement is recorded
    assert {**after, "auditlog": 0} == {**before, "auditlog": 0}


def test_a_failure_while_writing_rolls_everything_back(
    engine, sample_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_folder(engine, sample_dir)
    before = _counts(engine)
    real_insert = load_module._insert  # noqa: SLF001  (the write step is the one to break)

    def failing_insert(connection, spec, rows):
        if spec.tabel == "registratie":
            msg = "schijf vol"
            raise OSError(msg)
        return real_insert(connection, spec, rows)

    monkeypatch.setattr(load_module, "_insert", failing_insert)
    with pytest.raises(OSError, match="schijf vol"):
        load_folder(engine, sample_dir, replace=True)
    assert _counts(engine) == before


def test_many_errors_are_summarised(engine, sample_dir: Path, tmp_path: Path) -> None:
    folder = _copy(sample_dir, tmp_path)
    _edit(folder, "meldingen.csv", lambda frame: frame.with_columns(pl.lit("gisteren").alias("datum")))
    with pytest.raises(LoadError) as caught:
        load_folder(engine, folder)
    message = str(caught.value)
    assert len(caught.value.issues) > 60
    assert f"en nog {len(caught.value.issues) - 50} fouten" in message


def test_replacing_the_data_keeps_the_export_log(engine, sample_dir: Path) -> None:
    load_folder(engine, sample_dir)
    log = metadata.tables["exportlog"]
    row = {
        "tijdstip": dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC),
        "gebruiker_id": "u1",
        "rol": "politie_specialist",
        "product": "namenlijst",
        "groep_id": "G-00001",
        "ontvanger": "gemeente",
        "documentnummer": "NL-1",
        "formaat": "pdf",
    }
    with engine.begin() as connection:
        connection.execute(log.insert(), [row])
    load_folder(engine, sample_dir, replace=True)
    assert _counts(engine)["exportlog"] == 1
