"""Reads for the group page: one group's row, scoring inputs, scans, hangplek times, members and overlaps.

The gate is `load_group_row`: it reads a group only when it lies inside the scope. Every other function
takes a group id that has passed that gate, or the scope itself.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select

from dashboard.scoring.inputs import ScoringInputs, load_inputs_for
from dashboard.storage.queries import read_frame, scope_clause
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from collections.abc import Iterable

    import polars as pl
    from sqlalchemy import ColumnElement, Select
    from sqlalchemy.engine import Engine

    from dashboard.access import Scope

__all__ = [
    "load_birthdates",
    "load_group_inputs",
    "load_group_names",
    "load_group_row",
    "load_hangplek_tijden",
    "load_member_names",
    "load_scans",
]

T = metadata.tables
_M_PER_DEGREE_LAT = 111_320.0
_MAX_LAT = 54.0  # the Netherlands lies below 53.7 N: a longitude degree is at least this wide
_SLACK = 1.1  # the box is a little wider than the radius; scoring measures the exact distance


def load_group_row(engine: Engine, scope: Scope, groep_id: str) -> pl.DataFrame:
    """The group when it lies inside the scope (one row), else an empty frame.

    Columns: the groep table's, plus gemeente_naam, eenheid_code, basisteam_naam, gemeente_lat/lon.
    """
    groep, gemeente, basisteam = T["groep"], T["gemeente"], T["basisteam"]
    statement = (
        select(
            groep,
            gemeente.c.naam.label("gemeente_naam"),
            gemeente.c.eenheid_code,
            basisteam.c.naam.label("basisteam_naam"),
            gemeente.c.lat.label("gemeente_lat"),
            gemeente.c.lon.label("gemeente_lon"),
        )
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .join(basisteam, basisteam.c.basisteam_code == groep.c.basisteam_code)
        .where(groep.c.groep_id == groep_id, scope_clause(scope))
    )
    return read_frame(engine, statement)


def load_group_names(engine: Engine, scope: Scope, ids: Iterable[str]) -> pl.DataFrame:
    """groep_id, werknaam of those of the given groups that lie inside the scope."""
    groep, gemeente = T["groep"], T["gemeente"]
    statement = (
        select(groep.c.groep_id, groep.c.werknaam)
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .where(groep.c.groep_id.in_(sorted(set(ids))), scope_clause(scope))
        .order_by(groep.c.groep_id)
    )
    return read_frame(engine, statement)


def _near(hangplekken: pl.DataFrame, radius_m: float) -> ColumnElement[bool]:
    """A bounding box on melding around each hangplek, a little wider than the radius."""
    melding = T["melding"]
    if hangplekken.is_empty():
        return melding.c.melding_id.is_(None)
    lat_margin = _SLACK * radius_m / _M_PER_DEGREE_LAT
    lon_margin = lat_margin / math.cos(math.radians(_MAX_LAT))
    boxes = [
        and_(
            melding.c.lat.between(row["lat"] - lat_margin, row["lat"] + lat_margin),
            melding.c.lon.between(row["lon"] - lon_margin, row["lon"] + lon_margin),
        )
        for row in hangplekken.iter_rows(named=True)
    ]
    return or_(*boxes)


def _ever_members(groep_id: str) -> Select[Any]:
    lid = T["lidmaatschap"]
    return select(lid.c.persoon_id).where(lid.c.groep_id == groep_id).distinct()


def load_group_inputs(engine: Engine, group: pl.DataFrame, radius_m: float) -> ScoringInputs:
    """The scoring inputs of one group (a row from load_group_row): enough to score it exactly.

    leden holds every membership of its members (also of other groups), so overlap counts as in a scope;
    meldingen are those near the hangplekken, for the impact radius radius_m (config impact.straal_m).
    """
    groep, gemeente = T["groep"], T["gemeente"]
    return load_inputs_for(
        engine,
        select(groep.c.groep_id).where(groep.c.groep_id == group.item(0, "groep_id")),
        gemeenten=gemeente.c.gemeente_code == group.item(0, "gemeente_code"),
        near=lambda hangplekken: _near(hangplekken, radius_m),
    )


def load_scans(engine: Engine, groep_id: str) -> pl.DataFrame:
    """scan_id, datum, auteur, radicaliseringssignaal of one group's finished scans, oldest first."""
    scan = T["groepsscan"]
    statement = (
        select(scan.c.scan_id, scan.c.datum, scan.c.auteur, scan.c.radicaliseringssignaal)
        .where(scan.c.groep_id == groep_id, scan.c.status == "definitief")  # drafts do not count
        .order_by(scan.c.datum, scan.c.scan_id)
    )
    return read_frame(engine, statement)


def load_hangplek_tijden(engine: Engine, groep_id: str) -> pl.DataFrame:
    """hangplek_id, weekdag (1 = maandag), uur_van, uur_tot of one group's hangplekken."""
    tijd, hangplek = T["hangplek_tijd"], T["hangplek"]
    statement = (
        select(tijd.c.hangplek_id, tijd.c.weekdag, tijd.c.uur_van, tijd.c.uur_tot)
        .join(hangplek, hangplek.c.hangplek_id == tijd.c.hangplek_id)
        .where(hangplek.c.groep_id == groep_id)
        .order_by(tijd.c.hangplek_id, tijd.c.weekdag, tijd.c.uur_van)
    )
    return read_frame(engine, statement)


def load_birthdates(engine: Engine, groep_id: str) -> pl.DataFrame:
    """persoon_id, geboortedatum of everyone who ever was a member of the group (for age bands only)."""
    persoon = T["persoon"]
    statement = select(persoon.c.persoon_id, persoon.c.geboortedatum).where(
        persoon.c.persoon_id.in_(_ever_members(groep_id))
    )
    return read_frame(engine, statement)


def load_member_names(engine: Engine, groep_id: str) -> pl.DataFrame:
    """persoon_id, voornaam, achternaam of the group's members; call only for roles with 'namenlijst'."""
    persoon = T["persoon"]
    statement = select(persoon.c.persoon_id, persoon.c.voornaam, persoon.c.achternaam).where(
        persoon.c.persoon_id.in_(_ever_members(groep_id))
    )
    return read_frame(engine, statement)
