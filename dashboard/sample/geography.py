"""The geography of the sample: the real region Midden-Nederland and a synthetic national layout."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dashboard.sample import places

if TYPE_CHECKING:
    from random import Random

__all__ = [
    "Basisteam",
    "Eenheid",
    "Gemeente",
    "Geography",
    "Wijk",
    "build_land_geography",
    "build_regio_geography",
]

# Jongeren 12-23 as a share of the inhabitants (CBS: about 13-16 % in most municipalities).
_YOUTH_SHARE = (0.13, 0.16)
# National rate of jeugdoverlast meldingen per 1,000 inhabitants per year (2019).
_MELDINGEN_NATIONAL = 4.4
# A municipality this many times the basisteam quota is split over several basisteams.
_SPLIT_FACTOR = 1.5
_MAX_SPLIT = 9
_MAX_PER_TEAM = 4
_SPLIT_SUFFIXES: dict[int, tuple[str, ...]] = {2: ("N", "Z"), 3: ("N", "C", "Z")}
_DIRECTIONS = ("C", "N", "O", "Z", "W", "NO", "NW", "ZO", "ZW")
_DIRECTION_NAMES = {
    "C": "Centrum", "N": "Noord", "O": "Oost", "Z": "Zuid", "W": "West",
    "NO": "Noordoost", "NW": "Noordwest", "ZO": "Zuidoost", "ZW": "Zuidwest",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Eenheid:
    """A police unit with the two-digit number used in its registration numbers."""

    code: str
    naam: str
    nummer: str


@dataclass(frozen=True, slots=True)
class Wijk:
    """A neighbourhood of a municipality, with its buurten and (in a split city) its basisteam."""

    naam: str
    buurten: tuple[str, ...] = ()
    basisteam: str | None = None


@dataclass(frozen=True, slots=True)
class Gemeente:
    """A municipality with population, centroid, known wijken and its jeugdoverlast rate."""

    code: str
    naam: str
    eenheid: str
    inwoners: int
    jongeren: int
    lat: float
    lon: float
    wijken: tuple[Wijk, ...]
    meldingen_per_1000: float


@dataclass(frozen=True, slots=True)
class Basisteam:
    """A police basisteam and the municipalities it covers."""

    code: str
    naam: str
    eenheid: str
    gemeenten: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Geography:
    """Units, municipalities and basisteams of one sample scale."""

    eenheden: tuple[Eenheid, ...]
    gemeenten: tuple[Gemeente, ...]
    basisteams: tuple[Basisteam, ...]

    def teams_of(self, gemeente_code: str) -> tuple[Basisteam, ...]:
        """The basisteams covering a municipality, in code order."""
        return tuple(team for team in self.basisteams if gemeente_code in team.gemeenten)

    def eenheid_of(self, code: str) -> Eenheid:
        """The unit with this code."""
        return next(eenheid for eenheid in self.eenheden if eenheid.code == code)


def _youth(rng: Random, inwoners: int) -> int:
    """The number of 12-23 year olds for a population."""
    return round(inwoners * rng.uniform(*_YOUTH_SHARE))


def _regio_gemeenten(rng: Random) -> list[Gemeente]:
    """The real municipalities of the region, with their wijken."""
    return [
        Gemeente(
            code=code, naam=naam, eenheid="MNL", inwoners=inwoners, jongeren=_youth(rng, inwoners),
            lat=lat, lon=lon, meldingen_per_1000=rate,
            wijken=tuple(Wijk(*feit) for feit in places.REGIO_WIJKEN[code]),
        )
        for code, naam, inwoners, lat, lon, rate in places.REGIO_GEMEENTEN
    ]  # fmt: skip


def _regio_basisteams() -> list[Basisteam]:
    """The hand-made basisteams of the region."""
    return [
        Basisteam(code=code, naam=naam, eenheid="MNL", gemeenten=gemeenten)
        for code, naam, gemeenten in places.REGIO_BASISTEAMS
    ]


def _eenheden() -> tuple[Eenheid, ...]:
    """All ten police units."""
    return tuple(Eenheid(*row) for row in places.EENHEDEN)


def build_regio_geography(rng: Random) -> Geography:
    """Police unit Midden-Nederland with real municipalities and plausible basisteams."""
    return Geography(
        eenheden=tuple(eenheid for eenheid in _eenheden() if eenheid.code == "MNL"),
        gemeenten=tuple(_regio_gemeenten(rng)),
        basisteams=tuple(_regio_basisteams()),
    )


def _base_rate(inwoners: int) -> float:
    """A first jeugdoverlast rate that rises with the size of the municipality."""
    return min(8.0, max(2.5, 3.0 + 1.5 * math.log10(inwoners / 20_000)))


def _synthetic_name(rng: Random, taken: set[str]) -> str:
    """A new Dutch-sounding place name not used before (only membership is asked of the set)."""
    while True:
        name = rng.choice(places.PLACE_PREFIXES) + rng.choice(places.PLACE_SUFFIXES)
        if name not in taken:
            taken.add(name)
            return name


class _LandBuilder:
    """Builds the national municipalities unit by unit, handing out synthetic names and codes."""

    def __init__(self, rng: Random) -> None:
        """A builder drawing from `rng`."""
        self.rng = rng
        self.taken_names = set(places.REAL_NAMES)
        self.next_code = 9001  # CBS codes from GM9001 are unused: they mark synthetic municipalities

    def real(self, eenheid: str) -> list[Gemeente]:
        """The real municipalities of a unit outside the region."""
        return [
            Gemeente(
                code=code, naam=naam, eenheid=eenheid, inwoners=inwoners,
                jongeren=_youth(self.rng, inwoners), lat=lat, lon=lon, wijken=(),
                meldingen_per_1000=_base_rate(inwoners),
            )
            for code, naam, unit, inwoners, lat, lon in places.NATIONAL_GEMEENTEN
            if unit == eenheid
        ]  # fmt: skip

    def synthetic(self, eenheid: str, count: int, total: int) -> list[Gemeente]:
        """`count` fictitious municipalities of a unit sharing about `total` inhabitants."""
        weights = [self.rng.lognormvariate(0.0, 0.6) for _ in range(count)]
        lat_lo, lat_hi, lon_lo, lon_hi = places.EENHEID_BOXES[eenheid]
        rows = []
        for weight in weights:
            inwoners = max(1_500, int(round(total * weight / sum(weights), -1)))
            rows.append(
                Gemeente(
                    code=f"GM{self.next_code:04d}", naam=_synthetic_name(self.rng, self.taken_names),
                    eenheid=eenheid, inwoners=inwoners, jongeren=_youth(self.rng, inwoners),
                    lat=self.rng.uniform(lat_lo, lat_hi), lon=self.rng.uniform(lon_lo, lon_hi),
                    wijken=(), meldingen_per_1000=_base_rate(inwoners),
                )
            )  # fmt: skip
            self.next_code += 1
        return rows

    def unit(self, eenheid: str, regio: list[Gemeente]) -> list[Gemeente]:
        """All municipalities of one unit: real ones first, synthetic ones up to the unit's count."""
        target_inwoners, target_count, _ = places.EENHEID_TARGETS[eenheid]
        real = [g for g in regio if g.eenheid == eenheid] + self.real(eenheid)
        missing = target_count - len(real)
        rest = max(target_inwoners - sum(g.inwoners for g in real), missing * 5_000)
        return real + (self.synthetic(eenheid, missing, rest) if missing > 0 else [])


def _rescale_rates(gemeenten: list[Gemeente], fixed: set[str]) -> list[Gemeente]:
    """Rates scaled so the national mean is 4.4 per 1,000; the region's own rates stay as given."""
    total = sum(g.inwoners for g in gemeenten)
    fixed_part = sum(g.meldingen_per_1000 * g.inwoners for g in gemeenten if g.code in fixed)
    free_part = sum(g.meldingen_per_1000 * g.inwoners for g in gemeenten if g.code not in fixed)
    factor = (_MELDINGEN_NATIONAL * total - fixed_part) / free_part
    return [
        g if g.code in fixed else _with_rate(g, round(g.meldingen_per_1000 * factor, 2)) for g in gemeenten
    ]


def _with_rate(gemeente: Gemeente, rate: float) -> Gemeente:
    """The municipality with another jeugdoverlast rate."""
    return Gemeente(
        gemeente.code, gemeente.naam, gemeente.eenheid, gemeente.inwoners, gemeente.jongeren,
        gemeente.lat, gemeente.lon, gemeente.wijken, rate,
    )  # fmt: skip


def _abbreviation(naam: str) -> str:
    """Three capitals naming a municipality in a basisteam code."""
    letters = "".join(ch for ch in naam if ch.isascii() and ch.isalpha())
    return places.TEAM_ABBREVIATIONS.get(naam, letters[:3].upper())


def _unique_code(base: str, taken: list[str]) -> str:
    """`base`, or `base` with the first free number appended."""
    code, number = base, 2
    while code in taken:
        code, number = f"{base}{number}", number + 1
    taken.append(code)
    return code


def _split_teams(eenheid: str, gemeente: Gemeente, count: int, taken: list[str]) -> list[Basisteam]:
    """Basisteams dividing one large municipality by compass direction."""
    suffixes = _SPLIT_SUFFIXES.get(count, _DIRECTIONS[:count])
    base = f"{eenheid}-{_abbreviation(gemeente.naam)}"
    return [
        Basisteam(
            code=_unique_code(f"{base}-{suffix}", taken),
            naam=f"{gemeente.naam}-{_DIRECTION_NAMES[suffix]}",
            eenheid=eenheid,
            gemeenten=(gemeente.code,),
        )
        for suffix in suffixes
    ]


def _distance(a: Gemeente, b: Gemeente) -> float:
    """An east-west corrected squared distance in degrees, enough to find neighbours."""
    return (a.lat - b.lat) ** 2 + ((a.lon - b.lon) * 0.62) ** 2


def _cluster_teams(
    eenheid: str, gemeenten: list[Gemeente], quota: float, taken: list[str]
) -> list[Basisteam]:
    """Basisteams grouping each largest remaining municipality with its nearest neighbours."""
    remaining = sorted(gemeenten, key=lambda g: (-g.inwoners, g.code))
    teams = []
    while remaining:
        seed = remaining.pop(0)
        members = [seed]
        for other in sorted(remaining, key=lambda g: (_distance(seed, g), g.code)):
            if len(members) >= _MAX_PER_TEAM or sum(g.inwoners for g in members) >= quota * 0.9:
                break
            members.append(other)
            remaining.remove(other)
        naam = seed.naam if len(members) == 1 else f"{seed.naam} e.o."
        code = _unique_code(f"{eenheid}-{_abbreviation(seed.naam)}", taken)
        teams.append(Basisteam(code, naam, eenheid, tuple(g.code for g in members)))
    return teams


def _pack_teams(eenheid: str, gemeenten: list[Gemeente], target: int, taken: list[str]) -> list[Basisteam]:
    """About `target` basisteams for a unit: large cities split, small towns grouped."""
    quota = sum(g.inwoners for g in gemeenten) / max(target, 1)
    teams: list[Basisteam] = []
    rest = []
    for gemeente in gemeenten:
        count = min(_MAX_SPLIT, round(gemeente.inwoners / quota))
        if gemeente.inwoners >= _SPLIT_FACTOR * quota and count > 1:
            teams.extend(_split_teams(eenheid, gemeente, count, taken))
        else:
            rest.append(gemeente)
    return teams + _cluster_teams(eenheid, rest, quota, taken)


def build_land_geography(rng: Random) -> Geography:
    """Ten units, 342 municipalities (real where known, synthetic otherwise) and about 160 basisteams."""
    regio = _regio_gemeenten(rng)
    builder = _LandBuilder(rng)
    gemeenten = [g for eenheid, _, _ in places.EENHEDEN for g in builder.unit(eenheid, regio)]
    gemeenten = _rescale_rates(gemeenten, {g.code for g in regio})
    regio_codes = {g.code for g in regio}
    teams = _regio_basisteams()
    taken = [team.code for team in teams]
    for eenheid, _, _ in places.EENHEDEN:
        own = [g for g in gemeenten if g.eenheid == eenheid and g.code not in regio_codes]
        target = places.EENHEID_TARGETS[eenheid][2] - sum(t.eenheid == eenheid for t in teams)
        teams.extend(_pack_teams(eenheid, own, target, taken))
    return Geography(eenheden=_eenheden(), gemeenten=tuple(gemeenten), basisteams=tuple(teams))
