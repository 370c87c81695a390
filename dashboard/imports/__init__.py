"""Imports from police and municipal systems: messy CSV/XLSX exports, a preview, then all or nothing."""

from dashboard.imports.kinds import KINDS, ImportKind, Kind, Kolom
from dashboard.imports.preview import STATUSES, ImportPreview
from dashboard.imports.reading import ImportFileError
from dashboard.imports.report import error_report, report_csv, report_xlsx
from dashboard.imports.write import Actor, ImportResult, import_file, preview_file

__all__ = [
    "KINDS",
    "STATUSES",
    "Actor",
    "ImportFileError",
    "ImportKind",
    "ImportPreview",
    "ImportResult",
    "Kind",
    "Kolom",
    "error_report",
    "import_file",
    "preview_file",
    "report_csv",
    "report_xlsx",
]
