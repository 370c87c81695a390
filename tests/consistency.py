"""Checks that a database is whole after a process was killed mid-write; shared by the crash tests."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text

from dashboard.audit import verify_chain
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.engine import Engine

T = metadata.tables


def count_rows(engine: Engine, table: str, *where: ColumnElement[bool]) -> int:
    """The number of rows in a table, optionally only those matching `where`."""
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(T[table]).where(*where)).scalar_one()


def assert_consistent(engine: Engine) -> None:
    """The database itself is sound (SQLite: integrity and foreign keys) and the audit chain holds."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
    report = verify_chain(engine)
    assert report.ok, report.melding


def assert_decisions_audited(engine: Engine) -> None:
    """Every stored decision has its audit record, and no 'besluit_vastgelegd' record lacks its decision."""
    log = T["auditlog"]
    with engine.connect() as connection:
        recorded = connection.execute(
            select(log.c.object_id).where(log.c.actie == "besluit_vastgelegd")
        ).scalars()
        stored = connection.execute(select(T["besluit"].c.besluit_id)).scalars()
        assert sorted(stored) == sorted(recorded), "elk besluit heeft precies zijn auditregel, en omgekeerd"


def assert_steps_audited(engine: Engine) -> None:
    """Every step change has its audit record (and the reverse), and each group stands in its last step."""
    log, changes, groep = T["auditlog"], T["stapwijziging"], T["groep"]
    with engine.connect() as connection:
        recorded = Counter(
            connection.execute(select(log.c.object_id).where(log.c.actie == "stap_gewijzigd")).scalars()
        )
        history = connection.execute(
            select(changes.c.groep_id, changes.c.naar_stap, groep.c.stap)
            .join(groep, groep.c.groep_id == changes.c.groep_id)
            .order_by(changes.c.id)
        ).all()
    assert Counter(row.groep_id for row in history) == recorded, "elke stapwijziging heeft haar auditregel"
    last = {row.groep_id: row for row in history}  # ordered by id: the last change per group wins
    for groep_id, row in last.items():
        assert row.stap == row.naar_stap, f"{groep_id} staat in stap {row.stap}, laatst naar {row.naar_stap}"
