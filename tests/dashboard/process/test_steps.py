"""The 7 steps: moving a group records who, when and why; the 2A gate, locking and audit hold."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dashboard.access import AccessDeniedError, Identity, Scope
from dashboard.audit import data_version
from dashboard.process.steps import StepError, load_step_state, move_step
from dashboard.storage.locking import ConcurrentEditError
from dashboard.storage.schema import metadata
from tests.dashboard.process.small_sample import small_engine, small_sample_dir

__all__ = ["small_engine", "small_sample_dir"]  # fixtures

T = metadata.tables
NIEUW = "G-00018"  # Amersfoort, stap 1, nog niet beoordeeld
UTRECHT = "G-00001"  # Utrecht, stap 4, problematisch
REDEN = "Signalen van wijkagent en jongerenwerk besproken"


def _identity(rol: str, scope: Scope | None = None) -> Identity:
    return Identity(
        gebruiker_id=f"{rol}-test",
        naam=f"{rol} (test)",
        email=f"{rol}@test.example",
        rol=rol,  # type: ignore[arg-type]
        scope=scope or Scope(type="land"),
    )


SPECIALIST = _identity("politie_specialist")
REGISSEUR = _identity("procesregisseur")


def _audit_actions(engine) -> list[tuple[str, str, str]]:
    """The audit trail's step records (loading the sample has records of its own)."""
    log = T["auditlog"]
    statement = (
        select(log.c.actie, log.c.categorie, log.c.object_id)
        .where(log.c.actie == "stap_gewijzigd")
        .order_by(log.c.id)
    )
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(statement)]


def test_a_step_change_records_history_audit_and_a_new_version(small_engine) -> None:
    version = data_version(small_engine)
    new = move_step(small_engine, SPECIALIST, NIEUW, "2A", REDEN, 1)
    state = load_step_state(small_engine, SPECIALIST, NIEUW)
    assert state is not None
    assert (new, state.stap, state.versie) == (2, "2A", 2)
    history = state.geschiedenis.to_dicts()
    assert [(h["van_stap"], h["naar_stap"], h["reden"]) for h in history] == [("1", "2A", REDEN)]
    assert history[0]["gebruiker"] == SPECIALIST.gebruiker_id  # not a user in the table: the id
    assert history[0]["tijdstip"].tzinfo is not None
    assert _audit_actions(small_engine) == [("stap_gewijzigd", "wijziging", NIEUW)]
    assert data_version(small_engine) == version + 1


@pytest.mark.parametrize(
    ("naar", "beoordeling", "allowed"),
    [
        pytest.param("2B", None, False, id="2B-zonder-2A-beoordeling"),
        pytest.param("3", "niet_problematisch", False, id="3-niet-problematisch"),
        pytest.param("2A", "niet_problematisch", True, id="2A-niet-problematisch-vastleggen"),
        pytest.param("2B", "problematisch", True, id="2B-na-problematisch"),
        pytest.param("1", None, True, id="terug-naar-1"),
    ],
)
def test_the_2a_gate(small_engine, naar: str, beoordeling: str | None, *, allowed: bool) -> None:
    def move() -> int:
        return move_step(small_engine, SPECIALIST, NIEUW, naar, REDEN, 1, beoordeling_2a=beoordeling)  # type: ignore[arg-type]

    if naar == "1":  # staying in 1 with the same outcome changes nothing: first go to 2A
        move_step(small_engine, SPECIALIST, NIEUW, "2A", REDEN, 1)
        assert move_step(small_engine, SPECIALIST, NIEUW, "1", REDEN, 2) == 3
        return
    if allowed:
        assert move() == 2
        state = load_step_state(small_engine, SPECIALIST, NIEUW)
        assert state is not None
        assert (state.stap, state.beoordeling_2a) == (naar, beoordeling)
    else:
        with pytest.raises(StepError, match="problematisch is beoordeeld"):
            move()
        assert _audit_actions(small_engine) == []


@pytest.mark.parametrize(
    ("reden", "naar", "melding"),
    [
        pytest.param("", "2A", "Geef een reden", id="geen-reden"),
        pytest.param("  ok ", "2A", "Geef een reden", id="te-kort"),
        pytest.param(REDEN, "1", "staat al in stap", id="geen-wijziging"),
    ],
)
def test_refused_changes_explain_why_in_dutch(small_engine, reden: str, naar: str, melding: str) -> None:
    with pytest.raises(StepError, match=melding):
        move_step(small_engine, SPECIALIST, NIEUW, naar, reden, 1)  # type: ignore[arg-type]
    state = load_step_state(small_engine, SPECIALIST, NIEUW)
    assert state is not None
    assert (state.stap, state.versie, state.geschiedenis.height) == ("1", 1, 0)


@pytest.mark.parametrize("rol", ["burgemeester", "wijkagent", "officier_van_justitie", "beheerder"])
def test_roles_without_stap_wijzigen_are_refused(small_engine, rol: str) -> None:
    with pytest.raises(AccessDeniedError, match="werkproces wijzigen"):
        move_step(small_engine, _identity(rol), NIEUW, "2A", REDEN, 1)


def test_a_group_outside_the_scope_cannot_be_moved_or_seen(small_engine) -> None:
    utrecht = _identity("procesregisseur", Scope(type="gemeente", codes=frozenset({"GM0344"})))
    assert load_step_state(small_engine, utrecht, NIEUW) is None
    with pytest.raises(StepError, match="buiten uw gebied"):
        move_step(small_engine, utrecht, NIEUW, "2A", REDEN, 1)
    assert move_step(small_engine, utrecht, UTRECHT, "5", REDEN, 1) == 2


def test_two_editors_the_second_is_refused_and_nothing_is_overwritten(small_engine) -> None:
    move_step(small_engine, SPECIALIST, UTRECHT, "5", "Driehoek heeft geprioriteerd", 1)
    with pytest.raises(ConcurrentEditError, match="Iemand anders"):
        move_step(small_engine, REGISSEUR, UTRECHT, "3", "Terug naar groepsduiding", 1)
    state = load_step_state(small_engine, SPECIALIST, UTRECHT)
    assert state is not None
    assert (state.stap, state.versie, state.geschiedenis.height) == ("5", 2, 1)
    assert len(_audit_actions(small_engine)) == 1
    with small_engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(T["stapwijziging"])).scalar_one() == 1
