"""The plan van aanpak: per prioritised group the interventions of each partner, per track (spoor).

Changes need the permission 'plan_van_aanpak', stay inside the user's scope, use optimistic locking
(a stale edit overwrites nothing) and commit together with their audit record.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeVar

import polars as pl
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import func, select

from dashboard.access import require
from dashboard.audit import append_audit, entry_for
from dashboard.domain import InterventieStatus, Spoor
from dashboard.loading.issues import describe_error
from dashboard.storage.locking import update_versioned
from dashboard.storage.queries import read_frame, scope_clause
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy import Connection, Select
    from sqlalchemy.engine import Engine

    from dashboard.access import Identity, Scope

__all__ = [
    "AFGESLOTEN",
    "PLAN_COLUMNS",
    "PRIORITISED_STEPS",
    "InterventieCreate",
    "InterventieUpdate",
    "PlanError",
    "PlanFlags",
    "add_intervention",
    "load_latest_decisions",
    "load_plan",
    "load_plan_flags",
    "load_plan_groups",
    "load_prioritised_groups",
    "mark_overdue",
    "parse_input",
    "plan_progress",
    "update_intervention",
]

T = metadata.tables
PRIORITISED_STEPS: Final = ("5", "6")  # plan van aanpak, uitvoeren en monitoren
AFGESLOTEN: Final[tuple[InterventieStatus, ...]] = ("afgerond", "vervallen")  # never overdue
_STATUSES: Final[tuple[InterventieStatus, ...]] = ("gepland", "lopend", "afgerond", "vervallen")
PLAN_COLUMNS: Final = (
    "interventie_id",
    "groep_id",
    "werknaam",
    "spoor",
    "partner",
    "omschrijving",
    "eigenaar",
    "deadline",
    "status",
    "versie",
)
_FIELD_LABELS: Final = {
    "groep_id": "Groep",
    "spoor": "Spoor",
    "partner": "Partner",
    "omschrijving": "Omschrijving",
    "eigenaar": "Eigenaar",
    "deadline": "Deadline",
    "status": "Status",
    "versie": "Versie",
    "interventie_id": "Interventie",
}
NOT_PRIORITISED = (
    "Deze groep is (nog) niet geprioriteerd door de driehoek en staat niet in stap 5 of 6; een plan van "
    "aanpak is er pas na prioritering. Leg eerst het besluit van de driehoek vast."
)
NOT_FOUND = "Deze groep bestaat niet of valt buiten uw gebied."
UNKNOWN_INTERVENTION = "Deze interventie bestaat niet (meer) of valt buiten uw gebied."


class PlanError(ValueError):
    """A plan change that cannot be made; the message is Dutch and says what to do."""


class _Input(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class InterventieCreate(_Input):
    """A new intervention: what a partner does for a group, in which track, who owns it, by when."""

    groep_id: str = Field(min_length=1, max_length=32)
    spoor: Spoor
    partner: str = Field(min_length=2, max_length=200)
    omschrijving: str = Field(min_length=5, max_length=2000)
    eigenaar: str = Field(min_length=2, max_length=200)  # a partner or role, never a person's name
    deadline: dt.date | None = None
    status: InterventieStatus = "gepland"


class InterventieUpdate(_Input):
    """A change of status, deadline or owner, made from the version the editor saw (versie)."""

    interventie_id: str = Field(min_length=1, max_length=32)
    versie: int = Field(ge=1)
    status: InterventieStatus
    deadline: dt.date | None = None
    eigenaar: str = Field(min_length=2, max_length=200)


_M = TypeVar("_M", bound=_Input)


def parse_input(model: type[_M], data: dict[str, Any]) -> _M:
    """Validate form input; raise PlanError with one Dutch line per wrong field."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        lines = [
            f"{_FIELD_LABELS.get(str(e['loc'][0]), str(e['loc'][0]))}: {describe_error(e)}"
            for e in error.errors()
        ]
        raise PlanError("; ".join(lines) + ".") from None


def _groups_in_scope(scope: Scope) -> Select[Any]:
    groep, gemeente = T["groep"], T["gemeente"]
    return (
        select(groep.c.groep_id, groep.c.werknaam, groep.c.stap)
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .where(scope_clause(scope))
    )


def load_latest_decisions(engine: Engine, scope: Scope) -> pl.DataFrame:
    """The latest triangle decision per group in the scope (by meeting date, then recording time).

    Columns: groep_id, vergaderdatum, uitkomst, volgende_evaluatie.
    """
    besluit = T["besluit"]
    groups = _groups_in_scope(scope).subquery()
    rank = (
        func.row_number()
        .over(
            partition_by=besluit.c.groep_id,
            order_by=(besluit.c.vergaderdatum.desc(), besluit.c.vastgelegd_op.desc(), besluit.c.besluit_id),
        )
        .label("rang")
    )
    ranked = (
        select(
            besluit.c.groep_id,
            besluit.c.vergaderdatum,
            besluit.c.uitkomst,
            besluit.c.volgende_evaluatie,
            rank,
        )
        .join(groups, groups.c.groep_id == besluit.c.groep_id)
        .subquery()
    )
    statement = select(
        ranked.c.groep_id, ranked.c.vergaderdatum, ranked.c.uitkomst, ranked.c.volgende_evaluatie
    ).where(ranked.c.rang == 1)
    return read_frame(engine, statement)


def load_plan_groups(engine: Engine, scope: Scope) -> pl.DataFrame:
    """Groups in the scope with a plan or that may get one; geprioriteerd tells whether one may be added.

    geprioriteerd: the latest decision is 'geprioriteerd', or the group is in step 5 or 6. Groups that
    are no longer prioritised keep their plan (to finish or close its interventions). Columns: groep_id,
    werknaam, stap, uitkomst (of the latest decision, or null), geprioriteerd; ordered by name.
    """
    groups = read_frame(engine, _groups_in_scope(scope))
    latest = load_latest_decisions(engine, scope).select("groep_id", "uitkomst")
    with_plan = load_plan(engine, scope).select("groep_id").unique()
    prioritised = (pl.col("uitkomst") == "geprioriteerd").fill_null(value=False) | pl.col("stap").is_in(
        PRIORITISED_STEPS
    )
    return (
        groups.join(latest, on="groep_id", how="left")
        .with_columns(geprioriteerd=prioritised)
        .filter(pl.col("geprioriteerd") | pl.col("groep_id").is_in(with_plan["groep_id"].implode()))
        .sort("werknaam", "groep_id")
    )


def load_prioritised_groups(engine: Engine, scope: Scope) -> pl.DataFrame:
    """Groups in the scope that may get interventions: load_plan_groups' rows with geprioriteerd."""
    return load_plan_groups(engine, scope).filter("geprioriteerd")


def load_plan(engine: Engine, scope: Scope, groep_id: str | None = None) -> pl.DataFrame:
    """The interventions of the scope's groups (or one group): PLAN_COLUMNS, by group, track, deadline."""
    interventie = T["interventie"]
    groups = _groups_in_scope(scope).subquery()
    statement = select(
        *(interventie.c[name] for name in PLAN_COLUMNS if name != "werknaam"), groups.c.werknaam
    ).join(groups, groups.c.groep_id == interventie.c.groep_id)
    if groep_id is not None:
        statement = statement.where(interventie.c.groep_id == groep_id)
    frame = read_frame(engine, statement).select(PLAN_COLUMNS)
    order = pl.col("spoor").replace_strict(
        {"groepsgericht": 0, "domeingericht": 1, "persoonsgericht": 2}, default=3
    )
    return frame.sort("groep_id", order, "deadline", "interventie_id", nulls_last=True)


def mark_overdue(frame: pl.DataFrame, peildatum: dt.date) -> pl.DataFrame:
    """The plan with a boolean te_laat: deadline before the peildatum and not afgerond or vervallen."""
    overdue = (pl.col("deadline") < peildatum) & ~pl.col("status").is_in(AFGESLOTEN)
    return frame.with_columns(te_laat=overdue.fill_null(value=False))


def plan_progress(frame: pl.DataFrame, peildatum: dt.date) -> pl.DataFrame:
    """Per group: totaal, gepland, lopend, afgerond, vervallen, te_laat, percentage_afgerond.

    percentage_afgerond: afgerond out of the interventions that still count (totaal minus vervallen),
    null when none count. Needs the columns groep_id, status and deadline.
    """
    counts = [(pl.col("status") == status).sum().alias(status) for status in _STATUSES]
    progress = (
        mark_overdue(frame, peildatum)
        .group_by("groep_id")
        .agg(pl.len().alias("totaal"), *counts, pl.col("te_laat").sum())
        .with_columns(pl.col(name).cast(pl.Int64) for name in ("totaal", *_STATUSES, "te_laat"))
    )
    counting = pl.col("totaal") - pl.col("vervallen")
    percentage = pl.when(counting > 0).then((100 * pl.col("afgerond") / counting).round(0))
    return progress.with_columns(percentage_afgerond=percentage).sort("groep_id")


@dataclass(frozen=True)
class PlanFlags:
    """Signals for the overview: overdue interventions and overdue reviews.

    te_laat: groep_id, werknaam, te_laat (count). evaluatie_verlopen: groep_id, werknaam,
    volgende_evaluatie, for groups whose latest decision's review date lies before the peildatum.
    """

    te_laat: pl.DataFrame
    evaluatie_verlopen: pl.DataFrame


def load_plan_flags(engine: Engine, scope: Scope, peildatum: dt.date) -> PlanFlags:
    """Overdue interventions and overdue reviews of the scope's groups, at the peildatum."""
    plan = mark_overdue(load_plan(engine, scope), peildatum)
    te_laat = (
        plan.filter("te_laat")
        .group_by("groep_id", "werknaam")
        .agg(pl.len().cast(pl.Int64).alias("te_laat"))
        .sort("te_laat", "werknaam", descending=[True, False])
    )
    names = read_frame(engine, _groups_in_scope(scope)).select("groep_id", "werknaam")
    verlopen = (
        load_latest_decisions(engine, scope)
        .filter(pl.col("volgende_evaluatie") < peildatum)
        .join(names, on="groep_id")
        .select("groep_id", "werknaam", "volgende_evaluatie")
        .sort("volgende_evaluatie", "groep_id")
    )
    return PlanFlags(te_laat=te_laat, evaluatie_verlopen=verlopen)


def _now(now: dt.datetime | None) -> dt.datetime:
    return now or dt.datetime.now(tz=dt.UTC)


def add_intervention(
    engine: Engine, identity: Identity, data: InterventieCreate, *, now: dt.datetime | None = None
) -> str:
    """Add an intervention to a prioritised group in the user's scope; return its id (audited)."""
    require(identity, "plan_van_aanpak")
    groups = load_prioritised_groups(engine, identity.scope)
    if groups.filter(pl.col("groep_id") == data.groep_id).is_empty():
        in_scope = read_frame(engine, _groups_in_scope(identity.scope)).filter(
            pl.col("groep_id") == data.groep_id
        )
        raise PlanError(NOT_FOUND if in_scope.is_empty() else NOT_PRIORITISED)
    interventie_id = f"I-{uuid.uuid4().hex[:10].upper()}"
    row = {
        **data.model_dump(),
        "interventie_id": interventie_id,
        "versie": 1,
        "gewijzigd_door": identity.gebruiker_id,
        "gewijzigd_op": _now(now),
    }
    entry = entry_for(
        identity,
        "wijziging",
        "interventie_toegevoegd",
        object_type="interventie",
        object_id=interventie_id,
        groep_id=data.groep_id,
        details={"spoor": data.spoor, "status": data.status},
    )
    with engine.begin() as connection:
        connection.execute(T["interventie"].insert().values(**row))
        append_audit(connection, [entry])
    return interventie_id


def _current(connection: Connection, scope: Scope, interventie_id: str) -> dict[str, Any]:
    interventie = T["interventie"]
    groups = _groups_in_scope(scope).subquery()
    statement = (
        select(interventie)
        .join(groups, groups.c.groep_id == interventie.c.groep_id)
        .where(interventie.c.interventie_id == interventie_id)
    )
    row = connection.execute(statement).mappings().one_or_none()
    if row is None:
        raise PlanError(UNKNOWN_INTERVENTION)
    return dict(row)


def update_intervention(
    engine: Engine, identity: Identity, change: InterventieUpdate, *, now: dt.datetime | None = None
) -> int:
    """Change status, deadline and owner if nobody saved first; return the new version (audited).

    Raises ConcurrentEditError when the row moved past change.versie: nothing is overwritten.
    """
    require(identity, "plan_van_aanpak")
    values = change.model_dump(include={"status", "deadline", "eigenaar"})
    with engine.begin() as connection:
        current = _current(connection, identity.scope, change.interventie_id)
        changed = sorted(name for name, value in values.items() if current[name] != value)
        versie = update_versioned(
            connection,
            "interventie",
            {"interventie_id": change.interventie_id},
            change.versie,
            {**values, "gewijzigd_door": identity.gebruiker_id, "gewijzigd_op": _now(now)},
        )
        entry = entry_for(
            identity,
            "wijziging",
            "interventie_gewijzigd",
            object_type="interventie",
            object_id=change.interventie_id,
            groep_id=current["groep_id"],
            details={"velden": changed, "status": change.status, "versie": versie},
        )
        append_audit(connection, [entry])
    return versie
