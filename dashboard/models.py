"""The data model: one pydantic model per record kind, named by role.

`XxxCreate` models are the records as they enter the system; their fields are exactly the columns of
the CSV import format (sample_data/README.md) and of the database tables. Lists inside one cell
(platforms, sources, scope codes) are separated by ';'. No model has a field for ethnicity, religion or
political views: the system cannot store them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from dashboard.domain import (
    Beoordeling2A,
    BetrokkeneRol,
    Dimensie,
    Geslacht,
    LidRol,
    Rol,
    ScopeType,
    Stap,
)

__all__ = [
    "BasisteamCreate",
    "BeoordelingCreate",
    "BetrokkeneCreate",
    "DatasetCreate",
    "DelictcategorieCreate",
    "EenheidCreate",
    "GebruikerCreate",
    "GemeenteCreate",
    "GroepCreate",
    "GroepsscanCreate",
    "HangplekCreate",
    "HangplekTijdCreate",
    "LidmaatschapCreate",
    "MeldingCreate",
    "PersoonCreate",
    "RegistratieCreate",
]


def _parse_ja_nee(value: Any) -> Any:  # noqa: ANN401  (pydantic hands over any raw value)
    """Read the Dutch 'ja'/'nee' of the import format as a boolean."""
    if isinstance(value, str) and value.strip().lower() in {"ja", "nee"}:
        return value.strip().lower() == "ja"
    return value


JaNee = Annotated[bool, BeforeValidator(_parse_ja_nee)]
Code = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9._-]+$")]
GemeenteCode = Annotated[str, Field(pattern=r"^GM\d{4}$")]
Naam = Annotated[str, Field(min_length=1, max_length=200)]
Lijst = Annotated[str, Field(max_length=500)]
Breedte = Annotated[float, Field(ge=50.5, le=53.7)]
Lengte = Annotated[float, Field(ge=3.2, le=7.3)]


class _Record(BaseModel):
    """Base of all records: immutable, no unknown fields, text stripped."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class DatasetCreate(_Record):
    """A key/value fact about the loaded data set, such as whether it is fictitious."""

    sleutel: Code
    waarde: Annotated[str, Field(max_length=200)]


class EenheidCreate(_Record):
    """A regional police unit (eenheid)."""

    eenheid_code: Code
    naam: Naam


class BasisteamCreate(_Record):
    """A police basic team (basisteam) within a unit."""

    basisteam_code: Code
    naam: Naam
    eenheid_code: Code


class GemeenteCreate(_Record):
    """A municipality by its CBS code, with population figures where known and a centroid."""

    gemeente_code: GemeenteCode
    naam: Naam
    eenheid_code: Code
    inwoners: Annotated[int, Field(ge=0)] | None = None
    jongeren_12_23: Annotated[int, Field(ge=0)] | None = None
    lat: Breedte
    lon: Lengte


class GroepCreate(_Record):
    """A youth group as registered in the werkproces."""

    groep_id: Code
    werknaam: Naam
    gemeente_code: GemeenteCode
    wijk: Annotated[str, Field(max_length=200)] | None = None
    buurt: Annotated[str, Field(max_length=200)] | None = None
    basisteam_code: Code
    stap: Stap
    beoordeling_2a: Beoordeling2A
    eerste_signaal: dt.date
    online_platforms: Lijst | None = None
    aanpak_beeindigd: dt.date | None = None


class HangplekCreate(_Record):
    """A place where a group hangs out."""

    hangplek_id: Code
    groep_id: Code
    naam: Naam
    lat: Breedte
    lon: Lengte


class HangplekTijdCreate(_Record):
    """When a group is usually at a hangplek: weekday (1 = maandag) and an hour range [van, tot)."""

    hangplek_id: Code
    weekdag: Annotated[int, Field(ge=1, le=7)]
    uur_van: Annotated[int, Field(ge=0, le=23)]
    uur_tot: Annotated[int, Field(ge=1, le=24)]

    @model_validator(mode="after")
    def _check_range(self) -> HangplekTijdCreate:
        if self.uur_tot <= self.uur_van:
            msg = "uur_tot moet na uur_van liggen; splits een periode over middernacht in twee regels"
            raise ValueError(msg)
        return self


class PersoonCreate(_Record):
    """A person known to the police, under a pseudonymous id."""

    persoon_id: Code
    voornaam: Naam
    achternaam: Naam
    geboortedatum: dt.date
    geslacht: Geslacht


class LidmaatschapCreate(_Record):
    """A person's membership of a group in a role, from a date until an optional end date."""

    persoon_id: Code
    groep_id: Code
    rol: LidRol
    van: dt.date
    tot: dt.date | None = None
    bron: Naam

    @model_validator(mode="after")
    def _check_period(self) -> LidmaatschapCreate:
        if self.tot is not None and self.tot < self.van:
            msg = "de einddatum (tot) ligt voor de begindatum (van)"
            raise ValueError(msg)
        return self


class DelictcategorieCreate(_Record):
    """An offence category with its default severity weight."""

    categorie_code: Code
    naam: Naam
    ernstgewicht: Annotated[float, Field(ge=0, le=10)]


class RegistratieCreate(_Record):
    """A police registration (incident) with its location."""

    registratienummer: Code
    datum: dt.date
    categorie_code: Code
    gemeente_code: GemeenteCode
    lat: Breedte
    lon: Lengte


class BetrokkeneCreate(_Record):
    """A person involved in a registration, as suspect, victim, witness or otherwise."""

    registratienummer: Code
    persoon_id: Code
    rol: BetrokkeneRol


class MeldingCreate(_Record):
    """A jeugdoverlast report (melding): place and date, never persons."""

    melding_id: Code
    datum: dt.date
    gemeente_code: GemeenteCode
    lat: Breedte
    lon: Lengte


class GroepsscanCreate(_Record):
    """A dated groepsscan of one group by a police specialist."""

    scan_id: Code
    groep_id: Code
    datum: dt.date
    auteur: Naam
    narratief: Annotated[str, Field(max_length=5000)] = ""
    radicaliseringssignaal: JaNee = False


class BeoordelingCreate(_Record):
    """One behaviour dimension rated 0-3 in a scan, with its sources and the date last observed."""

    scan_id: Code
    dimensie: Dimensie
    score: Annotated[int, Field(ge=0, le=3)]
    bronnen: Annotated[str, Field(min_length=1, max_length=500)]
    laatst_waargenomen: dt.date | None = None

    @model_validator(mode="after")
    def _check_observed(self) -> BeoordelingCreate:
        if self.score > 0 and self.laatst_waargenomen is None:
            msg = "een score boven 0 vraagt een datum laatst_waargenomen"
            raise ValueError(msg)
        return self


class GebruikerCreate(_Record):
    """A user of the dashboard with one role and a scope; keyed by the identity provider's e-mail."""

    gebruiker_id: Code
    naam: Naam
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+$", max_length=200)]
    rol: Rol
    scope_type: ScopeType
    scope_codes: Lijst = ""
