"""The scan form's map to pick a hangplek: offline Leaflet, the places entered so far."""

from __future__ import annotations

import pytest

from components.scan_places import build_pick_map
from dashboard.maps.groups import map_html

CENTER = (52.155, 5.387)


@pytest.fixture(autouse=True)
def no_tiles(monkeypatch: pytest.MonkeyPatch) -> None:
    """No tile server: nothing on the page may come from outside."""
    monkeypatch.setenv("KAART_TILES", "none")


def test_without_places_the_map_opens_on_the_group() -> None:
    html = map_html(build_pick_map([], CENTER))
    assert "52.155" in html
    assert "5.387" in html
    assert "cdn" not in html.lower()


def test_entered_places_show_by_name_also_new_ones_without_id() -> None:
    places = [
        {"hangplek_id": "H-00001", "naam": "Trapveld Veldweg", "lat": 52.16962, "lon": 5.39277, "tijden": ""},
        {"hangplek_id": None, "naam": "Skatebaan Parkweg", "lat": 52.16, "lon": 5.38, "tijden": "vr 20-23"},
        {"hangplek_id": None, "naam": "Half ingevuld", "lat": None, "lon": None, "tijden": ""},
    ]
    html = map_html(build_pick_map(places, CENTER))
    assert "Trapveld Veldweg" in html
    assert "Skatebaan Parkweg" in html
    assert "Half ingevuld" not in html, "a row without coordinates is not drawn"
    assert "cdn" not in html.lower()
