"""The deterministic sample-data generator: one seed and a peildatum give the same files every time."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dashboard.loading.files import IMPORT_FILES
from dashboard.sample.categories import build_category_columns
from dashboard.sample.events import build_registration_columns, build_registrations
from dashboard.sample.frames import Columns, build_frame, new_columns
from dashboard.sample.geography import Geography, build_land_geography, build_regio_geography
from dashboard.sample.groups import GroupPlan, World, build_groups
from dashboard.sample.hangplekken import build_hangplek_columns, build_tijden_columns
from dashboard.sample.meldingen import build_melding_columns
from dashboard.sample.people import PersonRegistry, build_membership_columns, build_memberships
from dashboard.sample.sampling import seed_parts
from dashboard.sample.scales import SCALES, Scale
from dashboard.sample.scans import build_scan_columns
from dashboard.sample.users import build_dataset_columns, build_user_columns

if TYPE_CHECKING:
    from random import Random

    import polars as pl

__all__ = ["DEFAULT_PEILDATUM", "generate_sample"]

DEFAULT_PEILDATUM = date(2026, 11, 30)
# One sub-generator per part, so changing one part leaves the draws of the others unchanged.
_PARTS = (
    "geografie",
    "groepen",
    "tijden",
    "personen",
    "registraties",
    "meldingen",
    "scans",
    "nummers",
    "ids",
)


def _geography_columns(geography: Geography) -> dict[str, Columns]:
    """eenheden.csv, basisteams.csv and gemeenten.csv."""
    eenheden, teams, gemeenten = (
        new_columns("eenheden.csv"),
        new_columns("basisteams.csv"),
        new_columns("gemeenten.csv"),
    )
    for eenheid in geography.eenheden:
        eenheden["eenheid_code"].append(eenheid.code)
        eenheden["naam"].append(eenheid.naam)
    for team in geography.basisteams:
        teams["basisteam_code"].append(team.code)
        teams["naam"].append(team.naam)
        teams["eenheid_code"].append(team.eenheid)
    for g in geography.gemeenten:
        row = (g.code, g.naam, g.eenheid, str(g.inwoners), str(g.jongeren), f"{g.lat:.5f}", f"{g.lon:.5f}")
        for name, value in zip(gemeenten, row, strict=True):
            gemeenten[name].append(value)
    return {"eenheden.csv": eenheden, "basisteams.csv": teams, "gemeenten.csv": gemeenten}


def _group_columns(plans: list[GroupPlan]) -> Columns:
    """groepen.csv."""
    columns = new_columns("groepen.csv")
    for plan in plans:
        row = (
            plan.groep_id, plan.werknaam, plan.gemeente.code, plan.wijk, plan.buurt, plan.basisteam,
            plan.stap, plan.beoordeling, plan.eerste_signaal.isoformat(), plan.platforms,
            plan.beeindigd.isoformat() if plan.beeindigd else None,
        )  # fmt: skip
        for name, value in zip(columns, row, strict=True):
            columns[name].append(value)
    return columns


def _build_geography(scale: Scale, rng: Random) -> Geography:
    """The geography of a scale."""
    return build_land_geography(rng) if scale == "land" else build_regio_geography(rng)


def _all_columns(scale: Scale, seed: int, peildatum: date) -> dict[str, Columns]:
    """The text columns of every file of the import format."""
    config = SCALES[scale]
    rngs = seed_parts(seed, _PARTS)
    geography = _build_geography(scale, rngs["geografie"])
    plans = build_groups(rngs["groepen"], geography, config, peildatum)
    registry = PersonRegistry()
    members = build_memberships(rngs["personen"], plans, registry, peildatum)
    world = World(config, peildatum, geography, plans)
    registrations = build_registrations(rngs["registraties"], world, members, registry)
    personen, ids = registry.build_columns(rngs["ids"])
    registraties, betrokkenen = build_registration_columns(rngs["nummers"], registrations, geography, ids)
    scans, beoordelingen = build_scan_columns(rngs["scans"], plans)
    return {
        "dataset.csv": build_dataset_columns(config, seed, peildatum),
        **_geography_columns(geography),
        "groepen.csv": _group_columns(plans),
        "hangplekken.csv": build_hangplek_columns(plans),
        "hangplek_tijden.csv": build_tijden_columns(rngs["tijden"], plans),
        "personen.csv": personen,
        "lidmaatschappen.csv": build_membership_columns(members, ids),
        "delictcategorieen.csv": build_category_columns(),
        "registraties.csv": registraties,
        "betrokkenen.csv": betrokkenen,
        "meldingen.csv": build_melding_columns(rngs["meldingen"], world),
        "groepsscans.csv": scans,
        "beoordelingen.csv": beoordelingen,
        "gebruikers.csv": build_user_columns(config),
    }


def generate_sample(scale: Scale, seed: int, peildatum: date = DEFAULT_PEILDATUM) -> dict[str, pl.DataFrame]:
    """Fictitious data of one scale as frames keyed by file name: text columns in model order, key order.

    `regio` is police unit Midden-Nederland with real municipalities; `land` is the whole country
    with synthetic municipalities where real facts are missing. Everything derives from `seed` and
    `peildatum`, never from the clock.
    """
    if scale not in SCALES:
        msg = f"onbekende schaal {scale!r}; kies uit {', '.join(SCALES)}"
        raise ValueError(msg)
    columns = _all_columns(scale, seed, peildatum)
    return {spec.bestand: build_frame(spec.bestand, columns[spec.bestand]) for spec in IMPORT_FILES}
