"""Exports: CSV and XLSX as Dutch Excel expects them, with formula injection neutralised."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from dashboard.exports import RANKING_COLUMNS, neutralise, ranking_table, to_csv_bytes, to_xlsx_bytes

INJECTIONS = [
    pytest.param("=1+1", "'=1+1", id="is-gelijk"),
    pytest.param("+x", "'+x", id="plus"),
    pytest.param("-x", "'-x", id="min"),
    pytest.param("@x", "'@x", id="apenstaart"),
    pytest.param("\t=x", "'\t=x", id="tab"),
    pytest.param("\r=x", "'\r=x", id="carriage-return"),
    pytest.param("Groep =Plein", "Groep =Plein", id="niet-aan-het-begin"),
    pytest.param("Groep Plein", "Groep Plein", id="gewone-tekst"),
    pytest.param("", "", id="leeg"),
]


def _frame(text: str = "Groep Plein") -> pl.DataFrame:
    return pl.DataFrame(
        {
            "Groep": [text, "Groep Park"],
            "Score": [12.5, -3.25],
            "Aantal": [-7, 1_234],
            "Scan": [dt.date(2026, 11, 30), None],
        }
    )


@pytest.mark.parametrize(("value", "expected"), INJECTIONS)
def test_text_cells_that_start_like_a_formula_get_a_quote(value: str, expected: str) -> None:
    assert neutralise(_frame(value))["Groep"][0] == expected


def test_numbers_and_dates_are_never_touched() -> None:
    frame = _frame("=1+1")
    assert_frame_equal(neutralise(frame).drop("Groep"), frame.drop("Groep"))


def test_csv_has_a_bom_semicolons_decimal_commas_and_dutch_dates() -> None:
    data = to_csv_bytes(_frame())
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Groep;Score;Aantal;Scan"
    assert lines[1] == "Groep Plein;12,5;-7;30-11-2026"


@pytest.mark.parametrize(("value", "expected"), INJECTIONS)
def test_csv_parses_back_with_semicolons_and_decimal_commas(value: str, expected: str) -> None:
    back = pl.read_csv(io.BytesIO(to_csv_bytes(_frame(value))), separator=";", decimal_comma=True)
    assert back["Score"].to_list() == [12.5, -3.25]
    assert back["Aantal"].to_list() == [-7, 1_234]
    assert back["Groep"].fill_null("")[0] == expected


@pytest.mark.parametrize(("value", "expected"), INJECTIONS)
def test_xlsx_opens_with_the_same_cells_text_as_text(value: str, expected: str) -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(_frame(value), "Prioritering")))
    sheet = workbook["Prioritering"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Groep", "Score", "Aantal", "Scan")
    # xlsxwriter stores a carriage return as the OOXML escape _x000D_ (Excel shows it as one); openpyxl
    # does not unescape it.
    assert (rows[1][0] or "").replace("_x000D_", "\r") == expected
    assert sheet.cell(2, 1).data_type == "s" or not expected, "tekst, nooit een formule"
    assert rows[1][1:3] == (12.5, -7)
    assert rows[2][1:] == (-3.25, 1_234, None)
    assert rows[1][3] == dt.datetime(2026, 11, 30)  # noqa: DTZ001  (Excel dates carry no time zone)


def test_xlsx_header_is_bold_and_columns_are_wide_enough() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(_frame(), "Prioritering")))["Prioritering"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["A"].width >= len("Groep Plein")
    assert sheet.freeze_panes == "A2"


def test_a_long_sheet_name_is_cut_to_excels_limit() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(_frame(), "P" * 40)))
    assert workbook.sheetnames == ["P" * 31]


def _groups() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "werknaam": ['=HYPERLINK("http://x")', "Groep Park"],
            "gemeente_code": ["GM0344", "GM0307"],
            "gemeente_naam": ["Utrecht", None],
            "basisteam_code": ["MNL-UTR-N", "ONBEKEND"],
            "stap": ["6", "2A"],
            "band": ["hoog", "onvoldoende gegevens"],
            "prioriteit": [71.26, None],
            "ernst": [80.04, None],
            "risico": [60.0, None],
            "ontwikkeling": [40.0, None],
            "impact": [55.55, 20.0],
            "trend": [4.4, None],
            "leden": [14, 0],
            "type": ["crimineel", None],
            "scan_datum": [dt.date(2026, 11, 2), None],
        }
    )


def test_ranking_table_has_dutch_columns_in_order() -> None:
    table = ranking_table(_groups(), {"MNL-UTR-N": "Utrecht-Noord", "GM0307": "Amersfoort"})
    assert tuple(table.columns) == RANKING_COLUMNS
    first, second = table.rows(named=True)
    assert first["Rang"] == 1
    assert second["Rang"] == 2
    assert first["Basisteam"] == "Utrecht-Noord"
    assert second["Basisteam"] == "ONBEKEND", "een onbekende code blijft zichtbaar"
    assert second["Gemeente"] == "Amersfoort", "de naam komt uit de gebiedsnamen als de groep er geen heeft"
    assert first["Stap"] == "6 Uitvoeren en monitoren"
    assert (first["Band"], second["Band"]) == ("▲ hoog", "? onvoldoende gegevens")
    assert (first["Prioriteit"], first["Ernst"], first["Impact"]) == (71.3, 80.0, 55.6)
    assert (first["Trend"], second["Trend"]) == ("↑ +4", "—")
    assert first["Scan"] == dt.date(2026, 11, 2)


def test_a_ranking_with_a_formula_for_a_name_is_exported_harmlessly() -> None:
    table = ranking_table(_groups(), {})
    back = pl.read_csv(io.BytesIO(to_csv_bytes(table)), separator=";", decimal_comma=True)
    assert back["Groep"][0] == '\'=HYPERLINK("http://x")'
    assert back["Prioriteit"].to_list() == [71.3, None]
