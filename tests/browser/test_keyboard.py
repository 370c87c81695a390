"""Keyboard only (WCAG 2.1.1): sign in, open a group and export its standard report without a mouse.

Every step moves the focus with Tab until the control a user would look for has it, then types or
presses Enter, as someone who cannot use a mouse does. A control Tab never reaches fails the test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from playwright.sync_api import Locator, Page, expect

if TYPE_CHECKING:
    from collections.abc import Callable

    from dashboard.access import Identity
    from tests.browser.conftest import AppPage

USER = "procesregisseur-utrecht"
GROUP = "G-00001"
MAX_TABS = 400  # the group page is long: charts, tables and a map come before the export buttons


def _tab_to(page: Page, target: Locator) -> None:
    """Press Tab until target has the focus (it must be reachable by keyboard)."""
    target.first.wait_for(state="attached")
    for _ in range(MAX_TABS):
        if target.first.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    msg = f"met Tab niet bereikbaar: {target}"
    raise AssertionError(msg)


def test_sign_in_open_a_group_and_export_with_the_keyboard_only(
    app_page_factory: Callable[[str], AppPage],
    server_url: str,
    demo_users: dict[str, Identity],
    group_names: dict[str, str],
) -> None:
    app_page = app_page_factory(server_url)
    app_page.open("/")
    page = app_page.page

    user = page.get_by_role("combobox", name="Demo-gebruiker")
    _tab_to(page, user)
    page.keyboard.type(demo_users[USER].naam)
    page.keyboard.press("Enter")
    app_page.wait_until_idle()
    _tab_to(page, page.get_by_role("button", name="Inloggen", exact=True))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Overzicht", level=1)).to_be_visible()
    app_page.wait_until_idle()

    _tab_to(page, page.get_by_test_id("stSidebarNav").get_by_role("link", name="Groep", exact=True))
    page.keyboard.press("Enter")
    chooser = page.get_by_test_id("stMain").get_by_role("combobox", name="Groep")
    expect(chooser).to_be_visible()
    app_page.wait_until_idle()
    _tab_to(page, chooser)
    werknaam = group_names[GROUP]
    page.keyboard.type(werknaam)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=werknaam, level=1)).to_be_visible()
    app_page.wait_until_idle()

    pdf = page.locator(".st-key-groep_export_rapportage_pdf").get_by_role("button")
    _tab_to(page, pdf)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.startswith(f"rapportage-{GROUP}-")
    assert download.value.suggested_filename.endswith(".pdf")
    app_page.assert_no_exception()
