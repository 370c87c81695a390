"""The Gebruikers page: only the beheerder; add, change rights, block; each change audited (AppTest)."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from dashboard.audit import AuditFilter, search_audit, verify_chain
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities
from dashboard.users import list_users
from tests.conftest import APP


@pytest.fixture
def db(sample_db_url: str, tmp_path):
    """A writable copy of the sample."""
    target = tmp_path / "beheer.db"
    shutil.copy(sample_db_url.removeprefix("sqlite:///"), target)
    engine = create_db_engine(f"sqlite:///{target}")
    yield engine
    engine.dispose()


@pytest.fixture
def beheer_app(db, monkeypatch: pytest.MonkeyPatch, navigation_mode: None) -> AppTest:  # noqa: ARG001
    monkeypatch.setenv("DATABASE_URL", db.url.render_as_string(hide_password=False))
    monkeypatch.setenv("KAART_TILES", "none")
    return AppTest.from_file(str(APP), default_timeout=60)


def _user(engine, gebruiker_id: str):
    return next(i for i in load_identities(engine) if i.gebruiker_id == gebruiker_id)


def _open(app: AppTest, db) -> AppTest:
    open_page(app, _user(db, "beheerder"), "beheer")
    assert not app.exception
    return app


def _table(app: AppTest):
    return next(d.value for d in app.dataframe if "Gebruikersnaam" in d.value.columns)


def _row(db, gebruiker_id: str) -> dict:
    users = list_users(db)
    return users.filter(users["gebruiker_id"] == gebruiker_id).row(0, named=True)


def test_the_beheerder_sees_every_user(beheer_app, db) -> None:
    app = _open(beheer_app, db)
    assert app.title[0].value == "Gebruikers"
    table = _table(app)
    assert set(table["Gebruikersnaam"]) == set(list_users(db)["gebruiker_id"])
    assert "gemeente Utrecht" in set(table["Gebied"])
    assert any("Deelbeleid in werking" in e.label for e in app.expander)


def _fill(app: AppTest, reden: str) -> None:
    """Fill in the add form and submit it (form values count only when submitted together)."""
    app.text_input(key="beheer_nieuw_naam").input("Jan Jansen")
    app.text_input(key="beheer_nieuw_id").input("jan.jansen")
    app.text_input(key="beheer_nieuw_email").input("jan.jansen@utrecht.example")
    app.selectbox(key="beheer_nieuw_rol").select("procesregisseur")
    app.text_input(key="beheer_nieuw_reden").input(reden)
    app.button(key="FormSubmitter:beheer_nieuw_form-Gebruiker toevoegen").click().run()


def test_adding_a_user_asks_a_reason_and_is_audited(beheer_app, db) -> None:
    app = _open(beheer_app, db)
    app.multiselect(key="beheer_nieuw_codes_gemeente").select("GM0344").run()
    _fill(app, "")
    assert not app.exception
    assert any("Reden: is te kort" in e.value for e in app.error), "the reason is required"
    assert "jan.jansen" not in set(list_users(db)["gebruiker_id"])

    _fill(app, "Nieuwe procesregisseur")
    assert not app.exception
    assert any("is toegevoegd" in s.value for s in app.success)
    assert _row(db, "jan.jansen")["scope_codes"] == "GM0344"
    record = search_audit(db, AuditFilter(actie="gebruiker_toegevoegd")).row(0, named=True)
    assert (record["gebruiker_id"], record["reden"]) == ("beheerder", "Nieuwe procesregisseur")


def test_blocking_a_user_is_audited(beheer_app, db) -> None:
    app = _open(beheer_app, db)
    app.selectbox(key="beheer_kies").select("wijkagent-utrecht-noord").run()
    app.text_input(key="beheer_blok_reden_wijkagent-utrecht-noord").input("Uit dienst getreden")
    app.button(key="FormSubmitter:beheer_blok_wijkagent-utrecht-noord-Blokkeren").click().run()
    assert not app.exception
    assert any("is geblokkeerd" in s.value for s in app.success)
    assert _row(db, "wijkagent-utrecht-noord")["actief"] is False
    assert search_audit(db, AuditFilter(actie="gebruiker_geblokkeerd")).height == 1
    assert verify_chain(db).ok


def test_a_stale_change_is_refused_in_dutch(beheer_app, db) -> None:
    app = _open(beheer_app, db)
    app.selectbox(key="beheer_kies").select("ovj-mnl").run()
    # Another beheerder saves first (the version this session saw is now stale).
    with db.begin() as connection:
        connection.exec_driver_sql("UPDATE gebruiker SET versie = versie + 1 WHERE gebruiker_id = 'ovj-mnl'")
    app.text_input(key="beheer_rechten_reden_ovj-mnl").input("Naar eenheid Oost-Brabant")
    app.button(key="FormSubmitter:beheer_rechten_ovj-mnl-Rechten opslaan").click().run()
    assert not app.exception
    assert any("Iemand anders heeft dit intussen gewijzigd" in e.value for e in app.error)
    assert search_audit(db, AuditFilter(actie="rechten_gewijzigd")).is_empty()


@pytest.mark.parametrize(
    "gebruiker_id", ["burgemeester-utrecht", "privacyfunctionaris-mnl", "specialist-mnl"]
)
def test_other_roles_cannot_open_user_management(beheer_app, db, gebruiker_id: str) -> None:
    open_page(beheer_app, _user(db, gebruiker_id), "beheer")
    assert not beheer_app.exception
    assert not any(t.value == "Gebruikers" for t in beheer_app.title)
    assert not any("Gebruikersnaam" in d.value.columns for d in beheer_app.dataframe)
