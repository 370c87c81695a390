"""The Driehoeksoverleg page for every demo role (AppTest on a copy of the sample with demo decisions)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from components.navigation import allowed_specs
from dashboard.access import Identity, has_permission
from dashboard.process.decisions import BesluitCreate, correct_decision, load_decisions
from dashboard.process.sample_decisions import seed_demo_decisions
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata

APP = Path(__file__).resolve().parents[2] / "app.py"
PEILDATUM = dt.date(2026, 11, 30)
T = metadata.tables
REGISSEUR = "procesregisseur-utrecht"


@pytest.fixture
def decided_url(sample_db_url: str, tmp_path: Path) -> str:
    """A private copy of the sample database with the demo decisions (tests here write to it)."""
    source = make_url(sample_db_url).database
    assert source is not None
    target = tmp_path / "driehoek.db"
    shutil.copyfile(source, target)
    url = f"sqlite:///{target}"
    seed_demo_decisions(create_db_engine(url), PEILDATUM)
    return url


@pytest.fixture
def page_app(decided_url: str, monkeypatch: pytest.MonkeyPatch, navigation_mode: None) -> AppTest:  # noqa: ARG001
    """An AppTest of app.py on the private copy; tiles off, so nothing leaves the machine."""
    monkeypatch.setenv("DATABASE_URL", decided_url)
    monkeypatch.setenv("KAART_TILES", "none")
    return AppTest.from_file(str(APP), default_timeout=60)


def _users(url: str) -> dict[str, Identity]:
    return {identity.gebruiker_id: identity for identity in load_identities(create_db_engine(url))}


def _all_text(app: AppTest) -> str:
    kinds = ("markdown", "caption", "title", "header", "subheader", "info", "error", "success")
    parts = [str(e.value) for kind in kinds for e in getattr(app, kind)]
    parts += [f"{m.label} {m.value}" for m in app.metric]
    return "\n".join(parts)


def _button(app: AppTest, label: str):
    return next(button for button in app.button if button.label == label)


def test_every_role_with_driehoek_sees_the_agenda_and_only_deciders_the_form(
    page_app: AppTest, decided_url: str
) -> None:
    users = _users(decided_url).values()
    allowed = [identity for identity in users if has_permission(identity, "driehoek")]
    assert {identity.rol for identity in allowed} >= {
        "burgemeester",
        "procesregisseur",
        "officier_van_justitie",
    }
    for identity in allowed:
        open_page(page_app, identity, "driehoek")
        assert not page_app.exception, identity.rol
        assert page_app.title[0].value == "Driehoeksoverleg", identity.rol
        expected = ["Agenda", "Presentatie"] + (
            ["Besluit vastleggen"] if identity.rol == "procesregisseur" else []
        )
        assert [tab.label for tab in page_app.tabs] == expected, identity.rol
        assert "op de agenda" in _all_text(page_app), identity.rol


def test_roles_without_driehoek_do_not_have_the_page(page_app: AppTest, decided_url: str) -> None:
    forbidden = [
        identity for identity in _users(decided_url).values() if not has_permission(identity, "driehoek")
    ]
    assert {identity.rol for identity in forbidden} >= {"wijkagent", "beheerder"}
    for identity in forbidden:
        assert "driehoek" not in [spec.url_path for spec in allowed_specs(identity)], identity.rol
        open_page(page_app, identity, "driehoek")
        assert not page_app.exception, identity.rol
        assert "Driehoeksoverleg" not in [title.value for title in page_app.title], identity.rol


def test_the_agenda_lists_reasons_and_the_presentation_steps_through_it(
    page_app: AppTest, decided_url: str
) -> None:
    open_page(page_app, _users(decided_url)["burgemeester-utrecht"], "driehoek")
    text = _all_text(page_app)
    assert "Nieuw advies" in text
    assert "Evaluatie verlopen sinds" in text
    assert "Groep 1 van 5" in text
    first = page_app.header[0].value
    _button(page_app, "Volgende ▶").click().run()
    assert "Groep 2 van 5" in _all_text(page_app)
    assert page_app.header[0].value != first
    _button(page_app, "◀ Vorige").click().run()
    assert page_app.header[0].value == first
    assert [m.label for m in page_app.metric][:5] == [
        "Prioriteit",
        "Ernst",
        "Risico",
        "Ontwikkeling",
        "Impact",
    ]


def test_the_presentation_shows_no_names_to_the_mayor(page_app: AppTest, decided_url: str) -> None:
    engine = create_db_engine(decided_url)
    persoon, lid = T["persoon"], T["lidmaatschap"]
    with engine.connect() as connection:
        rows = connection.execute(
            select(persoon.c.voornaam, persoon.c.achternaam).join(
                lid, lid.c.persoon_id == persoon.c.persoon_id
            )
        ).all()
    surnames = {row.achternaam for row in rows if len(row.achternaam) > 3}
    open_page(page_app, _users(decided_url)["burgemeester-utrecht"], "driehoek")
    page_app.toggle(key="driehoek_groot").set_value(True).run()
    for _ in range(5):
        text = _all_text(page_app)
        assert not [name for name in surnames if f" {name}" in text], "geen namen in de presentatie"
        assert "P-0" not in text, "geen persoonsnummers in de presentatie"
        _button(page_app, "Volgende ▶").click().run()
    assert any("stSidebar" in str(m.value) for m in page_app.markdown), "groot scherm verbergt de zijbalk"


def _fill(app: AppTest, groep_id: str, **choices: object) -> None:
    app.selectbox(key="besluit_groep").set_value(groep_id).run()
    prefix = f"besluit_{groep_id}_n"
    for name, value in choices.items():
        widget = app.selectbox(key=f"{prefix}_{name}")
        widget.set_value(value)
    app.text_area(key=f"{prefix}_toelichting").input("Advies overgenomen.")
    _button(app, "Besluit vastleggen").click().run()


def test_the_procesregisseur_records_a_decision_that_shows_on_the_group_page(
    page_app: AppTest, decided_url: str
) -> None:
    regisseur = _users(decided_url)[REGISSEUR]
    open_page(page_app, regisseur, "driehoek")
    groep_id = page_app.selectbox(key="besluit_groep").value
    assert groep_id == "G-00013", "de eerste groep van de agenda staat klaar"
    _fill(
        page_app, "G-00001", uitkomst="geprioriteerd", prioriteit="hoog", regie_groepsgericht="Jongerenwerk"
    )
    assert not page_app.exception
    assert [s.value for s in page_app.success] == ["Het besluit is vastgelegd en staat op de groepspagina."]
    assert not page_app.error
    assert [i.value for i in page_app.info] == ["De groep staat nu in stap 5 (plan van aanpak)."]
    stored = load_decisions(create_db_engine(decided_url), regisseur.scope, "G-00001")
    assert stored.select("uitkomst", "prioriteit", "regie_groepsgericht", "vastgelegd_door").row(0) == (
        "geprioriteerd",
        "hoog",
        "Jongerenwerk",
        REGISSEUR,
    )
    open_page(page_app, regisseur, "groep", groep="G-00001")
    assert not page_app.exception
    assert "Besluit van de driehoek" in [s.value for s in page_app.subheader]
    metrics = {m.label: m.value for m in page_app.metric}
    assert (metrics["Besluit"], metrics["Prioriteit"]) == ("Geprioriteerd", "Hoog")
    assert all(metric.help for metric in page_app.metric), "elk getal heeft een uitleg"


def test_a_prioritised_decision_without_priority_is_refused_in_dutch(
    page_app: AppTest, decided_url: str
) -> None:
    regisseur = _users(decided_url)[REGISSEUR]
    open_page(page_app, regisseur, "driehoek")
    _fill(page_app, "G-00006", uitkomst="geprioriteerd")
    assert not page_app.exception
    assert "Kies een prioriteit" in page_app.error[0].value
    assert load_decisions(create_db_engine(decided_url), regisseur.scope, "G-00006").is_empty()


def test_a_correction_after_someone_else_saved_is_refused(page_app: AppTest, decided_url: str) -> None:
    regisseur = _users(decided_url)[REGISSEUR]
    engine = create_db_engine(decided_url)
    open_page(page_app, regisseur, "driehoek")
    page_app.selectbox(key="besluit_groep").set_value("G-00003").run()
    page_app.radio(key="besluit_modus").set_value("Laatste besluit corrigeren").run()
    latest = load_decisions(engine, regisseur.scope, "G-00003").row(0, named=True)
    # Meanwhile a colleague corrects the same decision.
    colleague = regisseur.model_copy(update={"gebruiker_id": "collega"})
    data = {k: latest[k] for k in BesluitCreate.model_fields if k != "aanwezigen"}
    besluit = BesluitCreate.model_validate(
        {**data, "aanwezigen": {"gemeente": "B", "om": "O", "politie": "P"}, "toelichting": "door collega"}
    )
    correct_decision(engine, colleague, latest["besluit_id"], latest["versie"], besluit)
    page_app.text_area(key="besluit_G-00003_c_toelichting").input("mijn correctie")
    _button(page_app, "Besluit vastleggen").click().run()
    assert not page_app.exception
    assert "Iemand anders heeft dit intussen gewijzigd" in page_app.error[0].value
    stored = load_decisions(engine, regisseur.scope, "G-00003").filter(
        pl.col("besluit_id") == latest["besluit_id"]
    )
    assert stored.select("toelichting", "vastgelegd_door").row(0) == ("door collega", "collega")


def test_the_group_page_shows_the_latest_decision_and_the_history(
    page_app: AppTest, decided_url: str
) -> None:
    open_page(page_app, _users(decided_url)["burgemeester-utrecht"], "groep", groep="G-00013")
    assert not page_app.exception
    metrics = {m.label: m.value for m in page_app.metric}
    assert metrics["Besluit"] == "Geprioriteerd"
    assert metrics["Volgende evaluatie"].endswith("(verlopen)"), "de evaluatie lag voor de peildatum"
    assert [e.label for e in page_app.expander if e.label.startswith("Eerdere")] == ["Eerdere besluiten (1)"]
    assert "Leg het vast" not in _all_text(page_app), "alleen wie mag besluiten krijgt die verwijzing"


def test_the_trends_page_shows_the_decisions_per_month(page_app: AppTest, decided_url: str) -> None:
    open_page(page_app, _users(decided_url)["burgemeester-utrecht"], "trends")
    assert not page_app.exception
    assert page_app.subheader[-1].value == "Besluiten van de driehoek"
    assert len(page_app.get("plotly_chart")) == 5
