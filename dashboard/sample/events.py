"""Police registrations (registraties.csv) and the persons involved in them (betrokkenen.csv).

Group members are mostly suspects, at a rate set by their group's hidden type, role and trend;
sometimes they are a victim or witness. Most registrations involve no member at all: they give the
police systems a realistic background of other suspects, victims and witnesses.
"""

from __future__ import annotations

import math
from bisect import bisect
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import TYPE_CHECKING

from dashboard.sample.categories import BACKGROUND_WEIGHTS, GROUP_WEIGHTS, VICTIM_CHANCE
from dashboard.sample.frames import Columns, new_columns
from dashboard.sample.people import Membership, PersonRegistry, draw_person
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

    from dashboard.domain import BetrokkeneRol, LidRol
    from dashboard.sample.geography import Gemeente, Geography
    from dashboard.sample.groups import GroupPlan, Soort, World

__all__ = ["Registration", "build_registration_columns", "build_registrations"]

_YEAR = 365.25
_BLOCK_DAYS = 30
_LEAD_DAYS = 365  # members offend before they are named: the signal comes from somewhere
# Suspect registrations per member per year at intensity 1, by group type and by role.
_MEMBER_RATES: dict[Soort, float] = {"hinderlijk": 0.25, "overlastgevend": 0.8, "crimineel": 2.2}
_ROLE_FACTORS: dict[LidRol, float] = {"leider": 2.0, "kern": 1.6, "meeloper": 0.9, "aanhang": 0.35}
_CO_OFFENDERS = (1, 2, 3, 4)
_CO_OFFENDER_CUM = tuple(accumulate((50, 30, 14, 6)))
_MEAN_CO_OFFENDERS = 1.76
_NEAR_HANGPLEK = 0.65  # share of member registrations within 500 m of a hangplek
_NEW_PERSON = {"verdachte": 0.35, "omstander": 0.6}  # chance a pool pick is a new person
# Chances, per registration, that more people are involved besides the main suspects.
_CHANCE = {
    "extra_verdachte": 0.15,  # a non-member co-suspect of the members
    "rivaal": 0.1,  # the victim is a member of another group in the municipality
    "lid_getuige": 0.08,  # a group mate who was there but is not a suspect
    "getuige": 0.25,
    "betrokkene": 0.05,
    "bekende_verdachte": 0.55,  # background: a suspect is known at all
    "tweede_verdachte": 0.2,  # background: given a known suspect, a second one
    "achtergrond_getuige": 0.3,
    "lid_omstander": 0.04,  # background: a victim or witness happens to be a group member
}


@dataclass(slots=True)
class Registration:
    """A registration before it gets its number: day, category, place and involved persons."""

    ordinal: int
    categorie: str
    gemeente: str
    lat: float
    lon: float
    people: list[tuple[int, BetrokkeneRol]]

    def involve(self, person: int, rol: BetrokkeneRol) -> None:
        """Adds a person in a role unless already involved (one role per person per registration)."""
        for known, _ in self.people:  # a plain loop: this runs a million times on a few entries
            if known == person:
                return
        self.people.append((person, rol))


@dataclass(frozen=True, slots=True)
class _Offender:
    """A member who may be registered between `start` and `end` (ordinals) with a weight."""

    person: int
    start: int
    end: int
    weight: float

    def active(self, day: int) -> bool:
        """Whether the member may be involved on this day."""
        return self.start <= day <= self.end


class _Pools:
    """Lazily grown pools of non-members: other suspects and bystanders (victims, witnesses)."""

    def __init__(self, rng: Random, registry: PersonRegistry, peildatum: date) -> None:
        """Empty pools adding persons to `registry`."""
        self.rng, self.registry, self.peildatum = rng, registry, peildatum
        self.pools: dict[str, list[int]] = {"verdachte": [], "omstander": []}

    def pick(self, kind: str) -> int:
        """A person of the kind: often a new one, otherwise someone seen before."""
        pool = self.pools[kind]
        if not pool or self.rng.random() < _NEW_PERSON[kind]:
            pool.append(self.registry.add(draw_person(self.rng, kind, self.peildatum)))
            return pool[-1]
        return pool[int(self.rng.random() * len(pool))]


class _Categories:
    """Drawing categories by cumulative weights (fast for hundreds of thousands of draws)."""

    def __init__(self, weights: dict[str, float]) -> None:
        """A drawer for these relative weights."""
        self.codes = list(weights)
        self.cumulative = list(accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def draw(self, rng: Random) -> str:
        """One category code."""
        return self.codes[bisect(self.cumulative, rng.random() * self.total)]


@dataclass(frozen=True, slots=True)
class _Context:
    """What every generator step needs: the draws, the pools, the window and the members."""

    rng: Random
    pools: _Pools
    first_day: int
    last_day: int
    offenders: dict[str, list[_Offender]]
    by_gemeente: dict[str, list[_Offender]]


def _offenders(plan: GroupPlan, named: list[Membership], last_day: int) -> list[_Offender]:
    """The members of a group as possible suspects, weighted by group type and role."""
    rate = _MEMBER_RATES[plan.soort]
    return [
        _Offender(
            m.person, m.van.toordinal() - _LEAD_DAYS, m.tot.toordinal() if m.tot else last_day,
            rate * _ROLE_FACTORS[m.rol],
        )
        for m in named
    ]  # fmt: skip


def _pick_suspects(rng: Random, active: list[_Offender]) -> list[int]:
    """One to four distinct members, more often leaders and core."""
    wanted = min(len(active), rng.choices(_CO_OFFENDERS, cum_weights=_CO_OFFENDER_CUM)[0])
    chosen: list[int] = []
    weights = [o.weight for o in active]
    for _ in range(wanted * 4):
        person = rng.choices(active, weights=weights)[0].person
        if person not in chosen:
            chosen.append(person)
        if len(chosen) == wanted:
            break
    return chosen


def _rival(ctx: _Context, plan: GroupPlan, day: int) -> int | None:
    """An active member of another group in the same municipality, if one is found quickly."""
    candidates = ctx.by_gemeente.get(plan.gemeente.code, [])
    for _ in range(3):
        if not candidates:
            return None
        other = candidates[draw_index(ctx.rng, len(candidates))]
        if other.active(day) and other not in ctx.offenders[plan.groep_id]:
            return other.person
    return None


def _member_place(rng: Random, plan: GroupPlan) -> tuple[float, float]:
    """Near one of the group's hangplekken, or elsewhere in its municipality."""
    if rng.random() < _NEAR_HANGPLEK:
        plek = rng.choice(plan.hangplekken)
        return draw_point_near(rng, plek.lat, plek.lon, 500.0)
    return draw_point_spread(rng, plan.gemeente.lat, plan.gemeente.lon, _spread_m(plan.gemeente))


def _spread_m(gemeente: Gemeente) -> float:
    """How far (metres, per axis) incidents spread around a municipality's centroid."""
    return 600.0 + 4.0 * math.sqrt(gemeente.inwoners)


def _member_registration(ctx: _Context, plan: GroupPlan, day: int, active: list[_Offender]) -> Registration:
    """One registration with members of the group as suspects, and others around them."""
    rng = ctx.rng
    categorie = _GROUP_CATEGORIES[plan.soort].draw(rng)
    lat, lon = _member_place(rng, plan)
    registration = Registration(day, categorie, plan.gemeente.code, lat, lon, [])
    for person in _pick_suspects(rng, active):
        registration.involve(person, "verdachte")
    if rng.random() < _CHANCE["extra_verdachte"]:
        registration.involve(ctx.pools.pick("verdachte"), "verdachte")
    if rng.random() < VICTIM_CHANCE[categorie]:
        rival = _rival(ctx, plan, day) if rng.random() < _CHANCE["rivaal"] else None
        registration.involve(rival if rival is not None else ctx.pools.pick("omstander"), "slachtoffer")
    if rng.random() < _CHANCE["lid_getuige"]:
        registration.involve(rng.choice(active).person, "getuige")
    if rng.random() < _CHANCE["getuige"]:
        registration.involve(ctx.pools.pick("omstander"), "getuige")
    if rng.random() < _CHANCE["betrokkene"]:
        registration.involve(ctx.pools.pick("omstander"), "betrokkene")
    return registration


_GROUP_CATEGORIES = {soort: _Categories(weights) for soort, weights in GROUP_WEIGHTS.items()}
_BACKGROUND_CATEGORIES = _Categories(BACKGROUND_WEIGHTS)


def _group_registrations(ctx: _Context, plan: GroupPlan, out: list[Registration]) -> None:
    """Registrations of a group's members, month by month, following the group's trend."""
    offenders = ctx.offenders.get(plan.groep_id, [])
    if not offenders:
        return
    begin = max(ctx.first_day, min(o.start for o in offenders))
    for block in range(begin, ctx.last_day + 1, _BLOCK_DAYS):
        middle = block + _BLOCK_DAYS // 2
        active = [o for o in offenders if o.active(middle)]
        if not active:
            continue
        per_year = sum(o.weight for o in active) / _MEAN_CO_OFFENDERS
        mean = plan.intensity(date.fromordinal(middle)) * per_year * _BLOCK_DAYS / _YEAR
        days = (block + ctx.rng.randrange(_BLOCK_DAYS) for _ in range(draw_poisson(ctx.rng, mean)))
        out.extend(_member_registration(ctx, plan, day, active) for day in days if day <= ctx.last_day)


def _member_bystander(ctx: _Context, gemeente: str, day: int) -> int | None:
    """Now and then a local group member, as victim or witness in someone else's case."""
    candidates = ctx.by_gemeente.get(gemeente)
    if not candidates or ctx.rng.random() >= _CHANCE["lid_omstander"]:
        return None
    other = candidates[draw_index(ctx.rng, len(candidates))]
    return other.person if other.active(day) else None


def _background_registration(ctx: _Context, gemeente: Gemeente, spread: float) -> Registration:
    """One registration without a group member as suspect."""
    rng = ctx.rng
    day = ctx.first_day + draw_index(rng, ctx.last_day - ctx.first_day + 1)
    categorie = _BACKGROUND_CATEGORIES.draw(rng)
    lat, lon = draw_point_spread(rng, gemeente.lat, gemeente.lon, spread)
    registration = Registration(day, categorie, gemeente.code, lat, lon, [])
    if rng.random() < _CHANCE["bekende_verdachte"]:
        registration.involve(ctx.pools.pick("verdachte"), "verdachte")
        if rng.random() < _CHANCE["tweede_verdachte"]:
            registration.involve(ctx.pools.pick("verdachte"), "verdachte")
    if rng.random() < VICTIM_CHANCE[categorie]:
        member = _member_bystander(ctx, gemeente.code, day)
        registration.involve(member if member is not None else ctx.pools.pick("omstander"), "slachtoffer")
    if rng.random() < _CHANCE["achtergrond_getuige"]:
        member = _member_bystander(ctx, gemeente.code, day)
        registration.involve(member if member is not None else ctx.pools.pick("omstander"), "getuige")
    if not registration.people:
        registration.involve(ctx.pools.pick("omstander"), "betrokkene")
    return registration


def build_registrations(
    rng: Random, world: World, members: dict[str, list[Membership]], registry: PersonRegistry
) -> list[Registration]:
    """All registrations in the window: those of group members first, then the background."""
    first_day, last_day = (day.toordinal() for day in world.window)
    plans_by_id = {plan.groep_id: plan for plan in world.plans}
    offenders = {g: _offenders(plans_by_id[g], named, last_day) for g, named in members.items()}
    by_gemeente: dict[str, list[_Offender]] = {}
    for groep_id, group_offenders in offenders.items():
        by_gemeente.setdefault(plans_by_id[groep_id].gemeente.code, []).extend(group_offenders)
    pools = _Pools(rng, registry, world.peildatum)
    ctx = _Context(rng, pools, first_day, last_day, offenders, by_gemeente)
    out: list[Registration] = []
    for plan in world.plans:
        _group_registrations(ctx, plan, out)
    years = (last_day - first_day + 1) / _YEAR
    for gemeente in world.geography.gemeenten:
        spread = _spread_m(gemeente)
        mean = world.config.background_per_1000 * gemeente.inwoners / 1000 * years
        out.extend(_background_registration(ctx, gemeente, spread) for _ in range(draw_poisson(rng, mean)))
    return out


def build_registration_columns(
    rng: Random, registrations: list[Registration], geography: Geography, ids: list[str]
) -> tuple[Columns, Columns]:
    """registraties.csv and betrokkenen.csv; numbers rise with the date per unit and year."""
    unit_of = {g.code: geography.eenheid_of(g.eenheid).nummer for g in geography.gemeenten}
    ordered = sorted(registrations, key=lambda r: (unit_of[r.gemeente], r.ordinal))
    registraties, betrokkenen = new_columns("registraties.csv"), new_columns("betrokkenen.csv")
    counters: dict[tuple[str, int], int] = {}
    text = DateText()
    for registration in ordered:
        iso = text(registration.ordinal)
        key = (unit_of[registration.gemeente], int(iso[:4]))
        step = 1 + draw_index(rng, 12)  # the police register far more than the sample holds
        counters[key] = counters[key] + step if key in counters else 1_000 + draw_index(rng, 29_000)
        number = f"PL{key[0]}00-{key[1]}-{counters[key]:07d}"
        registraties["registratienummer"].append(number)
        registraties["datum"].append(iso)
        registraties["categorie_code"].append(registration.categorie)
        registraties["gemeente_code"].append(registration.gemeente)
        registraties["lat"].append(format_coordinate(registration.lat))
        registraties["lon"].append(format_coordinate(registration.lon))
        for person, rol in registration.people:
            betrokkenen["registratienummer"].append(number)
            betrokkenen["persoon_id"].append(ids[person])
            betrokkenen["rol"].append(rol)
    return registraties, betrokkenen
