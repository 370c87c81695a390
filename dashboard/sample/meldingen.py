"""Jeugdoverlast meldingen (meldingen.csv): place and date only, clustered at active hangplekken."""

from __future__ import annotations

import math
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from dashboard.sample.frames import Columns, new_columns
from dashboard.sample.sampling import (
    DateText,
    draw_index,
    draw_point_near,
    draw_point_spread,
    draw_poisson,
    format_coordinate,
)

if TYPE_CHECKING:
    from random import Random

    from dashboard.sample.groups import GroupPlan, Soort, World

__all__ = ["build_melding_columns"]

_YEAR = 365.25
_BLOCK_DAYS = 30
_CLUSTER_RADIUS_M = 250.0
_LEAD_DAYS = 90  # neighbours complain before the group is signalled
# Meldingen per year at a group's hangplekken at intensity 1, by hidden type (criminal groups
# keep a lower profile on the street than nuisance groups).
_GROUP_RATES: dict[Soort, float] = {"hinderlijk": 25.0, "overlastgevend": 50.0, "crimineel": 25.0}
# Relative number of meldingen by month (januari first): more in spring and summer evenings.
_MONTH_WEIGHTS = (0.75, 0.75, 0.9, 1.05, 1.15, 1.2, 1.25, 1.2, 1.05, 1.0, 0.85, 0.8)

_Melding = tuple[int, str, float, float]
"""A melding as (date ordinal, gemeente code, lat, lon)."""


def _draw_day(rng: Random, first: int, last: int) -> int:
    """A day in first..last (ordinals), more likely in the warmer months."""
    top = max(_MONTH_WEIGHTS)
    while True:
        day = first + draw_index(rng, last - first + 1)
        if rng.random() * top < _month_weight(day):
            return day


@cache
def _month_weight(day: int) -> float:
    """The seasonal weight of the month of a day (ordinal)."""
    return _MONTH_WEIGHTS[date.fromordinal(day).month - 1]


def _group_meldingen(rng: Random, plan: GroupPlan, first: int, last: int) -> list[_Melding]:
    """Meldingen within 250 m of a group's hangplekken while it is active."""
    begin = max(first, plan.eerste_signaal.toordinal() - _LEAD_DAYS)
    end = min(last, plan.beeindigd.toordinal() if plan.beeindigd else last)
    found: list[_Melding] = []
    for block in range(begin, end + 1, _BLOCK_DAYS):
        block_end = min(end, block + _BLOCK_DAYS - 1)
        level = plan.intensity(date.fromordinal(block))
        mean = _GROUP_RATES[plan.soort] * level * (block_end - block + 1) / _YEAR
        for _ in range(draw_poisson(rng, mean)):
            plek = rng.choice(plan.hangplekken)
            lat, lon = draw_point_near(rng, plek.lat, plek.lon, _CLUSTER_RADIUS_M)
            found.append((_draw_day(rng, block, block_end), plan.gemeente.code, lat, lon))
    return found


def _all_meldingen(rng: Random, world: World) -> list[_Melding]:
    """Every melding: the municipality's yearly rate, part of it clustered at the groups."""
    first, last = (day.toordinal() for day in world.window)
    plans = world.plans
    years = (last - first + 1) / _YEAR
    meldingen: list[_Melding] = []
    for gemeente in world.geography.gemeenten:
        clustered = [
            m
            for plan in plans
            if plan.gemeente.code == gemeente.code
            for m in _group_meldingen(rng, plan, first, last)
        ]
        total = draw_poisson(rng, gemeente.meldingen_per_1000 * gemeente.inwoners / 1000 * years)
        spread = 600.0 + 4.0 * math.sqrt(gemeente.inwoners)
        meldingen.extend(clustered)
        for _ in range(max(0, total - len(clustered))):
            lat, lon = draw_point_spread(rng, gemeente.lat, gemeente.lon, spread)
            meldingen.append((_draw_day(rng, first, last), gemeente.code, lat, lon))
    return meldingen


def build_melding_columns(rng: Random, world: World) -> Columns:
    """meldingen.csv with ids in date order."""
    meldingen = _all_meldingen(rng, world)
    meldingen.sort(key=lambda melding: (melding[0], melding[1]))
    columns = new_columns("meldingen.csv")
    text = DateText()
    for number, (day, gemeente, lat, lon) in enumerate(meldingen, start=1):
        columns["melding_id"].append(f"M-{number:07d}")
        columns["datum"].append(text(day))
        columns["gemeente_code"].append(gemeente)
        columns["lat"].append(format_coordinate(lat))
        columns["lon"].append(format_coordinate(lon))
    return columns
