"""Inzage (art. 25 Wpg, art. 15 AVG): find a person inside the user's area and gather all we hold on them.

Everything is read inside the scope: a person is found only through a membership of a group in the
user's area, and memberships and audit records of groups outside it are counted, not shown.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import polars as pl
from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, or_, select

from dashboard.access import require
from dashboard.groups.summaries import LID_ROL_LABELS
from dashboard.privacy.retention import RetentionRule, load_purge_dates
from dashboard.storage.queries import read_frame, scope_clause
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dashboard.access import Identity, Scope

__all__ = [
    "NIET_GEVONDEN",
    "Inzage",
    "InzageError",
    "find_persons",
    "load_inzage",
]

T = metadata.tables
NIET_GEVONDEN = "Deze persoon bestaat niet of valt buiten uw gebied."
MIN_ZOEK = 2
NAMEN_ACTIES = ("namen_bekeken", "groepsscan_bekeken")
NAMEN_PRODUCTEN = ("namenlijst", "groepsscan")


class InzageError(LookupError):
    """The person cannot be shown to this user (unknown, or outside the user's area)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Persoon(_Model):
    """The person record itself."""

    persoon_id: str
    voornaam: str
    achternaam: str
    geboortedatum: dt.date
    geslacht: str

    @property
    def naam(self) -> str:
        """First and last name."""
        return f"{self.voornaam} {self.achternaam}"


class Lidmaatschap(_Model):
    """A membership with the group's name, municipality and the end of its approach."""

    groep_id: str
    werknaam: str
    gemeente_naam: str
    gemeente_code: str
    rol: str
    van: dt.date
    tot: dt.date | None
    bron: str
    aanpak_beeindigd: dt.date | None


class Registratie(_Model):
    """A police registration the person is a party in, with their role (suspect, victim, witness...)."""

    registratienummer: str
    datum: dt.date
    categorie: str
    gemeente_naam: str
    rol: str


class Vastlegging(_Model):
    """An audit record about the person, or a view or export of their group's names."""

    id: int
    tijdstip: dt.datetime
    gebruiker_id: str
    rol: str
    categorie: str
    actie: str
    object_type: str
    object_id: str
    groep_id: str | None
    reden: str


class Inzage(_Model):
    """Everything the system holds about one person, as far as the user's area reaches."""

    peildatum: dt.date
    persoon: Persoon
    lidmaatschappen: tuple[Lidmaatschap, ...]
    lidmaatschappen_buiten_gebied: int
    registraties: tuple[Registratie, ...]
    verwijderdatum: dt.date | None
    bewaargrond: str
    aanpak_loopt: bool
    vastleggingen: tuple[Vastlegging, ...]


def find_persons(engine: Engine, scope: Scope, zoekterm: str, limit: int = 50) -> pl.DataFrame:
    """persoon_id, naam, geboortedatum, groepen of persons in a group inside the scope, by name or id."""
    term = zoekterm.strip().lower()
    persoon, lid, groep, gemeente = T["persoon"], T["lidmaatschap"], T["groep"], T["gemeente"]
    schema = {"persoon_id": pl.String, "naam": pl.String, "geboortedatum": pl.Date, "groepen": pl.String}
    if len(term) < MIN_ZOEK:
        return pl.DataFrame(schema=schema)
    naam = func.lower(persoon.c.voornaam + " " + persoon.c.achternaam)
    statement = (
        select(persoon.c.persoon_id, persoon.c.voornaam, persoon.c.achternaam, persoon.c.geboortedatum)
        .add_columns(groep.c.werknaam)
        .join(lid, lid.c.persoon_id == persoon.c.persoon_id)
        .join(groep, groep.c.groep_id == lid.c.groep_id)
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .where(scope_clause(scope), or_(func.lower(persoon.c.persoon_id) == term, naam.contains(term)))
    )
    found = read_frame(engine, statement)
    return (
        found.group_by("persoon_id", "voornaam", "achternaam", "geboortedatum")
        .agg(groepen=pl.col("werknaam").unique().sort().str.join(", "))
        .with_columns(naam=pl.concat_str("voornaam", "achternaam", separator=" "))
        .sort("achternaam", "voornaam", "persoon_id")
        .head(limit)
        .select(list(schema))
    )


def _memberships(engine: Engine, persoon_id: str) -> pl.DataFrame:
    lid, groep, gemeente = T["lidmaatschap"], T["groep"], T["gemeente"]
    statement = (
        select(
            lid.c.groep_id,
            groep.c.werknaam,
            gemeente.c.naam.label("gemeente_naam"),
            groep.c.gemeente_code,
            lid.c.rol,
            lid.c.van,
            lid.c.tot,
            lid.c.bron,
            groep.c.aanpak_beeindigd,
        )
        .join(groep, groep.c.groep_id == lid.c.groep_id)
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .where(lid.c.persoon_id == persoon_id)
        .order_by(lid.c.van, lid.c.groep_id)
    )
    return read_frame(engine, statement)


def _in_scope(engine: Engine, scope: Scope, groep_ids: list[str]) -> set[str]:
    groep, gemeente = T["groep"], T["gemeente"]
    statement = (
        select(groep.c.groep_id)
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .where(groep.c.groep_id.in_(groep_ids), scope_clause(scope))
    )
    return set(read_frame(engine, statement)["groep_id"])


def _registrations(engine: Engine, persoon_id: str) -> tuple[Registratie, ...]:
    betrokkene, registratie = T["betrokkene"], T["registratie"]
    categorie, gemeente = T["delictcategorie"], T["gemeente"]
    statement = (
        select(
            registratie.c.registratienummer,
            registratie.c.datum,
            categorie.c.naam.label("categorie"),
            gemeente.c.naam.label("gemeente_naam"),
            betrokkene.c.rol,
        )
        .join(registratie, registratie.c.registratienummer == betrokkene.c.registratienummer)
        .join(categorie, categorie.c.categorie_code == registratie.c.categorie_code)
        .join(gemeente, gemeente.c.gemeente_code == registratie.c.gemeente_code)
        .where(betrokkene.c.persoon_id == persoon_id)
        .order_by(registratie.c.datum, registratie.c.registratienummer)
    )
    return tuple(Registratie.model_validate(row) for row in read_frame(engine, statement).to_dicts())


def _concerns_names(details: str) -> bool:
    """An export record of a product with names (namenlijst, groepsscan)."""
    try:
        value: Any = json.loads(details)
    except ValueError:
        return False
    return isinstance(value, dict) and value.get("product") in NAMEN_PRODUCTEN


def _audit(engine: Engine, persoon_id: str, groep_ids: list[str]) -> tuple[Vastlegging, ...]:
    """Records about the person, and views and exports of the names of their groups (inside the scope)."""
    log = T["auditlog"]
    statement = (
        select(*(log.c[name] for name in Vastlegging.model_fields), log.c.details)
        .where(
            or_(
                log.c.object_id == persoon_id,
                log.c.groep_id.in_(groep_ids)
                & (log.c.actie.in_(NAMEN_ACTIES) | (log.c.categorie == "export")),
            )
        )
        .order_by(log.c.id)
    )
    with engine.connect() as connection:
        rows = connection.execute(statement).mappings().all()
    return tuple(
        Vastlegging.model_validate(row)
        for row in rows
        if row["object_id"] == persoon_id or row["actie"] in NAMEN_ACTIES or _concerns_names(row["details"])
    )


def _persoon(engine: Engine, persoon_id: str) -> Persoon | None:
    persoon = T["persoon"]
    rows = read_frame(engine, select(persoon).where(persoon.c.persoon_id == persoon_id)).to_dicts()
    return Persoon.model_validate(rows[0]) if rows else None


def load_inzage(
    engine: Engine, identity: Identity, persoon_id: str, peildatum: dt.date, rule: RetentionRule | None = None
) -> Inzage:
    """All we hold on a person inside the user's area; raises AccessDeniedError or InzageError."""
    require(identity, "inzage")
    leden = _memberships(engine, persoon_id)
    inside = _in_scope(engine, identity.scope, leden["groep_id"].to_list()) if leden.height else set()
    persoon = _persoon(engine, persoon_id) if inside else None
    if persoon is None:
        raise InzageError(NIET_GEVONDEN)
    zichtbaar = leden.filter(pl.col("groep_id").is_in(sorted(inside)))
    dates = load_purge_dates(engine, [persoon_id], rule).row(0, named=True)
    return Inzage(
        peildatum=peildatum,
        persoon=persoon,
        lidmaatschappen=tuple(
            Lidmaatschap.model_validate({**row, "rol": LID_ROL_LABELS.get(row["rol"], row["rol"])})
            for row in zichtbaar.to_dicts()
        ),
        lidmaatschappen_buiten_gebied=leden.height - zichtbaar.height,
        registraties=_registrations(engine, persoon_id),
        verwijderdatum=dates["verwijderdatum"],
        bewaargrond=dates["grond"],
        aanpak_loopt=dates["lopend"],
        vastleggingen=_audit(engine, persoon_id, sorted(inside)),
    )
