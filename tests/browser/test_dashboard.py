"""Every page of the dashboard for a mayor and a police specialist, drawn in full and saved as screenshots.

The screenshots (test-output/screenshots/rondgang-<user>-<page>.png at 1366x900, and -heel.png with the
whole page) are meant to be looked at: a test cannot judge whether a page looks right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from components.navigation import allowed_specs
from tests.browser.conftest import MAP_IFRAME, RUN_TIMEOUT_MS

if TYPE_CHECKING:
    from collections.abc import Callable

    from dashboard.access import Identity
    from tests.browser.conftest import AppPage

GROUP = "G-00014"  # a group of the municipality of Utrecht: in both users' scope
USERS = ("burgemeester-utrecht", "specialist-mnl")


def _settle(app_page: AppPage) -> None:
    """Wait until the page's run has ended and its charts and maps have drawn."""
    page = app_page.page
    app_page.wait_until_idle()
    app_page.assert_no_exception()
    charts = page.get_by_test_id("stMain").get_by_test_id("stPlotlyChart")
    for index in range(charts.count()):
        expect(charts.nth(index).locator(".main-svg").first).to_be_attached()
    maps = page.get_by_test_id("stMain").locator(MAP_IFRAME)
    for index in range(maps.count()):
        frame = maps.nth(index).element_handle().content_frame()
        assert frame is not None
        frame.wait_for_function(
            "() => window.map !== undefined && Object.keys(window.map._layers).length > 1",
            timeout=RUN_TIMEOUT_MS,
        )


def _shoot(app_page: AppPage, user: str, name: str) -> None:
    _settle(app_page)
    app_page.screenshot(f"rondgang-{user}-{name}")
    app_page.screenshot_whole(f"rondgang-{user}-{name}-heel")


@pytest.mark.parametrize("user", USERS)
def test_every_page_draws_for_the_user(
    user: str,
    signed_in: Callable[..., AppPage],
    group_names: dict[str, str],
    demo_users: dict[str, Identity],
) -> None:
    app_page = signed_in(user)
    page, main = app_page.page, app_page.page.get_by_test_id("stMain")
    menu = len(allowed_specs(demo_users[user]))  # the role's pages, no more
    expect(page.get_by_test_id("stSidebarNav").get_by_role("link")).to_have_count(menu)

    expect(main.get_by_test_id("stMetric").first).to_be_visible()
    expect(main.locator(MAP_IFRAME)).to_have_count(1)
    _shoot(app_page, user, "overzicht")

    app_page.go_to("Kaart")
    expect(main.locator(MAP_IFRAME)).to_have_count(1)
    _shoot(app_page, user, "kaart")

    app_page.go_to("Prioritering")
    expect(main.get_by_test_id("stDataFrame").first).to_be_visible()
    _shoot(app_page, user, "prioritering")

    app_page.go_to("Trends")
    expect(main.get_by_test_id("stPlotlyChart").first).to_be_visible()
    _shoot(app_page, user, "trends")

    chooser = main.get_by_role("combobox", name="Groep")
    app_page.go_to("Groep", ready=chooser)
    naam = group_names[GROUP]
    chooser.click()
    page.keyboard.insert_text(naam)
    page.get_by_role("listbox").get_by_role("option", name=naam).click()
    expect(page.get_by_role("heading", name=naam, level=1)).to_be_visible()
    expect(page).to_have_url(f"{app_page.base_url}/groep?groep={GROUP}")
    _shoot(app_page, user, "groep")

    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"
