"""Opening a page's URL directly, without signing in, shows no group data.

Streamlit auto-discovers `pages/`: on a freshly started server, `/<page>` runs `pages/<page>.py` itself,
without the entrypoint's login check, until some session has loaded the root URL. These tests cover
the normal case (a server whose root has been loaded); test_page_access.py covers a fresh server per URL.
"""

from __future__ import annotations

from playwright.sync_api import expect


def _assert_no_group_data(app_page) -> None:
    page = app_page.page
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    expect(page.get_by_text("Groepen", exact=True)).to_have_count(0)
    expect(page.get_by_role("heading", name="Groepen per stap")).to_have_count(0)
    expect(page.get_by_role("heading", name="Overzicht")).to_have_count(0)


def _assert_login_page(app_page, timeout: float | None = None) -> None:
    page = app_page.page
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible(timeout=timeout)
    expect(page.get_by_test_id("stAlert").filter(has_text="Fictieve gegevens")).to_be_visible(timeout=timeout)
    expect(page.get_by_role("button", name="Inloggen", exact=True)).to_be_visible(timeout=timeout)


def test_overzicht_after_the_root_was_loaded_shows_the_login(app_page_factory, server_url) -> None:
    app_page_factory(server_url).open("/")
    app_page = app_page_factory(server_url)
    app_page.open("/overzicht")
    _assert_no_group_data(app_page)
    _assert_login_page(app_page)
    app_page.screenshot("direct-overzicht")
    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"
