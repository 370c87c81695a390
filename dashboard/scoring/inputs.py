"""The frames scoring needs, read once from the database for a scope (the only I/O of scoring)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import polars as pl
from sqlalchemy import and_, select, true

from dashboard.storage.queries import load_dataset_info, read_frame, scope_clause
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import ColumnElement, Select
    from sqlalchemy.engine import Engine

    from dashboard.access import Scope

__all__ = ["ScoringInputs", "dataset_peildatum", "load_inputs", "load_inputs_for"]

T = metadata.tables
# Meldingen are read within this margin of the hangplekken (degrees): the largest allowed radius, 5 km.
_MARGIN_LAT = 0.05
_MARGIN_LON = 0.08


@dataclass(frozen=True)
class ScoringInputs:
    """Everything scoring reads, as frames; build it from the database or by hand in tests.

    groepen: groep_id, werknaam, gemeente_code, basisteam_code, eenheid_code, beoordeling_2a,
        eerste_signaal, aanpak_beeindigd. scans: scan_id, groep_id, datum.
    beoordelingen: scan_id, dimensie, score, bronnen, laatst_waargenomen.
    leden: persoon_id, groep_id, rol, van, tot (also the members' memberships of groups outside the scope).
    registraties: registratienummer, persoon_id, rol, datum, categorie_code (every role; scoring keeps
        'verdachte'). categorieen: categorie_code, naam, ernstgewicht.
    hangplekken: hangplek_id, groep_id, naam, lat, lon. meldingen: melding_id, datum, lat, lon.
    gemeenten: gemeente_code, naam, jongeren_12_23.
    """

    groepen: pl.DataFrame
    scans: pl.DataFrame
    beoordelingen: pl.DataFrame
    leden: pl.DataFrame
    registraties: pl.DataFrame
    categorieen: pl.DataFrame
    hangplekken: pl.DataFrame
    meldingen: pl.DataFrame
    gemeenten: pl.DataFrame

    def until(self, peildatum: dt.date) -> ScoringInputs:
        """The same inputs without anything dated after the peildatum."""
        before = pl.col("datum") <= peildatum
        return replace(
            self,
            scans=self.scans.filter(before),
            registraties=self.registraties.filter(before),
            meldingen=self.meldingen.filter(before),
        )


def _scope_groups(scope: Scope) -> Select[Any]:
    """The ids of the groups inside a scope."""
    groep, gemeente = T["groep"], T["gemeente"]
    return (
        select(groep.c.groep_id)
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .where(scope_clause(scope))
    )


def _groups(engine: Engine, group_ids: Select[Any]) -> pl.DataFrame:
    groep, gemeente = T["groep"], T["gemeente"]
    statement = (
        select(
            groep.c.groep_id,
            groep.c.werknaam,
            groep.c.gemeente_code,
            groep.c.basisteam_code,
            gemeente.c.eenheid_code,
            groep.c.beoordeling_2a,
            groep.c.eerste_signaal,
            groep.c.aanpak_beeindigd,
        )
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .where(groep.c.groep_id.in_(group_ids))
        .order_by(groep.c.groep_id)
    )
    return read_frame(engine, statement)


def _members(group_ids: Select[Any]) -> Select[Any]:
    """The ids of everyone who ever was a member of one of the groups."""
    lid = T["lidmaatschap"]
    return select(lid.c.persoon_id).where(lid.c.groep_id.in_(group_ids)).distinct()


def _registrations(engine: Engine, group_ids: Select[Any]) -> pl.DataFrame:
    registratie, betrokkene = T["registratie"], T["betrokkene"]
    statement = (
        select(
            registratie.c.registratienummer,
            betrokkene.c.persoon_id,
            betrokkene.c.rol,
            registratie.c.datum,
            registratie.c.categorie_code,
        )
        .join(registratie, registratie.c.registratienummer == betrokkene.c.registratienummer)
        .where(betrokkene.c.persoon_id.in_(_members(group_ids)))
    )
    return read_frame(engine, statement)


def _near(hangplekken: pl.DataFrame) -> ColumnElement[bool]:
    """A bounding-box condition on melding around the hangplekken (generous; scoring measures exactly)."""
    melding = T["melding"]
    if hangplekken.is_empty():
        return melding.c.melding_id.is_(None)
    lat, lon = hangplekken["lat"], hangplekken["lon"]
    return and_(
        melding.c.lat.between(float(lat.min()) - _MARGIN_LAT, float(lat.max()) + _MARGIN_LAT),  # type: ignore[arg-type]
        melding.c.lon.between(float(lon.min()) - _MARGIN_LON, float(lon.max()) + _MARGIN_LON),  # type: ignore[arg-type]
    )


def _gemeente_condition(scope: Scope) -> ColumnElement[bool]:
    """The municipalities whose population figures a scope's scoring uses."""
    gemeente, groep = T["gemeente"], T["groep"]
    return {
        "land": true(),
        "gemeente": gemeente.c.gemeente_code.in_(sorted(scope.codes)),
        "eenheid": gemeente.c.eenheid_code.in_(sorted(scope.codes)),
        "basisteam": gemeente.c.gemeente_code.in_(
            select(groep.c.gemeente_code).where(groep.c.basisteam_code.in_(sorted(scope.codes)))
        ),
    }[scope.type]


def load_inputs_for(
    engine: Engine,
    group_ids: Select[Any],
    *,
    gemeenten: ColumnElement[bool],
    near: Callable[[pl.DataFrame], ColumnElement[bool]] = _near,
) -> ScoringInputs:
    """Read the scoring inputs of the groups selected by group_ids (a select of groep_id).

    gemeenten selects the municipalities whose youth figures apply; near gives the condition on melding
    around the hangplekken (a generous box by default; scoring measures distances exactly).
    """
    scan, beoordeling, lid, hangplek = T["groepsscan"], T["beoordeling"], T["lidmaatschap"], T["hangplek"]
    hangplekken = read_frame(
        engine,
        select(hangplek.c.hangplek_id, hangplek.c.groep_id, hangplek.c.naam, hangplek.c.lat, hangplek.c.lon)
        .where(hangplek.c.groep_id.in_(group_ids))
        .order_by(hangplek.c.hangplek_id),
    )
    # Drafts (status 'concept', entered in the app) count only once the specialist finishes them.
    scans = select(scan.c.scan_id, scan.c.groep_id, scan.c.datum).where(
        scan.c.groep_id.in_(group_ids), scan.c.status == "definitief"
    )
    melding, gemeente = T["melding"], T["gemeente"]
    return ScoringInputs(
        groepen=_groups(engine, group_ids),
        scans=read_frame(engine, scans),
        beoordelingen=read_frame(
            engine,
            select(beoordeling).where(beoordeling.c.scan_id.in_(select(scans.subquery().c.scan_id))),
        ),
        leden=read_frame(
            engine,
            select(lid.c.persoon_id, lid.c.groep_id, lid.c.rol, lid.c.van, lid.c.tot).where(
                lid.c.persoon_id.in_(_members(group_ids))
            ),
        ),
        registraties=_registrations(engine, group_ids),
        categorieen=read_frame(engine, select(T["delictcategorie"])),
        hangplekken=hangplekken,
        meldingen=read_frame(
            engine,
            select(melding.c.melding_id, melding.c.datum, melding.c.lat, melding.c.lon).where(
                near(hangplekken)
            ),
        ),
        gemeenten=read_frame(
            engine,
            select(gemeente.c.gemeente_code, gemeente.c.naam, gemeente.c.jongeren_12_23)
            .where(gemeenten)
            .order_by(gemeente.c.gemeente_code),
        ),
    )


def load_inputs(engine: Engine, scope: Scope, peildatum: dt.date | None = None) -> ScoringInputs:
    """Read the scoring inputs of a scope; with a peildatum, nothing dated after it."""
    inputs = load_inputs_for(engine, _scope_groups(scope), gemeenten=_gemeente_condition(scope))
    return inputs if peildatum is None else inputs.until(peildatum)


def dataset_peildatum(engine: Engine) -> dt.date | None:
    """The data set's own peildatum (dataset table, key 'peildatum'), when it has a valid one."""
    value = load_dataset_info(engine).get("peildatum")
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
