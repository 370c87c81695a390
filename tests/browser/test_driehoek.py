"""The triangle meeting in a real browser: the procesregisseur records a decision; the group page shows it.

Runs on a server of its own with a private copy of the database, so the saved decision never reaches
the other browser tests.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from dashboard.process.sample_decisions import seed_demo_decisions
from dashboard.storage.engine import create_db_engine
from tests.browser.conftest import choose_option

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.browser.conftest import AppPage

REGISSEUR = "procesregisseur-utrecht"
GROUP = "G-00001"  # Utrecht, step 4: its advice waits for the driehoek
PEILDATUM = dt.date(2026, 11, 30)  # the sample's


@pytest.fixture
def decided_server_url(private_database_url: str, request: pytest.FixtureRequest) -> str:
    """A fresh server on a private copy that holds the demo decisions (seeded before the server starts)."""
    engine = create_db_engine(private_database_url)
    seed_demo_decisions(engine, PEILDATUM)
    engine.dispose()
    return str(request.getfixturevalue("private_server_url"))


def test_the_procesregisseur_records_a_decision_that_appears_on_the_group_page(
    signed_in: Callable[..., AppPage], decided_server_url: str, group_names: dict[str, str]
) -> None:
    app_page = signed_in(REGISSEUR, base_url=decided_server_url)
    page = app_page.page
    werknaam = group_names[GROUP]
    app_page.go_to("Driehoeksoverleg")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Nieuw advies").first).to_be_visible()
    expect(main.get_by_text(re.compile(r"^Evaluatie verlopen sinds")).first).to_be_visible()
    expect(main.get_by_role("link", name=re.compile(re.escape(werknaam)))).to_be_visible()
    app_page.screenshot_whole("driehoek-agenda")

    page.get_by_role("tab", name="Presentatie").click()
    expect(main.get_by_text(re.compile(r"^Groep 1 van \d+$"))).to_be_visible()
    main.get_by_text("Groot scherm (zijbalk verbergen)").click()
    app_page.wait_until_idle()
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    app_page.screenshot("driehoek-presentatie")
    main.get_by_text("Groot scherm (zijbalk verbergen)").click()
    app_page.wait_until_idle()
    expect(page.get_by_test_id("stSidebar")).to_be_visible()

    page.get_by_role("tab", name="Besluit vastleggen").click()
    choose_option(page, "Groep", werknaam)
    # The form of the chosen group (its widget keys name the group): wait for it before filling it in.
    expect(page.locator(f".st-key-besluit_{GROUP}_n_prioriteit")).to_be_visible()
    app_page.wait_until_idle()
    choose_option(page, "Prioriteit", "Hoog")
    choose_option(page, "Groepsgericht", "Jongerenwerk")
    main.get_by_role("textbox", name="Toelichting").fill("Advies overgenomen; jongerenwerk neemt de regie.")
    main.get_by_role("button", name="Besluit vastleggen").click()
    app_page.wait_until_idle()
    expect(main.get_by_text("Het besluit is vastgelegd en staat op de groepspagina.")).to_be_visible()
    app_page.assert_no_exception()
    app_page.screenshot_whole("driehoek-besluit-vastgelegd")

    main.get_by_role("link", name="Naar de groepspagina").click()
    expect(page.get_by_role("heading", name=werknaam, level=1)).to_be_visible()
    app_page.wait_until_idle()
    decision = main.locator(".st-key-laatste_besluit")
    expect(decision.get_by_test_id("stMetricValue").first).to_have_text("Geprioriteerd")
    expect(decision.get_by_text("Jongerenwerk", exact=True)).to_be_visible()
    expect(main.get_by_text("5 Plan van aanpak").first).to_be_visible()  # prioritised: on to step 5
    decision.scroll_into_view_if_needed()
    app_page.screenshot("driehoek-besluit-op-groepspagina")
    app_page.assert_no_exception()

    app_page.go_to("Trends")
    expect(main.get_by_role("heading", name="Besluiten van de driehoek")).to_be_visible()
    chart = main.get_by_test_id("stPlotlyChart").last
    expect(chart.get_by_text("Geprioriteerd", exact=True)).to_be_visible()
    chart.scroll_into_view_if_needed()
    app_page.screenshot("driehoek-besluiten-in-trends")
    app_page.assert_no_exception()
    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"
