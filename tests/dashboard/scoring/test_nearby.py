"""Meldingen near hangplekken: the grid join finds exactly the points within the radius."""

from __future__ import annotations

import datetime as dt
import math

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.scoring.nearby import EARTH_RADIUS_M, meldingen_near

DAY = dt.date(2026, 1, 1)


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


@settings(max_examples=40, deadline=None)
@given(
    st.floats(50.8, 53.5),
    st.floats(3.4, 7.1),
    st.lists(st.tuples(st.floats(-0.006, 0.006), st.floats(-0.01, 0.01)), max_size=30),
    st.sampled_from([100.0, 250.0, 400.0]),
)
def test_the_grid_join_matches_brute_force(
    lat: float, lon: float, offsets: list[tuple[float, float]], radius: float
) -> None:
    hangplekken = pl.DataFrame({"hangplek_id": ["H"], "groep_id": ["G"], "lat": [lat], "lon": [lon]})
    points = [(lat + dlat, lon + dlon) for dlat, dlon in offsets]
    meldingen = pl.DataFrame(
        {"melding_id": [f"M{i}" for i in range(len(points))], "datum": [DAY] * len(points),
         "lat": [p[0] for p in points], "lon": [p[1] for p in points]},
        schema={"melding_id": pl.String, "datum": pl.Date, "lat": pl.Float64, "lon": pl.Float64},
    )  # fmt: skip
    found = set(meldingen_near(hangplekken, meldingen, radius)["melding_id"])
    expected = {f"M{i}" for i, (a, b) in enumerate(points) if _haversine(lat, lon, a, b) <= radius}
    assert found == expected
