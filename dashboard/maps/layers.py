"""Map layers built from frames: groups as circles, hangplekken, aggregated meldingen, boundaries.

Every layer is deterministic (sorted input, rounded coordinates), so the same frames give the same HTML
and st_folium keeps the user's zoom across reruns.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING, Any, Final

import folium
import polars as pl
from branca.element import MacroElement
from folium.plugins import HeatMap
from jinja2 import Template

from dashboard.maps.assets import STATIC_URL
from dashboard.maps.base import local_js_css
from dashboard.presentation import BAND_COLOURS, band_label, format_number, format_trend

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "HEAT_CELL_STEPS_M",
    "HEAT_GRADIENT",
    "HEAT_PANE",
    "MAX_HEAT_CELLS",
    "OUTLINE",
    "GroupsOnTop",
    "add_boundaries_layer",
    "add_groups_layer",
    "add_hangplekken_layer",
    "add_meldingen_layer",
    "aggregate_meldingen",
    "group_features",
    "marker_radius",
    "recent_meldingen",
]

OUTLINE: Final = "#222222"  # dark outline, so the white 'onvoldoende gegevens' circle stands out
MIN_RADIUS: Final = 5.0
MAX_RADIUS: Final = 20.0
RADIUS_PER_SQRT_LID: Final = 3.0  # area grows with members: radius = 3 * sqrt(leden), within bounds
# Heat cells: ~200 m squares; coarser steps when a big scope would give more than MAX_HEAT_CELLS cells,
# so the national map stays well under 1 MB. Never individual reports.
HEAT_CELL_STEPS_M: Final = (200, 400, 800, 1600, 3200)
MAX_HEAT_CELLS: Final = 6000
_M_PER_DEGREE_LAT: Final = 111_320.0
_COS_NL: Final = math.cos(math.radians(52.1))  # longitude degrees shrink with latitude; NL is ~52 N
_DECIMALS: Final = 5  # ~1 m: enough for a map, keeps the HTML small and stable
HEAT_PANE: Final = "meldingen"
# One purple hue, light to dark (ColorBrewer PRGn's purples): no band colour, readable for colour blindness.
HEAT_GRADIENT: Final = {0.2: "#e7d4e8", 0.5: "#c2a5cf", 0.8: "#9970ab", 1.0: "#762a83"}
_HEAT_JS: Final = [("leaflet-heat.js", f"{STATIC_URL}/leaflet-heat/leaflet_heat.min.js")]


def marker_radius(leden: int | None) -> float:
    """Circle radius in pixels: square-root scale of the member count (area ~ members), bounded."""
    size = RADIUS_PER_SQRT_LID * math.sqrt(max(leden or 0, 0))
    return round(min(max(size, MIN_RADIUS), MAX_RADIUS), 1)


def _text(value: object) -> str:
    """Tooltips are set as HTML: escape every value that comes from the data."""
    return html.escape(str(value)) if value is not None else "—"


def group_features(groups: pl.DataFrame) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the groups with a known location.

    Needs groep_id, werknaam, gemeente_naam, band, prioriteit, trend, leden, lat, lon. Each feature
    carries groep_id (to map a click back) and its style (fill colour by band, radius by members).
    """
    located = groups.filter(pl.col("lat").is_not_null(), pl.col("lon").is_not_null())
    features = []
    # Highest priority last, so it is drawn on top where circles overlap.
    for row in located.sort("prioriteit", "groep_id", nulls_last=False).iter_rows(named=True):
        band = row["band"]
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(row["lon"], _DECIMALS), round(row["lat"], _DECIMALS)],
                },
                "properties": {
                    "groep_id": row["groep_id"],
                    "naam": _text(row["werknaam"]),
                    "band": band_label(band),
                    "prioriteit": format_number(row["prioriteit"]),
                    "trend": format_trend(row["trend"]),
                    "gemeente": _text(row["gemeente_naam"]),
                    "leden": format_number(row["leden"]),
                    "style": {
                        "fillColor": BAND_COLOURS.get(band, BAND_COLOURS["onvoldoende gegevens"]),
                        "radius": marker_radius(row["leden"]),
                    },
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def add_groups_layer(fmap: folium.Map, groups: pl.DataFrame) -> folium.GeoJson:
    """One GeoJson layer of circle markers (not Markers: 20x lighter), with a Dutch tooltip."""
    tooltip = folium.GeoJsonTooltip(
        fields=["naam", "band", "prioriteit", "trend", "gemeente", "leden"],
        aliases=["Groep", "Band", "Prioriteit", "Trend", "Gemeente", "Leden"],
        sticky=False,
    )
    marker = folium.CircleMarker(radius=MIN_RADIUS, color=OUTLINE, weight=1.5, fill=True, fill_opacity=0.9)
    layer = folium.GeoJson(group_features(groups), name="Groepen", marker=marker, tooltip=tooltip)
    layer.add_to(fmap)
    return layer


def add_hangplekken_layer(
    fmap: folium.Map, hangplekken: pl.DataFrame, *, show: bool = True, groups: pl.DataFrame | None = None
) -> folium.GeoJson:
    """Small dark dots at the hangplekken (hangplek_id, naam, lat, lon), the name in the tooltip.

    With groups (groep_id, werknaam), a dot also names its group and carries its groep_id, so a click
    on a hangplek selects the group as a click on the group's circle does.
    """
    places = hangplekken.sort("hangplek_id")
    if groups is not None:
        names = groups.select("groep_id", groep=pl.col("werknaam"))
        places = places.join(names, on="groep_id", how="left", maintain_order="left")
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [round(row["lon"], _DECIMALS), round(row["lat"], _DECIMALS)],
            },
            "properties": {"naam": _text(row["naam"])}
            | ({"groep_id": row["groep_id"], "groep": _text(row["groep"])} if groups is not None else {}),
        }
        for row in places.iter_rows(named=True)
    ]
    fields, aliases = (
        (["naam", "groep"], ["Hangplek", "Groep"]) if groups is not None else (["naam"], ["Hangplek"])
    )
    marker = folium.CircleMarker(
        radius=3, color="#FFFFFF", weight=1, fill=True, fill_color=OUTLINE, fill_opacity=1
    )
    layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Hangplekken",
        marker=marker,
        tooltip=folium.GeoJsonTooltip(fields=fields, aliases=aliases, sticky=False),
        show=show,
    )
    layer.add_to(fmap)
    return layer


def recent_meldingen(meldingen: pl.DataFrame, peildatum: dt.date, months: int) -> pl.DataFrame:
    """The meldingen (datum, lat, lon) of the `months` months up to and including the peildatum."""
    start = pl.lit(peildatum).dt.offset_by(f"-{months}mo")
    return meldingen.filter(pl.col("datum") > start, pl.col("datum") <= peildatum)


def _cells(meldingen: pl.DataFrame, step_m: int) -> pl.DataFrame:
    step_lat = step_m / _M_PER_DEGREE_LAT
    step_lon = step_m / (_M_PER_DEGREE_LAT * _COS_NL)
    return (
        meldingen.drop_nulls(["lat", "lon"])
        .select(
            lat=((pl.col("lat") / step_lat).floor() + 0.5) * step_lat,
            lon=((pl.col("lon") / step_lon).floor() + 0.5) * step_lon,
        )
        .with_columns(pl.col("lat", "lon").round(_DECIMALS))
        .group_by("lat", "lon")
        .agg(aantal=pl.len())
        .sort("lat", "lon")
    )


def aggregate_meldingen(meldingen: pl.DataFrame, max_cells: int = MAX_HEAT_CELLS) -> tuple[pl.DataFrame, int]:
    """lat, lon, aantal per grid cell (cell centres), and the cell size in metres.

    Cells are ~200 m; when that gives more than max_cells cells, the next coarser step is used.
    """
    cells = pl.DataFrame(schema={"lat": pl.Float64, "lon": pl.Float64, "aantal": pl.UInt32})
    for step in HEAT_CELL_STEPS_M:
        cells = _cells(meldingen, step)
        if cells.height <= max_cells:
            return cells, step
    return cells, HEAT_CELL_STEPS_M[-1]


def add_meldingen_layer(fmap: folium.Map, meldingen: pl.DataFrame, *, show: bool = True) -> HeatMap:
    """A heat layer of meldingen jeugdoverlast counted per grid cell (self-hosted leaflet-heat).

    It lies in its own pane below the circles (the heat canvas would otherwise cover and tint them),
    in one purple hue that no band uses.
    """
    cells, step = aggregate_meldingen(meldingen)
    folium.map.CustomPane(HEAT_PANE, z_index=350, pointer_events=False).add_to(fmap)
    heat = HeatMap(  # type: ignore[no-untyped-call]
        cells.select("lat", "lon", pl.col("aantal").cast(pl.Float64)).rows(),
        name=f"Meldingen jeugdoverlast (per {format_number(step)} m)",
        radius=22,
        blur=18,
        min_opacity=0.15,
        gradient=HEAT_GRADIENT,
        show=show,
        pane=HEAT_PANE,
    )
    local_js_css(heat, _HEAT_JS, [])
    heat.add_to(fmap)
    return heat


def add_boundaries_layer(fmap: folium.Map, boundaries: dict[str, Any]) -> folium.GeoJson:
    """Area boundaries as thin lines without fill (they carry no meaning), not clickable."""
    layer = folium.GeoJson(
        boundaries,
        name="Grenzen",
        style_function=lambda _feature: {"color": "#555555", "weight": 1.5, "fill": False, "dashArray": "4"},
        interactive=False,
    )
    layer.add_to(fmap)
    return layer


class GroupsOnTop(MacroElement):
    """Keep the group circles above other layers when the user switches a layer on.

    All circles share one canvas; a layer switched on is drawn last, so hangplek dots would otherwise
    cover (and take the clicks of) the group circles. Group features are the ones with a 'band'.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.on("overlayadd", function () {
            {{ this._parent.get_name() }}.eachLayer(function (layer) {
                var p = layer.feature && layer.feature.properties;
                if (p && p.band !== undefined && layer.bringToFront) { layer.bringToFront(); }
            });
        });
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        """No options."""
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "GroupsOnTop"
