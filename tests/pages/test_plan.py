"""The Plan van aanpak page, the plan on the group page and the overview's plan flags (AppTest)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from dashboard.process.plan import InterventieUpdate, load_plan, update_intervention
from dashboard.process.sample_plan import seed_demo_plan
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata
from pages.plan import NIET_MEER
from tests.conftest import APP

PEILDATUM = dt.date(2026, 11, 30)
WITH_PLAN = "G-00003"  # Groep Terwijde (Utrecht, step 6): the demo plan has an overdue item there
T = metadata.tables


@pytest.fixture
def plan_db(sample_db_url: str, tmp_path):
    """A writable copy of the sample with the demo plan."""
    target = tmp_path / "plan.db"
    shutil.copy(sample_db_url.removeprefix("sqlite:///"), target)
    engine = create_db_engine(f"sqlite:///{target}")
    seed_demo_plan(engine, PEILDATUM)
    yield engine
    engine.dispose()


@pytest.fixture
def plan_app(plan_db, monkeypatch: pytest.MonkeyPatch, navigation_mode: None) -> AppTest:  # noqa: ARG001
    monkeypatch.setenv("DATABASE_URL", plan_db.url.render_as_string(hide_password=False))
    monkeypatch.setenv("KAART_TILES", "none")
    return AppTest.from_file(str(APP), default_timeout=60)


def _user(engine, gebruiker_id: str):
    return next(i for i in load_identities(engine) if i.gebruiker_id == gebruiker_id)


def _texts(app: AppTest) -> str:
    kinds = ("markdown", "caption", "title", "subheader", "info", "error", "warning", "success")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(app, kind))


def _cells(app: AppTest) -> list[str]:
    return [str(cell) for frame in app.dataframe for row in frame.value.itertuples() for cell in row]


def test_the_procesregisseur_sees_the_plan_per_track_with_overdue_items(plan_app, plan_db) -> None:
    open_page(plan_app, _user(plan_db, "procesregisseur-utrecht"), "plan", groep=WITH_PLAN)
    assert not plan_app.exception
    assert plan_app.title[0].value == "Plan van aanpak"
    metrics = {m.label: m.value for m in plan_app.metric}
    assert metrics["Te laat"].startswith("⚠")
    assert " van " in metrics["Afgerond"]
    assert any(cell.endswith("⚠ te laat") for cell in _cells(plan_app)), "te laat in tekst, niet alleen kleur"
    text = _texts(plan_app)
    assert "**Groepsgericht**" in text
    assert "**Persoonsgericht**" in text
    assert [b.label for b in plan_app.button].count("Opslaan") == load_plan(
        plan_db, _user(plan_db, "procesregisseur-utrecht").scope, WITH_PLAN
    ).height


@pytest.mark.parametrize("gebruiker_id", ["burgemeester-utrecht", "specialist-mnl", "beheerder"])
def test_roles_without_the_permission_cannot_open_the_page(plan_app, plan_db, gebruiker_id) -> None:
    open_page(plan_app, _user(plan_db, gebruiker_id), "plan", groep=WITH_PLAN)
    assert not plan_app.exception
    assert "Plan van aanpak" not in [t.value for t in plan_app.title]
    assert "Toevoegen" not in [b.label for b in plan_app.button]


def test_adding_an_intervention_through_the_form(plan_app, plan_db) -> None:
    regisseur = _user(plan_db, "procesregisseur-utrecht")
    open_page(plan_app, regisseur, "plan", groep=WITH_PLAN)
    before = load_plan(plan_db, regisseur.scope, WITH_PLAN).height
    form = [w for w in plan_app.text_input if w.label in {"Partner", "Eigenaar"} and w.key is None]
    partner, eigenaar = form
    partner.input("Leerplicht")
    eigenaar.input("Leerplichtambtenaar")
    plan_app.text_area[0].input("Gesprek met de leden die niet naar school gaan.")
    next(b for b in plan_app.button if b.label == "Toevoegen").click().run()
    assert not plan_app.exception
    assert [s.value for s in plan_app.success] == ["De interventie is toegevoegd aan het plan."]
    plan = load_plan(plan_db, regisseur.scope, WITH_PLAN)
    assert plan.height == before + 1
    assert "Leerplichtambtenaar" in plan["eigenaar"].to_list()
    with plan_db.connect() as connection:
        actions = connection.execute(select(T["auditlog"].c.actie, T["auditlog"].c.gebruiker_id)).all()
    assert ("interventie_toegevoegd", "procesregisseur-utrecht") in actions


def test_an_empty_description_gets_a_dutch_error_and_saves_nothing(plan_app, plan_db) -> None:
    regisseur = _user(plan_db, "procesregisseur-utrecht")
    open_page(plan_app, regisseur, "plan", groep=WITH_PLAN)
    before = load_plan(plan_db, regisseur.scope, WITH_PLAN).height
    next(b for b in plan_app.button if b.label == "Toevoegen").click().run()
    assert not plan_app.exception
    assert "Omschrijving: is verplicht, maar leeg" in plan_app.error[0].value
    assert load_plan(plan_db, regisseur.scope, WITH_PLAN).height == before


def test_a_stale_edit_is_refused_and_overwrites_nothing(plan_app, plan_db) -> None:
    regisseur = _user(plan_db, "procesregisseur-utrecht")
    open_page(plan_app, regisseur, "plan", groep=WITH_PLAN)  # this editor sees version 1
    row = load_plan(plan_db, regisseur.scope, WITH_PLAN).row(0, named=True)
    other = {key: row[key] for key in ("interventie_id", "versie", "deadline")}
    update_intervention(
        plan_db, regisseur, InterventieUpdate(**other, status="vervallen", eigenaar="Politie")
    )
    key = row["interventie_id"]
    plan_app.selectbox(key=f"status_{key}").select("afgerond")
    plan_app.text_input(key=f"eigenaar_{key}").input("Gemeente")
    buttons = [b for b in plan_app.button if b.label == "Opslaan"]
    buttons[0].click().run()
    assert not plan_app.exception
    assert "Iemand anders heeft dit intussen gewijzigd" in plan_app.error[0].value
    now = load_plan(plan_db, regisseur.scope, WITH_PLAN).filter(interventie_id=key).row(0, named=True)
    assert (now["status"], now["eigenaar"], now["versie"]) == ("vervallen", "Politie", 2)
    buttons = [b for b in plan_app.button if b.label == "Opslaan"]
    buttons[0].click().run()  # a retry starts from the version now shown
    assert [s.value for s in plan_app.success] == ["De wijziging is opgeslagen."]
    now = load_plan(plan_db, regisseur.scope, WITH_PLAN).filter(interventie_id=key).row(0, named=True)
    assert (now["status"], now["eigenaar"], now["versie"]) == ("afgerond", "Gemeente", 3)


def test_a_group_no_longer_prioritised_keeps_its_plan_but_gets_no_new_items(plan_app, plan_db) -> None:
    with plan_db.begin() as connection:
        connection.execute(T["groep"].update().where(T["groep"].c.groep_id == WITH_PLAN).values(stap="7"))
    open_page(plan_app, _user(plan_db, "procesregisseur-utrecht"), "plan", groep=WITH_PLAN)
    assert not plan_app.exception
    assert NIET_MEER in [i.value for i in plan_app.info]
    assert "Toevoegen" not in [b.label for b in plan_app.button]
    assert "Opslaan" in [b.label for b in plan_app.button], "bestaande interventies blijven bij te werken"


@pytest.mark.parametrize(
    ("gebruiker_id", "link"),
    [("procesregisseur-utrecht", True), ("burgemeester-utrecht", False), ("ovj-mnl", False)],
)
def test_the_group_page_shows_the_plan_read_only(plan_app, plan_db, gebruiker_id, link) -> None:
    open_page(plan_app, _user(plan_db, gebruiker_id), "groep", groep=WITH_PLAN)
    assert not plan_app.exception
    assert "Plan van aanpak" in [s.value for s in plan_app.subheader]
    assert "Te laat" in [m.label for m in plan_app.metric]
    assert any(cell.endswith("⚠ te laat") for cell in _cells(plan_app))
    assert "Opslaan" not in [b.label for b in plan_app.button]
    links = [e.proto.label for e in plan_app.get("page_link")]
    assert ("Plan van aanpak bijwerken" in links) is link


def test_the_group_page_says_when_there_is_no_plan(plan_app, plan_db) -> None:
    open_page(plan_app, _user(plan_db, "burgemeester-utrecht"), "groep", groep="G-00017")
    assert not plan_app.exception
    assert "Nog geen plan van aanpak vastgelegd." in [i.value for i in plan_app.info]


def test_the_overview_flags_overdue_interventions_and_reviews(plan_app, plan_db) -> None:
    with plan_db.begin() as connection:
        connection.execute(
            T["besluit"]
            .insert()
            .values(
                besluit_id="B-1",
                groep_id="G-00005",
                vergaderdatum=dt.date(2026, 6, 1),
                uitkomst="geprioriteerd",
                volgende_evaluatie=dt.date(2026, 10, 1),
                aanwezigen="{}",
                toelichting="",
                vastgelegd_door="procesregisseur-utrecht",
                vastgelegd_op=dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC),
            )
        )
    open_page(plan_app, _user(plan_db, "burgemeester-utrecht"), "overzicht")
    assert not plan_app.exception
    warnings = [w.value for w in plan_app.warning if w.icon in {"⚠️", "⏰"}]
    assert any(w.startswith("Interventies te laat:") and "Groep Terwijde" in w for w in warnings)
    assert any(w.startswith("Evaluatie verlopen: 1") and "Bankjes Beatrixpark" in w for w in warnings)
    open_page(plan_app, _user(plan_db, "burgemeester-amersfoort"), "overzicht")
    assert not plan_app.exception
    assert not [w for w in plan_app.warning if "Interventies" in w.value or "Evaluatie" in w.value]
    assert "geen interventies te laat" in _texts(plan_app), "Utrechtse groepen blijven buiten beeld"
