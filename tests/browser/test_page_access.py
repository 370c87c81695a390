"""Who sees which page: page URLs without signing in, and a role without group pages asking for one.

On a freshly started server, Streamlit's pages-folder discovery runs `pages/<page>.py` for `/<page>`
without the entrypoint's login check, until some session has loaded the root URL. So each page URL is
asked of its own fresh server first; the same URL is then asked again, in a new session, now that the
root has run there (the normal case). A watcher in the page notes group data even if it shows only for
a moment before the login appears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MAP_IFRAME

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.browser.conftest import AppPage

GROUP = "G-00014"
PAGE_URLS = ("/overzicht", "/kaart", "/prioritering", "/trends", f"/groep?groep={GROUP}")


def _assert_login_without_group_data(app_page: AppPage) -> None:
    page = app_page.page
    expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
    expect(page.get_by_test_id("stAlert").filter(has_text="Fictieve gegevens")).to_be_visible()
    expect(page.get_by_role("button", name="Inloggen", exact=True)).to_be_visible()
    app_page.wait_until_idle()
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    expect(page.locator(MAP_IFRAME)).to_have_count(0)
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(0)
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    assert app_page.group_data_seen() == [], "groepsgegevens getoond zonder inloggen"
    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"


@pytest.mark.parametrize("path", PAGE_URLS, ids=lambda path: path.split("?")[0].strip("/"))
def test_a_page_url_without_signing_in_shows_only_the_login(
    path: str, app_page_factory: Callable[[str], AppPage], fresh_server_url: str
) -> None:
    first = app_page_factory(fresh_server_url)
    first.watch_for_group_data()
    first.open(path)  # the very first request this server gets
    _assert_login_without_group_data(first)
    name = path.split("?", maxsplit=1)[0].strip("/")
    first.screenshot(f"direct-{name}-verse-server")

    again = app_page_factory(fresh_server_url)
    again.watch_for_group_data()
    again.open(path)
    _assert_login_without_group_data(again)


def test_a_role_without_group_pages_sees_no_group_detail(
    signed_in: Callable[..., AppPage], group_names: dict[str, str]
) -> None:
    app_page = signed_in("beheerder")
    page = app_page.page
    naam = group_names[GROUP]
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_role("link", name="Kaart")).to_be_visible()
    expect(nav.get_by_role("link", name="Groep")).to_have_count(0)
    app_page.watch_for_group_data()  # for the reload below

    # Within the signed-in session: the address changes to the group page (as a link or the back button
    # would); the session has no such page, so the app stays on one it may show.
    app_page.go_to_url_in_session(f"/groep?groep={GROUP}")
    expect(page.get_by_role("heading", name="Overzicht", level=1)).to_be_visible()
    app_page.wait_until_idle()
    expect(page.get_by_role("heading", name=naam)).to_have_count(0)
    expect(page.get_by_test_id("stMain").get_by_role("combobox", name="Groep")).to_have_count(0)
    expect(page.get_by_role("heading", name="Waarom deze score?")).to_have_count(0)
    app_page.screenshot("beheerder-groep-in-sessie")

    # Typing the address (a new page load) starts a new session: the login, and nothing of the group.
    app_page.open(f"/groep?groep={GROUP}")
    _assert_login_without_group_data(app_page)
    app_page.screenshot("beheerder-groep-adres")
