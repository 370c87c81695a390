"""Random draws shared by the sample generators: counts, points near a place and dates."""

from __future__ import annotations

import math
from datetime import date, timedelta
from random import Random

__all__ = [
    "DateText",
    "draw_date",
    "draw_index",
    "draw_point_near",
    "draw_point_spread",
    "draw_poisson",
    "draw_weighted_order",
    "format_coordinate",
    "seed_parts",
]

METERS_PER_DEGREE = 111_320.0
# Kept well inside the model bounds (50.5-53.7, 3.2-7.3) so a jittered point never fails validation.
_LAT_RANGE = (50.75, 53.55)
_LON_RANGE = (3.35, 7.2)
# Above this mean the Poisson count is drawn from its normal approximation (same result, less looping).
_POISSON_NORMAL_FROM = 30.0


def seed_parts(seed: int, parts: tuple[str, ...]) -> dict[str, Random]:
    """Independent sub-generators, one per part, all seeded from one `Random(seed)` in a fixed order."""
    # S311: these draws make fictitious data reproducible; nothing here is a secret.
    master = Random(seed)  # noqa: S311
    return {part: Random(master.getrandbits(64)) for part in parts}  # noqa: S311


def draw_poisson(rng: Random, mean: float) -> int:
    """A Poisson-distributed count with the given mean."""
    if mean <= 0:
        return 0
    if mean > _POISSON_NORMAL_FROM:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit = math.exp(-mean)
    count = 0
    product = rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _clamp_point(lat: float, lon: float) -> tuple[float, float]:
    """The point moved inside the Netherlands bounds of the import format."""
    lat = _LAT_RANGE[0] if lat < _LAT_RANGE[0] else min(lat, _LAT_RANGE[1])
    lon = _LON_RANGE[0] if lon < _LON_RANGE[0] else min(lon, _LON_RANGE[1])
    return lat, lon


def draw_index(rng: Random, size: int) -> int:
    """An index in range(size); cheaper than `randrange` in loops of a million draws."""
    return int(rng.random() * size)


def draw_point_near(rng: Random, lat: float, lon: float, radius_m: float) -> tuple[float, float]:
    """A point drawn uniformly from the disk of `radius_m` metres around (lat, lon)."""
    distance = radius_m * math.sqrt(rng.random())
    angle = rng.random() * math.tau
    dlat = distance * math.cos(angle) / METERS_PER_DEGREE
    dlon = distance * math.sin(angle) / (METERS_PER_DEGREE * math.cos(math.radians(lat)))
    return _clamp_point(lat + dlat, lon + dlon)


def draw_point_spread(rng: Random, lat: float, lon: float, sigma_m: float) -> tuple[float, float]:
    """A point normally spread around (lat, lon) with `sigma_m` metres per axis (Box-Muller)."""
    radius = sigma_m * math.sqrt(-2.0 * math.log(1.0 - rng.random()))
    angle = rng.random() * math.tau
    dlat = radius * math.cos(angle) / METERS_PER_DEGREE
    dlon = radius * math.sin(angle) / (METERS_PER_DEGREE * math.cos(math.radians(lat)))
    return _clamp_point(lat + dlat, lon + dlon)


def draw_date(rng: Random, first: date, last: date) -> date:
    """A date drawn uniformly from first..last (inclusive); `first` when the range is empty."""
    span = (last - first).days
    return first if span <= 0 else first + timedelta(days=rng.randint(0, span))


def draw_weighted_order(rng: Random, weights: list[float]) -> list[int]:
    """Indices ordered by a weighted draw without replacement (Efraimidis-Spirakis keys)."""
    keys = [rng.random() ** (1.0 / weight) for weight in weights]
    return sorted(range(len(weights)), key=lambda index: (-keys[index], index))


def format_coordinate(value: float) -> str:
    """A latitude or longitude as text with 5 decimals (about one metre), the same on every run."""
    return f"{value:.5f}"


class DateText:
    """ISO texts of dates by ordinal, cached because millions of rows share a few thousand days."""

    def __init__(self) -> None:
        """An empty cache."""
        self._texts: dict[int, str] = {}

    def __call__(self, ordinal: int) -> str:
        """The ISO text (JJJJ-MM-DD) of the date with this ordinal."""
        text = self._texts.get(ordinal)
        if text is None:
            text = date.fromordinal(ordinal).isoformat()
            self._texts[ordinal] = text
        return text
