"""Rows of hangplekken.csv and hangplek_tijden.csv: where groups hang out, and when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.sample.frames import Columns, new_columns
from dashboard.sample.sampling import format_coordinate

if TYPE_CHECKING:
    from random import Random

    from dashboard.sample.groups import GroupPlan

__all__ = ["build_hangplek_columns", "build_tijden_columns"]

_DAYS = 7
_HOURS = 24
_WEEKEND_NIGHTS = (4, 5)  # vrijdag and zaterdag (0 = maandag): out late, past midnight
_SUNDAY = 6
# Chances: a place busy right after school (schoolplein, bushalte), and a day being a day out.
_CHANCE = {"school": 0.2, "weekend": 0.85, "weekday": 0.7, "sunday": 0.6}


def build_hangplek_columns(plans: list[GroupPlan]) -> Columns:
    """hangplekken.csv: every hangplek of every group with its coordinates."""
    columns = new_columns("hangplekken.csv")
    for plan in plans:
        for plek in plan.hangplekken:
            columns["hangplek_id"].append(plek.hangplek_id)
            columns["groep_id"].append(plan.groep_id)
            columns["naam"].append(plek.naam)
            columns["lat"].append(format_coordinate(plek.lat))
            columns["lon"].append(format_coordinate(plek.lon))
    return columns


def _mark(grid: list[list[bool]], day: int, first: int, end: int) -> None:
    """Marks hours first..end-1 of a day; hours past midnight go to the next day."""
    for hour in range(first, end):
        grid[(day + hour // _HOURS) % _DAYS][hour % _HOURS] = True


def _draw_week(rng: Random) -> list[list[bool]]:
    """A week of hours at a hangplek: afternoons and evenings, weekends later into the night."""
    grid = [[False] * _HOURS for _ in range(_DAYS)]
    school = rng.random() < _CHANCE["school"]
    for day in range(_DAYS):
        if day in _WEEKEND_NIGHTS and rng.random() < _CHANCE["weekend"]:
            first = rng.randint(19, 21)
            _mark(grid, day, first, rng.randint(24, 27))
        elif day < _WEEKEND_NIGHTS[0] and rng.random() < _CHANCE["weekday"]:
            first = rng.randint(12, 14) if school else rng.randint(15, 19)
            _mark(grid, day, first, rng.randint(first + 2, min(first + 7, 23)))
        elif day == _SUNDAY and rng.random() < _CHANCE["sunday"]:
            first = rng.randint(13, 16)
            _mark(grid, day, first, rng.randint(first + 3, 22))
    if not any(any(hours) for hours in grid):
        _mark(grid, 4, 20, 25)
    return grid


def _ranges(hours: list[bool]) -> list[tuple[int, int]]:
    """The [van, tot) ranges of consecutive marked hours in one day."""
    ranges: list[tuple[int, int]] = []
    for hour, busy in enumerate(hours):
        if busy and ranges and ranges[-1][1] == hour:
            ranges[-1] = (ranges[-1][0], hour + 1)
        elif busy:
            ranges.append((hour, hour + 1))
    return ranges


def build_tijden_columns(rng: Random, plans: list[GroupPlan]) -> Columns:
    """hangplek_tijden.csv: weekday x hour ranges per hangplek, split at midnight."""
    columns = new_columns("hangplek_tijden.csv")
    for plan in plans:
        for plek in plan.hangplekken:
            grid = _draw_week(rng)
            for day, hours in enumerate(grid):
                for van, tot in _ranges(hours):
                    columns["hangplek_id"].append(plek.hangplek_id)
                    columns["weekdag"].append(str(day + 1))
                    columns["uur_van"].append(str(van))
                    columns["uur_tot"].append(str(tot))
    return columns
