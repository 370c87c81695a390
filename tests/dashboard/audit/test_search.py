"""Searching and exporting the audit trail, and the export command (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import polars as pl
import pytest
from pydantic import ValidationError

from dashboard.access import Identity, Scope
from dashboard.audit import (
    AuditFilter,
    append_audit,
    count_audit,
    entry_for,
    export_audit,
    search_audit,
    verify_chain,
)
from dashboard.cli import main


def _user(gebruiker_id: str, rol: str) -> Identity:
    return Identity(
        gebruiker_id=gebruiker_id,
        naam="Demo",
        email=f"{gebruiker_id}@demo.example",
        rol=rol,
        scope=Scope(type="land"),
    )


BEHEER = _user("beheerder", "beheerder")
REGISSEUR = _user("procesregisseur-utrecht", "procesregisseur")
UTC = dt.UTC
# (moment in UTC, user, category, action, group): 23:30 UTC on 30 November is 1 December in Amsterdam.
EVENTS = [
    (dt.datetime(2026, 11, 1, 9, 0, tzinfo=UTC), REGISSEUR, "toegang", "inloggen", None),
    (dt.datetime(2026, 11, 15, 12, 0, tzinfo=UTC), REGISSEUR, "inzage", "namen_bekeken", "G-00012"),
    (dt.datetime(2026, 11, 30, 23, 30, tzinfo=UTC), REGISSEUR, "export", "rapport_export", "G-00012"),
    (dt.datetime(2026, 12, 2, 8, 0, tzinfo=UTC), BEHEER, "wijziging", "rechten_gewijzigd", None),
    (dt.datetime(2026, 12, 2, 9, 0, tzinfo=UTC), BEHEER, "inzage", "namen_bekeken", "G-00001"),
]


@pytest.fixture
def trail(engine):
    for moment, user, categorie, actie, groep in EVENTS:
        entry = entry_for(
            user,
            categorie,
            actie,
            object_type="groep",
            object_id=groep or "-",
            groep_id=groep,
            reden="=cmd|x",
        )
        with engine.begin() as connection:
            append_audit(connection, [entry], now=moment)
    return engine


@pytest.mark.parametrize(
    ("zoek", "expected"),
    [
        (AuditFilter(), [5, 4, 3, 2, 1]),
        (AuditFilter(van=dt.date(2026, 11, 1), tot=dt.date(2026, 11, 30)), [2, 1]),
        (AuditFilter(van=dt.date(2026, 12, 1)), [5, 4, 3]),
        (AuditFilter(gebruiker_id="beheerder"), [5, 4]),
        (AuditFilter(categorie="inzage"), [5, 2]),
        (AuditFilter(actie="namen_bekeken", groep_id="G-00012"), [2]),
        (AuditFilter(limiet=2), [5, 4]),
        (AuditFilter(limiet=2, vanaf=2), [3, 2]),
        (AuditFilter(groep_id="G-99999"), []),
    ],
    ids=[
        "alles",
        "november",
        "dag-grens-amsterdam",
        "gebruiker",
        "categorie",
        "actie-groep",
        "pagina-1",
        "pagina-2",
        "leeg",
    ],
)
def test_search_filters_and_orders_newest_first(trail, zoek: AuditFilter, expected: list[int]) -> None:
    frame = search_audit(trail, zoek)
    assert frame["id"].to_list() == expected
    assert count_audit(trail, zoek.model_copy(update={"limiet": 100, "vanaf": 0})) >= len(expected)


def test_times_are_shown_in_dutch_time(trail) -> None:
    row = search_audit(trail, AuditFilter(actie="rapport_export")).row(0, named=True)
    assert row["tijdstip"].strftime("%d-%m-%Y %H:%M") == "01-12-2026 00:30"


def test_a_reversed_period_is_refused_in_dutch() -> None:
    with pytest.raises(ValidationError, match="'van' \\(02-12-2026\\) ligt na 'tot'"):
        AuditFilter(van=dt.date(2026, 12, 2), tot=dt.date(2026, 12, 1))


def test_the_csv_export_is_neutralised_complete_and_itself_audited(trail) -> None:
    export = export_audit(trail, BEHEER, AuditFilter(categorie="inzage", limiet=1), "csv")
    frame = pl.read_csv(io.BytesIO(export.inhoud), separator=";", infer_schema=False)
    assert export.aantal == 2, "the export ignores paging"
    assert frame["Nummer"].to_list() == ["5", "2"]
    assert frame["Reden"].to_list() == ["'=cmd|x", "'=cmd|x"]
    logged = search_audit(trail, AuditFilter(actie="auditlog_export")).row(0, named=True)
    assert (logged["gebruiker_id"], logged["categorie"], logged["object_id"]) == (
        "beheerder",
        "export",
        "csv",
    )
    assert '"aantal": 2' in logged["details"]
    assert '"categorie": "inzage"' in logged["details"]
    assert verify_chain(trail).ok


def test_the_xlsx_export_opens_in_a_spreadsheet(trail) -> None:
    export = export_audit(trail, REGISSEUR, AuditFilter(), "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(export.inhoud)).active
    assert sheet.cell(1, 1).value == "Nummer"
    assert sheet.max_row == 1 + 5
    assert export.bestandsnaam.endswith(".xlsx")


def test_the_export_command_writes_a_period_and_records_it(trail, db_url: str, tmp_path) -> None:
    out = tmp_path / "audit.csv"
    assert (
        main(
            [
                "--database-url",
                db_url,
                "audit",
                "export",
                "--van",
                "2026-11-01",
                "--tot",
                "2026-11-30",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    frame = pl.read_csv(out, separator=";", infer_schema=False)
    assert frame["Nummer"].to_list() == ["2", "1"]
    logged = search_audit(trail, AuditFilter(actie="auditlog_export")).row(0, named=True)
    assert (logged["gebruiker_id"], logged["rol"]) == ("systeem", "systeem")


def test_the_export_command_refuses_a_reversed_period(db_url: str, tmp_path, capsys) -> None:
    args = ["--database-url", db_url, "audit", "export", "--van", "2026-12-02", "--tot", "2026-12-01"]
    assert main([*args, "--out", str(tmp_path / "x.csv")]) == 1
    assert "ligt na 'tot'" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
