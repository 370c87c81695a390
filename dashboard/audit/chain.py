"""Appending to and checking the hash chain of the audit trail.

Every record carries the hash of the one before it and its own hash over all of its fields, so
changing, removing or inserting a record breaks the chain at that point. Appends first update the
single head row (auditkop), which serialises writers on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from dashboard.domain import AuditCategorie
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine

    from dashboard.access import Identity

__all__ = [
    "GENESIS",
    "SYSTEEM",
    "AuditEntry",
    "ChainReport",
    "append_audit",
    "data_version",
    "entry_for",
    "record_audit",
    "verify_chain",
]

GENESIS = "0" * 64
SYSTEEM = "systeem"  # the actor of command-line and scheduled work (purge, import, migrations)
T = metadata.tables
FIELDS = (
    "id",
    "tijdstip",
    "gebruiker_id",
    "rol",
    "categorie",
    "actie",
    "object_type",
    "object_id",
    "groep_id",
    "reden",
    "details",
)


class AuditEntry(BaseModel):
    """One event to record. Details hold identifiers and counts, never names or free text about people."""

    model_config = ConfigDict(frozen=True)

    gebruiker_id: str = Field(min_length=1, max_length=200)
    rol: str = Field(min_length=1, max_length=32)
    categorie: AuditCategorie
    actie: str = Field(min_length=1, max_length=32)
    object_type: str = Field(min_length=1, max_length=32)
    object_id: str = Field(max_length=200)
    groep_id: str | None = None
    reden: str = Field(default="", max_length=500)
    details: dict[str, Any] = Field(default_factory=dict)


class ChainReport(BaseModel):
    """The outcome of an integrity check: how many records, and the first broken one if any."""

    records: int
    ok: bool
    eerste_fout: int | None = None
    melding: str


def entry_for(  # noqa: PLR0913  (one argument per audit field)
    identity: Identity,
    categorie: AuditCategorie,
    actie: str,
    *,
    object_type: str,
    object_id: str,
    groep_id: str | None = None,
    reden: str = "",
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """An audit entry for something a signed-in user did."""
    return AuditEntry(
        gebruiker_id=identity.gebruiker_id,
        rol=identity.rol,
        categorie=categorie,
        actie=actie,
        object_type=object_type,
        object_id=object_id,
        groep_id=groep_id,
        reden=reden,
        details=details or {},
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    """A moment in UTC; naive values (as SQLite returns them) are UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _digest(vorige_hash: str, row: dict[str, Any]) -> str:
    """The record's hash: SHA-256 over the previous hash and the record's fields, canonically ordered."""
    fields = {name: row[name] for name in FIELDS}
    fields["tijdstip"] = _utc(row["tijdstip"]).isoformat(timespec="microseconds")
    payload = json.dumps([vorige_hash, fields], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def append_audit(
    connection: Connection, entries: Sequence[AuditEntry], *, now: dt.datetime | None = None
) -> None:
    """Append entries inside the caller's transaction: the event and its record commit together."""
    if not entries:
        return
    kop = T["auditkop"]
    changes = sum(entry.categorie == "wijziging" for entry in entries)
    # Writing the head first takes the write lock (SQLite) or the row lock (PostgreSQL) before reading it.
    connection.execute(
        kop.update()
        .where(kop.c.id == 1)
        .values(aantal=kop.c.aantal + len(entries), wijzigingen=kop.c.wijzigingen + changes)
    )
    head = connection.execute(select(kop.c.laatste_hash, kop.c.aantal).where(kop.c.id == 1)).one()
    vorige, number = head.laatste_hash, head.aantal - len(entries)
    moment = _utc(now or dt.datetime.now(tz=dt.UTC))
    rows = []
    for entry in entries:
        number += 1
        row = {
            **entry.model_dump(exclude={"details"}),
            "id": number,
            "tijdstip": moment,
            "details": json.dumps(entry.details, sort_keys=True, ensure_ascii=False, default=str),
        }
        row["vorige_hash"] = vorige
        row["hash"] = vorige = _digest(vorige, row)
        rows.append(row)
    connection.execute(T["auditlog"].insert(), rows)
    connection.execute(kop.update().where(kop.c.id == 1).values(laatste_hash=vorige))


def record_audit(engine: Engine, *entries: AuditEntry) -> None:
    """Append entries in a transaction of their own (views and logins, which change nothing else)."""
    with engine.begin() as connection:
        append_audit(connection, entries)


def data_version(engine: Engine) -> int:
    """How many changes the audit trail has recorded: a cheap key that changes whenever the data does."""
    with engine.connect() as connection:
        value = connection.execute(select(T["auditkop"].c.wijzigingen).where(T["auditkop"].c.id == 1))
        return int(value.scalar_one_or_none() or 0)


def verify_chain(engine: Engine, *, batch: int = 10_000) -> ChainReport:
    """Recompute every hash in order; report the first record that was changed, removed or inserted."""
    log, kop = T["auditlog"], T["auditkop"]
    vorige, expected_id, count = GENESIS, 1, 0
    with engine.connect() as connection:
        head = connection.execute(select(kop.c.laatste_hash, kop.c.aantal).where(kop.c.id == 1)).one()
        result = connection.execute(select(log).order_by(log.c.id)).mappings()
        while chunk := result.fetchmany(batch):
            for row in chunk:
                record = dict(row)
                if record["id"] != expected_id:
                    return _broken(count, expected_id, f"record {expected_id} ontbreekt")
                if record["vorige_hash"] != vorige or _digest(vorige, record) != record["hash"]:
                    return _broken(count, record["id"], f"record {record['id']} is gewijzigd")
                vorige, expected_id, count = record["hash"], expected_id + 1, count + 1
    if count != head.aantal or vorige != head.laatste_hash:
        return _broken(count, count + 1, "de laatste records ontbreken (de keten is ingekort)")
    return ChainReport(records=count, ok=True, melding=f"Auditlog intact: {count} records, keten klopt.")


def _broken(count: int, at: int, reason: str) -> ChainReport:
    melding = f"Auditlog NIET intact: {reason}; eerste fout bij record {at}."
    return ChainReport(records=count, ok=False, eerste_fout=at, melding=melding)
