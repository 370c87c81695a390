"""Decisions of the lokale driehoek: validate, record, correct (optimistic locking) and read them."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Final, Literal, get_args

import polars as pl
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from sqlalchemy import select

from dashboard.access import Identity, require
from dashboard.audit import append_audit, entry_for
from dashboard.domain import BesluitUitkomst, Spoor
from dashboard.presentation import format_date
from dashboard.process.steps import load_step_state, move_step
from dashboard.storage.locking import update_versioned
from dashboard.storage.queries import scope_clause
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine

    from dashboard.access import Scope

__all__ = [
    "BESLUIT_COLUMNS",
    "PRIORITEITEN",
    "PRIORITEIT_LABELS",
    "REGIE_KOLOMMEN",
    "Aanwezigen",
    "BesluitCreate",
    "DecisionError",
    "Prioriteit",
    "correct_decision",
    "dutch_errors",
    "format_aanwezigen",
    "latest_decisions",
    "load_decisions",
    "move_to_plan",
    "parse_aanwezigen",
    "record_decision",
]

T = metadata.tables
Prioriteit = Literal["hoog", "midden", "laag"]
PRIORITEITEN: tuple[Prioriteit, ...] = get_args(Prioriteit)
PRIORITEIT_LABELS: Final[dict[Prioriteit, str]] = {"hoog": "Hoog", "midden": "Midden", "laag": "Laag"}
REGIE_KOLOMMEN: Final[dict[Spoor, str]] = {
    "groepsgericht": "regie_groepsgericht",
    "domeingericht": "regie_domeingericht",
    "persoonsgericht": "regie_persoonsgericht",
}
BESLUIT_COLUMNS: Final = [column.name for column in T["besluit"].columns]
_TYPES: Final[dict[str, pl.DataType]] = {
    "vergaderdatum": pl.Date(),
    "volgende_evaluatie": pl.Date(),
    "vastgelegd_op": pl.Datetime("us", "UTC"),
    "versie": pl.Int64(),
}
_SCHEMA: Final = {name: _TYPES.get(name, pl.String()) for name in [*BESLUIT_COLUMNS, "werknaam"]}
AWAITING_DECISION: Final = "4"  # stap 4: the advice lies with the driehoek
_FIELD_LABELS: Final = {
    "groep_id": "Groep",
    "vergaderdatum": "Vergaderdatum",
    "uitkomst": "Besluit",
    "prioriteit": "Prioriteit",
    "volgende_evaluatie": "Volgende evaluatie",
    "gemeente": "Aanwezig namens de gemeente",
    "om": "Aanwezig namens het OM",
    "politie": "Aanwezig namens de politie",
    "toelichting": "Toelichting",
}


class DecisionError(ValueError):
    """A decision that cannot be recorded (group unknown or outside the scope); Dutch message."""


class Aanwezigen(BaseModel):
    """Who took the decision: the three driehoek partners (or their representatives) and any others."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    gemeente: str = Field(max_length=200)
    om: str = Field(max_length=200)
    politie: str = Field(max_length=200)
    overig: tuple[str, ...] = ()

    @field_validator("gemeente", "om", "politie")
    @classmethod
    def _present(cls, value: str) -> str:
        if not value:
            msg = "vul in wie er namens deze partner van de driehoek aanwezig was (of diens vervanger)"
            raise ValueError(msg)
        return value

    @field_validator("overig")
    @classmethod
    def _clean(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(item.strip() for item in value if item.strip())


class BesluitCreate(BaseModel):
    """A driehoek decision as entered in the meeting; every rule has a Dutch message."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    groep_id: str = Field(min_length=1, max_length=32)
    vergaderdatum: dt.date
    uitkomst: BesluitUitkomst
    prioriteit: Prioriteit | None = None
    regie_groepsgericht: str | None = Field(default=None, max_length=200)
    regie_domeingericht: str | None = Field(default=None, max_length=200)
    regie_persoonsgericht: str | None = Field(default=None, max_length=200)
    volgende_evaluatie: dt.date | None = None
    aanwezigen: Aanwezigen
    toelichting: str = Field(default="", max_length=5000)

    @field_validator("regie_groepsgericht", "regie_domeingericht", "regie_persoonsgericht")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @model_validator(mode="after")
    def _rules(self) -> BesluitCreate:
        problems = []
        if self.vergaderdatum > dt.datetime.now(tz=dt.UTC).date() + dt.timedelta(days=1):
            problems.append("De vergaderdatum ligt in de toekomst; leg een besluit vast na het overleg.")
        if self.uitkomst == "geprioriteerd" and self.prioriteit is None:
            problems.append(
                "Kies een prioriteit (hoog, midden of laag): verplicht bij een geprioriteerde groep."
            )
        if self.uitkomst != "geprioriteerd" and self.prioriteit is not None:
            problems.append("Een prioriteit hoort alleen bij 'Geprioriteerd'; maak het veld Prioriteit leeg.")
        if self.uitkomst != "afschalen" and self.volgende_evaluatie is None:
            problems.append(
                "Kies de datum van de volgende evaluatie; alleen bij afschalen mag die leeg blijven."
            )
        if self.volgende_evaluatie is not None and self.volgende_evaluatie <= self.vergaderdatum:
            problems.append("De volgende evaluatie moet na de vergaderdatum liggen.")
        if problems:
            raise ValueError(" ".join(problems))
        return self

    def row(self) -> dict[str, object]:
        """The besluit columns this decision fills (without id, author and version)."""
        values = self.model_dump(exclude={"aanwezigen"})
        values["aanwezigen"] = self.aanwezigen.model_dump_json()
        return values


_TYPE_MESSAGES: Final = {
    "missing": "ontbreekt",
    "date_from_datetime_parsing": "is geen geldige datum",
    "date_parsing": "is geen geldige datum",
    "date_type": "is geen geldige datum",
    "literal_error": "is geen toegestane keuze",
    "string_too_long": "is te lang",
    "string_too_short": "ontbreekt",
    "string_type": "ontbreekt",
}


def dutch_errors(error: ValidationError) -> list[str]:
    """The validation errors as Dutch sentences, one per problem (pydantic's own texts are English)."""
    messages = []
    for item in error.errors():
        field = next((str(part) for part in reversed(item["loc"]) if str(part) in _FIELD_LABELS), "")
        if item["type"] == "value_error":
            text = str(item["ctx"]["error"]) if "ctx" in item else item["msg"]
            messages.append(f"{_FIELD_LABELS[field]}: {text}" if field else text)
        else:
            what = _TYPE_MESSAGES.get(item["type"], "is ongeldig")
            messages.append(f"{_FIELD_LABELS.get(field, field or 'Invoer')} {what}.")
    return messages


def format_aanwezigen(stored: str) -> str:
    """The stored attendance (JSON) as one Dutch line: 'Gemeente: …; OM: …; Politie: …; verder: …'."""
    people = parse_aanwezigen(stored)
    if people is None:
        return stored
    line = f"Gemeente: {people.gemeente}; OM: {people.om}; Politie: {people.politie}"
    return f"{line}; verder: {', '.join(people.overig)}" if people.overig else line


def _check_group(connection: Connection, scope: Scope, groep_id: str) -> None:
    groep, gemeente = T["groep"], T["gemeente"]
    found = connection.execute(
        select(groep.c.groep_id)
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .where(groep.c.groep_id == groep_id, scope_clause(scope))
    ).first()
    if found is None:
        msg = f"Groep {groep_id} bestaat niet of valt buiten uw gebied; het besluit is niet vastgelegd."
        raise DecisionError(msg)


def _details(besluit: BesluitCreate) -> dict[str, object]:
    """Audit details: identifiers and choices only, never names or free text."""
    return {
        "uitkomst": besluit.uitkomst,
        "prioriteit": besluit.prioriteit,
        "vergaderdatum": besluit.vergaderdatum,
    }


def record_decision(
    engine: Engine, identity: Identity, besluit: BesluitCreate, *, besluit_id: str | None = None
) -> str:
    """Store a new decision and its audit record in one transaction; return its besluit_id."""
    require(identity, "besluiten")
    besluit_id = besluit_id or f"B-{uuid.uuid4().hex[:12]}"
    with engine.begin() as connection:
        _check_group(connection, identity.scope, besluit.groep_id)
        connection.execute(
            T["besluit"].insert(),
            {
                **besluit.row(),
                "besluit_id": besluit_id,
                "vastgelegd_door": identity.gebruiker_id,
                "vastgelegd_op": dt.datetime.now(tz=dt.UTC),
                "versie": 1,
            },
        )
        entry = entry_for(
            identity,
            "wijziging",
            "besluit_vastgelegd",
            object_type="besluit",
            object_id=besluit_id,
            groep_id=besluit.groep_id,
            details=_details(besluit),
        )
        append_audit(connection, [entry])
    return besluit_id


def correct_decision(
    engine: Engine, identity: Identity, besluit_id: str, versie: int, besluit: BesluitCreate
) -> int:
    """Correct a decision if nobody saved it since `versie`; raise ConcurrentEditError otherwise."""
    require(identity, "besluiten")
    with engine.begin() as connection:
        _check_group(connection, identity.scope, besluit.groep_id)
        values = {
            **besluit.row(),
            "vastgelegd_door": identity.gebruiker_id,
            "vastgelegd_op": dt.datetime.now(tz=dt.UTC),
        }
        key = {"besluit_id": besluit_id, "groep_id": besluit.groep_id}
        nieuw = update_versioned(connection, "besluit", key, versie, values)
        entry = entry_for(
            identity,
            "wijziging",
            "besluit_gecorrigeerd",
            object_type="besluit",
            object_id=besluit_id,
            groep_id=besluit.groep_id,
            details={**_details(besluit), "versie": nieuw},
        )
        append_audit(connection, [entry])
    return nieuw


def move_to_plan(engine: Engine, identity: Identity, besluit: BesluitCreate) -> bool:
    """After a prioritising decision on a group in step 4: move it to step 5 (plan van aanpak).

    Returns whether it moved; a group elsewhere stays put. Needs 'stap_wijzigen' (steps.move_step).
    """
    state = load_step_state(engine, identity, besluit.groep_id)
    if besluit.uitkomst != "geprioriteerd" or state is None or state.stap != AWAITING_DECISION:
        return False
    reden = f"Geprioriteerd door de driehoek op {format_date(besluit.vergaderdatum)}."
    move_step(engine, identity, besluit.groep_id, "5", reden, state.versie)
    return True


def load_decisions(engine: Engine, scope: Scope, groep_id: str | None = None) -> pl.DataFrame:
    """Decisions on groups inside the scope (BESLUIT_COLUMNS + werknaam), newest meeting first."""
    besluit, groep, gemeente = T["besluit"], T["groep"], T["gemeente"]
    statement = (
        select(besluit, groep.c.werknaam)
        .join(groep, groep.c.groep_id == besluit.c.groep_id)
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .where(scope_clause(scope))
        .order_by(besluit.c.vergaderdatum.desc(), besluit.c.vastgelegd_op.desc(), besluit.c.besluit_id)
    )
    if groep_id is not None:
        statement = statement.where(besluit.c.groep_id == groep_id)
    with engine.connect() as connection:
        rows = [dict(row) for row in connection.execute(statement).mappings()]
    for row in rows:  # SQLite returns naive moments, which are UTC already
        moment = row["vastgelegd_op"]
        row["vastgelegd_op"] = moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment
    return pl.DataFrame(rows, schema=_SCHEMA, orient="row") if rows else pl.DataFrame(schema=_SCHEMA)


def latest_decisions(besluiten: pl.DataFrame) -> pl.DataFrame:
    """The most recent decision per group (by meeting date, then time of recording)."""
    return besluiten.sort(
        "groep_id", "vergaderdatum", "vastgelegd_op", descending=[False, True, True]
    ).unique("groep_id", keep="first", maintain_order=True)


def parse_aanwezigen(stored: str) -> Aanwezigen | None:
    """The stored attendance as a model (None when it is not in the app's own format)."""
    try:
        return Aanwezigen.model_validate_json(stored)
    except ValidationError:
        return None
