"""The Kaart page in a real browser: the scope's groups drawn on the map, offline, and clickable."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from dashboard.scoring.service import score_scope
from dashboard.storage.engine import create_db_engine
from tests.browser.conftest import GROUP_LAYERS_JS, MAP_IFRAME, TILE_REQUEST

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Frame

    from dashboard.access import Identity
    from tests.browser.conftest import AppPage

MAYOR = "burgemeester-utrecht"
COUNT_CAPTION = re.compile(r"^(\d+) van (\d+) groepen$")


@pytest.fixture(scope="module")
def mayor_group_names(app_database_url: str, demo_users: dict[str, Identity]) -> list[str]:
    """The names of the active groups in the Utrecht mayor's scope, from the scoring core itself."""
    engine = create_db_engine(app_database_url)
    try:
        scores = score_scope(engine, demo_users[MAYOR].scope)
    finally:
        engine.dispose()
    names = sorted(scores.groepen.get_column("werknaam").to_list())
    assert names, "de burgemeester van Utrecht heeft geen groepen in de voorbeeldgegevens"
    return names


def _open_map(signed_in: Callable[..., AppPage]) -> tuple[AppPage, int]:
    """Sign in as the Utrecht mayor, open Kaart; return the tab and the group count the page states."""
    app_page = signed_in(MAYOR)
    app_page.go_to("Kaart")
    caption = app_page.page.get_by_test_id("stMain").get_by_text(COUNT_CAPTION)
    expect(caption).to_have_count(1)
    match = COUNT_CAPTION.match(caption.inner_text().strip())
    assert match is not None
    shown, total = int(match[1]), int(match[2])
    assert shown == total, "zonder filters hoort de kaart alle groepen te tonen"
    return app_page, shown


def _marker_names(frame: Frame) -> list[str]:
    return sorted(frame.evaluate(f"() => {GROUP_LAYERS_JS}.map(l => l.feature.properties.naam)"))


def _table_names(app_page: AppPage) -> list[str]:
    """The first column ('Groep') of the text-alternative table next to the map."""
    table = app_page.page.get_by_test_id("stMain").get_by_test_id("stDataFrame")
    expect(table).to_have_count(1)
    grid = table.locator("table[role='grid']")
    rows = int(grid.get_attribute("aria-rowcount") or 0) - 1  # minus the header row
    # The grid's accessible copy holds the rows in view; the table is tall enough for the sample's groups.
    cells = table.locator("tbody tr td[aria-colindex='1']")
    expect(cells).to_have_count(rows)
    return sorted(cells.all_inner_texts())


def test_the_map_shows_every_group_of_the_scope(
    signed_in: Callable[..., AppPage], mayor_group_names: list[str]
) -> None:
    app_page, count = _open_map(signed_in)

    frame = app_page.wait_for_group_markers(count)

    assert count == len(mayor_group_names)
    assert _marker_names(frame) == mayor_group_names
    assert _table_names(app_page) == mayor_group_names
    app_page.screenshot("kaart-burgemeester-utrecht")
    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"


# Every group circle's centre, in canvas pixels, and whether that pixel has been painted.
_PAINTED_JS = f"""() => {{
    const canvas = document.querySelector(".leaflet-overlay-pane canvas");
    const renderer = window.map.getRenderer({GROUP_LAYERS_JS}[0]);
    const ratio = window.devicePixelRatio || 1;
    const context = canvas.getContext("2d");
    return {GROUP_LAYERS_JS}.map(layer => {{
        const point = window.map.latLngToLayerPoint(layer.getLatLng()).subtract(renderer._bounds.min);
        const x = Math.round(point.x * ratio), y = Math.round(point.y * ratio);
        return {{ naam: layer.feature.properties.naam, alpha: context.getImageData(x, y, 1, 1).data[3] }};
    }});
}}"""

# Every base-map tile request has ended, in success or failure (a pending image is not 'complete').
_TILES_SETTLED_JS = """() => {
    const tiles = document.querySelectorAll("img.leaflet-tile");
    return tiles.length > 0 && Array.from(tiles).every(t => t.complete);
}"""


def test_with_every_request_to_a_non_local_address_blocked_the_map_still_draws_its_markers(
    signed_in: Callable[..., AppPage],
) -> None:
    app_page, count = _open_map(signed_in)
    frame = app_page.wait_for_group_markers(count)
    frame.wait_for_function(_TILES_SETTLED_JS)

    # The map did try its outside tile server, and the browser refused every such request ...
    assert app_page.tile_requests(), "de kaart vroeg geen tegels op: dan test dit niets"
    assert all(TILE_REQUEST.match(url) for url in app_page.blocked), app_page.blocked
    assert frame.evaluate(
        "() => Array.from(document.querySelectorAll('img.leaflet-tile')).every(t => !t.naturalWidth)"
    )
    # ... Leaflet and every other script came from the app itself ...
    base = app_page.base_url + "/"
    scripts = frame.evaluate("() => Array.from(document.scripts, s => s.src).filter(Boolean)")
    assert scripts, "de kaart laadde geen scripts"
    assert [src for src in scripts if not src.startswith(base)] == []
    # ... and every group circle is painted on the map's canvas.
    painted = frame.evaluate(_PAINTED_JS)
    assert len(painted) == count
    assert [p["naam"] for p in painted if p["alpha"] == 0] == [], "niet getekende groepscirkels"
    app_page.screenshot("kaart-zonder-internet")
    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"


# The group circles that can be clicked: inside the map, not under a control or the legend, and their
# centre not covered by another group's circle (the canvas gives a click to the circle drawn last).
_CLICKABLE_JS = f"""() => {{
    const layers = {GROUP_LAYERS_JS};
    const size = window.map.getSize();
    const box = window.map.getContainer().getBoundingClientRect();
    const points = layers.map(l => window.map.latLngToContainerPoint(l.getLatLng()));
    const free = [];
    layers.forEach((layer, i) => {{
        const p = points[i];
        if (p.x < 20 || p.y < 20 || p.x > size.x - 20 || p.y > size.y - 20) {{ return; }}
        const hit = document.elementFromPoint(box.left + p.x, box.top + p.y);
        if (!hit || hit.tagName !== "CANVAS") {{ return; }}
        const covered = (other, j) => j !== i && points[j].distanceTo(p) <= other.getRadius() + 2;
        if (layers.some(covered)) {{ return; }}
        const props = layer.feature.properties;
        free.push({{ naam: props.naam, groep_id: props.groep_id, x: box.left + p.x, y: box.top + p.y }});
    }});
    return free;
}}"""


def test_clicking_a_group_on_the_map_leads_to_its_group_page(signed_in: Callable[..., AppPage]) -> None:
    app_page, count = _open_map(signed_in)
    page = app_page.page
    frame = app_page.wait_for_group_markers(count)
    # Click with the mouse at the circle's place on the screen, with the whole map in view and focused
    # first: a click focuses the map, and focusing scrolls a partly hidden map into view between the
    # mouse going down and up, so the click would land next to the circle.
    map_iframe = page.get_by_test_id("stMain").locator(MAP_IFRAME)
    map_iframe.scroll_into_view_if_needed()
    frame.locator(".leaflet-container").focus()
    box, viewport = map_iframe.bounding_box(), page.viewport_size
    assert box is not None
    assert viewport is not None
    on_screen = [
        c
        for c in frame.evaluate(_CLICKABLE_JS)
        if 0 < box["x"] + c["x"] < viewport["width"] and 0 < box["y"] + c["y"] < viewport["height"]
    ]
    assert on_screen, "geen vrijliggende groepscirkel in beeld om op te klikken"
    target = on_screen[0]

    page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])

    main = page.get_by_test_id("stMain")
    expect(main.get_by_text(re.compile(rf"^Gekozen: {re.escape(target['naam'])} ·"))).to_be_visible()
    app_page.wait_until_idle()
    main.get_by_role("button", name="Open groepspagina").click()
    expect(page).to_have_url(re.compile(rf"/groep\?groep={re.escape(target['groep_id'])}$"))
    expect(page.get_by_role("heading", name=target["naam"], level=1)).to_be_visible()
    app_page.wait_until_idle()
    app_page.assert_no_exception()
    app_page.screenshot("kaart-klik-naar-groep")
    assert app_page.unexpected_requests() == [], "de app vroeg iets op buiten de eigen server"
