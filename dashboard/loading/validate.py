"""Validation of a whole import: columns, every value (pydantic), unique keys and references."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

import polars as pl
from pydantic import TypeAdapter, ValidationError

from dashboard.loading.issues import LoadIssue, describe_error

if TYPE_CHECKING:
    from pydantic import BaseModel

    from dashboard.loading.files import ImportFile

__all__ = [
    "adapter_for",
    "check_columns",
    "check_references",
    "check_unique_keys",
    "fill_defaults",
    "validate_rows",
]

HEADER_LINES = 1
ROW = "__regel"


@cache
def adapter_for(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    """The (cached) validator of a list of records of one model."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def check_columns(spec: ImportFile, frame: pl.DataFrame) -> list[LoadIssue]:
    """Report missing and unknown columns of one file."""
    expected = list(spec.model.model_fields)
    required = [name for name, field in spec.model.model_fields.items() if field.is_required()]
    missing = [name for name in required if name not in frame.columns]
    unknown = [name for name in frame.columns if name not in expected]
    issues = [
        LoadIssue(bestand=spec.bestand, regel=1, kolom=name, melding="kolom ontbreekt") for name in missing
    ]
    issues += [
        LoadIssue(
            bestand=spec.bestand,
            regel=1,
            kolom=name,
            melding=f"onbekende kolom; verwacht: {', '.join(expected)}",
        )
        for name in unknown
    ]
    return issues


def _cell(value: object) -> str:
    """A default value written as the import format writes it."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def fill_defaults(spec: ImportFile, frame: pl.DataFrame) -> pl.DataFrame:
    """Fill empty cells of fields that have a default, so the default applies (vectorised)."""
    fills = [
        pl.col(name).fill_null(_cell(field.default))
        for name, field in spec.model.model_fields.items()
        if not field.is_required() and field.default is not None and name in frame.columns
    ]
    return frame.with_columns(fills) if fills else frame


def validate_rows(spec: ImportFile, frame: pl.DataFrame) -> tuple[list[Any], list[LoadIssue]]:
    """Validate every row with the file's model; return the records or the Dutch issues."""
    adapter = adapter_for(spec.model)
    try:
        return adapter.validate_python(fill_defaults(spec, frame).to_dicts()), []
    except ValidationError as error:
        issues = []
        for detail in error.errors(include_url=False):
            index, *field = detail["loc"]
            issues.append(
                LoadIssue(
                    bestand=spec.bestand,
                    regel=int(index) + HEADER_LINES + 1,
                    kolom=str(field[0]) if field else None,
                    melding=describe_error(detail),
                )
            )
        return [], issues


def check_unique_keys(spec: ImportFile, frame: pl.DataFrame) -> list[LoadIssue]:
    """Report rows whose key repeats an earlier row's key."""
    key = list(spec.sleutel)
    numbered = frame.with_row_index(ROW, offset=HEADER_LINES + 1)
    first = pl.col(ROW).min().over(key).alias("eerste")
    repeats = numbered.with_columns(first).filter(pl.col(ROW) != pl.col("eerste"))
    return [
        LoadIssue(
            bestand=spec.bestand,
            regel=row[ROW],
            kolom=", ".join(key),
            melding=(f"sleutel {', '.join(str(row[k]) for k in key)} komt al voor op regel {row['eerste']}"),
        )
        for row in repeats.head(100).to_dicts()
    ]


def check_references(spec: ImportFile, frames: dict[str, pl.DataFrame]) -> list[LoadIssue]:
    """Report values that do not exist as the key of the file they refer to."""
    issues: list[LoadIssue] = []
    numbered = frames[spec.bestand].with_row_index(ROW, offset=HEADER_LINES + 1)
    for ref in spec.verwijzingen:
        target = frames.get(ref.bestand)
        known = target.get_column(ref.doelkolom) if target is not None else pl.Series([], dtype=pl.String)
        dangling = numbered.filter(
            pl.col(ref.kolom).is_not_null() & ~pl.col(ref.kolom).is_in(known.implode())
        )
        issues += [
            LoadIssue(
                bestand=spec.bestand,
                regel=row[ROW],
                kolom=ref.kolom,
                melding=f"'{row[ref.kolom]}' komt niet voor in {ref.bestand} (kolom {ref.doelkolom})",
            )
            for row in dangling.head(100).to_dicts()
        ]
    return issues
