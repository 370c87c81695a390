"""The 7 steps: a group's current step, its history, and moving it (reason, step-2A gate, locking, audit)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import polars as pl
from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, select

from dashboard.access import require
from dashboard.audit import append_audit, entry_for
from dashboard.domain import STAP_LABELS, STAPPEN, Beoordeling2A, Stap
from dashboard.storage.locking import ConcurrentEditError, update_versioned
from dashboard.storage.queries import scope_clause
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dashboard.access import Identity

__all__ = [
    "NA_2A",
    "REDEN_MIN",
    "StepError",
    "StepState",
    "load_step_state",
    "move_step",
]

T = metadata.tables
# The steps that need a group judged problematic in step 2A (namenlijst, groepsscan and after).
NA_2A: Final[frozenset[Stap]] = frozenset(STAPPEN[STAPPEN.index("2B") :])
REDEN_MIN = 5  # a reason says why: a few characters at least, not "." or "ok"
NOT_FOUND = "Deze groep bestaat niet of valt buiten uw gebied."
HISTORY_SCHEMA: Final[dict[str, pl.DataType]] = {
    "tijdstip": pl.Datetime("us", "UTC"),
    "van_stap": pl.String(),
    "naar_stap": pl.String(),
    "gebruiker": pl.String(),
    "reden": pl.String(),
}


class StepError(ValueError):
    """A step change that is not allowed (no reason, the 2A gate, group outside the scope); Dutch message."""


class StepState(BaseModel):
    """A group's place in the werkproces: step, 2A outcome, version (for locking) and history.

    geschiedenis: tijdstip, van_stap, naar_stap, gebruiker (name, else id), reden; newest first.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    groep_id: str
    stap: Stap
    beoordeling_2a: Beoordeling2A
    versie: int
    geschiedenis: pl.DataFrame


def _group(engine: Engine, identity: Identity, groep_id: str) -> dict[str, object] | None:
    groep, gemeente = T["groep"], T["gemeente"]
    statement = (
        select(groep.c.groep_id, groep.c.stap, groep.c.beoordeling_2a, groep.c.versie)
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .where(groep.c.groep_id == groep_id, scope_clause(identity.scope))
    )
    with engine.connect() as connection:
        row = connection.execute(statement).mappings().one_or_none()
    return None if row is None else dict(row)


def _utc(moment: dt.datetime) -> dt.datetime:
    """A moment in UTC; naive values (as SQLite returns them) are UTC already."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _history(engine: Engine, groep_id: str) -> pl.DataFrame:
    wijziging, gebruiker = T["stapwijziging"], T["gebruiker"]
    statement = (
        select(
            wijziging.c.tijdstip,
            wijziging.c.van_stap,
            wijziging.c.naar_stap,
            func.coalesce(gebruiker.c.naam, wijziging.c.gebruiker_id).label("gebruiker"),
            wijziging.c.reden,
        )
        .join(gebruiker, gebruiker.c.gebruiker_id == wijziging.c.gebruiker_id, isouter=True)
        .where(wijziging.c.groep_id == groep_id)
        .order_by(wijziging.c.tijdstip.desc(), wijziging.c.id.desc())
    )
    with engine.connect() as connection:
        rows = [(_utc(row[0]), *row[1:]) for row in connection.execute(statement).all()]
    return pl.DataFrame(rows, schema=HISTORY_SCHEMA, orient="row")


def load_step_state(engine: Engine, identity: Identity, groep_id: str) -> StepState | None:
    """The group's step, 2A outcome, version and history; None outside the user's scope."""
    row = _group(engine, identity, groep_id)
    if row is None:
        return None
    return StepState.model_validate({**row, "geschiedenis": _history(engine, groep_id)})


def _check(state: StepState, naar_stap: Stap, beoordeling: Beoordeling2A, reden: str) -> None:
    """Raise StepError (Dutch) unless the change is allowed: a reason, a real change, the 2A gate."""
    if naar_stap not in STAPPEN:
        msg = f"Onbekende stap {naar_stap!r}; kies een van: {', '.join(STAPPEN)}."
        raise StepError(msg)
    if len(reden.strip()) < REDEN_MIN:
        msg = f"Geef een reden voor de wijziging (minstens {REDEN_MIN} tekens): die komt in de geschiedenis."
        raise StepError(msg)
    if naar_stap == state.stap and beoordeling == state.beoordeling_2a:
        msg = f"De groep staat al in stap {STAP_LABELS[naar_stap]}; er is niets gewijzigd."
        raise StepError(msg)
    if naar_stap in NA_2A and beoordeling != "problematisch":
        msg = (
            f"Stap {STAP_LABELS[naar_stap]} kan pas als de groep in stap 2A als problematisch is beoordeeld. "
            "Leg eerst in stap 2A de beoordeling 'problematisch' vast; een niet-problematische groep krijgt "
            "lichte interventies, geen namenlijst en geen groepsscan."
        )
        raise StepError(msg)


def move_step(  # noqa: PLR0913, PLR0917  (the change, its reason and its starting version)
    engine: Engine,
    identity: Identity,
    groep_id: str,
    naar_stap: Stap,
    reden: str,
    versie: int,
    *,
    beoordeling_2a: Beoordeling2A | None = None,
) -> int:
    """Move the group to naar_stap (and record the 2A outcome); return the group's new version.

    Needs 'stap_wijzigen'. The history row, the group's new step and the audit record commit together;
    a stale version raises ConcurrentEditError and changes nothing.
    """
    require(identity, "stap_wijzigen")
    state = load_step_state(engine, identity, groep_id)
    if state is None:
        raise StepError(NOT_FOUND)
    if state.versie != versie:  # someone changed the group since this user's form was shown
        raise ConcurrentEditError
    beoordeling = beoordeling_2a or state.beoordeling_2a
    _check(state, naar_stap, beoordeling, reden)
    values = {"stap": naar_stap, "beoordeling_2a": beoordeling}
    entry = entry_for(
        identity,
        "wijziging",
        "stap_gewijzigd",
        object_type="groep",
        object_id=groep_id,
        groep_id=groep_id,
        reden=reden.strip()[:500],
        details={"van": state.stap, "naar": naar_stap, "beoordeling_2a": beoordeling},
    )
    with engine.begin() as connection:
        new_version = update_versioned(connection, "groep", {"groep_id": groep_id}, versie, values)
        connection.execute(
            T["stapwijziging"]
            .insert()
            .values(
                groep_id=groep_id,
                van_stap=state.stap,
                naar_stap=naar_stap,
                tijdstip=dt.datetime.now(tz=dt.UTC),
                gebruiker_id=identity.gebruiker_id,
                reden=reden.strip(),
            )
        )
        append_audit(connection, [entry])
    return new_version
