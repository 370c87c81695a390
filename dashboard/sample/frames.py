"""Turning generated columns into frames of the import format and writing them as CSV files."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from dashboard.loading.files import IMPORT_FILES, ImportFile

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["Columns", "build_frame", "new_columns", "sort_frame", "write_sample"]

Columns = dict[str, list[str | None]]
"""Generated rows as text columns, keyed by the model's field names."""

_FILES = {spec.bestand: spec for spec in IMPORT_FILES}


def new_columns(bestand: str) -> Columns:
    """Empty columns for one file of the import format, in model field order."""
    return {name: [] for name in _FILES[bestand].model.model_fields}


def _integer_keys(spec: ImportFile) -> set[str]:
    """The key columns holding whole numbers, which sort by value rather than as text."""
    return {name for name in spec.sleutel if spec.model.model_fields[name].annotation is int}


def sort_frame(frame: pl.DataFrame, bestand: str) -> pl.DataFrame:
    """The frame sorted by the file's key (text order, whole numbers by value)."""
    spec = _FILES[bestand]
    numeric = _integer_keys(spec)
    keys = [pl.col(name).cast(pl.Int64) if name in numeric else pl.col(name) for name in spec.sleutel]
    return frame.sort(keys, maintain_order=True)


def build_frame(bestand: str, columns: Columns) -> pl.DataFrame:
    """A frame of text columns in model field order, empty texts as missing, sorted by key."""
    names = list(_FILES[bestand].model.model_fields)
    if list(columns) != names:
        msg = f"{bestand}: kolommen {list(columns)} wijken af van {names}"
        raise ValueError(msg)
    frame = pl.DataFrame(columns, schema=dict.fromkeys(names, pl.String))
    return sort_frame(_blank_to_null(frame), bestand)


def _blank_to_null(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with empty texts as missing values, so both are written as an empty cell."""
    return frame.with_columns(
        pl.when(pl.col(name) != "").then(pl.col(name)).alias(name) for name in frame.columns
    )


def write_sample(frames: dict[str, pl.DataFrame], out_dir: Path) -> None:
    """Writes each frame as UTF-8 CSV: comma, newline line ends, header, key order, missing as empty."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for bestand, frame in frames.items():
        text = sort_frame(_blank_to_null(frame), bestand).write_csv(
            separator=",", line_terminator="\n", null_value=""
        )
        (out_dir / bestand).write_bytes(text.encode("utf-8"))
