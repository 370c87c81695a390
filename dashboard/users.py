"""User management by the beheerder: add users, change role and scope, block and unblock.

Every change is recorded in the audit trail in the same transaction, with the reason given, and uses
optimistic locking on gebruiker.versie, so two beheerders never silently overwrite each other.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from sqlalchemy import or_, select

from dashboard.access import require
from dashboard.audit import append_audit, entry_for
from dashboard.domain import ROL_LABELS, Rol, ScopeType
from dashboard.storage.locking import update_versioned
from dashboard.storage.queries import read_frame
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    import polars as pl
    from pydantic_core import ErrorDetails
    from sqlalchemy.engine import Engine

    from dashboard.access import Identity

__all__ = [
    "GEBIED_TABELLEN",
    "UserCreate",
    "UserError",
    "UserUpdate",
    "add_user",
    "change_rights",
    "known_areas",
    "list_users",
    "parse_user",
    "set_active",
]

T = metadata.tables
GEBIED_TABELLEN: Final[dict[ScopeType, tuple[str, str]]] = {
    "gemeente": ("gemeente", "gemeente_code"),
    "basisteam": ("basisteam", "basisteam_code"),
    "eenheid": ("eenheid", "eenheid_code"),
}
_ID = re.compile(r"^[a-z0-9][a-z0-9.-]{1,31}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_VELDEN: Final = {
    "gebruiker_id": "Gebruikersnaam",
    "naam": "Naam",
    "email": "E-mail",
    "rol": "Rol",
    "scope_type": "Soort gebied",
    "scope_codes": "Gebied",
    "reden": "Reden",
    "versie": "Versie",
}


class UserError(ValueError):
    """A user change that cannot be made; the message says why, in Dutch."""


class _Rights(BaseModel):
    """Role and scope, with the reason for the change (the audit trail records it)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    rol: Rol
    scope_type: ScopeType
    scope_codes: frozenset[str] = frozenset()
    reden: str = Field(min_length=5, max_length=500)

    @model_validator(mode="after")
    def _scope(self) -> Self:
        if self.scope_type == "land" and self.scope_codes:
            msg = "Gebied: bij 'land' hoort geen gemeente, basisteam of eenheid; laat de keuze leeg."
            raise ValueError(msg)
        if self.scope_type != "land" and not self.scope_codes:
            msg = f"Gebied: kies minstens één {self.scope_type}."
            raise ValueError(msg)
        return self


class UserCreate(_Rights):
    """A new user."""

    gebruiker_id: str = Field(max_length=32)
    naam: str = Field(min_length=2, max_length=200)
    email: str = Field(max_length=200)

    @field_validator("gebruiker_id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            msg = "Gebruikersnaam: 2 tot 32 tekens: kleine letters, cijfers, punt of streepje (jan.jansen)."
            raise ValueError(msg)
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if not _EMAIL.match(value):
            msg = f"E-mail: '{value}' is geen geldig e-mailadres."
            raise ValueError(msg)
        return value.lower()


class UserUpdate(_Rights):
    """New role and scope for an existing user, at the version the beheerder saw."""

    gebruiker_id: str
    versie: int = Field(ge=1)


_MELDINGEN: Final = {
    "missing": "ontbreekt",
    "string_too_short": "is te kort (minstens {min_length} tekens)",
    "string_too_long": "is te lang (hoogstens {max_length} tekens)",
    "literal_error": "kies een van de mogelijkheden",
    "greater_than_equal": "is ongeldig",
}


def _dutch(error: ErrorDetails) -> str:
    if error["type"] == "value_error":
        return str(error["ctx"]["error"])
    veld = _VELDEN.get(str(error["loc"][0]) if error["loc"] else "", "Invoer")
    tekst = _MELDINGEN.get(error["type"], "is ongeldig").format(**error.get("ctx", {}))
    return f"{veld}: {tekst}."


M = TypeVar("M", bound=BaseModel)


def parse_user(model: type[M], data: dict[str, Any]) -> M:
    """Validate form input; raise UserError with every problem in Dutch, one per line."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise UserError("\n".join(_dutch(e) for e in error.errors())) from None


def list_users(engine: Engine) -> pl.DataFrame:
    """gebruiker_id, naam, email, rol, scope_type, scope_codes, actief, versie; ordered by name."""
    return read_frame(engine, select(T["gebruiker"]).order_by(T["gebruiker"].c.naam))


def known_areas(engine: Engine) -> dict[ScopeType, dict[str, str]]:
    """Per scope type the known area codes with their names, for the scope choice."""
    areas: dict[ScopeType, dict[str, str]] = {"land": {}}
    for scope_type, (table, key) in GEBIED_TABELLEN.items():
        frame = read_frame(engine, select(T[table].c[key], T[table].c.naam).order_by(T[table].c.naam))
        areas[scope_type] = dict(zip(frame[key], frame["naam"], strict=True))
    return areas


def _check_areas(engine: Engine, rights: _Rights) -> None:
    unknown = sorted(rights.scope_codes - set(known_areas(engine).get(rights.scope_type, {})))
    if unknown:
        msg = f"Gebied: onbekende {rights.scope_type} {', '.join(unknown)}. Kies uit de bekende gebieden."
        raise UserError(msg)


def _details(rights: _Rights) -> dict[str, Any]:
    return {"rol": rights.rol, "scope_type": rights.scope_type, "scope_codes": sorted(rights.scope_codes)}


def add_user(engine: Engine, actor: Identity, nieuw: UserCreate) -> None:
    """Add a user (active, version 1) and record it; refuses a taken name or e-mail address."""
    require(actor, "beheer")
    _check_areas(engine, nieuw)
    gebruiker = T["gebruiker"]
    with engine.begin() as connection:
        taken = connection.execute(
            select(gebruiker.c.gebruiker_id).where(
                or_(gebruiker.c.gebruiker_id == nieuw.gebruiker_id, gebruiker.c.email == nieuw.email)
            )
        ).first()
        if taken is not None:
            msg = "Er is al een gebruiker met deze gebruikersnaam of dit e-mailadres."
            raise UserError(msg)
        values = nieuw.model_dump(exclude={"reden", "scope_codes"})
        connection.execute(
            gebruiker.insert().values(**values, scope_codes=";".join(sorted(nieuw.scope_codes)))
        )
        entry = entry_for(
            actor,
            "wijziging",
            "gebruiker_toegevoegd",
            object_type="gebruiker",
            object_id=nieuw.gebruiker_id,
            reden=nieuw.reden,
            details=_details(nieuw),
        )
        append_audit(connection, [entry])


def change_rights(engine: Engine, actor: Identity, wijziging: UserUpdate) -> int:
    """Change a user's role and scope; returns the new version (ConcurrentEditError when stale)."""
    require(actor, "beheer")
    _check_areas(engine, wijziging)
    if wijziging.gebruiker_id == actor.gebruiker_id and wijziging.rol != actor.rol:
        msg = "U kunt uw eigen rol niet wijzigen; vraag een andere beheerder."
        raise UserError(msg)
    values = {
        "rol": wijziging.rol,
        "scope_type": wijziging.scope_type,
        "scope_codes": ";".join(sorted(wijziging.scope_codes)),
    }
    with engine.begin() as connection:
        versie = update_versioned(
            connection, "gebruiker", {"gebruiker_id": wijziging.gebruiker_id}, wijziging.versie, values
        )
        entry = entry_for(
            actor,
            "wijziging",
            "rechten_gewijzigd",
            object_type="gebruiker",
            object_id=wijziging.gebruiker_id,
            reden=wijziging.reden,
            details={**_details(wijziging), "rol_label": ROL_LABELS[wijziging.rol]},
        )
        append_audit(connection, [entry])
    return versie


def set_active(  # noqa: PLR0913  (who, whom, at which version, what, and why)
    engine: Engine, actor: Identity, gebruiker_id: str, versie: int, *, actief: bool, reden: str
) -> int:
    """Block or unblock a user (a blocked user cannot sign in); returns the new version."""
    require(actor, "beheer")
    if gebruiker_id == actor.gebruiker_id:
        msg = "U kunt uzelf niet blokkeren of deblokkeren."
        raise UserError(msg)
    if len(reden.strip()) < 5:  # noqa: PLR2004  (the same minimum as the forms)
        msg = "Reden: geef een reden van minstens 5 tekens; die komt in het auditlog."
        raise UserError(msg)
    actie = "gebruiker_gedeblokkeerd" if actief else "gebruiker_geblokkeerd"
    with engine.begin() as connection:
        nieuw = update_versioned(
            connection, "gebruiker", {"gebruiker_id": gebruiker_id}, versie, {"actief": actief}
        )
        entry = entry_for(
            actor, "wijziging", actie, object_type="gebruiker", object_id=gebruiker_id, reden=reden.strip()
        )
        append_audit(connection, [entry])
    return nieuw
