"""The UI's caches follow changes: a change recorded in the audit trail moves every cache key."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from components import data
from dashboard.access import Identity, Scope
from dashboard.audit import append_audit, entry_for
from dashboard.storage.schema import metadata

T = metadata.tables
LAND = Scope(type="land")
PEILDATUM = dt.date(2026, 11, 30)
SPECIALIST = Identity(
    gebruiker_id="specialist-test",
    naam="Specialist (test)",
    email="specialist@test.example",
    rol="politie_specialist",
    scope=LAND,
)


@pytest.fixture
def app_database(loaded_engine, monkeypatch: pytest.MonkeyPatch):
    """The sample on each backend as the app's configured database; caches emptied before and after."""
    monkeypatch.setenv("DATABASE_URL", loaded_engine.url.render_as_string(hide_password=False))
    data.st.cache_data.clear()
    yield loaded_engine
    data.st.cache_data.clear()


def _end_approach(engine, groep_id: str, *, audit: bool) -> None:
    """End a group's approach before the peildatum (it drops out of the scores), with or without audit."""
    groep = T["groep"]
    with engine.begin() as connection:
        connection.execute(
            groep.update().where(groep.c.groep_id == groep_id).values(aanpak_beeindigd=dt.date(2026, 1, 1))
        )
        if audit:
            entry = entry_for(SPECIALIST, "wijziging", "test", object_type="groep", object_id=groep_id)
            append_audit(connection, [entry])


def _first_group(engine) -> str:
    with engine.connect() as connection:
        return connection.execute(
            select(T["groep"].c.groep_id).order_by(T["groep"].c.groep_id).limit(1)
        ).scalar_one()


def test_a_recorded_change_refreshes_the_scores_at_once(app_database) -> None:
    groep_id = _first_group(app_database)
    before = data.scope_scores(LAND, PEILDATUM)
    key_before = data.data_key()
    assert groep_id in before.groepen["groep_id"].to_list()
    _end_approach(app_database, groep_id, audit=True)
    data.refresh_data()  # what a page does after saving a change
    after = data.scope_scores(LAND, PEILDATUM)
    assert data.data_key() != key_before
    assert groep_id not in after.groepen["groep_id"].to_list()
    assert after.groepen.height == before.groepen.height - 1


@pytest.mark.usefixtures("app_database")
def test_without_a_change_the_cached_result_is_reused(monkeypatch) -> None:
    calls: list[Scope] = []
    original = data.score_scope

    def counting(engine, scope, peildatum):
        calls.append(scope)
        return original(engine, scope, peildatum)

    monkeypatch.setattr(data, "score_scope", counting)
    first = data.scope_scores(LAND, PEILDATUM)
    data.refresh_data()
    again = data.scope_scores(LAND, PEILDATUM)
    assert calls == [LAND], "same version: one computation, no rescoring"
    assert again.groepen.equals(first.groepen)


def test_another_servers_change_shows_once_the_version_is_read_again(app_database) -> None:
    """Another server writes: this server has not cleared anything; the short-lived version cache expires."""
    groep_id = _first_group(app_database)
    data.scope_scores(LAND, PEILDATUM)
    version = data.current_version()
    _end_approach(app_database, groep_id, audit=True)
    assert data.current_version() == version, "read at most once per VERSION_TTL_S"
    data._data_version.clear()  # noqa: SLF001  (what the expiry after VERSION_TTL_S seconds does)
    assert data.current_version() == version + 1
    assert groep_id not in data.scope_scores(LAND, PEILDATUM).groepen["groep_id"].to_list()


def test_an_unrecorded_change_keeps_the_version(app_database) -> None:
    """Writes that bypass the audit trail do not move the key (so every change must be audited)."""
    version = data.current_version()
    _end_approach(app_database, _first_group(app_database), audit=False)
    data.refresh_data()
    assert data.current_version() == version
