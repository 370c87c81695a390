"""Signing in and out with a demo identity, in a real browser against a running server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from dashboard.access import Identity
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata
from tests.browser.conftest import choose_demo_user

SAMPLE_BANNER = "Fictieve gegevens"


@pytest.fixture(scope="module")
def utrecht_mayor(app_database_url: str) -> Identity:
    """The sample's burgemeester whose scope is the municipality named Utrecht."""
    engine = create_db_engine(app_database_url)
    gemeente = metadata.tables["gemeente"]
    try:
        with engine.connect() as connection:
            codes = set(
                connection.scalars(select(gemeente.c.gemeente_code).where(gemeente.c.naam == "Utrecht"))
            )
        identities = load_identities(engine)
    finally:
        engine.dispose()
    mayors = [
        i
        for i in identities
        if i.rol == "burgemeester" and i.scope.type == "gemeente" and i.scope.codes & codes
    ]
    assert len(mayors) == 1, f"verwacht precies een burgemeester van Utrecht, gevonden: {mayors}"
    return mayors[0]


def _sign_in(app_page, identity: Identity) -> None:
    page = app_page.page
    choose_demo_user(page, identity.naam)
    app_page.wait_until_idle()
    page.get_by_role("button", name="Inloggen", exact=True).click()
    expect(page.get_by_role("heading", name="Overzicht")).to_be_visible()
    app_page.wait_until_idle()


def test_the_mayor_of_utrecht_signs_in_and_sees_the_overview(app_page, utrecht_mayor: Identity) -> None:
    page = app_page.page
    app_page.open("/")
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    expect(page.get_by_test_id("stAlert").filter(has_text=SAMPLE_BANNER)).to_be_visible()

    _sign_in(app_page, utrecht_mayor)

    expect(page.get_by_test_id("stAlert").filter(has_text=SAMPLE_BANNER)).to_be_visible()
    groepen = page.get_by_test_id("stMetric").filter(
        has=page.get_by_test_id("stMetricLabel").get_by_text("Actieve groepen", exact=True)
    )
    expect(groepen.get_by_test_id("stMetricValue")).to_have_text(re.compile(r"^\s*[1-9][\d.,]*\s*$"))
    expect(page.get_by_test_id("stSidebar")).to_contain_text(utrecht_mayor.naam)
    app_page.screenshot("inloggen-burgemeester-utrecht")
    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"


def test_signing_out_returns_to_the_login(app_page, utrecht_mayor: Identity) -> None:
    page = app_page.page
    app_page.open("/")
    _sign_in(app_page, utrecht_mayor)

    page.get_by_test_id("stSidebar").get_by_role("button", name="Afmelden").click()

    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    app_page.wait_until_idle()
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    expect(page.get_by_test_id("stSidebar").get_by_text(utrecht_mayor.naam)).to_have_count(0)
    app_page.screenshot("afmelden")
    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"


def test_nothing_is_fetched_from_outside(app_page) -> None:
    # The signed-in pages are checked by unexpected_requests() above; this covers the bare login page.
    app_page.open("/")
    # Let late requests (the favicon follows set_page_config) reach the route before looking.
    app_page.page.wait_for_load_state("networkidle")
    assert app_page.blocked == []
