"""Browser: the procesregisseur keeps the plan van aanpak of a group and sees it on the group page."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from dashboard.process.sample_plan import seed_demo_plan
from dashboard.storage.engine import create_db_engine
from tests.browser.conftest import _serve, choose_option

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.browser

PEILDATUM = dt.date(2026, 11, 30)


@pytest.fixture
def plan_server_url(private_database_url: str, tmp_path: Path) -> Iterator[str]:
    """A fresh server on a private copy of the sample with the demo plans."""
    engine = create_db_engine(private_database_url)
    seed_demo_plan(engine, PEILDATUM)
    engine.dispose()
    with _serve(private_database_url, tmp_path) as url:
        yield url


def test_the_procesregisseur_adds_an_intervention_and_sees_it_on_the_group_page(
    signed_in, plan_server_url: str
) -> None:
    app_page = signed_in("procesregisseur-utrecht", plan_server_url)
    page = app_page.page
    expect(page.get_by_text(re.compile(r"^Interventies te laat: \d+"))).to_be_visible()
    app_page.go_to("Plan van aanpak")
    choose_option(page, "Groep", "Groep Terwijde")
    app_page.wait_until_idle()
    expect(page.get_by_test_id("stMetric").filter(has_text="Te laat")).to_contain_text("⚠ 1")
    form = page.get_by_test_id("stForm").filter(has_text="Interventie toevoegen")
    form.get_by_role("textbox", name="Partner").fill("Leerplicht")
    form.get_by_role("textbox", name="Omschrijving").fill("Gesprekken met leden die niet naar school gaan.")
    form.get_by_role("textbox", name="Eigenaar").fill("Leerplichtambtenaar")
    form.get_by_role("button", name="Toevoegen").click()
    app_page.wait_until_idle()
    expect(page.get_by_text("De interventie is toegevoegd aan het plan.")).to_be_visible()
    expect(page.get_by_test_id("stMetric").filter(has_text="Interventies")).to_contain_text("4")
    app_page.assert_no_exception()
    app_page.screenshot_whole("plan_van_aanpak")
    page.get_by_role("link", name="Naar de groepspagina").click()
    app_page.wait_until_idle()
    expect(page.get_by_role("heading", name="Groep Terwijde", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Plan van aanpak")).to_be_visible()
    expect(page.get_by_role("link", name="Plan van aanpak bijwerken")).to_be_visible()
    app_page.assert_no_exception()
    assert app_page.unexpected_requests() == []
