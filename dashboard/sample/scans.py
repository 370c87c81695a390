"""Rows of groepsscans.csv and beoordelingen.csv: half-yearly ratings that follow each group's trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dashboard.domain import DIMENSIES, Dimensie
from dashboard.sample import names
from dashboard.sample.frames import Columns, new_columns
from dashboard.sample.sampling import draw_weighted_order

if TYPE_CHECKING:
    from random import Random

    from dashboard.sample.groups import GroupPlan, Soort

__all__ = ["build_scan_columns"]

# Expected score (0-3) per dimension by hidden type, before the group's own profile and trend.
# Firearms and drug dealing stay rare outside criminal groups.
_PROFILES: dict[Soort, dict[Dimensie, float]] = {
    "hinderlijk": {
        "overlast": 1.6, "intimidatie": 0.5, "vernieling": 0.7, "vermogen": 0.3, "geweld": 0.2,
        "wapens_mes": 0.08, "wapens_vuurwapen": 0.01, "drugsgebruik": 0.8, "drugshandel": 0.03,
        "alcohol_lachgas": 1.2, "online": 0.5,
    },
    "overlastgevend": {
        "overlast": 2.4, "intimidatie": 1.7, "vernieling": 1.5, "vermogen": 0.9, "geweld": 1.0,
        "wapens_mes": 0.6, "wapens_vuurwapen": 0.03, "drugsgebruik": 1.5, "drugshandel": 0.15,
        "alcohol_lachgas": 1.6, "online": 1.2,
    },
    "crimineel": {
        "overlast": 2.0, "intimidatie": 2.4, "vernieling": 1.2, "vermogen": 2.2, "geweld": 2.2,
        "wapens_mes": 1.8, "wapens_vuurwapen": 0.9, "drugsgebruik": 1.8, "drugshandel": 2.2,
        "alcohol_lachgas": 1.2, "online": 2.0,
    },
}  # fmt: skip
_SOURCES = ("wijkagent", "jongerenwerk", "boa", "leerplicht", "school", "politiesystemen")
_SOURCE_WEIGHTS = (6.0, 3.0, 2.0, 1.0, 1.0, 3.0)
_SOURCE_BOOSTS: dict[str, dict[str, float]] = {  # dimension group -> sources that know most about it
    "hard": {"politiesystemen": 7.0},
    "straat": {"boa": 5.0},
    "jong": {"jongerenwerk": 4.0, "school": 3.0, "leerplicht": 2.0},
}
_DIMENSION_KIND: dict[str, str] = {
    "vermogen": "hard", "geweld": "hard", "wapens_mes": "hard", "wapens_vuurwapen": "hard",
    "drugshandel": "hard", "overlast": "straat", "alcohol_lachgas": "straat", "vernieling": "straat",
    "online": "jong", "drugsgebruik": "jong", "intimidatie": "straat",
}  # fmt: skip
_OBSERVED_WITHIN = {1: 150, 2: 60, 3: 30}  # days before the scan a behaviour was last seen, by score
_RADICALISATION = 0.02  # share of scans with a radicalisation signal (a restricted flag)
_SHARE_FIRST_SCAN_NOTE = 0.5  # first scans that say so in their narrative
_SHARE_NO_TREND_NOTE = 0.3  # later scans whose narrative says nothing about the trend
_SHARE_OWN_AUTHOR = 0.85  # scans written by the group's usual specialist
_OPENINGS: dict[Soort, tuple[str, ...]] = {
    "hinderlijk": (
        "De groep komt vooral 's avonds samen bij {plek} en veroorzaakt geluidsoverlast en zwerfafval.",
        "Jongeren hangen rond bij {plek}; buurtbewoners klagen over lawaai, scooters en blowen.",
        "Bij {plek} wordt regelmatig lachgas gebruikt en blijft afval achter.",
    ),
    "overlastgevend": (
        (
            "Bij {plek} worden voorbijgangers uitgescholden en geïntimideerd; "
            "bushokjes en speeltoestellen worden vernield."
        ),
        "De groep provoceert handhavers rond {plek} en er zijn meldingen van vechtpartijen.",
        "Winkeliers bij {plek} melden intimidatie en kleine diefstallen door leden van de groep.",
    ),
    "crimineel": (
        "Een deel van de groep is betrokken bij drugshandel rond {plek} en ronselt jongere buurtgenoten.",
        "Er zijn signalen van wapenbezit en van straatroven door de kern van de groep rond {plek}.",
        (
            "Leden delen drillvideo's met bedreigingen aan een rivaliserende groep; "
            "de kern wordt verdacht van geweld rond {plek}."
        ),
    ),
}
_TRENDS = (
    (3, "Sinds de vorige scan is het gedrag duidelijk verhard."),
    (1, "Sinds de vorige scan neemt de overlast licht toe."),
    (0, "Het beeld is sinds de vorige scan stabiel."),
    (-2, "Sinds de vorige scan is de overlast iets afgenomen."),
    (-99, "De overlast is duidelijk afgenomen, mede door de inzet van jongerenwerk en handhaving."),
)


@dataclass(frozen=True, slots=True)
class _Scan:
    """One scan to write: its group, date and place in the group's series."""

    plan: GroupPlan
    datum: date
    number: int


def _specialists(rng: Random, plans: list[GroupPlan]) -> dict[str, list[str]]:
    """Two or three fictitious police specialists per municipality's unit, who author the scans."""
    units = sorted({plan.gemeente.eenheid for plan in plans})
    return {
        unit: [
            f"{rng.choice(names.FIRST_NAMES_F + names.FIRST_NAMES_M)} {rng.choice(names.LAST_NAMES)}"
            for _ in range(rng.randint(2, 3))
        ]
        for unit in units
    }


def _score(rng: Random, expected: float) -> int:
    """A 0-3 score: the expected value rounded up with the chance of its fraction."""
    whole = int(expected)
    return min(3, max(0, whole + (rng.random() < expected - whole)))


def _bronnen(rng: Random, dimensie: Dimensie) -> str:
    """One to three sources for a rating, ';'-separated in a fixed order."""
    boosts = _SOURCE_BOOSTS[_DIMENSION_KIND[dimensie]]
    weights = [boosts.get(source, weight) for source, weight in zip(_SOURCES, _SOURCE_WEIGHTS, strict=True)]
    count = rng.choices((1, 2, 3), weights=(25, 50, 25))[0]
    chosen = sorted(draw_weighted_order(rng, weights)[:count])
    return ";".join(_SOURCES[i] for i in chosen)


def _narratief(rng: Random, scan: _Scan, change: int | None) -> str:
    """One or two Dutch sentences: what the group does, and how it changed since the last scan."""
    plek = rng.choice(scan.plan.hangplekken).naam
    opening = rng.choice(_OPENINGS[scan.plan.soort]).format(plek=plek)
    if change is None:
        return (
            f"{opening} Dit is de eerste groepsscan van deze groep."
            if rng.random() < _SHARE_FIRST_SCAN_NOTE
            else opening
        )
    if rng.random() < _SHARE_NO_TREND_NOTE:
        return opening
    return f"{opening} {next(text for bound, text in _TRENDS if change >= bound)}"


@dataclass(frozen=True, slots=True)
class _Rating:
    """One rated dimension of a scan."""

    dimensie: Dimensie
    score: int
    bronnen: str
    laatst_waargenomen: date | None


@dataclass(frozen=True, slots=True)
class _ScanResult:
    """A finished scan before it gets its id."""

    datum: date
    groep_id: str
    auteur: str
    narratief: str
    radicalisering: bool
    ratings: tuple[_Rating, ...]


def _rate(rng: Random, scan: _Scan, profile: dict[Dimensie, float]) -> tuple[_Rating, ...]:
    """All eleven dimensions rated for a scan, following the group's profile and trend."""
    level = scan.plan.intensity(scan.datum)
    ratings = []
    for dimensie in DIMENSIES:
        score = _score(rng, profile[dimensie] * level)
        seen = scan.datum - timedelta(days=rng.randint(0, _OBSERVED_WITHIN[score])) if score else None
        ratings.append(_Rating(dimensie, score, _bronnen(rng, dimensie), seen))
    return tuple(ratings)


def _scan_group(rng: Random, plan: GroupPlan, authors: list[str]) -> list[_ScanResult]:
    """Every scan of one problematic group, in date order."""
    base = _PROFILES[plan.soort]
    profile = {dimensie: base[dimensie] * rng.uniform(0.7, 1.3) for dimensie in DIMENSIES}
    author = rng.choice(authors)
    results: list[_ScanResult] = []
    for number, datum in enumerate(plan.scan_dates):
        scan = _Scan(plan, datum, number)
        ratings = _rate(rng, scan, profile)
        total = sum(r.score for r in ratings)
        change = total - sum(r.score for r in results[-1].ratings) if results else None
        results.append(
            _ScanResult(
                datum, plan.groep_id, author if rng.random() < _SHARE_OWN_AUTHOR else rng.choice(authors),
                _narratief(rng, scan, change), rng.random() < _RADICALISATION, ratings,
            )
        )  # fmt: skip
    return results


def build_scan_columns(rng: Random, plans: list[GroupPlan]) -> tuple[Columns, Columns]:
    """groepsscans.csv and beoordelingen.csv for every problematic group; ids in date order."""
    specialists = _specialists(rng, plans)
    results = [
        result
        for plan in plans
        if plan.problematic
        for result in _scan_group(rng, plan, specialists[plan.gemeente.eenheid])
    ]
    results.sort(key=lambda result: (result.datum, result.groep_id))
    scans, ratings = new_columns("groepsscans.csv"), new_columns("beoordelingen.csv")
    for number, result in enumerate(results, start=1):
        scan_id = f"S-{number:06d}"
        scans["scan_id"].append(scan_id)
        scans["groep_id"].append(result.groep_id)
        scans["datum"].append(result.datum.isoformat())
        scans["auteur"].append(result.auteur)
        scans["narratief"].append(result.narratief)
        scans["radicaliseringssignaal"].append("ja" if result.radicalisering else "nee")
        for rating in result.ratings:
            ratings["scan_id"].append(scan_id)
            ratings["dimensie"].append(rating.dimensie)
            ratings["score"].append(str(rating.score))
            ratings["bronnen"].append(rating.bronnen)
            seen = rating.laatst_waargenomen
            ratings["laatst_waargenomen"].append(seen.isoformat() if seen else None)
    return scans, ratings
