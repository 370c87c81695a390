"""Area boundaries (wijken, gemeenten) from a GeoJSON file the user configures, checked before use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

__all__ = ["BoundariesError", "load_boundaries"]


class BoundariesError(ValueError):
    """The configured boundaries file cannot be used; the message says why, in Dutch."""


def load_boundaries(path: str | Path) -> dict[str, Any]:
    """Read a GeoJSON FeatureCollection (or Feature) of area boundaries from a file."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        msg = f"Het grenzenbestand {file} bestaat niet."
        raise BoundariesError(msg) from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        msg = f"Het grenzenbestand {file} is geen leesbaar GeoJSON-bestand ({error})."
        raise BoundariesError(msg) from error
    if not isinstance(data, dict) or data.get("type") not in {"FeatureCollection", "Feature"}:
        msg = f"Het grenzenbestand {file} is geen GeoJSON FeatureCollection of Feature."
        raise BoundariesError(msg)
    features = data.get("features") if data["type"] == "FeatureCollection" else [data]
    if not isinstance(features, list):
        msg = f"Het grenzenbestand {file} heeft geen lijst 'features'."
        raise BoundariesError(msg)
    for number, feature in enumerate(features, start=1):
        _check_feature(feature, f"{file}, object {number}")
    return data


_GEOMETRIES: Final = {"Polygon", "MultiPolygon", "LineString", "MultiLineString", "Point", "MultiPoint"}


def _first_position(coordinates: object) -> list[float] | None:
    while isinstance(coordinates, list) and coordinates and isinstance(coordinates[0], list):
        coordinates = coordinates[0]
    ok = isinstance(coordinates, list) and len(coordinates) >= 2  # noqa: PLR2004  (lon, lat)
    return coordinates if ok and all(isinstance(v, int | float) for v in coordinates[:2]) else None  # type: ignore[index, return-value]


def _check_feature(feature: object, where: str) -> None:
    """A feature Leaflet can draw: a known geometry with WGS84 (lon, lat) coordinates."""
    geometry = feature.get("geometry") if isinstance(feature, dict) else None
    if not isinstance(geometry, dict) or geometry.get("type") not in _GEOMETRIES:
        msg = f"{where}: geen geldige geometrie (verwacht: {', '.join(sorted(_GEOMETRIES))})."
        raise BoundariesError(msg)
    position = _first_position(geometry.get("coordinates"))
    if position is None:
        msg = f"{where}: de coördinaten ontbreken of zijn geen getallen."
        raise BoundariesError(msg)
    if not (-180 <= position[0] <= 180 and -90 <= position[1] <= 90):  # noqa: PLR2004
        msg = (
            f"{where}: de coördinaten lijken geen lengte- en breedtegraden (WGS84, EPSG:4326); "
            "RD-coördinaten (EPSG:28992) eerst omzetten."
        )
        raise BoundariesError(msg)
