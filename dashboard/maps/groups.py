"""The group map (groups at their hangplekken, by band) and a group's mini map of its hangplekken.

Pure builders: frames in, folium.Map out. Element ids are numbered in a fixed order, so the same
input gives byte-identical HTML (st_folium then keeps the user's zoom across reruns).
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING, Any, Final

import folium
import polars as pl

from dashboard.maps.base import new_map
from dashboard.maps.layers import (
    OUTLINE,
    GroupsOnTop,
    add_boundaries_layer,
    add_groups_layer,
    add_hangplekken_layer,
    add_meldingen_layer,
)
from dashboard.maps.legend import BandLegend, MapStyle
from dashboard.presentation import band_label, format_trend, text_of
from dashboard.scoring.nearby import meldingen_near

if TYPE_CHECKING:
    from branca.element import Element

__all__ = [
    "NL_CENTER",
    "build_group_map",
    "build_hangplek_map",
    "clicked_groep_id",
    "map_html",
    "map_html_bytes",
    "map_table",
]

NL_CENTER: Final = (52.2, 5.3)
NL_ZOOM: Final = 7
MAX_FIT_ZOOM: Final = 15  # one group: do not zoom in to street level
HANGPLEK_ZOOM: Final = 15
NEARBY_M: Final = 1500.0  # the mini map shows meldingen up to this far around the hangplekken


def _bounds(frame: pl.DataFrame) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the lat/lon columns, or None without any point."""
    points = frame.drop_nulls(["lat", "lon"])
    if points.is_empty():
        return None
    lat, lon = points.get_column("lat"), points.get_column("lon")
    return [[float(lat.min()), float(lon.min())], [float(lat.max()), float(lon.max())]]  # type: ignore[arg-type]


def _center(bounds: list[list[float]] | None) -> tuple[float, float]:
    if bounds is None:
        return NL_CENTER
    return ((bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2)


def _styled(fmap: folium.Map) -> folium.Map:
    """Replace folium's metric-and-imperial scale bar by a metric one; compact control text."""
    fmap.control_scale = False
    MapStyle().add_to(fmap)
    return fmap


def _number_elements(fmap: folium.Map) -> folium.Map:
    """Replace folium's random element ids by their position in the tree (deterministic HTML)."""
    counter = 0

    def visit(element: Element) -> None:
        nonlocal counter
        element._id = f"{counter:04d}"  # noqa: SLF001  (folium has no public way to set the id)
        counter += 1
        for child in element._children.values():  # noqa: SLF001
            visit(child)

    visit(fmap.get_root())
    return fmap


def build_group_map(  # noqa: PLR0913  (the map's inputs, all keyword-only but the groups)
    groups: pl.DataFrame,
    *,
    hangplekken: pl.DataFrame | None,
    meldingen: pl.DataFrame | None,
    boundaries: dict[str, Any] | None,
    tiles: str,
    attribution: str,
) -> folium.Map:
    """Groups (GROEP_COLUMNS) as circles coloured by band and sized by members, with toggleable layers.

    hangplekken (hangplek_id, groep_id, naam, lat, lon) are limited to the groups shown; meldingen
    (lat, lon) are shown only as counts per grid cell; boundaries is a GeoJSON mapping, drawn as lines.
    Hangplekken and meldingen start switched off; the layer control (top right) turns them on.
    """
    bounds = _bounds(groups)
    fmap = _styled(new_map(_center(bounds), NL_ZOOM, tiles=tiles, attribution=attribution))
    if boundaries is not None:
        add_boundaries_layer(fmap, boundaries)
    if meldingen is not None and not meldingen.is_empty():
        add_meldingen_layer(fmap, meldingen, show=False)
    if hangplekken is not None:
        shown = hangplekken.filter(pl.col("groep_id").is_in(groups.get_column("groep_id").implode()))
        add_hangplekken_layer(fmap, shown, show=False, groups=groups)
    add_groups_layer(fmap, groups)
    GroupsOnTop().add_to(fmap)
    BandLegend().add_to(fmap)
    folium.LayerControl(collapsed=True, position="topright").add_to(fmap)
    if bounds is not None:
        fmap.fit_bounds(bounds, padding=(30, 30), max_zoom=MAX_FIT_ZOOM)
    return _number_elements(fmap)


def _within(points: pl.DataFrame, bounds: list[list[float]] | None, margin_m: float) -> pl.DataFrame:
    """The points (lat, lon) inside the bounds widened by margin_m metres."""
    if bounds is None:
        return points.clear()
    lat_margin = margin_m / 111_320.0
    lon_margin = lat_margin / math.cos(math.radians(bounds[0][0]))
    return points.filter(
        pl.col("lat").is_between(bounds[0][0] - lat_margin, bounds[1][0] + lat_margin),
        pl.col("lon").is_between(bounds[0][1] - lon_margin, bounds[1][1] + lon_margin),
    )


def _counts(hangplekken: pl.DataFrame, meldingen: pl.DataFrame | None, radius_m: float) -> pl.DataFrame:
    """hangplek_id, meldingen: the given count column, else meldingen within radius_m (null: unknown)."""
    if "meldingen" in hangplekken.columns:
        return hangplekken.select("hangplek_id", "meldingen")
    if meldingen is None:
        return hangplekken.select("hangplek_id", meldingen=pl.lit(None, pl.UInt32))
    places = hangplekken.select("hangplek_id", "lat", "lon", groep_id=pl.lit(""))
    near = meldingen_near(places, meldingen, radius_m).group_by("hangplek_id").agg(meldingen=pl.len())
    return places.select("hangplek_id").join(near, on="hangplek_id", how="left").fill_null(0)


def build_hangplek_map(
    hangplekken: pl.DataFrame,
    meldingen: pl.DataFrame | None,
    *,
    tiles: str,
    attribution: str,
    radius_m: float = 250.0,
) -> folium.Map:
    """A small map of one group's hangplekken (hangplek_id, naam, lat, lon) with a radius_m circle each.

    The circle is the area whose meldingen count towards the group's impact score. meldingen (melding_id,
    datum, lat, lon) appear only aggregated: as a heat layer and as a count per hangplek in its tooltip
    (taken from a 'meldingen' column of hangplekken when it has one).
    """
    bounds = _bounds(hangplekken)
    fmap = _styled(new_map(_center(bounds), HANGPLEK_ZOOM, tiles=tiles, attribution=attribution))
    if meldingen is not None:
        meldingen = _within(meldingen, bounds, NEARBY_M)
    counts = _counts(hangplekken, meldingen, radius_m)
    circles = folium.FeatureGroup(name=f"Straal {radius_m:.0f} m", control=True)
    rows = hangplekken.select("hangplek_id", "naam", "lat", "lon").join(counts, on="hangplek_id", how="left")
    rows = rows.sort("hangplek_id")
    for row in rows.iter_rows(named=True):
        tekst = html.escape(str(row["naam"]))
        if row["meldingen"] is not None:
            tekst += f"<br>{row['meldingen']} meldingen jeugdoverlast binnen {radius_m:.0f} m"
        folium.Circle(
            location=[round(row["lat"], 5), round(row["lon"], 5)],
            radius=float(radius_m),
            color=OUTLINE,
            weight=1.5,
            fill=True,
            fill_color="#0072B2",
            fill_opacity=0.12,
            tooltip=tekst,
        ).add_to(circles)
    circles.add_to(fmap)
    if meldingen is not None and not meldingen.is_empty():
        add_meldingen_layer(fmap, meldingen, show=True)
    add_hangplekken_layer(fmap, hangplekken, show=True)
    folium.LayerControl(collapsed=True).add_to(fmap)
    if bounds is not None:
        margin = radius_m / 111_320.0 * 1.6
        (south, west), (north, east) = bounds
        fmap.fit_bounds([[south - margin, west - margin], [north + margin, east + margin]], max_zoom=17)
    return _number_elements(fmap)


def map_html(fmap: folium.Map) -> str:
    """The complete HTML page of a map, as st_folium renders it."""
    return str(fmap.get_root().render())


def map_html_bytes(fmap: folium.Map) -> int:
    """Size of the map's HTML in bytes (UTF-8): what the browser receives."""
    return len(map_html(fmap).encode("utf-8"))


def clicked_groep_id(returned: dict[str, Any] | None) -> str | None:
    """The groep_id of the clicked group circle in st_folium's 'last_active_drawing', if any."""
    feature = (returned or {}).get("last_active_drawing")
    properties = feature.get("properties") if isinstance(feature, dict) else None
    groep_id = properties.get("groep_id") if isinstance(properties, dict) else None
    return groep_id if isinstance(groep_id, str) else None


def map_table(groups: pl.DataFrame) -> pl.DataFrame:
    """The map's groups as a table (its text alternative), in the same order of priority.

    Needs groep_id, werknaam, gemeente_naam, band, prioriteit, trend, leden; band and trend come as
    text with their symbol or arrow, so the table never relies on colour.
    """
    ordered = groups.sort("prioriteit", "groep_id", descending=[True, False], nulls_last=True)
    return ordered.select(
        "groep_id",
        "werknaam",
        pl.col("gemeente_naam").alias("gemeente"),
        text_of(ordered["band"], band_label),
        pl.col("prioriteit").round(0),
        text_of(ordered["trend"], format_trend, skip_nulls=False),
        "leden",
    )
