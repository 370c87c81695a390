"""The audit trail's hash chain: appends, concurrent writers, the data version, the export log's records."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from dashboard.access import Identity, Scope
from dashboard.audit import AuditEntry, append_audit, data_version, entry_for, record_audit, verify_chain
from dashboard.reports.log import record_export
from dashboard.storage.schema import metadata

T = metadata.tables
USER = Identity(
    gebruiker_id="u1", naam="Test", email="t@demo.example", rol="procesregisseur", scope=Scope(type="land")
)


def _entry(actie: str, categorie: str = "inzage") -> AuditEntry:
    return entry_for(USER, categorie, actie, object_type="groep", object_id="G1", groep_id="G1")


def test_an_empty_trail_is_intact(engine) -> None:
    report = verify_chain(engine)
    assert report.ok
    assert report.records == 0


def test_appends_chain_each_record_to_the_one_before(engine) -> None:
    record_audit(engine, _entry("a"), _entry("b"))
    record_audit(engine, _entry("c"))
    with engine.connect() as connection:
        rows = connection.execute(select(T["auditlog"]).order_by(T["auditlog"].c.id)).mappings().all()
    assert [row["id"] for row in rows] == [1, 2, 3]
    assert rows[0]["vorige_hash"] == "0" * 64
    assert [row["vorige_hash"] for row in rows[1:]] == [row["hash"] for row in rows[:-1]]
    assert verify_chain(engine).ok


def test_only_changes_raise_the_data_version(engine) -> None:
    before = data_version(engine)
    record_audit(engine, _entry("bekeken"))
    assert data_version(engine) == before
    with engine.begin() as connection:
        append_audit(connection, [_entry("gewijzigd", "wijziging")])
    assert data_version(engine) == before + 1


def test_an_append_rolls_back_with_its_transaction(engine) -> None:
    def fail_after_append() -> None:
        with engine.begin() as connection:
            append_audit(connection, [_entry("x", "wijziging")])
            raise ValueError

    with pytest.raises(ValueError):  # noqa: PT011  (any error: the transaction must roll back)
        fail_after_append()
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(T["auditlog"])).scalar_one() == 0
    assert verify_chain(engine).ok
    assert data_version(engine) == 0


def test_concurrent_writers_keep_one_unbroken_chain(engine) -> None:
    def write(n: int) -> None:
        for i in range(10):
            record_audit(engine, _entry(f"t{n}-{i}"))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report = verify_chain(engine)
    assert report.ok, report.melding
    assert report.records == 40


def test_an_export_is_recorded_in_the_audit_trail(engine) -> None:
    record_export(
        engine,
        USER,
        tijdstip=dt.datetime(2026, 12, 1, 10, 30, tzinfo=dt.UTC),
        product="rapportage",
        groep_id="G1",
        ontvanger="Gemeente Utrecht",
        documentnummer="GB-1",
        formaat="pdf",
    )
    with engine.connect() as connection:
        row = connection.execute(select(T["auditlog"])).mappings().one()
    assert (row["categorie"], row["actie"], row["object_id"], row["groep_id"]) == (
        "export",
        "exporteren",
        "GB-1",
        "G1",
    )
    assert verify_chain(engine).ok
