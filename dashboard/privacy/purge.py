"""The purge: remove every person whose purge date has come, with proof of removal in the audit trail.

One transaction removes the persons, their memberships and their parts in registrations, and appends one
audit record per person (pseudonymous id, purge date, rows removed; never a name). Registrations stay:
without a person attached they are not personal data.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import polars as pl
from pydantic import BaseModel, ConfigDict
from sqlalchemy import delete, func, select

from dashboard.audit import SYSTEEM, AuditEntry, append_audit
from dashboard.privacy.retention import (
    RetentionRule,
    compute_purge_dates,
    due_for_purge,
    read_retention_inputs,
)
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine

__all__ = ["REDEN", "PurgeReport", "Verwijderd", "purge_persons", "summarise"]

T = metadata.tables
_BATCH = 500  # ids per IN-list: well below SQLite's limit on bound parameters
REDEN = "bewaartermijn verstreken"


class Verwijderd(BaseModel):
    """One person due for removal: pseudonymous id, purge date and reason, rows per table."""

    model_config = ConfigDict(frozen=True)

    persoon_id: str
    verwijderdatum: dt.date | None
    grond: str
    lidmaatschappen: int
    betrokkenen: int


class PurgeReport(BaseModel):
    """What a purge removed (or, in a dry run, would remove) on a peildatum."""

    model_config = ConfigDict(frozen=True)

    peildatum: dt.date
    proefdraai: bool
    personen: tuple[Verwijderd, ...]

    @property
    def rijen(self) -> int:
        """All rows removed: persons, memberships and parts in registrations."""
        return sum(1 + p.lidmaatschappen + p.betrokkenen for p in self.personen)


def _batches(ids: Sequence[str]) -> list[list[str]]:
    return [list(ids[i : i + _BATCH]) for i in range(0, len(ids), _BATCH)]


def _counts(connection: Connection, tabel: str, ids: Sequence[str]) -> dict[str, int]:
    table = T[tabel]
    counts: dict[str, int] = {}
    for batch in _batches(ids):
        statement = (
            select(table.c.persoon_id, func.count())
            .where(table.c.persoon_id.in_(batch))
            .group_by(table.c.persoon_id)
        )
        counts.update({str(p): int(n) for p, n in connection.execute(statement).all()})
    return counts


def _due(connection: Connection, peildatum: dt.date, rule: RetentionRule) -> list[Verwijderd]:
    due = due_for_purge(compute_purge_dates(read_retention_inputs(connection), rule), peildatum)
    ids = due["persoon_id"].to_list()
    leden, rollen = _counts(connection, "lidmaatschap", ids), _counts(connection, "betrokkene", ids)
    return [
        Verwijderd(
            **row,
            lidmaatschappen=leden.get(row["persoon_id"], 0),
            betrokkenen=rollen.get(row["persoon_id"], 0),
        )
        for row in due.select("persoon_id", "verwijderdatum", "grond").to_dicts()
    ]


def _entry(persoon: Verwijderd, peildatum: dt.date) -> AuditEntry:
    """Proof of removal: who was removed (pseudonymous id), why, and how many rows; never the name."""
    return AuditEntry(
        gebruiker_id=SYSTEEM,
        rol=SYSTEEM,
        categorie="wijziging",
        actie="persoon_verwijderd",
        object_type="persoon",
        object_id=persoon.persoon_id,
        reden=REDEN,
        details={
            "verwijderdatum": persoon.verwijderdatum.isoformat() if persoon.verwijderdatum else None,
            "peildatum": peildatum.isoformat(),
            "grond": persoon.grond,
            "rijen": {
                "persoon": 1,
                "lidmaatschap": persoon.lidmaatschappen,
                "betrokkene": persoon.betrokkenen,
            },
        },
    )


def purge_persons(
    engine: Engine, peildatum: dt.date, rule: RetentionRule | None = None, *, dry_run: bool = False
) -> PurgeReport:
    """Remove the persons due on the peildatum, all in one transaction with their audit records.

    A dry run computes the same list and changes nothing (and records nothing).
    """
    rule = rule or RetentionRule.from_settings()
    with engine.begin() as connection:
        if not dry_run:  # take the audit head's lock first: two purges at once remove and record once
            kop = T["auditkop"]
            connection.execute(kop.update().where(kop.c.id == 1).values(aantal=kop.c.aantal))
        personen = _due(connection, peildatum, rule)
        if not dry_run and personen:
            ids = [p.persoon_id for p in personen]
            for batch in _batches(ids):
                for tabel in ("betrokkene", "lidmaatschap", "persoon"):
                    table = T[tabel]
                    connection.execute(delete(table).where(table.c.persoon_id.in_(batch)))
            append_audit(connection, [_entry(p, peildatum) for p in personen])
    return PurgeReport(peildatum=peildatum, proefdraai=dry_run, personen=tuple(personen))


def summarise(report: PurgeReport) -> pl.DataFrame:
    """grond, personen: the report counted by reason (for the command line)."""
    if not report.personen:
        return pl.DataFrame(schema={"grond": pl.String, "personen": pl.UInt32})
    frame = pl.DataFrame([p.model_dump() for p in report.personen])
    return frame.group_by("grond").agg(personen=pl.len()).sort("grond")
