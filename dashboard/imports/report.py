"""The Dutch error report of a rejected import, as a table and as CSV or XLSX (neutralised)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.exports import to_csv_bytes, to_xlsx_bytes

if TYPE_CHECKING:
    import polars as pl

    from dashboard.imports.preview import ImportPreview

__all__ = ["REPORT_COLUMNS", "error_report", "report_csv", "report_lines", "report_xlsx"]

REPORT_COLUMNS = {"rij": "Rij", "kolom": "Kolom", "waarde": "Waarde", "melding": "Wat is er mis"}


def error_report(preview: ImportPreview) -> pl.DataFrame:
    """Every problem with Dutch column names: Rij, Kolom, Waarde, Wat is er mis."""
    return preview.fouten.rename(REPORT_COLUMNS)


def report_csv(preview: ImportPreview) -> bytes:
    """The error report as CSV for Dutch Excel (formula-like values neutralised)."""
    return to_csv_bytes(error_report(preview))


def report_xlsx(preview: ImportPreview) -> bytes:
    """The error report as an XLSX workbook (formula-like values neutralised)."""
    return to_xlsx_bytes(error_report(preview), "Afgewezen rijen")


def report_lines(preview: ImportPreview, limit: int = 50) -> list[str]:
    """The first problems as lines 'rij N, kolom K: 'waarde' — melding', and how many more."""
    lines = [
        f"rij {row['rij']}, kolom {row['kolom']}: {row['melding']}"
        for row in preview.fouten.head(limit).iter_rows(named=True)
    ]
    more = preview.fouten.height - limit
    if more > 0:
        lines.append(f"... en nog {more} fouten (zie het volledige foutenrapport)")
    return lines
