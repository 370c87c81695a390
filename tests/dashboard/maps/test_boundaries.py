"""The boundaries file: read when it is usable GeoJSON, a Dutch reason when it is not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.maps.boundaries import BoundariesError, load_boundaries

SQUARE = [[[5.0, 52.0], [5.1, 52.0], [5.1, 52.1], [5.0, 52.0]]]


def _write(tmp_path: Path, content: object) -> Path:
    path = tmp_path / "grenzen.geojson"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def _collection(geometry: object) -> dict[str, object]:
    return {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {}, "geometry": geometry}],
    }


def test_a_valid_feature_collection_is_read(tmp_path: Path) -> None:
    data = _collection({"type": "Polygon", "coordinates": SQUARE})
    assert load_boundaries(_write(tmp_path, data)) == data


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{niet json", "geen leesbaar GeoJSON-bestand"),
        ([1, 2], "geen GeoJSON FeatureCollection of Feature"),
        ({"type": "FeatureCollection"}, "geen lijst 'features'"),
        (_collection({"type": "Cirkel", "coordinates": SQUARE}), "geen geldige geometrie"),
        (_collection({"type": "Polygon", "coordinates": [[["a", "b"]]]}), "coördinaten ontbreken"),
        (
            _collection({"type": "Polygon", "coordinates": [[[136000.0, 455000.0], [136100.0, 455000.0]]]}),
            "RD-coördinaten",
        ),
    ],
    ids=["geen-json", "geen-object", "geen-features", "onbekende-geometrie", "geen-getallen", "rd"],
)
def test_an_unusable_file_gives_a_dutch_reason(tmp_path: Path, content: object, reason: str) -> None:
    with pytest.raises(BoundariesError, match=reason):
        load_boundaries(_write(tmp_path, content))


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(BoundariesError, match="bestaat niet"):
        load_boundaries(tmp_path / "weg.geojson")
