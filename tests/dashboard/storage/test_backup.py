"""Backup and restore bring back everything, the audit trail included, and the chain still checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from dashboard.access import Identity, Scope
from dashboard.audit import entry_for, record_audit, verify_chain
from dashboard.cli import main
from dashboard.storage.backup import BackupError, restore_database
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Engine

T = metadata.tables
USER = Identity(
    gebruiker_id="u1", naam="T", email="t@demo.example", rol="beheerder", scope=Scope(type="land")
)


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in T.items()
        }


def test_a_restore_brings_back_everything_including_the_audit_trail(
    loaded_engine: Engine, db_url: str, tmp_path: Path
) -> None:
    record_audit(
        loaded_engine, entry_for(USER, "toegang", "inloggen", object_type="gebruiker", object_id="u1")
    )
    before = _counts(loaded_engine)
    records = verify_chain(loaded_engine).records
    target = tmp_path / "groepsbeeld.backup"
    assert main(["--database-url", db_url, "backup", "--naar", str(target)]) == 0

    # After the backup: more audit records and a group's members gone.
    record_audit(
        loaded_engine, entry_for(USER, "toegang", "inloggen", object_type="gebruiker", object_id="u1")
    )
    with loaded_engine.begin() as connection:
        connection.execute(T["lidmaatschap"].delete())
    loaded_engine.dispose()

    assert main(["--database-url", db_url, "herstel", "--van", str(target)]) == 0
    assert _counts(loaded_engine) == before
    report = verify_chain(loaded_engine)
    assert report.ok
    assert report.records == records


def test_restoring_a_missing_file_says_so(db_url: str, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="back-upbestand niet gevonden"):
        restore_database(db_url, tmp_path / "bestaat-niet.backup")
