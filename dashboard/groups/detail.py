"""Everything the group page shows about one group, for one user: scoped, role-filtered, scored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import polars as pl
from pydantic import BaseModel, ConfigDict

from dashboard.access import has_permission, require, visible_fields
from dashboard.domain import STAP_LABELS
from dashboard.groups.queries import (
    load_birthdates,
    load_group_inputs,
    load_group_names,
    load_group_row,
    load_hangplek_tijden,
    load_member_names,
    load_scans,
)
from dashboard.groups.summaries import member_names, summarise_members, summarise_overlap, summarise_times
from dashboard.presentation import leden
from dashboard.privacy.retention import with_purge_dates
from dashboard.scoring.config import ScoringConfig, default_config
from dashboard.scoring.nearby import meldingen_near
from dashboard.scoring.ratings import KEY
from dashboard.scoring.results import GroepScore, build_results
from dashboard.scoring.scores import DEELSCORES, score_targets, targets_at
from dashboard.scoring.trends import HISTORY_COLUMNS

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dashboard.access import Identity
    from dashboard.domain import Rol
    from dashboard.scoring.advice import Advies
    from dashboard.scoring.inputs import ScoringInputs

__all__ = ["BEOORDELING_2A_LABELS", "POLITIE_ROLLEN", "GroupDetail", "GroupInfo", "load_group_detail"]

# Radicalisation signals are a restricted flag: only the police roles see them, never as a number.
POLITIE_ROLLEN: Final[frozenset[Rol]] = frozenset({"politie_specialist", "wijkagent"})
BEOORDELING_2A_LABELS: Final = {
    "nog_niet_beoordeeld": "nog niet beoordeeld",
    "problematisch": "problematisch",
    "niet_problematisch": "niet problematisch",
}


class GroupInfo(BaseModel):
    """The group's own facts: names, area, step, 2A outcome, first signal, online platforms."""

    model_config = ConfigDict(frozen=True)

    groep_id: str
    werknaam: str
    gemeente_code: str
    gemeente_naam: str
    wijk: str | None
    buurt: str | None
    basisteam_code: str
    basisteam_naam: str
    stap: str
    stap_label: str
    beoordeling_2a: str
    beoordeling_2a_label: str
    eerste_signaal: dt.date
    aanpak_beeindigd: dt.date | None
    online_platforms: tuple[str, ...]


@dataclass(frozen=True)
class GroupDetail:
    """One group at a peildatum as one user may see it.

    score: None when the group is not active at the peildatum. verandering: priority minus the priority
        at the scan before the latest (as the ranking's trend). scans: datum, auteur, prioriteit, band
        (+ radicaliseringssignaal for police roles only). radicalisering: any signal (police roles), else
        None. geschiedenis: peildatum, prioriteit, band, deelscores per scan date. hangplekken:
        hangplek_id, naam, lat, lon, meldingen (window), tijden. meldingen: melding_id, datum, lat, lon
        near the hangplekken in the window. leden: rol, leeftijdsgroep, leden. namen: persoon_id, naam,
        rol, leeftijd, lid_sinds, verwijderdatum (purge date), or None without 'namenlijst'. overlap:
        groep_id, werknaam, gedeelde_leden for other groups inside the scope; overlap_buiten_gebied
        counts the members also active in a group outside it.
    """

    groep: GroupInfo
    peildatum: dt.date
    score: GroepScore | None
    verandering: float | None
    scans: pl.DataFrame
    radicalisering: bool | None
    geschiedenis: pl.DataFrame
    hangplekken: pl.DataFrame
    meldingen: pl.DataFrame
    leden: pl.DataFrame
    namen: pl.DataFrame | None
    overlap: pl.DataFrame
    overlap_buiten_gebied: int
    config: ScoringConfig


def _info(row: dict[str, object]) -> GroupInfo:
    platforms = str(row["online_platforms"] or "")
    stap, beoordeling = str(row["stap"]), str(row["beoordeling_2a"])
    return GroupInfo.model_validate(
        {
            **row,
            "stap_label": STAP_LABELS.get(stap, stap),  # type: ignore[call-overload]
            "beoordeling_2a_label": BEOORDELING_2A_LABELS.get(beoordeling, beoordeling),
            "online_platforms": tuple(p.strip() for p in platforms.split(";") if p.strip()),
        }
    )


def _redact_persons(advies: Advies) -> Advies:
    """The advice without the member ids of the persoonsgerichte aanpak (for roles without names)."""
    aanpak = tuple(
        item.model_copy(
            update={
                "toelichting": f"Met een eigen traject: {leden(len(item.betreft))} (namen niet zichtbaar "
                "voor uw rol).",
                "betreft": (),
            }
        )
        if item.soort == "persoonsgericht"
        else item
        for item in advies.aanpak
    )
    return advies.model_copy(update={"aanpak": aanpak})


def _restrict_persons(advies: Advies, fields: tuple[str, ...], names: pl.DataFrame) -> Advies:
    """The persoonsgerichte advice with only the person fields the role's namenlijst allows.

    Items are 'persoon_id (reden)'; without 'persoon_id' the member is named instead of numbered,
    without 'verdenkingen' the reason (counts of suspicions) is left out (art. 20 Wpg-besluit).
    """
    if "persoon_id" in fields and "verdenkingen" in fields:
        return advies
    full = {row["persoon_id"]: f"{row['voornaam']} {row['achternaam']}".strip() for row in names.to_dicts()}

    def restricted(item: str) -> str:
        persoon_id, _, reden = item.partition(" ")
        named = full.get(persoon_id, "lid (naam onbekend)") if "naam" in fields else "lid"
        who = persoon_id if "persoon_id" in fields else named
        return f"{who} {reden}" if "verdenkingen" in fields else who

    aanpak = tuple(
        item.model_copy(update={"betreft": tuple(map(restricted, item.betreft))})
        if item.soort == "persoonsgericht"
        else item
        for item in advies.aanpak
    )
    return advies.model_copy(update={"aanpak": aanpak})


def _timeline(scans: pl.DataFrame, history: pl.DataFrame, *, police: bool) -> pl.DataFrame:
    columns = ["datum", "auteur", "prioriteit", "band"] + (["radicaliseringssignaal"] if police else [])
    scores = history.select(datum="peildatum", prioriteit="prioriteit", band="band")
    return scans.join(scores, on="datum", how="left").select(columns)


def _change(history: pl.DataFrame, prioriteit: float | None) -> float | None:
    """The priority minus the priority at the second-latest scan date (None with fewer than 2 scans)."""
    if prioriteit is None or history.height < 2:  # noqa: PLR2004  (a change needs two scans)
        return None
    previous = history.sort("peildatum").item(-2, "prioriteit")
    return None if previous is None else prioriteit - previous


def _hangplekken(inputs: ScoringInputs, counts: pl.DataFrame, tijden: pl.DataFrame) -> pl.DataFrame:
    return (
        inputs.hangplekken.join(counts.select("hangplek_id", "meldingen"), on="hangplek_id", how="left")
        .join(summarise_times(tijden), on="hangplek_id", how="left")
        .with_columns(pl.col("meldingen").fill_null(0), pl.col("tijden").fill_null("—"))
        .select("hangplek_id", "naam", "lat", "lon", "meldingen", "tijden")
    )


def _meldingen(inputs: ScoringInputs, peildatum: dt.date, config: ScoringConfig) -> pl.DataFrame:
    start = pl.lit(peildatum).dt.offset_by(f"-{config.vensters.maanden}mo")
    near = meldingen_near(inputs.hangplekken, inputs.meldingen, config.impact.straal_m)
    ids = near.filter(pl.col("datum") > start).select("melding_id").unique()
    return inputs.meldingen.join(ids, on="melding_id", how="semi").sort("datum", "melding_id")


def _overlap(
    engine: Engine, identity: Identity, leden: pl.DataFrame, groep_id: str, peildatum: dt.date
) -> tuple[pl.DataFrame, int]:
    """Groups inside the scope that share members (named), and members shared with groups outside it."""
    shared = summarise_overlap(leden, groep_id, peildatum)
    inside = load_group_names(engine, identity.scope, shared["ander_groep_id"].to_list())
    named = (
        shared.join(inside, left_on="ander_groep_id", right_on="groep_id")
        .select(groep_id="ander_groep_id", werknaam="werknaam", gedeelde_leden="gedeelde_leden")
        .sort("gedeelde_leden", "groep_id", descending=[True, False])
    )
    outside = shared.join(inside, left_on="ander_groep_id", right_on="groep_id", how="anti")
    return named, outside.get_column("personen").explode().drop_nulls().n_unique()


@dataclass(frozen=True)
class _Scored:
    score: GroepScore | None
    prioriteit: float | None  # unrounded, for the change since the previous scan
    history: pl.DataFrame
    hangplekken: pl.DataFrame  # per hangplek its meldingen in the window before the peildatum


def _score(inputs: ScoringInputs, peildatum: dt.date, config: ScoringConfig) -> _Scored:
    """One scoring pass for the peildatum (when the group is active) and every scan date (its history)."""
    active = targets_at(inputs.groepen, peildatum)
    scan_dates = inputs.scans.select("groep_id", peildatum=pl.col("datum")).unique()
    scored = score_targets(inputs, pl.concat([active, scan_dates]), config)
    history = scored.scores.join(scan_dates, on=KEY, how="semi").select(HISTORY_COLUMNS).sort("peildatum")
    now = pl.col("peildatum") == peildatum
    if active.is_empty():  # a scan on the peildatum of an inactive group gives history, not a score
        return _Scored(None, None, history, scored.evidence.hangplekken.clear())
    score = next(result for result in build_results(scored, config) if result.peildatum == peildatum)
    prioriteit = scored.scores.filter(now).item(0, "prioriteit")
    return _Scored(score, prioriteit, history, scored.evidence.hangplekken.filter(now))


def load_group_detail(
    engine: Engine,
    identity: Identity,
    groep_id: str,
    peildatum: dt.date,
    config: ScoringConfig | None = None,
) -> GroupDetail | None:
    """The group page's content, or None when the group does not exist inside the user's scope.

    Raises AccessDeniedError when the role lacks 'groepsdetail'. Names are read only for roles with
    'namenlijst' and only for groups judged problematic in step 2A; radicalisation signals are
    returned only to the police roles.
    """
    require(identity, "groepsdetail")
    row = load_group_row(engine, identity.scope, groep_id)
    if row.is_empty():
        return None
    config = config or default_config()
    inputs = load_group_inputs(engine, row, config.impact.straal_m).until(peildatum)
    scored = _score(inputs, peildatum, config)
    # Step-2A gate: no names for a group that is not (yet) judged problematic, whatever the role.
    problematic = row.item(0, "beoordeling_2a") == "problematisch"
    may_name = has_permission(identity, "namenlijst") and problematic
    names = load_member_names(engine, groep_id) if may_name else None
    score = scored.score
    if score is not None:
        advies = (
            _redact_persons(score.advies)
            if names is None
            else _restrict_persons(score.advies, visible_fields(identity, "namenlijst"), names)
        )
        score = score.model_copy(update={"advies": advies})
    police = identity.rol in POLITIE_ROLLEN
    scans = load_scans(engine, groep_id).filter(pl.col("datum") <= peildatum)
    birthdates = load_birthdates(engine, groep_id)
    overlap, outside = _overlap(engine, identity, inputs.leden, groep_id, peildatum)
    return GroupDetail(
        groep=_info(row.row(0, named=True)),
        peildatum=peildatum,
        score=score,
        verandering=_change(scored.history, scored.prioriteit),
        scans=_timeline(scans, scored.history, police=police),
        radicalisering=bool(scans["radicaliseringssignaal"].any()) if police else None,
        geschiedenis=scored.history.select("peildatum", *DEELSCORES, "prioriteit", "band"),
        hangplekken=_hangplekken(inputs, scored.hangplekken, load_hangplek_tijden(engine, groep_id)),
        meldingen=_meldingen(inputs, peildatum, config),
        leden=summarise_members(inputs.leden, birthdates, groep_id, peildatum),
        namen=None
        if names is None
        else with_purge_dates(engine, member_names(inputs.leden, names, birthdates, groep_id, peildatum)),
        overlap=overlap,
        overlap_buiten_gebied=outside,
        config=config,
    )
