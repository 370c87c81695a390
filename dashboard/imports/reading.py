"""Reading an export as it comes: CSV (';' or ',', UTF-8 or Windows-1252, BOM or not) or XLSX.

Every cell stays text (leading zeros survive), trimmed, with empty cells as null. Each row keeps its
row number as a spreadsheet shows it (the header is row 1), also after empty rows are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from dashboard.imports.kinds import ImportKind, normalise_name

__all__ = ["ROW", "ImportFileError", "RawFile", "read_export"]

ROW = "__rij"  # the spreadsheet row number of each data row
XLSX_MAGIC = b"PK\x03\x04"  # XLSX is a zip archive
SEPARATORS = (";", ",", "\t")
PADDING = (" ", "\t", "\u00a0")  # spaces, tabs and Excel's non-breaking spaces around values


class ImportFileError(ValueError):
    """The file cannot be read as an export of this kind; the message says why, in Dutch."""


@dataclass
class RawFile:
    """An export read as text columns named as in the database, with notes on how it was read."""

    frame: pl.DataFrame
    aanwezig: frozenset[str]
    notities: list[str] = field(default_factory=list)


def _sniff(content: bytes) -> str:
    """The separator used most often in the header line."""
    header = content[:65_536].split(b"\n", 1)[0].decode("cp1252", errors="replace")
    return max(SEPARATORS, key=header.count)


def _parse_csv(content: bytes, separator: str) -> pl.DataFrame:
    return pl.read_csv(content, separator=separator, infer_schema=False, truncate_ragged_lines=True)


def _read_csv(content: bytes) -> tuple[pl.DataFrame, list[str]]:
    """Read as UTF-8 (polars checks it and skips a BOM); when that fails, as Windows-1252."""
    bom = content.startswith(b"\xef\xbb\xbf")
    if not content[3 if bom else 0 :].strip():
        msg = "het bestand is leeg"
        raise ImportFileError(msg)
    separator = _sniff(content[3:] if bom else content)
    encoding = "UTF-8 met BOM" if bom else "UTF-8"
    try:
        try:
            frame = _parse_csv(content, separator)
        except pl.exceptions.ComputeError as error:
            if "utf-8" not in str(error).lower():
                raise
            encoding = "Windows-1252"
            frame = _parse_csv(content.decode("cp1252", errors="replace").encode(), separator)
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        msg = f"kan het bestand niet lezen als CSV: {first_line}"
        raise ImportFileError(msg) from error
    shown = {";": "puntkomma", ",": "komma", "\t": "tab"}[separator]
    return frame, [f"Gelezen als CSV: {encoding}, scheidingsteken {shown}."]


def _read_xlsx(content: bytes) -> tuple[pl.DataFrame, list[str]]:
    try:
        frame = pl.read_excel(content, infer_schema_length=0, drop_empty_rows=False)
    except ImportError as error:  # fastexcel is a run-time dependency; say so instead of failing oddly
        msg = "Excel-bestanden lezen kan op deze installatie niet (fastexcel ontbreekt); sla het op als CSV"
        raise ImportFileError(msg) from error
    except Exception as error:  # fastexcel raises its own types for damaged workbooks
        msg = f"kan het Excel-bestand niet lezen ({type(error).__name__}); sla het opnieuw op als .xlsx"
        raise ImportFileError(msg) from error
    return frame, ["Gelezen als Excel-werkmap (eerste tabblad)."]


def _rename(frame: pl.DataFrame, kind: ImportKind) -> tuple[pl.DataFrame, list[str]]:
    """Map headers and aliases to database names; drop extra columns (noted); refuse missing ones."""
    lookup = {normalise_name(a): k.naam for k in kind.kolommen for a in (k.naam, *k.aliassen)}
    mapping: dict[str, str] = {}
    extra: list[str] = []
    for column in frame.columns:
        target = lookup.get(normalise_name(column))
        if target is None:
            extra.append(column.strip())
        elif target in mapping.values():
            first = next(source for source, name in mapping.items() if name == target)
            msg = f"de kolommen '{first}' en '{column}' betekenen allebei {target}; laat er één staan"
            raise ImportFileError(msg)
        else:
            mapping[column] = target
    missing = [name for name in kind.verplicht if name not in mapping.values()]
    if missing:
        expected = ", ".join(kind.verplicht)
        msg = f"verplichte kolom(men) ontbreken: {', '.join(missing)} (verplicht: {expected})"
        raise ImportFileError(msg)
    notes = [f"Genegeerde kolommen: {', '.join(extra)}."] if extra else []
    return frame.select(pl.col(source).alias(target) for source, target in mapping.items()), notes


def _padded(name: str) -> pl.Expr:
    """Whether any cell of the column is empty or starts or ends with whitespace (cheap checks)."""
    text = pl.col(name)
    checks = [check(space) for space in PADDING for check in (text.str.starts_with, text.str.ends_with)]
    return pl.any_horizontal(*checks, text.str.len_bytes() == 0).any()


def _trimmed(name: str) -> pl.Expr:
    """The column without surrounding whitespace; empty cells as null."""
    text = pl.col(name).str.strip_chars()
    return pl.when(text.str.len_bytes() > 0).then(text).alias(name)


def read_export(content: bytes, kind: ImportKind) -> RawFile:
    """Read an export: trimmed text cells, empty rows dropped (noted), row numbers kept in ROW."""
    frame, notes = (_read_xlsx if content.startswith(XLSX_MAGIC) else _read_csv)(content)
    frame, more = _rename(frame, kind)
    present = frozenset(frame.columns)
    padded = frame.select(_padded(name) for name in frame.columns).row(0) if frame.height else ()
    frame = frame.select(
        pl.int_range(2, pl.len() + 2, dtype=pl.Int64).alias(ROW),
        *(_trimmed(name) if pad else pl.col(name) for name, pad in zip(frame.columns, padded, strict=False)),
    )
    for kolom in kind.kolommen:
        if kolom.naam not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(kolom.naam))
    empty = pl.all_horizontal(pl.col(k.naam).is_null() for k in kind.kolommen)
    skipped = frame.filter(empty).height
    frame = frame.filter(~empty)
    if skipped:
        more.append(f"{skipped} lege rij(en) overgeslagen.")
    if frame.is_empty():
        msg = "het bestand bevat geen gegevens onder de kopregel"
        raise ImportFileError(msg)
    return RawFile(frame, present, notes + more)
