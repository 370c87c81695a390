"""Searching and exporting the audit trail (for the beheerder and the privacy officer)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final, Literal, Self
from zoneinfo import ZoneInfo

import polars as pl
from pydantic import BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import func, select

from dashboard.audit.chain import SYSTEEM, AuditEntry, append_audit, entry_for
from dashboard.domain import AuditCategorie
from dashboard.exports import to_csv_bytes, to_xlsx_bytes
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Select
    from sqlalchemy.engine import Engine

    from dashboard.access import Identity

__all__ = [
    "AUDIT_KOLOMMEN",
    "CATEGORIE_LABELS",
    "AuditExport",
    "AuditFilter",
    "audit_options",
    "count_audit",
    "export_audit",
    "search_audit",
]

ZONE: Final = ZoneInfo("Europe/Amsterdam")  # dates in a filter are Dutch calendar days
T = metadata.tables
CATEGORIE_LABELS: Final[dict[AuditCategorie, str]] = {
    "toegang": "Toegang (inloggen)",
    "inzage": "Inzage van persoonsgegevens",
    "export": "Export",
    "wijziging": "Wijziging",
}
# Export columns in Dutch, in order; the audit trail holds identifiers and counts, never names.
AUDIT_KOLOMMEN: Final = {
    "id": "Nummer",
    "tijdstip": "Tijdstip",
    "gebruiker_id": "Gebruiker",
    "rol": "Rol",
    "categorie": "Categorie",
    "actie": "Actie",
    "object_type": "Objecttype",
    "object_id": "Object",
    "groep_id": "Groep",
    "reden": "Reden",
    "details": "Details",
}
_SCHEMA: Final = {name: pl.String() for name in AUDIT_KOLOMMEN} | {
    "id": pl.Int64(),
    "tijdstip": pl.Datetime("us", "Europe/Amsterdam"),
}


class AuditFilter(BaseModel):
    """A search over the audit trail; dates are whole Dutch calendar days, both ends included."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    van: dt.date | None = None
    tot: dt.date | None = None
    gebruiker_id: str | None = None
    categorie: AuditCategorie | None = None
    actie: str | None = None
    groep_id: str | None = None
    limiet: int = Field(default=100, ge=1, le=1_000_000)
    vanaf: int = Field(default=0, ge=0)  # skip this many results (paging)

    @model_validator(mode="after")
    def _period(self) -> Self:
        if self.van and self.tot and self.van > self.tot:
            msg = f"De periode klopt niet: 'van' ({self.van:%d-%m-%Y}) ligt na 'tot' ({self.tot:%d-%m-%Y})."
            raise ValueError(msg)
        return self


def _start(day: dt.date) -> dt.datetime:
    """Midnight of a Dutch calendar day, in UTC (as the audit trail stores its moments)."""
    return dt.datetime.combine(day, dt.time(), tzinfo=ZONE).astimezone(dt.UTC)


def _conditions(zoek: AuditFilter) -> list[ColumnElement[bool]]:
    log = T["auditlog"]
    conditions: list[ColumnElement[bool]] = []
    if zoek.van:
        conditions.append(log.c.tijdstip >= _start(zoek.van))
    if zoek.tot:
        conditions.append(log.c.tijdstip < _start(zoek.tot + dt.timedelta(days=1)))
    for name in ("gebruiker_id", "categorie", "actie", "groep_id"):
        value = getattr(zoek, name)
        if value:
            conditions.append(log.c[name] == value)
    return conditions


def _moment(value: dt.datetime) -> dt.datetime:
    """A stored moment as Dutch local time (SQLite returns naive UTC, PostgreSQL aware values)."""
    aware = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value
    return aware.astimezone(ZONE)


def _frame(statement: Select[Any], engine: Engine) -> pl.DataFrame:
    with engine.connect() as connection:
        rows = [dict(row) for row in connection.execute(statement).mappings()]
    for row in rows:
        row["tijdstip"] = _moment(row["tijdstip"])
    return pl.DataFrame(rows, schema=_SCHEMA, orient="row")


def search_audit(engine: Engine, zoek: AuditFilter) -> pl.DataFrame:
    """The matching records, newest first, one page: the columns of AUDIT_KOLOMMEN (tijdstip local)."""
    log = T["auditlog"]
    statement = (
        select(*(log.c[name] for name in AUDIT_KOLOMMEN))
        .where(*_conditions(zoek))
        .order_by(log.c.id.desc())
        .limit(zoek.limiet)
        .offset(zoek.vanaf)
    )
    return _frame(statement, engine)


def count_audit(engine: Engine, zoek: AuditFilter) -> int:
    """How many records match (all pages)."""
    statement = select(func.count()).select_from(T["auditlog"]).where(*_conditions(zoek))
    with engine.connect() as connection:
        return int(connection.execute(statement).scalar_one())


def audit_options(engine: Engine) -> dict[str, list[str]]:
    """The users and actions that occur in the trail, for the search form's choices."""
    log = T["auditlog"]
    with engine.connect() as connection:
        users = connection.execute(select(log.c.gebruiker_id).distinct().order_by(log.c.gebruiker_id))
        actions = connection.execute(select(log.c.actie).distinct().order_by(log.c.actie))
        return {"gebruiker_id": list(users.scalars()), "actie": list(actions.scalars())}


class AuditExport(BaseModel):
    """An exported selection of the audit trail."""

    model_config = ConfigDict(frozen=True)

    inhoud: bytes
    bestandsnaam: str
    mime: str
    aantal: int


def _entry(identity: Identity | None, zoek: AuditFilter, formaat: str, aantal: int) -> AuditEntry:
    """The audit record of the export itself: the filter and the count, nothing else."""
    details = {
        "formaat": formaat,
        "aantal": aantal,
        **zoek.model_dump(mode="json", exclude_none=True, exclude={"limiet", "vanaf"}),
    }
    if identity is None:  # the command line
        return AuditEntry(
            gebruiker_id=SYSTEEM,
            rol=SYSTEEM,
            categorie="export",
            actie="auditlog_export",
            object_type="auditlog",
            object_id=formaat,
            details=details,
        )
    return entry_for(
        identity, "export", "auditlog_export", object_type="auditlog", object_id=formaat, details=details
    )


def export_audit(
    engine: Engine, identity: Identity | None, zoek: AuditFilter, formaat: Literal["csv", "xlsx"]
) -> AuditExport:
    """Every matching record (no paging) as CSV or XLSX for Dutch Excel; the export is itself audited.

    identity None means the command line (actor 'systeem').
    """
    alles = zoek.model_copy(update={"limiet": 1_000_000, "vanaf": 0})
    frame = search_audit(engine, alles)
    table = frame.with_columns(pl.col("tijdstip").dt.strftime("%d-%m-%Y %H:%M:%S")).rename(AUDIT_KOLOMMEN)
    inhoud = to_csv_bytes(table) if formaat == "csv" else to_xlsx_bytes(table, "Auditlog")
    with engine.begin() as connection:
        append_audit(connection, [_entry(identity, zoek, formaat, frame.height)])
    stamp = dt.datetime.now(tz=ZONE).strftime("%Y%m%d-%H%M%S")
    mime = (
        "text/csv"
        if formaat == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return AuditExport(
        inhoud=inhoud, bestandsnaam=f"auditlog-{stamp}.{formaat}", mime=mime, aantal=frame.height
    )
