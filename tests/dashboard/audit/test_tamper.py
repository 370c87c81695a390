"""Tampering with the audit trail is refused by the database and detected by the integrity check."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError

from dashboard.access import Identity, Scope
from dashboard.audit import entry_for, record_audit, verify_chain
from dashboard.cli import main
from dashboard.storage.schema import metadata

LOG = metadata.tables["auditlog"]
USER = Identity(
    gebruiker_id="beheerder", naam="Beheer", email="b@demo.example", rol="beheerder", scope=Scope(type="land")
)


@pytest.fixture
def trail(engine):
    """Five records, appended one by one."""
    for number in range(1, 6):
        entry = entry_for(USER, "inzage", "namen_bekeken", object_type="groep", object_id=f"G-{number:05d}")
        record_audit(engine, entry)
    assert verify_chain(engine).ok
    return engine


def _unlock(engine) -> None:
    """What an attacker with database rights would do first: switch off the append-only triggers."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE auditlog DISABLE TRIGGER auditlog_alleen_toevoegen"))
        else:
            connection.execute(text("DROP TRIGGER auditlog_geen_wijziging"))
            connection.execute(text("DROP TRIGGER auditlog_geen_verwijdering"))


@pytest.mark.parametrize(
    "statement",
    [update(LOG).where(LOG.c.id == 3).values(reden="achteraf"), delete(LOG).where(LOG.c.id == 3)],
    ids=["update", "delete"],
)
def test_the_database_refuses_to_change_or_delete_audit_records(trail, statement) -> None:
    with pytest.raises(DBAPIError, match="alleen-toevoegen"), trail.begin() as connection:
        connection.execute(statement)
    report = verify_chain(trail)
    assert report.ok
    assert report.records == 5


def test_a_changed_middle_record_is_reported(trail, db_url: str) -> None:
    _unlock(trail)
    with trail.begin() as connection:
        connection.execute(update(LOG).where(LOG.c.id == 3).values(object_id="G-99999"))
    report = verify_chain(trail)
    assert not report.ok
    assert report.eerste_fout == 3
    assert "record 3 is gewijzigd" in report.melding
    assert main(["--database-url", db_url, "audit", "controleer"]) == 1


def test_a_deleted_record_is_reported(trail) -> None:
    _unlock(trail)
    with trail.begin() as connection:
        connection.execute(delete(LOG).where(LOG.c.id == 3))
    report = verify_chain(trail)
    assert (report.ok, report.eerste_fout) == (False, 3)
    assert "record 3 ontbreekt" in report.melding


def test_a_truncated_tail_is_reported(trail) -> None:
    _unlock(trail)
    with trail.begin() as connection:
        connection.execute(delete(LOG).where(LOG.c.id >= 4))
    report = verify_chain(trail)
    assert (report.ok, report.eerste_fout, report.records) == (False, 4, 3)
    assert "ingekort" in report.melding


def test_the_check_command_says_intact_in_dutch(
    trail,  # noqa: ARG001  (the fixture fills the trail)
    db_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--database-url", db_url, "audit", "controleer"]) == 0
    assert "Auditlog intact: 5 records" in capsys.readouterr().err
