"""The groups of the sample: a hidden type and trend per group, its werkproces status and hangplekken."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from dashboard.sample import names
from dashboard.sample.geography import Gemeente, Geography, Wijk
from dashboard.sample.sampling import draw_date, draw_point_near, draw_weighted_order

if TYPE_CHECKING:
    from random import Random

    from dashboard.domain import Beoordeling2A, Stap
    from dashboard.sample.scales import ScaleConfig

__all__ = ["GroupPlan", "Hangplek", "Soort", "World", "build_groups"]

Soort = Literal["hinderlijk", "overlastgevend", "crimineel"]
"""The hidden legacy type of a group; it drives its ratings, registrations and meldingen."""

_SHARE_CRIMINEEL = 0.06
_SHARE_OVERLASTGEVEND = 0.26
_SHARE_GATED = 0.12  # groups stopped at the step-2A gate: no namenlijst, no scan
_SHARE_NOT_YET = 0.4  # of the gated groups: not yet assessed (the rest: judged not problematic)
_SHARE_CLOSED = 0.15  # of the problematic groups: approach finished (stap 7)
_SHARE_STALE = 0.08  # of the active problematic groups: last scan older than six months
_CLOSED_AGE_DAYS = 400  # a group needs this long in the process before its approach can end
_STALE_AGE_DAYS = 450  # a group needs this long before its scans can have lapsed
_SHARE_GENERIC_WIJK = 0.8  # outside the known wijken, the share of groups with a (generic) wijk name
_SHARE_NAMED_AFTER_AREA = 0.45  # groups named after their neighbourhood rather than their hangplek
_YEAR = 365.25
_MAX_GROUPS_PER_GEMEENTE = 30.0  # large cities have 5-30 groups (domain brief section 4)
_ANCHOR_RADIUS_M = 1_500.0  # a group lives within this distance of the municipal centroid ...
_HANGPLEK_RADIUS_M = 450.0  # ... and hangs out within this distance of its own anchor
_SCAN_GAP_DAYS = (150, 182)  # half-yearly scans, never more than six months apart while active
_TRENDS = ((0.45, 0.3), (0.0, 0.4), (-0.5, 0.3))  # (slope per year of log intensity, share)
# (soort, share of all groups, power of the population weighting the draw towards cities)
_MIX: tuple[tuple[Soort, float, float], ...] = (
    ("crimineel", _SHARE_CRIMINEEL, 0.5),
    ("overlastgevend", _SHARE_OVERLASTGEVEND, 0.2),
)
_NOT_YET_STAPPEN: tuple[Stap, ...] = ("1", "2A")
# Open problematic groups by age, youngest first: the share of them in each step.
_OPEN_STAPPEN: tuple[tuple[Stap, float], ...] = (("2B", 0.1), ("3", 0.1), ("4", 0.1), ("5", 0.17), ("6", 1.0))
_PLATFORMS: dict[Soort, tuple[tuple[str, ...], int, int, float]] = {
    # soort -> (platforms, fewest, most, chance of none); cells list them in this order
    "hinderlijk": (("Snapchat", "TikTok", "Instagram", "WhatsApp"), 1, 2, 0.35),
    "overlastgevend": (("Snapchat", "TikTok", "Instagram", "WhatsApp", "YouTube"), 1, 3, 0.15),
    "crimineel": (("Snapchat", "Telegram", "Instagram", "TikTok", "YouTube", "Signal"), 2, 4, 0.0),
}


@dataclass(frozen=True, slots=True)
class Hangplek:
    """A place where a group hangs out."""

    hangplek_id: str
    naam: str
    lat: float
    lon: float


@dataclass(slots=True)
class GroupPlan:
    """Everything decided about one group before its rows are written."""

    groep_id: str
    gemeente: Gemeente
    soort: Soort
    eerste_signaal: date
    beoordeling: Beoordeling2A = "problematisch"
    stap: Stap = "6"
    trend: float = 0.0
    werknaam: str = ""
    wijk: str | None = None
    buurt: str | None = None
    basisteam: str = ""
    platforms: str | None = None
    beeindigd: date | None = None
    scan_dates: list[date] = field(default_factory=list)
    hangplekken: list[Hangplek] = field(default_factory=list)

    @property
    def problematic(self) -> bool:
        """Whether the group passed the step-2A gate (and so may have members and scans)."""
        return self.beoordeling == "problematisch"

    def intensity(self, day: date) -> float:
        """How active the group is on `day` relative to its first signal (1.0), by its trend."""
        years = max(0, (day - self.eerste_signaal).days) / _YEAR
        level = min(2.2, max(0.35, math.exp(self.trend * years)))
        if self.beeindigd is not None and day > self.beeindigd:
            level *= 0.5
        return level


@dataclass(frozen=True, slots=True)
class World:
    """The fixed frame of one sample: its scale, peildatum, geography and groups."""

    config: ScaleConfig
    peildatum: date
    geography: Geography
    plans: list[GroupPlan]

    @property
    def window(self) -> tuple[date, date]:
        """The first and last day of the sample's history (the last is the peildatum)."""
        days = round(self.config.history_years * _YEAR)
        return self.peildatum - timedelta(days=days - 1), self.peildatum


def _expected_counts(gemeenten: tuple[Gemeente, ...], total: int) -> list[float]:
    """Expected groups per municipality: more than proportional in cities, capped at 30 per city."""
    weights = [g.inwoners**1.3 for g in gemeenten]
    expected = [weight * total / sum(weights) for weight in weights]
    cap = _MAX_GROUPS_PER_GEMEENTE
    for _ in range(8):  # cap the largest cities and give their excess to the others
        capped = [e >= cap for e in expected]
        free = sum(e for e, is_capped in zip(expected, capped, strict=True) if not is_capped)
        scale = (total - cap * sum(capped)) / free
        expected = [cap if is_capped else e * scale for e, is_capped in zip(expected, capped, strict=True)]
    return [min(cap, e) for e in expected]


def _allocate(rng: Random, gemeenten: tuple[Gemeente, ...], total: int) -> list[Gemeente]:
    """One entry per group, by systematic rounding so the total is met: small towns often get none."""
    offset = rng.random()
    cumulative = 0.0
    slots: list[Gemeente] = []
    for gemeente, expected in zip(gemeenten, _expected_counts(gemeenten, total), strict=True):
        count = math.floor(cumulative + expected + offset) - math.floor(cumulative + offset)
        cumulative += expected
        slots.extend([gemeente] * count)
    return slots


def _assign_soorten(rng: Random, slots: list[Gemeente]) -> list[Soort]:
    """Hidden types in the national mix; criminal and nuisance groups lean to larger cities."""
    soorten: list[Soort] = ["hinderlijk"] * len(slots)
    free = list(range(len(slots)))
    for soort, share, power in _MIX:
        order = draw_weighted_order(rng, [slots[i].inwoners ** power for i in free])
        chosen = [free[i] for i in order[: round(share * len(slots))]]
        for index in chosen:
            soorten[index] = soort
        free = [i for i in free if i not in chosen]
    return soorten


def _gate(rng: Random, plans: list[GroupPlan], peildatum: date) -> None:
    """Stops some, mostly mild, groups at the step-2A gate; not-yet-assessed ones are recent."""
    weights = [{"hinderlijk": 3.0, "overlastgevend": 1.0, "crimineel": 0.2}[p.soort] for p in plans]
    gated = draw_weighted_order(rng, weights)[: round(_SHARE_GATED * len(plans))]
    not_yet = set(gated[: max(1, round(_SHARE_NOT_YET * len(gated)))])
    for index in gated:
        plan = plans[index]
        if index in not_yet:
            plan.beoordeling, plan.stap = "nog_niet_beoordeeld", rng.choice(_NOT_YET_STAPPEN)
            plan.eerste_signaal = peildatum - timedelta(days=rng.randint(7, 120))
        else:
            plan.beoordeling, plan.stap = "niet_problematisch", "2A"


def _draw_trend(rng: Random) -> float:
    """A slope per year of the log intensity: rising, stable or falling, with some spread."""
    slope = rng.choices([t[0] for t in _TRENDS], weights=[t[1] for t in _TRENDS])[0]
    return slope + rng.gauss(0.0, 0.08)


def _close(rng: Random, plans: list[GroupPlan], peildatum: date) -> None:
    """Puts some older problematic groups, falling ones first, in stap 7 with an end date."""
    older = [p for p in plans if (peildatum - p.eerste_signaal).days >= _CLOSED_AGE_DAYS]
    order = draw_weighted_order(rng, [4.0 if p.trend < 0 else 1.0 for p in older])
    for index in order[: round(_SHARE_CLOSED * len(plans))]:
        plan = older[index]
        plan.stap = "7"
        plan.trend = min(plan.trend, -0.3)
        earliest = max(plan.eerste_signaal + timedelta(days=200), peildatum - timedelta(days=540))
        plan.beeindigd = draw_date(rng, earliest, peildatum - timedelta(days=20))


def _assign_stappen(rng: Random, plans: list[GroupPlan], peildatum: date) -> None:
    """Steps 2B-7 for the problematic groups: young groups early in the process, old ones late."""
    problematic = [p for p in plans if p.problematic]
    _close(rng, problematic, peildatum)
    open_plans = sorted(
        (p for p in problematic if p.stap != "7"), key=lambda p: (-p.eerste_signaal.toordinal(), p.groep_id)
    )
    position = 0
    for stap, share in _OPEN_STAPPEN:
        count = len(open_plans) - position if share >= 1.0 else round(share * len(open_plans))
        for plan in open_plans[position : position + count]:
            plan.stap = stap
        position += count


def _schedule_scans(rng: Random, plans: list[GroupPlan], peildatum: date) -> None:
    """Half-yearly scan dates of every problematic group; a few active groups stopped being scanned."""
    active = [p for p in plans if p.problematic and p.stap in {"5", "6"}]
    old = [p for p in active if (peildatum - p.eerste_signaal).days >= _STALE_AGE_DAYS]
    order = draw_weighted_order(rng, [1.0] * len(old))
    stale = {old[i].groep_id for i in order[: max(1, round(_SHARE_STALE * len(active)))]}
    for plan in (p for p in plans if p.problematic):
        end = plan.beeindigd or peildatum
        if plan.groep_id in stale:
            end = peildatum - timedelta(days=rng.randint(200, 330))
        first = min(plan.eerste_signaal + timedelta(days=rng.randint(20, 90)), peildatum - timedelta(days=1))
        plan.scan_dates = [first]
        while (following := plan.scan_dates[-1] + timedelta(days=rng.randint(*_SCAN_GAP_DAYS))) <= end:
            plan.scan_dates.append(following)


def _place(rng: Random, plan: GroupPlan, geography: Geography) -> None:
    """The group's wijk, buurt and basisteam."""
    gemeente = plan.gemeente
    wijk: Wijk | None = rng.choice(gemeente.wijken) if gemeente.wijken else None
    if wijk is None and rng.random() < _SHARE_GENERIC_WIJK:
        wijk = Wijk(rng.choice(names.GENERIC_WIJKEN))
    plan.wijk = wijk.naam if wijk else None
    plan.buurt = rng.choice(wijk.buurten) if wijk and wijk.buurten else None
    teams = geography.teams_of(gemeente.code)
    plan.basisteam = wijk.basisteam if wijk and wijk.basisteam else rng.choice(teams).code


def _hangplek_name(rng: Random, plan: GroupPlan) -> str:
    """A hangplek name from a template, filled with the group's own surroundings."""
    return rng.choice(names.HANGPLEK_TEMPLATES).format(
        wijk=plan.buurt or plan.wijk or plan.gemeente.naam,
        street=rng.choice(names.STREETS),
        park=rng.choice(names.PARKS),
    )


def _add_hangplekken(rng: Random, plan: GroupPlan, next_id: int) -> int:
    """One to three hangplekken near a group anchor within about 2 km of the centroid."""
    anchor = draw_point_near(rng, plan.gemeente.lat, plan.gemeente.lon, _ANCHOR_RADIUS_M)
    count = rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
    while len(plan.hangplekken) < count:
        naam = _hangplek_name(rng, plan)
        if any(h.naam == naam for h in plan.hangplekken):
            continue
        lat, lon = draw_point_near(rng, anchor[0], anchor[1], _HANGPLEK_RADIUS_M)
        plan.hangplekken.append(Hangplek(f"H-{next_id:05d}", naam, lat, lon))
        next_id += 1
    return next_id


def _name(rng: Random, plan: GroupPlan, used: set[str]) -> None:
    """A working name after the neighbourhood or the main hangplek, unique in the municipality."""
    area = plan.buurt or plan.wijk
    options = [f"Groep {plan.hangplekken[0].naam}", *([f"Groep {area}"] if area else [])]
    if area and rng.random() < _SHARE_NAMED_AFTER_AREA:
        options.reverse()
    options += [f"Groep {h.naam}" for h in plan.hangplekken[1:]]
    options += [f"Groep {options[0][6:]} {number}" for number in range(2, 50)]
    plan.werknaam = next(option for option in options if option not in used)
    used.add(plan.werknaam)


def _draw_platforms(rng: Random, soort: Soort) -> str | None:
    """The online platforms a group is known to use, ';'-separated, or None."""
    platforms, fewest, most, none = _PLATFORMS[soort]
    if rng.random() < none:
        return None
    chosen = rng.sample(range(len(platforms)), rng.randint(fewest, most))
    return ";".join(platforms[i] for i in sorted(chosen))


def build_groups(rng: Random, geography: Geography, config: ScaleConfig, peildatum: date) -> list[GroupPlan]:
    """All groups of a sample with their hidden type, trend, status, scan dates and hangplekken."""
    start = peildatum - timedelta(days=round(config.history_years * _YEAR))
    slots = _allocate(rng, geography.gemeenten, rng.randint(*config.groups))
    soorten = _assign_soorten(rng, slots)
    plans = [
        GroupPlan(
            f"G-{index + 1:05d}", gemeente, soort, draw_date(rng, start, peildatum - timedelta(days=30))
        )
        for index, (gemeente, soort) in enumerate(zip(slots, soorten, strict=True))
    ]
    _gate(rng, plans, peildatum)
    for plan in plans:
        plan.trend = _draw_trend(rng)
    _assign_stappen(rng, plans, peildatum)
    _schedule_scans(rng, plans, peildatum)
    used: dict[str, set[str]] = {}
    next_hangplek = 1
    for plan in plans:
        _place(rng, plan, geography)
        next_hangplek = _add_hangplekken(rng, plan, next_hangplek)
        _name(rng, plan, used.setdefault(plan.gemeente.code, set()))
        plan.platforms = _draw_platforms(rng, plan.soort)
    return plans
