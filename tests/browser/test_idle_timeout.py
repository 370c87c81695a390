"""An idle session ends by itself in the browser: after the timeout the screen shows no data any more."""

from __future__ import annotations

from typing import TYPE_CHECKING

from playwright.sync_api import expect

from tests.browser.conftest import _serve, sign_in_as

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import pytest

    from dashboard.access import Identity
    from tests.browser.conftest import AppPage

# One minute is the smallest timeout; the check runs every minute, so expiry comes within two.
EXPIRY_MS = 150_000


def test_an_unattended_screen_expires_without_a_click(
    app_page_factory: Callable[[str], AppPage],
    app_database_url: str,
    demo_users: dict[str, Identity],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("SESSIE_TIMEOUT_MINUTEN", "1")
    with _serve(app_database_url, tmp_path) as url:
        app_page = app_page_factory(url)
        page = app_page.page
        page.goto(url + "/")
        expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible(timeout=90_000)
        app_page.wait_until_idle()
        mayor = demo_users["burgemeester-utrecht"]
        sign_in_as(app_page, mayor)
        expect(page.get_by_test_id("stMetric").first).to_be_visible()

        heading = page.get_by_role("heading", name="Sessie verlopen", level=1)
        expect(heading).to_be_visible(timeout=EXPIRY_MS)  # no click, no key press in between
        app_page.wait_until_idle()
        expect(
            page.get_by_text("Uw sessie is verlopen na 1 minuut zonder activiteit; log opnieuw in.")
        ).to_be_visible()
        expect(page.get_by_test_id("stMetric")).to_have_count(0)
        expect(page.get_by_test_id("stSidebar").get_by_text(mayor.naam)).to_have_count(0)
        app_page.screenshot("sessie-verlopen")

        page.get_by_role("button", name="Opnieuw inloggen").click()
        expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
        assert app_page.unexpected_requests() == []
