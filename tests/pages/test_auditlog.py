"""The Auditlog page: search, paging, export buttons, integrity check; only beheer and privacy (AppTest)."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import text, update
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from dashboard.audit import entry_for, record_audit
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata
from tests.conftest import APP


@pytest.fixture
def db(sample_db_url: str, tmp_path):
    """A writable copy of the sample with a few audit records."""
    target = tmp_path / "audit.db"
    shutil.copy(sample_db_url.removeprefix("sqlite:///"), target)
    engine = create_db_engine(f"sqlite:///{target}")
    yield engine
    engine.dispose()


@pytest.fixture
def audit_app(db, monkeypatch: pytest.MonkeyPatch, navigation_mode: None) -> AppTest:  # noqa: ARG001
    monkeypatch.setenv("DATABASE_URL", db.url.render_as_string(hide_password=False))
    monkeypatch.setenv("KAART_TILES", "none")
    return AppTest.from_file(str(APP), default_timeout=60)


def _user(engine, gebruiker_id: str):
    return next(i for i in load_identities(engine) if i.gebruiker_id == gebruiker_id)


def _fill(db) -> None:
    regisseur = _user(db, "procesregisseur-utrecht")
    for groep in ("G-00012", "G-00001", "G-00012"):
        record_audit(
            db,
            entry_for(
                regisseur, "inzage", "namen_bekeken", object_type="groep", object_id=groep, groep_id=groep
            ),
        )
    record_audit(
        db, entry_for(_user(db, "beheerder"), "toegang", "inloggen", object_type="sessie", object_id="demo")
    )


def _results(app: AppTest):
    return next(d.value for d in app.dataframe if "Nummer" in d.value.columns)


@pytest.mark.parametrize("gebruiker_id", ["beheerder", "privacyfunctionaris-mnl"])
def test_beheer_and_privacy_search_newest_first(audit_app, db, gebruiker_id: str) -> None:
    _fill(db)
    open_page(audit_app, _user(db, gebruiker_id), "auditlog")
    assert not audit_app.exception
    assert audit_app.title[0].value == "Auditlog"
    table = _results(audit_app)
    # Record 1 is the loading of the sample itself (by 'systeem').
    assert table["Nummer"].to_list() == [5, 4, 3, 2, 1]
    assert {b.key for b in audit_app.get("download_button")} == {"audit_export_csv", "audit_export_xlsx"}
    audit_app.selectbox(key="audit_categorie").select("inzage").run()
    audit_app.text_input(key="audit_groep").input("G-00012").run()
    assert _results(audit_app)["Nummer"].to_list() == [4, 2]
    assert "2 records gevonden" in " ".join(c.value for c in audit_app.caption)


def test_an_empty_search_says_so(audit_app, db) -> None:
    open_page(audit_app, _user(db, "beheerder"), "auditlog")
    assert not audit_app.exception
    audit_app.selectbox(key="audit_categorie").select("export").run()
    assert any("Geen records gevonden" in i.value for i in audit_app.info)
    assert not audit_app.get("download_button")


def test_the_integrity_check_reports_tampering(audit_app, db) -> None:
    _fill(db)
    open_page(audit_app, _user(db, "beheerder"), "auditlog")
    audit_app.button(key="audit_controleer").click().run()
    assert any("Auditlog intact: 5 records" in s.value for s in audit_app.success)
    with db.begin() as connection:
        connection.execute(text("DROP TRIGGER auditlog_geen_wijziging"))
        log = metadata.tables["auditlog"]
        connection.execute(update(log).where(log.c.id == 2).values(groep_id="G-00099"))
    audit_app.button(key="audit_controleer").click().run()
    assert any("record 2 is gewijzigd" in e.value for e in audit_app.error)


@pytest.mark.parametrize("gebruiker_id", ["burgemeester-utrecht", "specialist-mnl", "ovj-mnl"])
def test_other_roles_do_not_get_the_auditlog(audit_app, db, gebruiker_id: str) -> None:
    _fill(db)
    open_page(audit_app, _user(db, gebruiker_id), "auditlog")
    assert not audit_app.exception
    assert not any(t.value == "Auditlog" for t in audit_app.title)
    assert not any("Nummer" in d.value.columns for d in audit_app.dataframe)
