"""Reading messy exports: encodings, separators, BOM, headers, empty rows, whitespace and XLSX."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import xlsxwriter

from dashboard.imports import KINDS, ImportFileError
from dashboard.imports.reading import ROW, read_export

MELDINGEN = KINDS["meldingen"]
HEADER = "melding_id;datum;gemeente_code;lat;lon"
ROW_TEXT = "M-Café;31-03-2025;GM0344;52,09;5,12"


@pytest.mark.parametrize(
    ("content", "note"),
    [
        pytest.param(f"{HEADER}\n{ROW_TEXT}\n".encode(), "UTF-8, scheidingsteken puntkomma", id="utf8"),
        pytest.param(b"\xef\xbb\xbf" + f"{HEADER}\n{ROW_TEXT}\n".encode(), "UTF-8 met BOM", id="utf8-bom"),
        pytest.param(f"{HEADER}\r\n{ROW_TEXT}\r\n".encode("cp1252"), "Windows-1252", id="cp1252-crlf"),
        pytest.param(
            'melding_id,datum,gemeente_code,lat,lon\nM-Café,31-03-2025,GM0344,"52,09","5,12"\n'.encode(),
            "scheidingsteken komma",
            id="comma-quoted-decimal-comma",
        ),
        pytest.param(
            f"{HEADER}\n{ROW_TEXT}\n".replace(";", "\t").encode("cp1252"), "scheidingsteken tab", id="tab"
        ),
    ],
)
def test_encodings_and_separators_read_the_same_cells(content: bytes, note: str) -> None:
    raw = read_export(content, MELDINGEN)
    assert raw.frame.drop(ROW).row(0) == ("M-Café", "31-03-2025", "GM0344", "52,09", "5,12")
    assert any(note in line for line in raw.notities), raw.notities


def test_headers_match_aliases_case_and_spaces_and_extra_columns_are_noted() -> None:
    content = "  Melding Nummer ;DATUM;Gemeente;Breedte-graad;LengteGraad;Opmerking\nM1;1-1-2025;344;52;5;x\n"
    raw = read_export(content.encode(), MELDINGEN)
    assert raw.frame.columns == [ROW, "melding_id", "datum", "gemeente_code", "lat", "lon"]
    assert "Genegeerde kolommen: Opmerking." in raw.notities


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"", "leeg", id="empty"),
        pytest.param(
            b"melding_id;datum\nM1;01-01-2025\n", "ontbreken: gemeente_code, lat, lon", id="missing"
        ),
        pytest.param(
            f"{HEADER};meldingnummer\nM1;01-01-2025;GM0344;52;5;M2\n".encode(),
            "allebei melding_id",
            id="twice",
        ),
        pytest.param(f"{HEADER}\n;;;;\n\n".encode(), "geen gegevens", id="only-empty-rows"),
        pytest.param(b"PK\x03\x04kapot", "Excel-bestand niet lezen", id="broken-xlsx"),
    ],
)
def test_unreadable_files_get_a_dutch_reason(content: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        read_export(content, MELDINGEN)


def test_empty_rows_are_skipped_but_row_numbers_stay_as_in_the_spreadsheet() -> None:
    content = f"{HEADER}\n\n;;;;\n  M1 ; 01-01-2025 ;GM0344; 52 ;5\n\n".encode()
    raw = read_export(content, MELDINGEN)
    assert raw.frame.to_dicts() == [
        {
            ROW: 4,
            "melding_id": "M1",
            "datum": "01-01-2025",
            "gemeente_code": "GM0344",
            "lat": "52",
            "lon": "5",
        }
    ]
    assert "3 lege rij(en) overgeslagen." in raw.notities


def test_blank_cells_become_empty() -> None:
    raw = read_export(f'{HEADER}\nM1;"  ";GM0344;52;5\n'.encode(), MELDINGEN)
    assert raw.frame["datum"].to_list() == [None]


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as workbook:
        sheet = workbook.add_worksheet("Export")
        sheet.write_row(0, 0, ["Melding ID", "Datum", "Gemeente", "lat", "lon", "Extra"])
        sheet.write_string(1, 0, "M-0001")
        day = dt.datetime(2025, 3, 31)  # noqa: DTZ001  (Excel cells have no time zone)
        sheet.write_datetime(1, 1, day, workbook.add_format({"num_format": "dd-mm-yyyy"}))
        sheet.write_number(1, 2, 344)
        sheet.write_number(1, 3, 52.09)
        sheet.write_string(1, 4, "5,12")
        sheet.write_row(3, 0, ["M-0002", "01-04-2025", "GM0344", "52,1", "5,2"])
    return buffer.getvalue()


def test_xlsx_cells_are_read_as_text_with_row_numbers() -> None:
    raw = read_export(_xlsx(), MELDINGEN)
    assert raw.frame.to_dicts() == [
        {
            ROW: 2,
            "melding_id": "M-0001",
            "datum": "2025-03-31 00:00:00",
            "gemeente_code": "344",
            "lat": "52.09",
            "lon": "5,12",
        },
        {
            ROW: 4,
            "melding_id": "M-0002",
            "datum": "01-04-2025",
            "gemeente_code": "GM0344",
            "lat": "52,1",
            "lon": "5,2",
        },
    ]
    assert "Gelezen als Excel-werkmap (eerste tabblad)." in raw.notities
