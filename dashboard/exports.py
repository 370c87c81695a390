"""Table exports for Dutch spreadsheet users: CSV and XLSX, safe against formula injection.

CSV as Dutch Excel reads it: UTF-8 with a byte-order mark, ';' between fields, a decimal comma and
dd-mm-jjjj dates. Every text cell that a spreadsheet could read as a formula (starting with =, +, -, @,
a tab or a carriage return) gets a leading single quote (OWASP, CSV injection).
"""

from __future__ import annotations

import io
from typing import Final

import polars as pl
import xlsxwriter  # type: ignore[import-untyped, unused-ignore]

from dashboard.domain import STAP_LABELS
from dashboard.presentation import band_label, format_trend

__all__ = [
    "FORMULA_STARTS",
    "RANKING_COLUMNS",
    "neutralise",
    "ranking_table",
    "to_csv_bytes",
    "to_xlsx_bytes",
]

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
RANKING_COLUMNS: Final = (
    "Rang",
    "Groep",
    "Gemeente",
    "Basisteam",
    "Stap",
    "Band",
    "Prioriteit",
    "Ernst",
    "Risico",
    "Ontwikkeling",
    "Impact",
    "Trend",
    "Leden",
    "Oud type",
    "Scan",
)
_DATE_FORMAT: Final = "%d-%m-%Y"
_MAX_WIDTH: Final = 50  # characters; longer text wraps in Excel's own way


def neutralise(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with a single quote before every text cell that starts like a formula."""
    dangerous = "^[" + "".join(FORMULA_STARTS).replace("-", r"\-") + "]"
    text = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(dangerous))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in text
    )


def to_csv_bytes(frame: pl.DataFrame) -> bytes:
    """CSV for Dutch Excel: UTF-8 with BOM, ';' separator, decimal comma, dd-mm-jjjj dates, neutralised."""
    text = neutralise(frame).write_csv(separator=";", decimal_comma=True, date_format=_DATE_FORMAT)
    return "\ufeff".encode() + text.encode()


def _width(frame: pl.DataFrame, name: str) -> int:
    """A column width in characters: the longest of the header and the values, within limits."""
    longest = frame.get_column(name).cast(pl.String).str.len_chars().max()
    values = longest if isinstance(longest, int) else 0
    return min(_MAX_WIDTH, max(len(name), values, 8) + 2)


def to_xlsx_bytes(frame: pl.DataFrame, sheet_name: str) -> bytes:
    """An XLSX workbook with one sheet: bold header row, fitted column widths, numbers as numbers.

    Text is written as text (never as a formula or link) and neutralised like the CSV.
    """
    safe = neutralise(frame)
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    with xlsxwriter.Workbook(buffer, options) as workbook:
        sheet = workbook.add_worksheet(sheet_name[:31])  # Excel's limit for sheet names
        bold = workbook.add_format({"bold": True})
        date = workbook.add_format({"num_format": "dd-mm-yyyy"})
        for col, (name, dtype) in enumerate(safe.schema.items()):
            sheet.write_string(0, col, name, bold)
            sheet.set_column(col, col, _width(safe, name), date if dtype == pl.Date else None)
            for row, value in enumerate(safe.get_column(name).to_list(), start=1):
                if value is None:
                    sheet.write_blank(row, col, None)
                elif dtype == pl.Date:
                    sheet.write_datetime(row, col, value, date)
                elif dtype.is_numeric():
                    sheet.write_number(row, col, value)
                else:
                    sheet.write_string(row, col, str(value))
        sheet.freeze_panes(1, 0)
    return buffer.getvalue()


def ranking_table(groups: pl.DataFrame, names: dict[str, str]) -> pl.DataFrame:
    """The ranked groups with Dutch column names (RANKING_COLUMNS), in the order given.

    groups: ScopeScores.groepen rows (highest priority first); names maps area codes to names.
    Scores are rounded to one decimal; band and trend carry their symbol or arrow.
    """
    scores = ("prioriteit", "ernst", "risico", "ontwikkeling", "impact")
    bands = pl.Series([band_label(band) for band in groups["band"]], dtype=pl.String)
    trends = pl.Series([format_trend(change) for change in groups["trend"]], dtype=pl.String)
    return groups.select(
        pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("Rang"),
        pl.col("werknaam").alias("Groep"),
        pl.coalesce("gemeente_naam", pl.col("gemeente_code").replace(names)).alias("Gemeente"),
        pl.col("basisteam_code").replace(names).alias("Basisteam"),
        pl.col("stap").replace(dict(STAP_LABELS)).alias("Stap"),
        pl.lit(bands).alias("Band"),
        *(pl.col(name).round(1).alias(name.capitalize()) for name in scores),
        pl.lit(trends).alias("Trend"),
        pl.col("leden").alias("Leden"),
        pl.col("type").alias("Oud type"),
        pl.col("scan_datum").alias("Scan"),
    )
