"""The group map and the hangplek mini map: built from frames, checked on the folium objects and HTML."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import folium
import polars as pl
import pytest
from folium.plugins import HeatMap

from dashboard.maps.groups import (
    build_group_map,
    build_hangplek_map,
    clicked_groep_id,
    map_html,
    map_html_bytes,
    map_table,
)
from dashboard.maps.layers import OUTLINE, marker_radius
from dashboard.maps.legend import BandLegend
from dashboard.presentation import BAND_COLOURS, BAND_ORDER, BAND_SYMBOLS

PDOK = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
URL = re.compile(r"https?://[^\s\"'<>)]+")

# Columns: groep_id, werknaam, band, prioriteit, trend, leden, lat and lon.
ROWS = [
    ("G-1", "Groep Stationsplein", "hoog", 81.4, 4.2, 25, 52.090, 5.110),
    ("G-2", "Groep Kastanjeplein", "midden", 45.0, -3.0, 12, 52.095, 5.120),
    ("G-3", "Groep Ondiep", "laag", 22.0, 0.0, 4, 52.100, 5.100),
    ("G-4", "Groep Tigrisdreef", "geen groepsaanpak", None, None, 0, 52.080, 5.130),
    ("G-5", "Groep <b>Dorp</b>", "onvoldoende gegevens", None, None, 9, 52.070, 5.090),
]


def _groups(rows: list[tuple[Any, ...]] = ROWS) -> pl.DataFrame:
    schema = {
        "groep_id": pl.String,
        "werknaam": pl.String,
        "band": pl.String,
        "prioriteit": pl.Float64,
        "trend": pl.Float64,
        "leden": pl.Int64,
        "lat": pl.Float64,
        "lon": pl.Float64,
    }
    frame = pl.DataFrame(rows, schema=schema, orient="row")
    return frame.with_columns(gemeente_naam=pl.lit("Utrecht"))


HANGPLEKKEN = pl.DataFrame(
    {
        "hangplek_id": ["H-1", "H-2", "H-3", "H-9"],
        "groep_id": ["G-1", "G-1", "G-2", "G-OTHER"],
        "naam": ["Stationsplein", "Bushalte", "Kastanjeplein", "Elders"],
        "lat": [52.0901, 52.0899, 52.0950, 52.3000],
        "lon": [5.1101, 5.1099, 5.1200, 5.3000],
    }
)


def _meldingen(points: list[tuple[float, float]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "melding_id": [f"M-{i}" for i in range(len(points))],
            "datum": [dt.date(2026, 10, 1)] * len(points),
            "lat": [p[0] for p in points],
            "lon": [p[1] for p in points],
        }
    )


# 40 reports in two clusters of 20 within a few metres (two cells) and one lone report far away.
MELDINGEN = _meldingen(
    [(52.09 + i * 1e-5, 5.11) for i in range(20)]
    + [(52.1 + i * 1e-5, 5.1) for i in range(20)]
    + [(52.2, 5.4)]
)


def _build(**changes: Any) -> folium.Map:
    arguments: dict[str, Any] = {
        "hangplekken": HANGPLEKKEN,
        "meldingen": MELDINGEN,
        "boundaries": None,
        "tiles": "none",
        "attribution": "Test",
    } | changes
    groups = arguments.pop("groups", _groups())
    return build_group_map(groups, **arguments)


def _children(element: Any) -> list[Any]:
    return list(element._children.values())  # noqa: SLF001  (folium has no public list of children)


def _layers(fmap: folium.Map, kind: type) -> dict[str, Any]:
    return {child.layer_name: child for child in _children(fmap) if isinstance(child, kind)}


def _group_features(fmap: folium.Map) -> list[dict[str, Any]]:
    return _layers(fmap, folium.GeoJson)["Groepen"].data["features"]


@pytest.mark.parametrize("count", [0, 1, 3, 5], ids=lambda n: f"{n}-groepen")
def test_one_circle_marker_per_group(count: int) -> None:
    fmap = _build(groups=_groups(ROWS[:count]))
    layer = _layers(fmap, folium.GeoJson)["Groepen"]
    assert isinstance(layer.marker, folium.CircleMarker), "cirkels, geen zware folium.Marker"
    assert len(layer.data["features"]) == count
    assert sorted(f["properties"]["groep_id"] for f in layer.data["features"]) == [r[0] for r in ROWS[:count]]


def test_a_group_without_location_is_left_out() -> None:
    groups = _groups().with_columns(lat=pl.when(pl.col("groep_id") == "G-2").then(None).otherwise("lat"))
    assert "G-2" not in {f["properties"]["groep_id"] for f in _group_features(_build(groups=groups))}


@pytest.mark.parametrize("band", BAND_ORDER)
def test_fill_colour_follows_the_band_with_a_dark_outline(band: str) -> None:
    (feature,) = [f for f in _group_features(_build()) if f["properties"]["band"].endswith(band)]
    assert feature["properties"]["style"]["fillColor"] == BAND_COLOURS[band]
    assert _layers(_build(), folium.GeoJson)["Groepen"].marker.options["color"] == OUTLINE


@pytest.mark.parametrize(
    ("small", "large"), [(0, 4), (4, 12), (12, 25), (25, 40)], ids=["0-4", "4-12", "12-25", "25-40"]
)
def test_radius_grows_with_members_on_a_square_root_scale(small: int, large: int) -> None:
    assert marker_radius(small) < marker_radius(large)


@pytest.mark.parametrize(("leden", "radius"), [(None, 5.0), (0, 5.0), (16, 12.0), (10_000, 20.0)])
def test_radius_is_bounded(leden: int | None, radius: float) -> None:
    assert marker_radius(leden) == radius


def test_the_tooltip_shows_name_band_priority_trend_and_gemeente() -> None:
    fmap = _build()
    tooltip = _children(_layers(fmap, folium.GeoJson)["Groepen"])[0]
    assert isinstance(tooltip, folium.GeoJsonTooltip)
    assert tooltip.aliases == ["Groep", "Band", "Prioriteit", "Trend", "Gemeente", "Leden"]
    properties = {f["properties"]["groep_id"]: f["properties"] for f in _group_features(fmap)}
    assert {k: properties["G-1"][k] for k in tooltip.fields} == {
        "naam": "Groep Stationsplein",
        "band": "▲ hoog",
        "prioriteit": "81",
        "trend": "↑ +4",
        "gemeente": "Utrecht",
        "leden": "25",
    }
    assert properties["G-4"]["prioriteit"] == "—"
    assert properties["G-4"]["trend"] == "—"


def test_names_are_escaped_because_tooltips_are_html() -> None:
    properties = {f["properties"]["groep_id"]: f["properties"] for f in _group_features(_build())}
    assert properties["G-5"]["naam"] == "Groep &lt;b&gt;Dorp&lt;/b&gt;"


def test_without_tiles_the_html_holds_no_web_address() -> None:
    html = map_html(_build(boundaries=_square()))
    assert URL.findall(html) == []
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert "/app/static/vendor/leaflet-heat/leaflet_heat.min.js" in html


def test_with_tiles_the_tile_template_is_the_only_web_address() -> None:
    html = map_html(_build(tiles=PDOK, attribution="Kaartgegevens © Kadaster"))
    assert set(URL.findall(html)) == {PDOK}
    assert "Kaartgegevens \\u00a9 Kadaster" in html or "Kaartgegevens © Kadaster" in html


def test_meldingen_appear_only_as_counts_per_cell() -> None:
    heat = next(iter(_layers(_build(), HeatMap).values()))
    assert heat.layer_name.startswith("Meldingen jeugdoverlast")
    assert sorted(point[2] for point in heat.data) == [1.0, 20.0, 20.0]
    assert len(heat.data) < MELDINGEN.height
    assert heat.options["pane"] == "meldingen", "onder de cirkels, niet erover"


def test_without_meldingen_there_is_no_heat_layer() -> None:
    assert _layers(_build(meldingen=None), HeatMap) == {}
    assert _layers(_build(meldingen=MELDINGEN.clear()), HeatMap) == {}


def test_hangplekken_are_a_layer_of_the_shown_groups_only() -> None:
    layer = _layers(_build(), folium.GeoJson)["Hangplekken"]
    names = [f["properties"]["naam"] for f in layer.data["features"]]
    assert names == ["Stationsplein", "Bushalte", "Kastanjeplein"]
    assert layer.data["features"][0]["properties"]["groep"] == "Groep Stationsplein"
    assert layer.control, "aan en uit te zetten"


def test_the_legend_names_every_band_with_symbol_and_word() -> None:
    fmap = _build()
    (legend,) = [child for child in _children(fmap) if isinstance(child, BandLegend)]
    text = legend.html_json.encode().decode("unicode_escape")
    assert ">Band<" in legend.html_json
    for band in BAND_ORDER:
        assert f"{BAND_SYMBOLS[band]} {band}" in text
        assert BAND_COLOURS[band] in text
    assert "groepsbeeld-legenda" in map_html(fmap)


def _square() -> dict[str, Any]:
    ring = [[5.0, 52.0], [5.2, 52.0], [5.2, 52.2], [5.0, 52.2], [5.0, 52.0]]
    feature = {
        "type": "Feature",
        "properties": {"naam": "Wijk"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    return {"type": "FeatureCollection", "features": [feature]}


@pytest.mark.parametrize(("boundaries", "present"), [(None, False), (_square(), True)], ids=["zonder", "met"])
def test_the_boundaries_layer_only_when_given(boundaries: dict[str, Any] | None, present: bool) -> None:  # noqa: FBT001
    layers = _layers(_build(boundaries=boundaries), folium.GeoJson)
    assert ("Grenzen" in layers) is present
    if present:
        assert layers["Grenzen"].options["interactive"] is False
        assert "fillColor" not in layers["Grenzen"].style_function({})


def test_there_is_a_layer_control_and_the_view_fits_the_groups() -> None:
    fmap = _build()
    kinds = [type(child).__name__ for child in _children(fmap)]
    assert "LayerControl" in kinds
    fit = next(child for child in _children(fmap) if type(child).__name__ == "FitBounds")
    assert fit.bounds == [[52.07, 5.09], [52.1, 5.13]]


def test_two_builds_give_identical_html() -> None:
    assert map_html(_build(boundaries=_square())) == map_html(_build(boundaries=_square()))


def test_the_html_size_is_measured_in_bytes() -> None:
    # folium's render is not idempotent (a hidden layer gets its addTo on a second render): fresh maps.
    assert map_html_bytes(_build()) == len(map_html(_build()).encode("utf-8")) > 10_000


@pytest.mark.parametrize(
    ("returned", "expected"),
    [
        (None, None),
        ({}, None),
        ({"last_active_drawing": None}, None),
        ({"last_active_drawing": {"type": "Feature", "properties": {"groep_id": "G-1"}}}, "G-1"),
        ({"last_active_drawing": {"type": "Feature", "properties": {"naam": "Wijk"}}}, None),
        ({"last_active_drawing": {"type": "Feature", "properties": {"groep_id": 7}}}, None),
    ],
    ids=["niets", "leeg", "geen-klik", "groep", "grens", "geen-tekst"],
)
def test_a_click_is_mapped_back_to_its_group(returned: dict[str, Any] | None, expected: str | None) -> None:
    assert clicked_groep_id(returned) == expected


def test_the_table_has_the_same_groups_as_text() -> None:
    table = map_table(_groups())
    assert table.get_column("groep_id").to_list() == ["G-1", "G-2", "G-3", "G-4", "G-5"]
    assert table.row(0) == ("G-1", "Groep Stationsplein", "Utrecht", "▲ hoog", 81.0, "↑ +4", 25)
    assert table.row(3)[3:6] == ("○ geen groepsaanpak", None, "—")


def test_the_hangplek_map_draws_a_circle_of_the_radius_per_hangplek() -> None:
    places = HANGPLEKKEN.filter(pl.col("groep_id") == "G-1")
    fmap = build_hangplek_map(places, MELDINGEN, tiles="none", attribution="Test", radius_m=250)
    circles = [
        c for group in _children(fmap) if isinstance(group, folium.FeatureGroup)
        for c in _children(group) if isinstance(c, folium.Circle)
    ]  # fmt: skip
    assert [c.options["radius"] for c in circles] == [250, 250]
    tooltips = [_children(c)[0].text for c in circles]
    assert tooltips == [
        "Stationsplein<br>20 meldingen jeugdoverlast binnen 250 m",
        "Bushalte<br>20 meldingen jeugdoverlast binnen 250 m",
    ]
    html = map_html(fmap)
    assert URL.findall(html) == []
    assert html == map_html(build_hangplek_map(places, MELDINGEN, tiles="none", attribution="Test"))


def test_the_hangplek_map_uses_a_given_count_and_works_without_meldingen() -> None:
    places = HANGPLEKKEN.filter(pl.col("groep_id") == "G-2").with_columns(meldingen=pl.lit(7))
    fmap = build_hangplek_map(places, None, tiles="none", attribution="Test")
    assert "7 meldingen jeugdoverlast binnen 250 m" in map_html(fmap)
    assert _layers(fmap, HeatMap) == {}
