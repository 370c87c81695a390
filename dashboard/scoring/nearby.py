"""Meldingen near a group's hangplekken: a grid join, then exact distances (haversine), vectorised."""

from __future__ import annotations

import math

import polars as pl

__all__ = ["EARTH_RADIUS_M", "meldingen_near"]

EARTH_RADIUS_M = 6_371_008.8
_METERS_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180
# The grid's longitude cells are sized for this latitude; the Netherlands lies below 53.7°.
_MAX_LAT = 54.0


def _haversine_m(lat1: pl.Expr, lon1: pl.Expr, lat2: pl.Expr, lon2: pl.Expr) -> pl.Expr:
    """The great-circle distance in metres between two points given in degrees."""
    phi1, phi2 = lat1.radians(), lat2.radians()
    a = ((phi2 - phi1) / 2).sin().pow(2) + phi1.cos() * phi2.cos() * ((lon2 - lon1).radians() / 2).sin().pow(
        2
    )
    return 2 * EARTH_RADIUS_M * a.sqrt().arcsin()


def meldingen_near(hangplekken: pl.DataFrame, meldingen: pl.DataFrame, radius_m: float) -> pl.DataFrame:
    """Every (hangplek, melding) pair within radius_m metres.

    Needs hangplekken (hangplek_id, groep_id, lat, lon) and meldingen (melding_id, datum, lat, lon).
    Produces hangplek_id, groep_id, melding_id, datum, afstand_m. Cells are at least radius_m wide, so a
    hangplek only needs its own and the eight neighbouring cells.
    """
    cell_lat = radius_m / _METERS_PER_DEGREE
    cell_lon = radius_m / (_METERS_PER_DEGREE * math.cos(math.radians(_MAX_LAT)))
    shifts = pl.DataFrame({"d": [-1, 0, 1]}, schema={"d": pl.Int64})
    cells = (
        hangplekken.select(
            "hangplek_id", "groep_id", pl.col("lat").alias("h_lat"), pl.col("lon").alias("h_lon")
        )
        .join(shifts.rename({"d": "di"}), how="cross")
        .join(shifts.rename({"d": "dj"}), how="cross")
        .with_columns(
            ci=(pl.col("h_lat") / cell_lat).floor().cast(pl.Int64) + pl.col("di"),
            cj=(pl.col("h_lon") / cell_lon).floor().cast(pl.Int64) + pl.col("dj"),
        )
    )
    points = meldingen.with_columns(
        ci=(pl.col("lat") / cell_lat).floor().cast(pl.Int64),
        cj=(pl.col("lon") / cell_lon).floor().cast(pl.Int64),
    )
    distance = _haversine_m(pl.col("h_lat"), pl.col("h_lon"), pl.col("lat"), pl.col("lon"))
    return (
        cells.join(points, on=["ci", "cj"])
        .with_columns(afstand_m=distance)
        .filter(pl.col("afstand_m") <= radius_m)
        .select("hangplek_id", "groep_id", "melding_id", "datum", "afstand_m")
    )
