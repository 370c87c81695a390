"""The preview of an import: what is new, changed, unchanged or rejected, compared with the database."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import polars as pl

from dashboard.imports.checks import ERROR_SCHEMA, check_duplicates, check_rules, errors_where, parse_columns
from dashboard.imports.current import read_columns, read_rows_for_keys
from dashboard.imports.kinds import KINDS, Kind
from dashboard.imports.reading import ROW, read_export
from dashboard.imports.references import check_references
from dashboard.presentation import format_number
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Connection

    from dashboard.access import Scope
    from dashboard.imports.kinds import ImportKind

__all__ = ["STATUSES", "ImportPreview", "build_preview"]

STATUSES = ("nieuw", "gewijzigd", "ongewijzigd", "afgewezen")
T = metadata.tables
BETROKKENE = ("registratienummer", "persoon_id", "rol")


@dataclass
class ImportPreview:
    """An import checked and compared: records with their status, row errors and reading notes.

    records: one row per key (per registration for registraties) with a 'status' column;
    betrokkenen: the persons per registration in the file (registraties only);
    fouten: rij, kolom, waarde, melding for every problem.
    """

    kind: Kind
    bestand: str
    sha256: str
    records: pl.DataFrame
    fouten: pl.DataFrame
    betrokkenen: pl.DataFrame = field(default_factory=pl.DataFrame)
    notities: list[str] = field(default_factory=list)
    met_betrokkenen: bool = False

    @property
    def counts(self) -> dict[str, int]:
        """Records per status; 'afgewezen' counts rejected rows of the file."""
        found = dict(self.records.group_by("status").len().iter_rows()) if self.records.height else {}
        counts = {status: int(found.get(status, 0)) for status in STATUSES[:3]}
        counts["afgewezen"] = self.fouten["rij"].n_unique()
        return counts

    @property
    def ok(self) -> bool:
        """True when no row was rejected, so the import may be written."""
        return self.fouten.is_empty()

    @property
    def changes(self) -> int:
        """How many records the import would write."""
        return self.counts["nieuw"] + self.counts["gewijzigd"]


def _value_columns(kind: ImportKind, records: pl.DataFrame) -> list[str]:
    """The table's non-key columns that the file has (a column left out of the file is left alone)."""
    table = T[kind.tabel]
    return [name for name in records.columns if name in table.c and name not in kind.sleutel]


def _current(connection: Connection, kind: ImportKind, records: pl.DataFrame) -> pl.DataFrame:
    """The database rows of this kind's table, typed like the records."""
    columns = [*kind.sleutel, *_value_columns(kind, records)]
    schema = {name: records.schema[name] for name in columns}
    return read_rows_for_keys(connection, kind.tabel, schema, records.select(kind.sleutel))


def _classify(records: pl.DataFrame, current: pl.DataFrame, kind: ImportKind) -> pl.DataFrame:
    """Add 'status': nieuw (key unknown), gewijzigd (a value differs), ongewijzigd."""
    values = _value_columns(kind, records)
    marked = current.with_columns(pl.lit(value=True).alias("__bestaat"))
    joined = records.join(
        marked, on=list(kind.sleutel), how="left", suffix="__db", nulls_equal=True, maintain_order="left"
    )
    differs = pl.any_horizontal(
        pl.lit(value=False), *(pl.col(n).ne_missing(pl.col(f"{n}__db")) for n in values)
    )
    status = (
        pl.when(pl.col("__bestaat").is_null())
        .then(pl.lit("nieuw"))
        .when(differs)
        .then(pl.lit("gewijzigd"))
        .otherwise(pl.lit("ongewijzigd"))
    )
    return joined.select(*records.columns, status.alias("status"))


def _changed_persons(
    connection: Connection, records: pl.DataFrame, betrokkenen: pl.DataFrame
) -> pl.DataFrame:
    """Mark existing registrations whose persons or roles differ from the database's as gewijzigd."""
    existing = records.filter(pl.col("status") == "ongewijzigd").select("registratienummer")
    if existing.is_empty():
        return records  # new or changed already: nothing more to compare
    schema: dict[str, pl.DataType] = dict.fromkeys(BETROKKENE, pl.String())
    current = read_columns(connection, "betrokkene", schema).join(
        existing, on="registratienummer", how="semi"
    )
    mine = betrokkenen.join(existing, on="registratienummer", how="semi")
    added = mine.join(current, on=list(BETROKKENE), how="anti")["registratienummer"]
    removed = current.join(mine, on=list(BETROKKENE), how="anti")["registratienummer"]
    changed = pl.col("registratienummer").is_in(pl.concat([added, removed]).implode())
    return records.with_columns(
        pl.when(changed).then(pl.lit("gewijzigd")).otherwise("status").alias("status")
    )


def _stap_changes(current: pl.DataFrame, records: pl.DataFrame) -> pl.DataFrame:
    """Existing groups whose step the file would change: steps change in the app, with a reason."""
    joined = records.join(current.select("groep_id", pl.col("stap").alias("__stap")), on="groep_id")
    message = pl.format(
        "'{}' wijkt af van de huidige stap {}; wijzig de stap in de app, met een reden",
        pl.col("stap"),
        pl.col("__stap"),
    )
    return errors_where(joined, pl.col("stap") != pl.col("__stap"), "stap", message)


def _check(
    connection: Connection, raw: pl.DataFrame, kind: ImportKind, scope: Scope, gebied: str
) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    """The typed rows without errors, and every error found."""
    typed, errors = parse_columns(raw, kind)
    key = ("registratienummer", "persoon_id") if kind.naam == "registraties" else kind.sleutel
    found = [errors, check_duplicates(typed, key, key[0]), *check_rules(raw, typed, kind)]
    found += check_references(connection, typed, kind, scope, gebied)
    rejected = pl.col(ROW).is_in(pl.concat(found)["rij"].implode())
    if kind.naam == "registraties":  # a registration with one rejected row is rejected whole
        rejected = pl.col("registratienummer").is_in(typed.filter(rejected)["registratienummer"].implode())
    good = typed.filter(~rejected)
    if kind.naam == "groepen":
        found.append(_stap_changes(_current(connection, kind, good), good))
        good = good.filter(~pl.col(ROW).is_in(found[-1]["rij"].implode()))
    return good, found


def build_preview(  # noqa: PLR0913, PLR0917  (the file, what it is, whose it is, and a progress callback)
    connection: Connection,
    content: bytes,
    kind_name: Kind,
    bestand: str,
    scope: Scope,
    gebied: str,
    progress: Callable[[str], None] = lambda _message: None,
) -> ImportPreview:
    """Read, check and compare an export with the database; raises ImportFileError for unreadable files."""
    kind = KINDS[kind_name]
    progress(f"Bestand lezen ({format_number(len(content) / 1_000_000, 1)} MB)")
    raw = read_export(content, kind)
    progress(f"{format_number(raw.frame.height)} rijen gelezen; controleren en vergelijken met de database")
    good, found = _check(connection, raw.frame, kind, scope, gebied)
    betrokkenen = pl.DataFrame(schema=dict.fromkeys(BETROKKENE, pl.String))
    good = good.drop(name for name in good.columns if name != ROW and name not in raw.aanwezig)
    records = good.drop(ROW)
    if kind.naam == "registraties":
        first = good.filter(pl.col("registratienummer").is_first_distinct())  # good is in file order
        records = first.drop(ROW, "persoon_id", "rol", strict=False)
    records = _classify(records, _current(connection, kind, records), kind)
    if kind.naam == "registraties" and "persoon_id" in good.columns:
        betrokkenen = good.filter(pl.col("persoon_id").is_not_null()).select(BETROKKENE)
        records = _changed_persons(connection, records, betrokkenen)
    fouten = pl.concat(found).cast(ERROR_SCHEMA).sort("rij", "kolom")  # type: ignore[arg-type]
    digest = hashlib.sha256(content).hexdigest()
    preview = ImportPreview(
        kind_name,
        bestand,
        digest,
        records,
        fouten,
        betrokkenen,
        raw.notities,
        kind_name == "registraties" and "persoon_id" in raw.aanwezig,
    )
    progress("Klaar: " + ", ".join(f"{format_number(n)} {status}" for status, n in preview.counts.items()))
    return preview
