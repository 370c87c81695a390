"""The Groepsscan invoeren page per role, and the step form on the group page (AppTest, private database)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from components.navigation import allowed_specs
from dashboard.access import Identity, Scope, has_permission
from dashboard.domain import DIMENSIES
from dashboard.process.steps import load_step_state
from dashboard.scoring.service import score_scope
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata

APP = Path(__file__).resolve().parents[2] / "app.py"
T = metadata.tables
PEILDATUM = dt.date(2026, 11, 30)
GROEP = "G-00021"  # Groep Hoogland (Amersfoort): 'geen groepsaanpak', rises with serious ratings
RAISED = ("geweld", "wapens_mes", "drugshandel", "intimidatie")


@pytest.fixture
def private_url(sample_db_url: str, tmp_path: Path) -> str:
    """A private copy of the sample database (the tests here write to it)."""
    source = make_url(sample_db_url).database
    assert source is not None
    target = tmp_path / "groepsscan.db"
    shutil.copyfile(source, target)
    return f"sqlite:///{target}"


@pytest.fixture
def page_app(private_url: str, monkeypatch: pytest.MonkeyPatch, navigation_mode: None) -> AppTest:  # noqa: ARG001
    """An AppTest of app.py on the private copy; tiles off, so nothing leaves the machine."""
    monkeypatch.setenv("DATABASE_URL", private_url)
    monkeypatch.setenv("KAART_TILES", "none")
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["scan_form"] = None  # no form from an earlier test (caches are per process)
    return app


def _users(url: str) -> dict[str, Identity]:
    return {identity.gebruiker_id: identity for identity in load_identities(create_db_engine(url))}


def _band(url: str) -> tuple[float, str]:
    groups = score_scope(create_db_engine(url), Scope(type="land"), PEILDATUM).groepen
    row = groups.filter(pl.col("groep_id") == GROEP).row(0, named=True)
    return row["prioriteit"], row["band"]


def _scans(url: str, status: str) -> int:
    scan = T["groepsscan"]
    statement = select(func.count()).where(scan.c.groep_id == GROEP, scan.c.status == status)
    with create_db_engine(url).connect() as connection:
        return connection.execute(statement).scalar_one()


def _texts(app: AppTest, kind: str) -> list[str]:
    return [str(element.value) for element in getattr(app, kind)]


def test_roles_without_groepsscan_invoer_do_not_have_the_page(private_url: str) -> None:
    users = _users(private_url).values()
    forbidden = [identity for identity in users if not has_permission(identity, "groepsscan_invoer")]
    assert {identity.rol for identity in forbidden} >= {"burgemeester", "procesregisseur", "beheerder"}
    for identity in forbidden:
        assert "groepsscan" not in [spec.url_path for spec in allowed_specs(identity)], identity.rol


@pytest.mark.parametrize(
    ("gebruiker", "rates"),
    [
        pytest.param("specialist-mnl", True, id="specialist"),
        pytest.param("wijkagent-utrecht-noord", False, id="wijkagent"),
    ],
)
def test_police_roles_open_the_form_only_the_specialist_rates_and_finishes(
    page_app: AppTest, private_url: str, gebruiker: str, *, rates: bool
) -> None:
    identity = _users(private_url)[gebruiker]
    groep_id = GROEP if rates else "G-00008"  # a problematic group of the wijkagent's basisteam
    open_page(page_app, identity, "groepsscan", groep=groep_id)
    assert not page_app.exception
    assert _texts(page_app, "title") == ["Groepsscan invoeren"]
    scores = [radio for radio in page_app.radio if radio.key and radio.key.startswith("scan_score_")]
    assert len(scores) == len(DIMENSIES)
    assert all(radio.disabled != rates for radio in scores)
    labels = [button.label for button in page_app.button]
    assert "Concept opslaan" in labels
    assert ("Definitief maken" in labels) == rates
    log = T["auditlog"]
    with create_db_engine(private_url).connect() as connection:
        views = connection.execute(
            select(log.c.categorie, log.c.groep_id).where(
                log.c.actie == "namen_bekeken", log.c.object_type == "groepsscan"
            )
        ).all()
    assert [tuple(view) for view in views] == [("inzage", groep_id)], "seeing the names is logged, once"


def test_the_group_choice_offers_only_groups_judged_problematic(page_app: AppTest, private_url: str) -> None:
    open_page(page_app, _users(private_url)["specialist-mnl"], "groepsscan")
    options = page_app.selectbox(key="scan_groep").options
    assert options, "groups to choose"
    assert not any("Tigrisdreef" in option or "Kastanjeplein" in option for option in options)  # 2A: niet
    assert [str(info.value) for info in page_app.info][-1].startswith("Kies hierboven een groep")


def _rate(app: AppTest, dimensie: str, score: int) -> None:
    app.radio(key=f"scan_score_{dimensie}").set_value(score)
    app.date_input(key=f"scan_gezien_{dimensie}").set_value(PEILDATUM)


def test_the_specialist_finishes_a_scan_and_the_band_rises(page_app: AppTest, private_url: str) -> None:
    before = _band(private_url)
    open_page(page_app, _users(private_url)["specialist-mnl"], "groepsscan", groep=GROEP)
    for dimensie in RAISED:
        _rate(page_app, dimensie, 3)
    page_app.button(key="scan_opslaan").click().run()
    assert not page_app.exception
    assert any("Concept opgeslagen" in text for text in _texts(page_app, "success"))
    assert _scans(private_url, "concept") == 1
    assert _band(private_url) == before, "a draft does not count"
    page_app.button(key="scan_definitief").click().run()
    assert not page_app.exception
    assert not page_app.error, _texts(page_app, "error")
    assert any("definitief gemaakt" in text for text in _texts(page_app, "success"))
    assert (_scans(private_url, "concept"), _scans(private_url, "definitief")) == (0, 2)
    after = _band(private_url)
    assert after[0] > before[0]
    assert (before[1], after[1]) == ("geen groepsaanpak", "midden")


def test_a_rating_without_a_source_is_refused_and_the_input_stays(
    page_app: AppTest, private_url: str
) -> None:
    open_page(page_app, _users(private_url)["specialist-mnl"], "groepsscan", groep=GROEP)
    page_app.multiselect(key="scan_bronnen_geweld").set_value([])
    _rate(page_app, "geweld", 2)
    page_app.button(key="scan_definitief").click().run()
    assert any("Geweld: bron verplicht bij score 2." in text for text in _texts(page_app, "error"))
    assert page_app.radio(key="scan_score_geweld").value == 2
    assert _scans(private_url, "definitief") == 1


def test_a_stale_save_shows_the_dutch_message_and_keeps_the_input(
    page_app: AppTest, private_url: str
) -> None:
    users = _users(private_url)
    open_page(page_app, users["specialist-mnl"], "groepsscan", groep=GROEP)
    other = AppTest.from_file(str(APP), default_timeout=60)
    open_page(other, users["specialist-mnl"], "groepsscan", groep=GROEP)
    other.button(key="scan_opslaan").click().run()  # a colleague saves the first draft
    _rate(page_app, "geweld", 3)
    page_app.button(key="scan_opslaan").click().run()
    assert any("Iemand anders heeft dit intussen gewijzigd" in text for text in _texts(page_app, "error"))
    assert page_app.radio(key="scan_score_geweld").value == 3, "the input stays"
    page_app.button(key="scan_houden").click().run()
    page_app.button(key="scan_opslaan").click().run()
    assert any("Concept opgeslagen" in text for text in _texts(page_app, "success"))


def test_the_step_form_moves_a_group_with_a_reason(page_app: AppTest, private_url: str) -> None:
    regisseur = _users(private_url)["procesregisseur-utrecht"]
    open_page(page_app, regisseur, "groep", groep="G-00001")
    assert not page_app.exception
    assert any(e.label.startswith("Werkproces: geschiedenis") for e in page_app.expander)
    form_boxes = [box for box in page_app.selectbox if box.label == "Naar stap"]
    form_boxes[0].set_value("5")
    button = next(b for b in page_app.button if b.label == "Stap wijzigen")
    button.click().run()
    assert any("Geef een reden" in text for text in _texts(page_app, "error"))
    next(area for area in page_app.text_area if area.label == "Reden").input(
        "Besluit driehoek: geprioriteerd"
    )
    next(b for b in page_app.button if b.label == "Stap wijzigen").click().run()
    assert not page_app.exception
    assert any("stap 5 Plan van aanpak" in text for text in _texts(page_app, "success"))
    state = load_step_state(create_db_engine(private_url), regisseur, "G-00001")
    assert state is not None
    assert (state.stap, state.geschiedenis.height) == ("5", 1)
    assert any(e.label == "Werkproces: geschiedenis van de stappen (1)" for e in page_app.expander)


def test_roles_without_stap_wijzigen_see_the_step_but_no_form(page_app: AppTest, private_url: str) -> None:
    open_page(page_app, _users(private_url)["burgemeester-utrecht"], "groep", groep="G-00001")
    assert not page_app.exception
    assert any(e.label.startswith("Werkproces: geschiedenis") for e in page_app.expander)
    assert "Stap wijzigen" not in [button.label for button in page_app.button]
