"""Writing an import: all or nothing, in one transaction with its audit record.

New records are inserted (the driver's executemany in chunks on SQLite, COPY on PostgreSQL) and
changed ones upserted (INSERT ... ON CONFLICT DO UPDATE, the same SQL on SQLite and PostgreSQL);
unchanged records are not touched, so importing the same file twice writes nothing the second time.
A rejected or dry-run import writes nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

from dashboard.audit import AuditEntry, append_audit
from dashboard.imports.kinds import KINDS, Kind
from dashboard.imports.preview import BETROKKENE, ImportPreview, build_preview
from dashboard.presentation import format_number

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine

    from dashboard.access import Scope

__all__ = ["CHUNK", "Actor", "ImportResult", "import_file", "preview_file"]

CHUNK = 20_000  # rows per executemany: bounded memory, few round trips
PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric_dollar": "?"}
VERSIONED = {"groep"}  # tables with optimistic locking: an import raises the version like an edit


@dataclass(frozen=True)
class Actor:
    """Who imports, over which scope (the CLI imports as 'systeem' over the whole country)."""

    gebruiker_id: str
    rol: str
    scope: Scope
    gebied: str


@dataclass
class ImportResult:
    """The preview the import was decided on, and whether it was written."""

    preview: ImportPreview
    geschreven: bool


def _rows(frame: pl.DataFrame) -> list[tuple[object, ...]]:
    """Rows for the driver: dates as ISO text, as the ORM and the bulk loader write them."""
    dates = [name for name, dtype in frame.schema.items() if dtype == pl.Date]
    return frame.with_columns(pl.col(dates).dt.to_string("%Y-%m-%d")).rows()


def _execute(
    connection: Connection, sql: str, rows: list[tuple[object, ...]], report: Callable[[str], None], what: str
) -> None:
    for start in range(0, len(rows), CHUNK):
        connection.exec_driver_sql(sql, rows[start : start + CHUNK])
        if len(rows) > CHUNK:
            done = min(start + CHUNK, len(rows))
            report(f"{what}: {format_number(done)} van {format_number(len(rows))} opgeslagen")


def _insert(
    connection: Connection, table: str, frame: pl.DataFrame, report: Callable[[str], None], what: str
) -> None:
    """Insert new rows: COPY on PostgreSQL (an executemany there costs a round of work per row)."""
    if connection.dialect.name != "postgresql":
        _execute(connection, _insert_sql(connection, table, frame.columns), _rows(frame), report, what)
        return
    quote = connection.dialect.identifier_preparer.quote
    sql = f"COPY {quote(table)} ({', '.join(map(quote, frame.columns))}) FROM STDIN (FORMAT csv)"
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    for start in range(0, frame.height, CHUNK * 5):
        part = frame.slice(start, CHUNK * 5)
        # polars writes null as an empty field (NULL to COPY) and an empty string as "" (kept).
        with cursor.copy(sql) as copy:
            copy.write(part.write_csv(include_header=False, date_format="%Y-%m-%d").encode())
        if frame.height > CHUNK:
            done = min(start + CHUNK * 5, frame.height)
            report(f"{what}: {format_number(done)} van {format_number(frame.height)} opgeslagen")


def _insert_sql(connection: Connection, table: str, columns: Sequence[str]) -> str:
    quote = connection.dialect.identifier_preparer.quote
    marks = ", ".join([PLACEHOLDERS[connection.dialect.paramstyle]] * len(columns))
    return f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) VALUES ({marks})"  # noqa: S608


def _upsert_sql(connection: Connection, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
    """Insert, or update a row with the same key (the same SQL on SQLite and PostgreSQL)."""
    quote = connection.dialect.identifier_preparer.quote
    updates = [f"{quote(c)} = excluded.{quote(c)}" for c in columns if c not in key]
    if table in VERSIONED:
        updates.append(f"versie = {quote(table)}.versie + 1")
    conflict = f"ON CONFLICT ({', '.join(map(quote, key))}) DO UPDATE SET {', '.join(updates)}"
    return f"{_insert_sql(connection, table, columns)} {conflict}"


def _write(connection: Connection, preview: ImportPreview, report: Callable[[str], None]) -> None:
    kind = KINDS[preview.kind]
    records = preview.records
    changes = records.filter(pl.col("status").is_in(["nieuw", "gewijzigd"])).drop("status")
    new = records.filter(pl.col("status") == "nieuw").drop("status")
    changed = records.filter(pl.col("status") == "gewijzigd").drop("status")
    # New keys were absent inside this transaction: a plain insert; changed ones are upserted.
    _insert(connection, kind.tabel, new, report, kind.label)
    sql = _upsert_sql(connection, kind.tabel, changed.columns, kind.sleutel)
    _execute(connection, sql, _rows(changed), report, f"{kind.label} (gewijzigd)")
    if not preview.met_betrokkenen:
        return
    mark = PLACEHOLDERS[connection.dialect.paramstyle]
    delete = f"DELETE FROM betrokkene WHERE registratienummer = {mark}"  # noqa: S608  (fixed names)
    _execute(connection, delete, changed.select("registratienummer").rows(), report, "Oude betrokkenen")
    persons = preview.betrokkenen.join(
        changes.select("registratienummer"), on="registratienummer", how="semi"
    )
    _insert(connection, "betrokkene", persons.select(BETROKKENE), report, "Betrokkenen")


def _audit(connection: Connection, preview: ImportPreview, actor: Actor) -> None:
    details = {"bestand_sha256": preview.sha256, "aantallen": preview.counts}
    entry = AuditEntry(
        gebruiker_id=actor.gebruiker_id,
        rol=actor.rol,
        categorie="wijziging",
        actie="import",
        object_type=preview.kind,
        object_id=preview.sha256[:16],
        details=details,
    )
    append_audit(connection, [entry])


def preview_file(engine: Engine, content: bytes, kind: Kind, bestand: str, actor: Actor) -> ImportPreview:
    """Check and compare an export without writing anything (the preview and the dry run)."""
    with engine.connect() as connection:
        return build_preview(connection, content, kind, bestand, actor.scope, actor.gebied)


def import_file(  # noqa: PLR0913  (the file, what it is, who imports, and how)
    engine: Engine,
    content: bytes,
    kind: Kind,
    bestand: str,
    actor: Actor,
    *,
    dry_run: bool = False,
    progress: Callable[[str], None] = lambda _message: None,
) -> ImportResult:
    """Check the export again inside one transaction and, when no row is rejected, write it all.

    Nothing is written (not even an audit record) for a rejected file, a dry run or a file that
    changes nothing. The preview is rebuilt in the write transaction, so it is what gets written.
    """
    with engine.begin() as connection:
        preview = build_preview(connection, content, kind, bestand, actor.scope, actor.gebied, progress)
        if not preview.ok or dry_run or preview.changes == 0:
            return ImportResult(preview, geschreven=False)
        _write(connection, preview, progress)
        _audit(connection, preview, actor)
    new, changed = (format_number(preview.counts[status]) for status in ("nieuw", "gewijzigd"))
    progress(f"Opgeslagen: {new} nieuw, {changed} gewijzigd")
    return ImportResult(preview, geschreven=True)
