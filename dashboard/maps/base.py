"""An empty folium map that loads only self-hosted scripts and the configured tiles."""

from __future__ import annotations

import folium

from dashboard.maps.assets import STATIC_URL

__all__ = ["NO_TILES", "local_js_css", "new_map"]

NO_TILES = "none"
MAX_ZOOM = 18  # folium ignores max_zoom without tiles; clustering needs it (see streamlit-notes)

_LEAFLET_JS = [("leaflet", f"{STATIC_URL}/leaflet/leaflet.js")]
_LEAFLET_CSS = [("leaflet_css", f"{STATIC_URL}/leaflet/leaflet.css")]


def local_js_css(element: folium.MacroElement, js: list[tuple[str, str]], css: list[tuple[str, str]]) -> None:
    """Point an element's scripts and styles at the app's own files (never a CDN)."""
    element.default_js = js  # type: ignore[attr-defined]
    element.default_css = css  # type: ignore[attr-defined]


def new_map(
    center: tuple[float, float], zoom: int, *, tiles: str, attribution: str, max_zoom: int = MAX_ZOOM
) -> folium.Map:
    """A map without jQuery, Bootstrap or icon fonts; tiles from `tiles` unless it is 'none'."""
    fmap = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        control_scale=True,
        prefer_canvas=True,
        maxZoom=max_zoom,
    )
    local_js_css(fmap, _LEAFLET_JS, _LEAFLET_CSS)
    if tiles.strip().lower() != NO_TILES:
        folium.TileLayer(
            tiles=tiles, attr=attribution, name="Achtergrondkaart", max_zoom=max_zoom, control=False
        ).add_to(fmap)
    return fmap
