"""Hand-made scoring inputs: small groups whose expected scores follow from the documented rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl
import pytest

from dashboard.scoring.config import ScoringConfig, default_config
from dashboard.scoring.inputs import ScoringInputs

PEIL = dt.date(2026, 6, 30)
LAT, LON = 52.09, 5.12
CATEGORIES = {
    "overlast": 1.0,
    "vernieling": 2.0,
    "mishandeling": 5.0,
    "drugshandel": 6.0,
    "vuurwapenbezit": 9.0,
}


@dataclass
class Group:
    """One hand-made group; every list holds plain tuples so tests read like tables.

    scans: (datum, score per dimensie, bronnen); leden: (persoon_id, rol);
    registraties: (persoon_id, datum, categorie, rol); meldingen: (datum, lat, lon).
    """

    groep_id: str = "G1"
    gemeente_code: str = "GM0001"
    beoordeling_2a: str = "problematisch"
    eerste_signaal: dt.date = dt.date(2020, 1, 1)
    scans: list[tuple[dt.date, dict[str, int], str]] = field(default_factory=list)
    leden: list[tuple[str, str]] = field(default_factory=list)
    registraties: list[tuple[str, dt.date, str, str]] = field(default_factory=list)
    hangplekken: list[tuple[float, float]] = field(default_factory=list)
    meldingen: list[tuple[dt.date, float, float]] = field(default_factory=list)


def _frame(rows: list[tuple[object, ...]], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=schema, orient="row")


def _scan_rows(group: Group) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    scans, ratings = [], []
    for i, (datum, levels, bronnen) in enumerate(group.scans):
        scan_id = f"{group.groep_id}-S{i}"
        scans.append((scan_id, group.groep_id, datum))
        ratings += [(scan_id, d, s, bronnen, datum if s else None) for d, s in levels.items()]
    return scans, ratings


def make_inputs(groups: list[Group], jongeren: int | None = 10_000) -> ScoringInputs:
    """ScoringInputs holding exactly these groups (registration numbers unique per row)."""
    scans, ratings = [], []
    for group in groups:
        s, r = _scan_rows(group)
        scans += s
        ratings += r
    d, s, f, i = pl.Date(), pl.String(), pl.Float64(), pl.Int64()
    regs = [
        (f"{g.groep_id}-R{n}", p, rol, datum, cat)
        for g in groups
        for n, (p, datum, cat, rol) in enumerate(g.registraties)
    ]
    return ScoringInputs(
        groepen=_frame(
            [
                (
                    g.groep_id,
                    f"Groep {g.groep_id}",
                    g.gemeente_code,
                    "BT1",
                    "E1",
                    g.beoordeling_2a,
                    g.eerste_signaal,
                    None,
                )
                for g in groups
            ],
            {
                "groep_id": s,
                "werknaam": s,
                "gemeente_code": s,
                "basisteam_code": s,
                "eenheid_code": s,
                "beoordeling_2a": s,
                "eerste_signaal": d,
                "aanpak_beeindigd": d,
            },
        ),
        scans=_frame(scans, {"scan_id": s, "groep_id": s, "datum": d}),
        beoordelingen=_frame(
            ratings, {"scan_id": s, "dimensie": s, "score": i, "bronnen": s, "laatst_waargenomen": d}
        ),
        leden=_frame(
            [(p, g.groep_id, rol, dt.date(2020, 1, 1), None) for g in groups for p, rol in g.leden],
            {"persoon_id": s, "groep_id": s, "rol": s, "van": d, "tot": d},
        ),
        registraties=_frame(
            regs, {"registratienummer": s, "persoon_id": s, "rol": s, "datum": d, "categorie_code": s}
        ),
        categorieen=_frame(
            [(c, c.capitalize(), w) for c, w in CATEGORIES.items()],
            {"categorie_code": s, "naam": s, "ernstgewicht": f},
        ),
        hangplekken=_frame(
            [
                (f"{g.groep_id}-H{n}", g.groep_id, f"Plek {g.groep_id}-{n}", la, lo)
                for g in groups
                for n, (la, lo) in enumerate(g.hangplekken)
            ],
            {"hangplek_id": s, "groep_id": s, "naam": s, "lat": f, "lon": f},
        ),
        meldingen=_frame(
            [
                (f"{g.groep_id}-M{n}", datum, la, lo)
                for g in groups
                for n, (datum, la, lo) in enumerate(g.meldingen)
            ],
            {"melding_id": s, "datum": d, "lat": f, "lon": f},
        ),
        gemeenten=_frame(
            sorted({(g.gemeente_code, f"Gemeente {g.gemeente_code}", jongeren) for g in groups}),
            {"gemeente_code": s, "naam": s, "jongeren_12_23": i},
        ),
    )


@pytest.fixture(scope="session")
def config() -> ScoringConfig:
    """The shipped configuration."""
    return default_config()
