"""The plan van aanpak: validation, scope, permission, optimistic locking, audit, progress (both backends)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from sqlalchemy import func, select

from dashboard.access import AccessDeniedError, Identity, Scope
from dashboard.audit import verify_chain
from dashboard.process.plan import (
    NOT_FOUND,
    NOT_PRIORITISED,
    InterventieCreate,
    InterventieUpdate,
    PlanError,
    add_intervention,
    load_plan,
    load_plan_flags,
    load_plan_groups,
    load_prioritised_groups,
    mark_overdue,
    parse_input,
    plan_progress,
    update_intervention,
)
from dashboard.process.sample_plan import seed_demo_plan
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
BURGEMEESTER = REGISSEUR.model_copy(update={"gebruiker_id": "burgemeester-utrecht", "rol": "burgemeester"})
IN_STEP_6 = "G-00003"  # Utrecht, step 6
IN_STEP_4 = "G-00001"  # Utrecht, step 4: awaiting the driehoek
AMERSFOORT = "G-00019"  # outside the Utrecht scope


def _new(groep_id: str = IN_STEP_6, **extra: object) -> InterventieCreate:
    data = {
        "groep_id": groep_id,
        "spoor": "groepsgericht",
        "partner": "Jongerenwerk",
        "omschrijving": "Ambulant jongerenwerk op de hangplek.",
        "eigenaar": "Coördinator jongerenwerk",
        "deadline": dt.date(2026, 12, 15),
        **extra,
    }
    return parse_input(InterventieCreate, data)


def _audit(engine, actie: str) -> list[dict[str, object]]:
    log = T["auditlog"]
    with engine.connect() as connection:
        rows = connection.execute(select(log).where(log.c.actie == actie)).mappings().all()
    return [dict(row) for row in rows]


def _count(engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(T["interventie"])).scalar_one())


def _decide(engine, groep_id: str, uitkomst: str, day: dt.date, evaluatie: dt.date | None = None) -> None:
    row = {
        "besluit_id": f"B-{groep_id}-{day.isoformat()}",
        "groep_id": groep_id,
        "vergaderdatum": day,
        "uitkomst": uitkomst,
        "volgende_evaluatie": evaluatie,
        "aanwezigen": "{}",
        "toelichting": "",
        "vastgelegd_door": "procesregisseur-utrecht",
        "vastgelegd_op": dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC),
    }
    with engine.begin() as connection:
        connection.execute(T["besluit"].insert().values(**row))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"omschrijving": ""}, "Omschrijving: is verplicht, maar leeg"),
        ({"omschrijving": "   "}, "Omschrijving: is verplicht, maar leeg"),
        ({"spoor": "wijkgericht"}, "Spoor: 'wijkgericht' is geen toegestane waarde"),
        ({"status": "klaar"}, "Status: 'klaar' is geen toegestane waarde"),
        ({"deadline": "31-02-2026"}, "Deadline: '31-02-2026' is geen geldige datum"),
        ({"partner": "x" * 201}, "Partner: is langer dan 200 tekens"),
        ({"eigenaar": None}, "Eigenaar: is verplicht, maar leeg"),
    ],
    ids=["leeg", "spaties", "spoor", "status", "datum", "te-lang", "geen-eigenaar"],
)
def test_invalid_input_gets_a_dutch_message(change: dict[str, object], message: str) -> None:
    data = {
        "groep_id": IN_STEP_6,
        "spoor": "groepsgericht",
        "partner": "Politie",
        "omschrijving": "Toezicht.",
    }
    with pytest.raises(PlanError, match=message):
        parse_input(InterventieCreate, {**data, "eigenaar": "Basisteam", **change})


def test_adding_writes_the_intervention_and_its_audit_record(loaded_engine) -> None:
    interventie_id = add_intervention(loaded_engine, REGISSEUR, _new())
    plan = load_plan(loaded_engine, UTRECHT, IN_STEP_6)
    assert plan["interventie_id"].to_list() == [interventie_id]
    assert plan.row(0, named=True) == {
        "interventie_id": interventie_id,
        "groep_id": IN_STEP_6,
        "werknaam": "Groep Terwijde",
        "spoor": "groepsgericht",
        "partner": "Jongerenwerk",
        "omschrijving": "Ambulant jongerenwerk op de hangplek.",
        "eigenaar": "Coördinator jongerenwerk",
        "deadline": dt.date(2026, 12, 15),
        "status": "gepland",
        "versie": 1,
    }
    [audit] = _audit(loaded_engine, "interventie_toegevoegd")
    assert (audit["categorie"], audit["object_id"], audit["groep_id"]) == (
        "wijziging",
        interventie_id,
        IN_STEP_6,
    )
    assert audit["gebruiker_id"] == "procesregisseur-utrecht"
    assert verify_chain(loaded_engine).ok


@pytest.mark.parametrize(
    ("identity", "groep_id", "error", "message"),
    [
        (BURGEMEESTER, IN_STEP_6, AccessDeniedError, "Het plan van aanpak bijwerken"),
        (REGISSEUR, AMERSFOORT, PlanError, NOT_FOUND),
        (REGISSEUR, "G-99999", PlanError, NOT_FOUND),
        (REGISSEUR, IN_STEP_4, PlanError, "niet geprioriteerd"),
    ],
    ids=["geen-recht", "buiten-gebied", "onbekend", "niet-geprioriteerd"],
)
def test_refused_additions_write_nothing(loaded_engine, identity, groep_id, error, message) -> None:
    with pytest.raises(error, match=message):
        add_intervention(loaded_engine, identity, _new(groep_id))
    assert _count(loaded_engine) == 0
    assert not _audit(loaded_engine, "interventie_toegevoegd")


def test_the_latest_decision_decides_whether_a_group_is_prioritised(loaded_engine) -> None:
    assert IN_STEP_4 not in load_prioritised_groups(loaded_engine, UTRECHT)["groep_id"].to_list()
    _decide(loaded_engine, IN_STEP_4, "geprioriteerd", dt.date(2026, 10, 1))
    assert add_intervention(loaded_engine, REGISSEUR, _new(IN_STEP_4))
    _decide(loaded_engine, IN_STEP_4, "afschalen", dt.date(2026, 11, 1))
    with pytest.raises(PlanError, match="niet geprioriteerd"):
        add_intervention(loaded_engine, REGISSEUR, _new(IN_STEP_4))
    assert NOT_PRIORITISED.startswith("Deze groep is (nog) niet geprioriteerd")
    # scaled down, the group keeps its plan: its interventions can still be finished
    groups = load_plan_groups(loaded_engine, UTRECHT)
    assert groups.filter(groep_id=IN_STEP_4)["geprioriteerd"].to_list() == [False]
    assert groups.filter(groep_id=IN_STEP_6)["geprioriteerd"].to_list() == [True]
    row = load_plan(loaded_engine, UTRECHT, IN_STEP_4).row(0, named=True)
    change = {key: row[key] for key in ("interventie_id", "versie", "deadline", "eigenaar")}
    assert update_intervention(loaded_engine, REGISSEUR, InterventieUpdate(**change, status="afgerond")) == 2


def test_two_editors_the_second_is_refused_and_overwrites_nothing(loaded_engine) -> None:
    interventie_id = add_intervention(loaded_engine, REGISSEUR, _new())
    seen = load_plan(loaded_engine, UTRECHT, IN_STEP_6).row(0, named=True)  # both editors load version 1
    first = {**seen, "eigenaar": "Jongerenwerk"} | {"interventie_id": interventie_id}
    first = {key: first[key] for key in ("interventie_id", "versie", "eigenaar", "deadline")}
    assert update_intervention(loaded_engine, REGISSEUR, InterventieUpdate(**first, status="lopend")) == 2
    with pytest.raises(ConcurrentEditError, match="Iemand anders heeft dit intussen gewijzigd"):
        update_intervention(loaded_engine, REGISSEUR, InterventieUpdate(**first, status="vervallen"))
    row = load_plan(loaded_engine, UTRECHT, IN_STEP_6).row(0, named=True)
    assert (row["status"], row["versie"], row["eigenaar"]) == ("lopend", 2, "Jongerenwerk")
    [audit] = _audit(loaded_engine, "interventie_gewijzigd")
    assert audit["details"] == '{"status": "lopend", "velden": ["eigenaar", "status"], "versie": 2}'
    assert verify_chain(loaded_engine).ok


def test_updates_need_the_permission_and_the_scope(loaded_engine) -> None:
    interventie_id = add_intervention(loaded_engine, REGISSEUR, _new())
    change = InterventieUpdate(interventie_id=interventie_id, versie=1, status="afgerond", eigenaar="Politie")
    with pytest.raises(AccessDeniedError):
        update_intervention(loaded_engine, BURGEMEESTER, change)
    elders = REGISSEUR.model_copy(update={"scope": Scope(type="gemeente", codes=frozenset({"GM0307"}))})
    with pytest.raises(PlanError, match="bestaat niet"):
        update_intervention(loaded_engine, elders, change)
    assert load_plan(loaded_engine, UTRECHT)["status"].to_list() == ["gepland"]
    assert load_plan(loaded_engine, elders.scope).is_empty()


def _plan(*rows: tuple[str, str, dt.date | None]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema={"groep_id": pl.String, "status": pl.String, "deadline": pl.Date}, orient="row"
    )


BEFORE, AFTER = dt.date(2026, 11, 1), dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("G1", "gepland", BEFORE)], (1, 1, 0, 0, 0, 1, 0.0)),
        ([("G1", "lopend", BEFORE), ("G1", "afgerond", BEFORE)], (2, 0, 1, 1, 0, 1, 50.0)),
        ([("G1", "afgerond", BEFORE), ("G1", "vervallen", BEFORE)], (2, 0, 0, 1, 1, 0, 100.0)),
        ([("G1", "lopend", AFTER), ("G1", "gepland", None)], (2, 1, 1, 0, 0, 0, 0.0)),
        ([("G1", "lopend", PEILDATUM)], (1, 0, 1, 0, 0, 0, 0.0)),
        ([("G1", "vervallen", BEFORE)], (1, 0, 0, 0, 1, 0, None)),
    ],
    ids=[
        "te-laat",
        "half-af",
        "vervallen-telt-niet",
        "op-tijd-of-zonder-deadline",
        "deadline-is-peildatum",
        "alles-vervallen",
    ],
)
def test_progress_per_group(rows, expected) -> None:
    progress = plan_progress(_plan(*rows), PEILDATUM)
    columns = ("totaal", "gepland", "lopend", "afgerond", "vervallen", "te_laat", "percentage_afgerond")
    assert progress.select(columns).row(0) == expected


def test_overdue_marks_only_open_items_past_their_deadline() -> None:
    plan = _plan(("G1", "gepland", BEFORE), ("G1", "afgerond", BEFORE), ("G2", "lopend", None))
    assert mark_overdue(plan, PEILDATUM)["te_laat"].to_list() == [True, False, False]
    assert plan_progress(plan, PEILDATUM)["groep_id"].to_list() == ["G1", "G2"]


def test_the_demo_plan_is_deterministic_idempotent_and_has_overdue_items(loaded_engine) -> None:
    added = seed_demo_plan(loaded_engine, PEILDATUM)
    assert added > 0
    assert seed_demo_plan(loaded_engine, PEILDATUM) == 0
    plan = mark_overdue(load_plan(loaded_engine, Scope(type="land")), PEILDATUM)
    assert plan.height == added
    assert set(plan["status"]) == {"gepland", "lopend", "afgerond", "vervallen"}
    assert plan["te_laat"].any()
    assert not plan.filter(pl.col("status").is_in(["afgerond", "vervallen"]))["te_laat"].any()
    assert len(_audit(loaded_engine, "interventie_toegevoegd")) == 1
    assert verify_chain(loaded_engine).ok


def test_overview_flags_count_overdue_items_and_overdue_reviews(loaded_engine) -> None:
    seed_demo_plan(loaded_engine, PEILDATUM)
    _decide(loaded_engine, IN_STEP_6, "geprioriteerd", dt.date(2026, 6, 1), dt.date(2026, 11, 1))
    _decide(loaded_engine, "G-00005", "geprioriteerd", dt.date(2026, 6, 1), dt.date(2027, 1, 1))
    _decide(loaded_engine, AMERSFOORT, "geprioriteerd", dt.date(2026, 6, 1), dt.date(2026, 7, 1))
    flags = load_plan_flags(loaded_engine, UTRECHT, PEILDATUM)
    overdue = mark_overdue(load_plan(loaded_engine, UTRECHT), PEILDATUM).filter("te_laat")
    assert flags.te_laat["te_laat"].sum() == overdue.height > 0
    assert set(flags.te_laat["groep_id"]) == set(overdue["groep_id"])
    assert flags.evaluatie_verlopen.select("groep_id", "volgende_evaluatie").rows() == [
        (IN_STEP_6, dt.date(2026, 11, 1))
    ]
