"""Driehoek decisions: Dutch validation, rights, scope, audit, optimistic locking, demo data."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError
from sqlalchemy import func, select

from dashboard.access import AccessDeniedError, Identity, Scope
from dashboard.audit import verify_chain
from dashboard.process.decisions import (
    BesluitCreate,
    DecisionError,
    correct_decision,
    dutch_errors,
    format_aanwezigen,
    latest_decisions,
    load_decisions,
    move_to_plan,
    record_decision,
)
from dashboard.process.sample_decisions import seed_demo_decisions
from dashboard.storage.locking import ConcurrentEditError
from dashboard.storage.schema import metadata

T = metadata.tables
PEILDATUM = dt.date(2026, 11, 30)
UTRECHT = Scope(type="gemeente", codes=frozenset({"GM0344"}))
REGISSEUR = Identity(
    gebruiker_id="procesregisseur-utrecht",
    naam="PR",
    email="pr@x.example",
    rol="procesregisseur",
    scope=UTRECHT,
)
COLLEGA = REGISSEUR.model_copy(update={"gebruiker_id": "procesregisseur-2"})
IN_STEP_4 = "G-00001"  # Utrecht, step 4
AMERSFOORT = "G-00019"  # outside the Utrecht scope
AANWEZIG = {"gemeente": "Burgemeester", "om": "Officier van justitie", "politie": "Teamchef"}


def _data(**extra: object) -> dict[str, object]:
    return {
        "groep_id": IN_STEP_4,
        "vergaderdatum": dt.date(2026, 11, 20),
        "uitkomst": "geprioriteerd",
        "prioriteit": "hoog",
        "regie_groepsgericht": "Gemeente",
        "regie_domeingericht": "Politie",
        "regie_persoonsgericht": " ",
        "volgende_evaluatie": dt.date(2027, 2, 20),
        "aanwezigen": AANWEZIG,
        "toelichting": "Advies overgenomen.",
        **extra,
    }


def _new(**extra: object) -> BesluitCreate:
    return BesluitCreate.model_validate(_data(**extra))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        pytest.param({"prioriteit": None}, "Kies een prioriteit", id="geprioriteerd-zonder-prioriteit"),
        pytest.param({"volgende_evaluatie": None}, "volgende evaluatie", id="zonder-evaluatie"),
        pytest.param(
            {"volgende_evaluatie": dt.date(2026, 11, 1)},
            "na de vergaderdatum",
            id="evaluatie-voor-vergadering",
        ),
        pytest.param(
            {"vergaderdatum": dt.date(2099, 1, 1)}, "in de toekomst", id="vergadering-in-de-toekomst"
        ),
        pytest.param(
            {"aanwezigen": {**AANWEZIG, "om": " "}},
            "Aanwezig namens het OM: vul in wie er namens deze partner",
            id="om-niet-aanwezig",
        ),
        pytest.param({"uitkomst": "besloten"}, "Besluit is geen toegestane keuze", id="onbekende-uitkomst"),
        pytest.param(
            {"uitkomst": "monitoren"},
            "Een prioriteit hoort alleen bij 'Geprioriteerd'",
            id="prioriteit-bij-monitoren",
        ),
        pytest.param(
            {"vergaderdatum": "31-02-2026"}, "Vergaderdatum is geen geldige datum", id="ongeldige-datum"
        ),
        pytest.param(
            {"aanwezigen": {"gemeente": "B"}}, "Aanwezig namens het OM ontbreekt", id="aanwezigen-mist"
        ),
    ],
)
def test_invalid_decisions_get_a_dutch_message(extra: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _new(**extra)
    assert any(message in text for text in dutch_errors(caught.value)), dutch_errors(caught.value)


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param(
            {"uitkomst": "afschalen", "prioriteit": None, "volgende_evaluatie": None}, id="afschalen"
        ),
        pytest.param({"uitkomst": "monitoren", "prioriteit": None}, id="monitoren"),
        pytest.param({"uitkomst": "niet_geprioriteerd", "prioriteit": None}, id="niet-geprioriteerd"),
    ],
)
def test_valid_decisions_without_priority(extra: dict[str, object]) -> None:
    besluit = _new(**extra)
    assert besluit.prioriteit is None
    assert besluit.regie_persoonsgericht is None, "een lege regie wordt leeg opgeslagen"


def test_a_recorded_decision_is_read_back_with_its_audit_record(loaded_engine) -> None:
    besluit_id = record_decision(
        loaded_engine, REGISSEUR, _new(aanwezigen={**AANWEZIG, "overig": ("Halt", " ")})
    )
    frame = load_decisions(loaded_engine, UTRECHT, IN_STEP_4)
    row = frame.row(0, named=True)
    assert (row["besluit_id"], row["uitkomst"], row["prioriteit"], row["versie"]) == (
        besluit_id,
        "geprioriteerd",
        "hoog",
        1,
    )
    assert row["vastgelegd_door"] == REGISSEUR.gebruiker_id
    assert row["vastgelegd_op"].tzinfo is not None
    assert format_aanwezigen(row["aanwezigen"]) == (
        "Gemeente: Burgemeester; OM: Officier van justitie; Politie: Teamchef; verder: Halt"
    )
    with loaded_engine.connect() as connection:
        audit = (
            connection.execute(select(T["auditlog"]).where(T["auditlog"].c.object_id == besluit_id))
            .mappings()
            .one()
        )
    assert (audit["categorie"], audit["actie"], audit["groep_id"]) == (
        "wijziging",
        "besluit_vastgelegd",
        IN_STEP_4,
    )
    assert "Burgemeester" not in audit["details"], "geen namen of vrije tekst in het auditlog"
    assert verify_chain(loaded_engine).ok


def test_only_the_procesregisseur_may_decide(loaded_engine) -> None:
    mayor = REGISSEUR.model_copy(update={"rol": "burgemeester"})
    with pytest.raises(AccessDeniedError, match="Driehoeksbesluiten vastleggen"):
        record_decision(loaded_engine, mayor, _new())
    assert load_decisions(loaded_engine, UTRECHT).is_empty()


def test_a_group_outside_the_scope_is_refused_and_nothing_is_written(loaded_engine) -> None:
    with pytest.raises(DecisionError, match="bestaat niet of valt buiten uw gebied"):
        record_decision(loaded_engine, REGISSEUR, _new(groep_id=AMERSFOORT))
    with loaded_engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(T["besluit"])).scalar_one() == 0
        log = T["auditlog"]
        besluit_records = select(func.count()).select_from(log).where(log.c.object_type == "besluit")
        assert connection.execute(besluit_records).scalar_one() == 0
    assert load_decisions(loaded_engine, Scope(type="land")).is_empty()


def test_two_users_correcting_the_same_decision_the_second_is_refused(loaded_engine) -> None:
    besluit_id = record_decision(loaded_engine, REGISSEUR, _new())
    versie = load_decisions(loaded_engine, UTRECHT, IN_STEP_4).item(0, "versie")
    assert correct_decision(loaded_engine, REGISSEUR, besluit_id, versie, _new(prioriteit="midden")) == 2
    with pytest.raises(ConcurrentEditError, match="Iemand anders heeft dit intussen gewijzigd"):
        correct_decision(loaded_engine, COLLEGA, besluit_id, versie, _new(prioriteit="laag"))
    row = load_decisions(loaded_engine, UTRECHT, IN_STEP_4).row(0, named=True)
    assert (row["prioriteit"], row["versie"], row["vastgelegd_door"]) == ("midden", 2, REGISSEUR.gebruiker_id)
    with loaded_engine.connect() as connection:
        acties = (
            connection.execute(
                select(T["auditlog"].c.actie)
                .where(T["auditlog"].c.object_type == "besluit")
                .order_by(T["auditlog"].c.id)
            )
            .scalars()
            .all()
        )
    assert acties == ["besluit_vastgelegd", "besluit_gecorrigeerd"], (
        "de geweigerde correctie laat geen spoor na"
    )


def test_a_correction_cannot_move_a_decision_to_another_group(loaded_engine) -> None:
    besluit_id = record_decision(loaded_engine, REGISSEUR, _new())
    with pytest.raises(ConcurrentEditError):
        correct_decision(loaded_engine, REGISSEUR, besluit_id, 1, _new(groep_id="G-00003"))


def test_scope_filters_decisions_and_latest_is_the_newest_meeting(loaded_engine) -> None:
    record_decision(
        loaded_engine,
        REGISSEUR,
        _new(vergaderdatum=dt.date(2026, 6, 1), uitkomst="monitoren", prioriteit=None),
    )
    record_decision(loaded_engine, REGISSEUR, _new())
    mnl = REGISSEUR.model_copy(update={"scope": Scope(type="eenheid", codes=frozenset({"MNL"}))})
    record_decision(loaded_engine, mnl, _new(groep_id=AMERSFOORT))
    assert load_decisions(loaded_engine, UTRECHT).height == 2
    assert load_decisions(loaded_engine, mnl.scope).height == 3
    latest = latest_decisions(load_decisions(loaded_engine, mnl.scope))
    assert dict(zip(latest["groep_id"], latest["uitkomst"], strict=True)) == {
        IN_STEP_4: "geprioriteerd",
        AMERSFOORT: "geprioriteerd",
    }


def test_the_demo_decisions_are_deterministic_and_idempotent(loaded_engine) -> None:
    added = seed_demo_decisions(loaded_engine, PEILDATUM)
    assert added > 0
    assert seed_demo_decisions(loaded_engine, PEILDATUM) == 0
    frame = load_decisions(loaded_engine, Scope(type="land"))
    assert frame.height == added
    assert (frame["vergaderdatum"] < PEILDATUM).all()
    valid = frame.filter(frame["uitkomst"] != "afschalen")
    assert (valid["volgende_evaluatie"] > valid["vergaderdatum"]).all()
    assert frame.filter(frame["uitkomst"] == "geprioriteerd")["prioriteit"].null_count() == 0
    assert verify_chain(loaded_engine).ok


@pytest.mark.parametrize(
    ("extra", "moved", "stap"),
    [
        pytest.param({}, True, "5", id="geprioriteerd-naar-stap-5"),
        pytest.param(
            {"uitkomst": "monitoren", "prioriteit": None}, False, "4", id="monitoren-blijft-in-stap-4"
        ),
        pytest.param({"groep_id": "G-00003"}, False, "6", id="stap-6-blijft-staan"),
    ],
)
def test_a_prioritising_decision_moves_a_step_4_group_to_the_plan(
    loaded_engine,
    extra: dict[str, object],
    moved: bool,  # noqa: FBT001  (parametrised)
    stap: str,
) -> None:
    besluit = _new(**extra)
    record_decision(loaded_engine, REGISSEUR, besluit)
    assert move_to_plan(loaded_engine, REGISSEUR, besluit) is moved
    with loaded_engine.connect() as connection:
        groep = T["groep"]
        assert (
            connection.execute(select(groep.c.stap).where(groep.c.groep_id == besluit.groep_id)).scalar_one()
            == stap
        )
        wijzigingen = connection.execute(select(T["stapwijziging"].c.reden)).scalars().all()
    assert wijzigingen == (["Geprioriteerd door de driehoek op 20 nov. 2026."] if moved else [])
