"""Imports against the database (SQLite and PostgreSQL): preview, all or nothing, idempotence, audit."""

from __future__ import annotations

import datetime as dt
import io

import polars as pl
import pytest
import xlsxwriter
from sqlalchemy import func, select

from dashboard.access import Scope
from dashboard.audit import data_version, verify_chain
from dashboard.imports import Actor, import_file, preview_file, report_csv, report_xlsx
from dashboard.storage.queries import read_frame
from dashboard.storage.schema import metadata

T = metadata.tables
# A Dutch police export: Windows-1252, ';', dd-mm-jjjj, decimal commas, Dutch header names, an extra
# column, an empty row, whitespace; one changed, one unchanged and two new registrations.
REGISTRATIES = (
    "Registratienummer;Pleegdatum;Delictcategorie;Gemeente;Breedtegraad;Lengtegraad;Persoon ID;Rol;"
    "Opmerking\n"
    "PL0900-2023-0013445;01-12-2023;mishandeling;GM0344;52,07094;5,11245;P-0002811;slachtoffer;café\n"
    "PL0900-2023-0013457;01-12-2023;vernieling;GM0344;52,08125;5,19867;P-0000821;slachtoffer;\n"
    ";;;;;;;;\n"
    " PL0900-2099-0000001 ;15-01-2026;vernieling;344;52,1;5,1;P-0000001;verdachte;\n"
    "PL0900-2099-0000001;15-01-2026;vernieling;344;52,1;5,1;P-0000002;getuige;\n"
    "PL0900-2099-0000002;2026-01-16;mishandeling;GM0344;52,2;5,2;;;\n"
)
BAD = (
    "registratienummer;datum;categorie_code;gemeente_code;lat;lon;persoon_id;rol\n"
    "PL0900-2099-0000003;31-02-2026;vernieling;GM0344;52;5;P-0000001;verdachte\n"
    "PL0900-2099-0000004;01-02-2026;onbekend;GM9999;52;5;P-XXXX;verdachte\n"
    "PL0900-2099-0000005;01-02-2026;vernieling;GM0344;52;5;=HYPERLINK(1);verdachte\n"
    "PL0900-2099-0000005;01-02-2026;vernieling;GM0344;52;5;=HYPERLINK(1);verdachte\n"
)


MELDING = "melding_id;datum;gemeente_code;lat;lon"
GROEP = "groep_id;werknaam;gemeente_code;basisteam_code;stap;beoordeling_2a;eerste_signaal"
TUNNEL = "G-00001;Groep Tunnel;GM0344;MNL-UTR-C;4;problematisch;30-03-2026"


def _lines(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _count(engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(T[table])).scalar_one())


def test_a_messy_export_is_previewed_then_written_once(loaded, system, dump) -> None:
    content = REGISTRATIES.encode("cp1252")
    preview = preview_file(loaded, content, "registraties", "export.csv", system)
    assert preview.ok, preview.fouten.to_dicts()
    assert preview.counts == {"nieuw": 2, "gewijzigd": 1, "ongewijzigd": 1, "afgewezen": 0}
    assert any("Windows-1252" in note for note in preview.notities)
    assert "Genegeerde kolommen: Opmerking." in preview.notities
    before = (_count(loaded, "registratie"), _count(loaded, "betrokkene"), data_version(loaded))

    result = import_file(loaded, content, "registraties", "export.csv", system)

    assert result.geschreven
    # PL...13457 had two persons and now has one: its persons are replaced by the file's.
    assert _count(loaded, "registratie") == before[0] + 2
    assert _count(loaded, "betrokkene") == before[1] + 2 - 1
    assert data_version(loaded) == before[2] + 1
    registrations = read_frame(
        loaded, select(T["registratie"]).where(T["registratie"].c.registratienummer.like("PL0900-2099-%"))
    )
    assert registrations.sort("registratienummer").select("datum", "gemeente_code", "lat").rows() == [
        (dt.date(2026, 1, 15), "GM0344", 52.1),
        (dt.date(2026, 1, 16), "GM0344", 52.2),
    ]
    audit = T["auditlog"]
    columns = (audit.c.categorie, audit.c.object_type, audit.c.gebruiker_id, audit.c.details)
    log = read_frame(loaded, select(*columns).where(audit.c.actie == "import"))
    assert log.select("categorie", "object_type", "gebruiker_id").rows() == [
        ("wijziging", "registraties", "systeem")
    ]
    assert '"nieuw": 2' in log["details"][0]
    assert verify_chain(loaded).ok

    snapshot = dump(loaded)
    again = import_file(loaded, content, "registraties", "export.csv", system)
    assert not again.geschreven
    assert again.preview.counts == {"nieuw": 0, "gewijzigd": 0, "ongewijzigd": 4, "afgewezen": 0}
    assert dump(loaded) == snapshot, "dezelfde import opnieuw verandert niets"


def test_a_rejected_import_leaves_the_database_unchanged_and_explains_why(loaded, system, dump) -> None:
    snapshot = dump(loaded)
    result = import_file(loaded, BAD.encode(), "registraties", "fout.csv", system)
    assert not result.geschreven
    assert dump(loaded) == snapshot
    preview = result.preview
    assert preview.counts["afgewezen"] == 4
    messages = {(row["rij"], row["kolom"]): row["melding"] for row in preview.fouten.iter_rows(named=True)}
    assert messages[(2, "datum")].startswith("'31-02-2026' is geen geldige datum")
    assert messages[(3, "categorie_code")] == "'onbekend' is een onbekende delictcategorie"
    assert messages[(3, "gemeente_code")] == "'GM9999' is een onbekende gemeentecode"
    assert messages[(3, "persoon_id")] == "'P-XXXX' is een onbekende persoon (persoon_id)"
    assert messages[(4, "persoon_id")].startswith("'=HYPERLINK(1)' heeft niet de juiste vorm")
    assert messages[(5, "registratienummer")].startswith("dubbel")
    csv = report_csv(preview).decode("utf-8-sig")
    assert csv.splitlines()[0] == "Rij;Kolom;Waarde;Wat is er mis"
    assert ";'=HYPERLINK(1);" in csv, "formules worden geneutraliseerd"
    assert report_xlsx(preview).startswith(b"PK")


def test_a_dry_run_and_a_preview_write_nothing(loaded, system, dump) -> None:
    snapshot = dump(loaded)
    result = import_file(loaded, REGISTRATIES.encode(), "registraties", "x.csv", system, dry_run=True)
    assert result.preview.counts["nieuw"] == 2
    assert not result.geschreven
    preview_file(loaded, REGISTRATIES.encode(), "registraties", "x.csv", system)
    assert dump(loaded) == snapshot


def test_rows_outside_the_users_area_are_rejected(loaded, dump) -> None:
    actor = Actor(
        "specialist",
        "politie_specialist",
        Scope(type="gemeente", codes=frozenset({"GM0307"})),
        "gemeente Amersfoort",
    )
    content = _lines(
        MELDING, "M-X1;01-01-2026;GM0307;52,15;5,38", "M-X2;01-01-2026;GM0344;52,09;5,12"
    ).encode()
    snapshot = dump(loaded)
    result = import_file(loaded, content, "meldingen", "m.csv", actor)
    assert not result.geschreven
    assert dump(loaded) == snapshot
    assert result.preview.fouten.select("rij", "kolom", "melding").rows() == [
        (
            3,
            "gemeente_code",
            (
                "gemeente 'GM0344' valt buiten uw gebied (gemeente Amersfoort); "
                "u kunt alleen gegevens in uw eigen gebied importeren"
            ),
        )
    ]


@pytest.mark.parametrize(
    ("kind", "content", "counts"),
    [
        pytest.param(
            "meldingen",
            _lines(
                MELDING, "M-0000001;01-12-2023;GM0312;52,08321;5,20051", "M-NIEUW;02-01-2026;GM0344;52,1;5,1"
            ),
            {"nieuw": 1, "gewijzigd": 0, "ongewijzigd": 1, "afgewezen": 0},
            id="meldingen",
        ),
        pytest.param(
            "leden",
            _lines(
                "persoon_id,groep_id,rol,van,tot,bron",
                "P-0000038,G-00005,kern,30-06-2026,,groepsscan",
                "P-0000050,G-00005,aanhang,25-01-2026,,wijkagent",
                "P-0000001,G-00005,meeloper,01-01-2026,,wijkagent",
            ),
            {"nieuw": 1, "gewijzigd": 1, "ongewijzigd": 1, "afgewezen": 0},
            id="leden",
        ),
        pytest.param(
            "groepen",
            _lines(GROEP, TUNNEL, "G-NIEUW;Groep Nieuw;GM0344;MNL-UTR-C;1;nog_niet_beoordeeld;01-01-2026"),
            {"nieuw": 1, "gewijzigd": 1, "ongewijzigd": 0, "afgewezen": 0},
            id="groepen",
        ),
    ],
)
def test_every_kind_upserts_and_is_idempotent(loaded, system, dump, kind, content, counts) -> None:
    result = import_file(loaded, content.encode(), kind, f"{kind}.csv", system)
    assert result.preview.counts == counts, result.preview.fouten.to_dicts()
    assert result.geschreven
    snapshot = dump(loaded)
    again = import_file(loaded, content.encode(), kind, f"{kind}.csv", system)
    assert not again.geschreven
    assert again.preview.counts["ongewijzigd"] == sum(counts.values())
    assert dump(loaded) == snapshot


def test_an_imported_group_keeps_its_other_columns_and_raises_its_version(loaded, system) -> None:
    content = _lines(GROEP, TUNNEL)
    import_file(loaded, content.encode(), "groepen", "g.csv", system)
    group = read_frame(loaded, select(T["groep"]).where(T["groep"].c.groep_id == "G-00001")).row(
        0, named=True
    )
    assert (group["werknaam"], group["wijk"], group["online_platforms"], group["versie"]) == (
        "Groep Tunnel",
        "Zuid",
        "WhatsApp",
        2,
    )


def test_a_group_step_is_not_changed_by_an_import(loaded, system, dump) -> None:
    content = _lines(
        GROEP, "G-00001;Groep Voetgangerstunnel Kerkstraat;GM0344;MNL-UTR-C;6;problematisch;30-03-2026"
    )
    snapshot = dump(loaded)
    result = import_file(loaded, content.encode(), "groepen", "g.csv", system)
    assert dump(loaded) == snapshot
    assert result.preview.fouten["melding"].to_list() == [
        "'6' wijkt af van de huidige stap 4; wijzig de stap in de app, met een reden"
    ]


def test_unknown_groups_and_persons_in_memberships_are_rejected(loaded, system) -> None:
    content = _lines(
        "persoon_id;groep_id;rol;van;bron",
        "P-ONBEKEND;G-00005;kern;01-01-2026;wijkagent",
        "P-0000001;G-ONBEKEND;kern;01-01-2026;wijkagent",
    )
    preview = preview_file(loaded, content.encode(), "leden", "l.csv", system)
    assert preview.fouten.select("rij", "kolom").rows() == [(2, "persoon_id"), (3, "groep_id")]
    assert isinstance(preview.fouten, pl.DataFrame)


def _xlsx_meldingen() -> bytes:
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as workbook:
        sheet = workbook.add_worksheet()
        sheet.write_row(0, 0, ["Melding ID", "Meldingsdatum", "Gemeente", "Latitude", "Longitude"])
        sheet.write_string(1, 0, "M-XLSX-1")
        day = dt.datetime(2026, 2, 1)  # noqa: DTZ001  (Excel cells have no time zone)
        sheet.write_datetime(1, 1, day, workbook.add_format({"num_format": "dd-mm-yyyy"}))
        sheet.write_number(1, 2, 344)
        sheet.write_number(1, 3, 52.09)
        sheet.write_number(1, 4, 5.12)
    return buffer.getvalue()


def test_an_excel_export_with_real_dates_and_numbers_is_imported(loaded, system) -> None:
    result = import_file(loaded, _xlsx_meldingen(), "meldingen", "export.xlsx", system)
    assert result.geschreven, result.preview.fouten.to_dicts()
    melding = T["melding"]
    stored = read_frame(loaded, select(melding).where(melding.c.melding_id == "M-XLSX-1"))
    assert stored.drop("melding_id").row(0) == (dt.date(2026, 2, 1), "GM0344", 52.09, 5.12)
