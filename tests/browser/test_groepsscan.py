"""Groepsscan invoeren in a browser: a finished scan moves the group's band on the map and in the ranking.

Runs on a server with its own copy of the database (private_server_url), so the saved scan leaves the
other browser tests alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from playwright.sync_api import expect

from dashboard.presentation import band_label
from tests.browser.conftest import GROUP_LAYERS_JS, choose_option

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.browser.conftest import AppPage

SPECIALIST = "specialist-mnl"
GROEP = "Groep Hoogland"  # 'geen groepsaanpak' in the sample; serious ratings lift it to 'midden'
RAISED = ("Intimidatie en bedreiging", "Geweld", "Wapens: steekwapen", "Drugshandel en ronselen")
KEYS = {"Intimidatie en bedreiging": "intimidatie", "Geweld": "geweld", "Wapens: steekwapen": "wapens_mes",
        "Drugshandel en ronselen": "drugshandel"}  # fmt: skip
LAST_SEEN, ISO_LAST_SEEN = "30-11-2026", "2026-11-30"  # the sample's peildatum, also the scan's date


def _band_on_map(app_page: AppPage) -> str:
    """The band label of GROEP's circle on the Kaart page (the GeoJSON feature's property)."""
    app_page.go_to("Kaart")
    frame = app_page.map_frame()
    frame.wait_for_function(f"() => window.map !== undefined && {GROUP_LAYERS_JS}.length > 0")
    bands = frame.evaluate(
        f"name => {GROUP_LAYERS_JS}.filter(l => l.feature.properties.naam === name)"
        ".map(l => l.feature.properties.band)",
        GROEP,
    )
    assert len(bands) == 1, f"{GROEP} staat niet precies één keer op de kaart: {bands}"
    return str(bands[0])


def _band_counts(app_page: AppPage) -> dict[str, int]:
    """The Prioritering page's count per band (its metrics)."""
    app_page.go_to("Prioritering")
    page = app_page.page
    counts = {}
    for band in ("midden", "geen groepsaanpak"):
        metric = page.get_by_test_id("stMetric").filter(
            has=page.get_by_test_id("stMetricLabel").get_by_text(band_label(band), exact=True)
        )
        counts[band] = int(metric.get_by_test_id("stMetricValue").inner_text())
    return counts


def _choose_group(app_page: AppPage) -> None:
    page = app_page.page
    choose_option(page, "Groep", f"{GROEP} ·")
    expect(page.get_by_role("heading", name="Beoordeling per dimensie")).to_be_visible()
    app_page.wait_until_idle()


def _rate(app_page: AppPage, dimension: str) -> None:
    """Score 3 (structureel), last seen on the scan date."""
    page, key = app_page.page, KEYS[dimension]
    page.locator(f".st-key-scan_score_{key}").get_by_text("3 structureel", exact=True).click()
    app_page.wait_until_idle()
    field = page.locator(f".st-key-scan_gezien_{key}")
    # A react-aria date field: day, month and year segments; typing fills them in turn.
    field.locator("[data-type='day']").click()
    page.keyboard.type(LAST_SEEN.replace("-", ""))
    page.keyboard.press("Tab")
    expect(field.locator("input[type='date']")).to_have_value(ISO_LAST_SEEN)
    page.keyboard.press("Escape")  # close the calendar the field may have opened
    app_page.wait_until_idle()


def test_a_finished_scan_moves_the_band_on_the_map_and_in_the_ranking(
    signed_in: Callable[..., AppPage], private_server_url: str
) -> None:
    app_page = signed_in(SPECIALIST, base_url=private_server_url)
    page = app_page.page
    assert _band_on_map(app_page) == band_label("geen groepsaanpak")
    before = _band_counts(app_page)

    app_page.go_to("Groepsscan invoeren")
    _choose_group(app_page)
    for dimension in RAISED:
        _rate(app_page, dimension)
    app_page.screenshot_whole("groepsscan-ingevuld")
    page.get_by_role("button", name="Definitief maken").click()
    expect(page.get_by_text(re.compile("Groepsscan definitief gemaakt"))).to_be_visible()
    app_page.wait_until_idle()
    app_page.assert_no_exception()
    app_page.screenshot("groepsscan-definitief")

    page.get_by_role("link", name=f"Naar de groepspagina van {GROEP}").click()
    expect(page.get_by_role("heading", name=GROEP, level=1)).to_be_visible()
    app_page.wait_until_idle()
    expect(
        page.get_by_test_id("stMain").get_by_text("Werkproces: geschiedenis van de stappen")
    ).to_be_visible()
    expect(page.get_by_test_id("stMain").get_by_text(band_label("midden")).first).to_be_visible()
    app_page.screenshot("groepsscan-groepspagina")

    assert _band_on_map(app_page) == band_label("midden")
    app_page.screenshot("groepsscan-kaart-na-scan")
    after = _band_counts(app_page)
    assert after == {"midden": before["midden"] + 1, "geen groepsaanpak": before["geen groepsaanpak"] - 1}
    table = page.get_by_test_id("stMain").get_by_test_id("stDataFrame").first
    row = table.locator("table[role='grid'] tbody tr").filter(has_text=GROEP).first
    expect(row).to_contain_text(band_label("midden"))  # now among the top ranks, in view
    app_page.screenshot("groepsscan-prioritering-na-scan")
    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"
