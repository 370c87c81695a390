"""The persons of the sample and the memberships (namenlijsten) of the problematic groups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from dashboard.sample import names
from dashboard.sample.frames import Columns, new_columns
from dashboard.sample.sampling import DateText, draw_date, draw_index

if TYPE_CHECKING:
    from random import Random

    from dashboard.domain import Geslacht, LidRol
    from dashboard.sample.groups import GroupPlan, Soort

__all__ = [
    "Membership",
    "Person",
    "PersonRegistry",
    "build_membership_columns",
    "build_memberships",
    "draw_person",
]

_YEAR = 365.25
# soort -> (median size, sigma of log size); criminal groups are larger (about 15-30).
_SIZES: dict[Soort, tuple[float, float]] = {
    "hinderlijk": (12.0, 0.4),
    "overlastgevend": (13.0, 0.4),
    "crimineel": (20.0, 0.3),
}
_SIZE_RANGE = (4, 40)
_CORE_SHARE = (0.2, 0.35)
_LEADER_WEIGHTS: dict[Soort, tuple[int, int, int]] = {  # chance of 0, 1 or 2 leaders
    "hinderlijk": (60, 35, 5),
    "overlastgevend": (35, 50, 15),
    "crimineel": (10, 55, 35),
}
_SHARE_JOINED_LATER = 0.22
_SHARE_LEFT = 0.15
_SHARE_SECOND_GROUP = 0.04  # members also named in another group of the same municipality
_SHARE_MEELOPER = 0.6  # of the members outside the core; the rest is aanhang (fringe)
_MIN_DAYS_TO_JOIN = 60  # a later joiner needs a group that runs this long after its first scan
_MIN_DAYS_TO_LEAVE = 90  # a leaver stays at least this long
_BRONNEN = ("wijkagent", "groepsscan", "politiesystemen", "jongerenwerk", "boa", "leerplicht")
_BRON_WEIGHTS = (40, 25, 15, 8, 7, 5)
# kind -> (youngest, oldest, most common age at peildatum, chance of m, chance of v; the rest is x)
_KINDS: dict[str, tuple[float, float, float, float, float]] = {
    "lid": (12.01, 23.95, 16.0, 0.93, 0.065),
    "verdachte": (17.0, 40.0, 20.0, 0.85, 0.14),
    "omstander": (17.0, 85.0, 30.0, 0.5, 0.49),
}
_FIRST_NAMES: dict[Geslacht, tuple[str, ...]] = {
    "m": names.FIRST_NAMES_M,
    "v": names.FIRST_NAMES_F,
    "x": names.FIRST_NAMES_X,
}


class Person(NamedTuple):
    """A fictitious person; the id is handed out when all persons are known."""

    voornaam: str
    achternaam: str
    geboren: int
    geslacht: Geslacht


@dataclass(frozen=True, slots=True)
class Membership:
    """A person named in a group in a role from `van` until `tot` (open when None)."""

    person: int
    groep_id: str
    rol: LidRol
    van: date
    tot: date | None
    bron: str


class PersonRegistry:
    """All persons of a sample by index, members and non-members alike."""

    def __init__(self) -> None:
        """An empty registry."""
        self.people: list[Person] = []

    def add(self, person: Person) -> int:
        """Adds a person and returns its index."""
        self.people.append(person)
        return len(self.people) - 1

    def build_columns(self, rng: Random) -> tuple[Columns, list[str]]:
        """personen.csv with shuffled pseudonymous ids, and the id of each person by index."""
        numbers = list(range(1, len(self.people) + 1))
        rng.shuffle(numbers)
        ids = [f"P-{number:07d}" for number in numbers]
        columns = new_columns("personen.csv")
        text = DateText()
        for person_id, person in zip(ids, self.people, strict=True):
            columns["persoon_id"].append(person_id)
            columns["voornaam"].append(person.voornaam)
            columns["achternaam"].append(person.achternaam)
            columns["geboortedatum"].append(text(person.geboren))
            columns["geslacht"].append(person.geslacht)
        return columns, ids


def draw_person(rng: Random, kind: str, peildatum: date, youngest: float | None = None) -> Person:
    """A fictitious person of a kind (lid, verdachte, omstander) with a plausible age at peildatum."""
    low, high, mode, share_m, share_v = _KINDS[kind]
    age = min(high, max(rng.triangular(low, high, mode), youngest or low))
    draw = rng.random()
    geslacht: Geslacht = "m" if draw < share_m else "v" if draw < share_m + share_v else "x"
    first = _FIRST_NAMES[geslacht]
    born = peildatum.toordinal() - int(age * _YEAR)
    last = names.LAST_NAMES[draw_index(rng, len(names.LAST_NAMES))]
    return Person(first[draw_index(rng, len(first))], last, born, geslacht)


def _draw_roles(rng: Random, soort: Soort) -> list[LidRol]:
    """Roles of a new group: 20-35 % core with 0-2 leaders, the rest hangers-on and fringe."""
    median, sigma = _SIZES[soort]
    size = min(_SIZE_RANGE[1], max(_SIZE_RANGE[0], round(rng.lognormvariate(0.0, sigma) * median)))
    core = max(1, round(size * rng.uniform(*_CORE_SHARE)))
    leaders = min(core, rng.choices((0, 1, 2), weights=_LEADER_WEIGHTS[soort])[0])
    rest: list[LidRol] = [
        "meeloper" if rng.random() < _SHARE_MEELOPER else "aanhang" for _ in range(size - core)
    ]
    top: list[LidRol] = ["leider" if index < leaders else "kern" for index in range(core)]
    return top + rest


def _draw_period(rng: Random, plan: GroupPlan, peildatum: date) -> tuple[date, date | None]:
    """When a member is on the namenlijst: from around the first scan, some join later or leave."""
    first_scan = plan.scan_dates[0]
    end = plan.beeindigd or peildatum
    van = max(plan.eerste_signaal, first_scan - timedelta(days=rng.randint(0, 14)))
    if rng.random() < _SHARE_JOINED_LATER and (end - first_scan).days > _MIN_DAYS_TO_JOIN:
        van = draw_date(rng, first_scan + timedelta(days=30), end - timedelta(days=14))
    tot = plan.beeindigd
    if rng.random() < _SHARE_LEFT and (end - van).days > _MIN_DAYS_TO_LEAVE:
        tot = draw_date(rng, van + timedelta(days=60), end - timedelta(days=1))
    return van, tot


def _bron(rng: Random) -> str:
    """Who named the member."""
    return rng.choices(_BRONNEN, weights=_BRON_WEIGHTS)[0]


def _name_group(rng: Random, plan: GroupPlan, registry: PersonRegistry, peildatum: date) -> list[Membership]:
    """New persons named in one problematic group."""
    memberships = []
    for rol in _draw_roles(rng, plan.soort):
        van, tot = _draw_period(rng, plan, peildatum)
        youngest = 12.01 + (peildatum - van).days / _YEAR
        person = registry.add(draw_person(rng, "lid", peildatum, youngest))
        memberships.append(Membership(person, plan.groep_id, rol, van, tot, _bron(rng)))
    return memberships


def _second_membership(
    rng: Random, membership: Membership, other: GroupPlan, peildatum: date
) -> Membership | None:
    """The member also named in `other`, as hanger-on or fringe, when the periods allow it."""
    van, tot = _draw_period(rng, other, peildatum)
    van = max(van, membership.van)
    if van > (other.beeindigd or peildatum):
        return None
    if tot is not None and tot < van:
        tot = other.beeindigd
    rol: LidRol = rng.choice(("meeloper", "aanhang"))
    return Membership(membership.person, other.groep_id, rol, van, tot, _bron(rng))


def _second_groups(
    rng: Random, plans: list[GroupPlan], members: dict[str, list[Membership]], peildatum: date
) -> None:
    """Names a few members in a second group of the same municipality (overlap between groups)."""
    problematic = [plan for plan in plans if plan.problematic]
    originals = {groep_id: list(named) for groep_id, named in members.items()}
    for plan in problematic:
        others = [
            p for p in problematic if p.gemeente.code == plan.gemeente.code and p.groep_id != plan.groep_id
        ]
        for membership in originals[plan.groep_id]:
            if not others or rng.random() >= _SHARE_SECOND_GROUP:
                continue
            other = rng.choice(others)
            extra = _second_membership(rng, membership, other, peildatum)
            if extra and all(m.person != extra.person for m in members[other.groep_id]):
                members[other.groep_id].append(extra)


def build_memberships(
    rng: Random, plans: list[GroupPlan], registry: PersonRegistry, peildatum: date
) -> dict[str, list[Membership]]:
    """The namenlijst of every problematic group; gated groups get none (step-2A gate)."""
    members = {
        plan.groep_id: _name_group(rng, plan, registry, peildatum) for plan in plans if plan.problematic
    }
    _second_groups(rng, plans, members, peildatum)
    return members


def build_membership_columns(members: dict[str, list[Membership]], ids: list[str]) -> Columns:
    """lidmaatschappen.csv from the memberships and the person ids."""
    columns = new_columns("lidmaatschappen.csv")
    for groep_id in sorted(members):
        for membership in members[groep_id]:
            columns["persoon_id"].append(ids[membership.person])
            columns["groep_id"].append(groep_id)
            columns["rol"].append(membership.rol)
            columns["van"].append(membership.van.isoformat())
            columns["tot"].append(membership.tot.isoformat() if membership.tot else None)
            columns["bron"].append(membership.bron)
    return columns
