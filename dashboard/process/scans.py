"""Groepsscans entered in the app: the form's content as models, who may do what, Dutch errors.

A scan is a draft (concept) until the police specialist finishes it (definitief); only finished scans
count in scores. Who does what (our decision, documented in docs): the wijkagent fills in the street
information (hangplekken and times, online platforms, narrative) of a draft; the ratings, the
radicalisation flag and the members are the specialist's, who also finishes the scan. Reading and
writing is in dashboard.process.scan_store.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from dashboard.access import AccessDeniedError, Identity, require
from dashboard.domain import DIMENSIE_LABELS, DIMENSIES, Dimensie, Geslacht, LidRol, Rol
from dashboard.process.scan_text import parse_times

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "BRONNEN",
    "SCORE_LABELS",
    "SPECIALIST_ROLLEN",
    "HangplekInput",
    "MemberInput",
    "NewPerson",
    "RatingInput",
    "ScanDraft",
    "ScanError",
    "ScanFinal",
    "TimeInput",
    "can_finish",
    "can_rate",
    "dutch_errors",
    "require_finish",
]

SPECIALIST_ROLLEN: Final[frozenset[Rol]] = frozenset({"politie_specialist"})
# The usual sources of a rating; the form also takes others (free text).
BRONNEN: Final = ("wijkagent", "politiesystemen", "jongerenwerk", "boa", "leerplicht", "school")
SCORE_LABELS: Final = {0: "0 niet", 1: "1 incidenteel", 2: "2 regelmatig", 3: "3 structureel"}
# The Netherlands with a margin: a coordinate outside it is a typing error (swapped lat/lon, say).
LAT_RANGE, LON_RANGE = (50.6, 53.7), (3.2, 7.3)
NARRATIEF_MIN = 20


class ScanError(ValueError):
    """A scan that cannot be saved (group outside the scope, the 2A gate, a stale draft); Dutch message."""


def can_rate(identity: Identity) -> bool:
    """Whether the user may set ratings, members and the radicalisation flag (the specialist)."""
    return identity.rol in SPECIALIST_ROLLEN


def can_finish(identity: Identity) -> bool:
    """Whether the user may make a scan definitief (the specialist)."""
    return identity.rol in SPECIALIST_ROLLEN


def require_finish(identity: Identity) -> None:
    """Raise AccessDeniedError (Dutch) unless the user may finish scans."""
    require(identity, "groepsscan_invoer")
    if not can_finish(identity):
        msg = "Alleen de specialist jeugdgroepen van de politie maakt een groepsscan definitief."
        raise AccessDeniedError(msg)


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


class RatingInput(BaseModel):
    """One behaviour dimension rated 0-3, with its sources and when it was last observed."""

    model_config = ConfigDict(frozen=True)

    dimensie: Dimensie
    score: int = 0
    bronnen: tuple[str, ...] = ()
    laatst_waargenomen: dt.date | None = None

    @field_validator("score")
    @classmethod
    def _score(cls, value: int) -> int:
        if not 0 <= value <= 3:  # noqa: PLR2004  (the scale is 0-3)
            msg = f"score {value} bestaat niet; kies 0 (niet) tot en met 3 (structureel)"
            raise ValueError(msg)
        return value

    @field_validator("bronnen")
    @classmethod
    def _bronnen(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(dict.fromkeys(b.strip().lower() for b in value if b.strip()))
        if any(";" in source for source in cleaned):
            msg = "een bron mag geen puntkomma bevatten; geef elke bron apart op"
            raise ValueError(msg)
        return cleaned


class TimeInput(BaseModel):
    """When a group is at a hangplek: a weekday (1 = maandag) and hours from-to."""

    model_config = ConfigDict(frozen=True)

    weekdag: int
    uur_van: int
    uur_tot: int

    @model_validator(mode="after")
    def _hours(self) -> TimeInput:
        if not 1 <= self.weekdag <= 7:  # noqa: PLR2004  (a week has seven days)
            msg = f"weekdag {self.weekdag} bestaat niet; kies 1 (maandag) tot en met 7 (zondag)"
            raise ValueError(msg)
        if not (0 <= self.uur_van <= 23 and 1 <= self.uur_tot <= 24 and self.uur_van < self.uur_tot):  # noqa: PLR2004
            msg = f"van {self.uur_van} tot {self.uur_tot} uur klopt niet; het eind ligt na het begin (0-24)"
            raise ValueError(msg)
        return self


class HangplekInput(BaseModel):
    """A hangplek of the group: existing (hangplek_id) or new; name, coordinates, times."""

    model_config = ConfigDict(frozen=True)

    hangplek_id: str | None = None
    naam: str = Field(max_length=200)
    lat: float
    lon: float
    tijden: tuple[TimeInput, ...] = ()

    _strip_naam = field_validator("naam", mode="before")(_strip)

    @field_validator("tijden", mode="before")
    @classmethod
    def _times_from_text(cls, value: object) -> object:
        """The form gives the times as text ('di 19-21, vr 20-24')."""
        return parse_times(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _check(self) -> HangplekInput:
        if not self.naam:
            msg = "geef de hangplek een naam (bijvoorbeeld 'Skatebaan Parkweg')"
            raise ValueError(msg)
        if not (LAT_RANGE[0] <= self.lat <= LAT_RANGE[1] and LON_RANGE[0] <= self.lon <= LON_RANGE[1]):
            msg = (
                f"{self.naam}: de coördinaten {self.lat:.5f}, {self.lon:.5f} liggen niet in Nederland "
                "(breedte 50,6-53,7; lengte 3,2-7,3); zijn breedte en lengte verwisseld?"
            )
            raise ValueError(msg)
        slots = [(t.weekdag, t.uur_van) for t in self.tijden]
        if len(slots) != len(set(slots)):
            msg = f"{self.naam}: een tijd staat er dubbel in (zelfde weekdag en beginuur)"
            raise ValueError(msg)
        return self


class NewPerson(BaseModel):
    """A person not yet known in the data: name, birth date, sex (no other personal data)."""

    model_config = ConfigDict(frozen=True)

    voornaam: str = Field(max_length=200)
    achternaam: str = Field(max_length=200)
    geboortedatum: dt.date
    geslacht: Geslacht

    _strip_names = field_validator("voornaam", "achternaam", mode="before")(_strip)

    @model_validator(mode="after")
    def _check(self) -> NewPerson:
        if not self.voornaam or not self.achternaam:
            msg = "geef voor een nieuw groepslid de voornaam en de achternaam"
            raise ValueError(msg)
        return self


class MemberInput(BaseModel):
    """A membership as the scan leaves it: who (existing persoon_id or a new person), role, from, until."""

    model_config = ConfigDict(frozen=True)

    persoon_id: str | None = None
    nieuw: NewPerson | None = None
    rol: LidRol
    van: dt.date
    tot: dt.date | None = None
    bron: str = "groepsscan"

    @model_validator(mode="after")
    def _check(self) -> MemberInput:
        if (self.persoon_id is None) == (self.nieuw is None):
            msg = "een lidmaatschap hoort bij een bestaande persoon of een nieuwe persoon, niet beide of geen"
            raise ValueError(msg)
        if self.tot is not None and self.tot < self.van:
            msg = (
                f"het einde van het lidmaatschap ({self.tot:%d-%m-%Y}) ligt voor het begin "
                f"({self.van:%d-%m-%Y})"
            )
            raise ValueError(msg)
        return self


def _all_dimensions() -> tuple[RatingInput, ...]:
    return tuple(RatingInput(dimensie=dimensie) for dimensie in DIMENSIES)


class ScanDraft(BaseModel):
    """A scan being entered: may be incomplete; saved as JSON in groepsscan.concept."""

    model_config = ConfigDict(frozen=True)

    groep_id: str
    datum: dt.date
    narratief: str = ""
    radicaliseringssignaal: bool = False
    beoordelingen: tuple[RatingInput, ...] = Field(default_factory=_all_dimensions)
    hangplekken: tuple[HangplekInput, ...] = ()
    online_platforms: tuple[str, ...] = ()
    leden: tuple[MemberInput, ...] = ()

    @field_validator("online_platforms")
    @classmethod
    def _platforms(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(dict.fromkeys(p.strip() for p in value if p.strip()))
        if any(";" in platform for platform in cleaned):
            msg = "een platform mag geen puntkomma bevatten; geef elk platform apart op"
            raise ValueError(msg)
        return cleaned

    def rating(self, dimensie: Dimensie) -> RatingInput:
        """The rating of a dimension (0 without sources when not yet rated)."""
        return next((r for r in self.beoordelingen if r.dimensie == dimensie), RatingInput(dimensie=dimensie))


class ScanFinal(ScanDraft):
    """A scan ready to be made definitief: every dimension rated, a source for each rating above 0."""

    @model_validator(mode="after")
    def _complete(self) -> ScanFinal:
        problems = list(_rating_problems(self.beoordelingen, self.datum))
        if self.datum > dt.datetime.now(tz=dt.UTC).date():
            problems.append(f"De scandatum {self.datum:%d-%m-%Y} ligt in de toekomst.")
        if len(self.narratief.strip()) < NARRATIEF_MIN:
            problems.append(
                f"Beschrijf de groep in het narratief (minstens {NARRATIEF_MIN} tekens): "
                "wat doen ze, waar en wanneer?"
            )
        if problems:
            raise ValueError(" ".join(problems))
        return self


def _rating_problems(ratings: Iterable[RatingInput], datum: dt.date) -> Iterable[str]:
    rated = [r.dimensie for r in ratings]
    missing = [DIMENSIE_LABELS[d] for d in DIMENSIES if d not in rated]
    if missing or len(rated) != len(set(rated)):
        yield f"Beoordeel elke dimensie precies één keer (ontbreekt: {', '.join(missing) or 'geen'})."
    for rating in ratings:
        label = DIMENSIE_LABELS[rating.dimensie]
        if rating.score > 0 and not rating.bronnen:
            yield f"{label}: bron verplicht bij score {rating.score}."
        if rating.score > 0 and rating.laatst_waargenomen is None:
            yield f"{label}: geef de datum waarop dit het laatst is waargenomen."
        if rating.laatst_waargenomen is not None and rating.laatst_waargenomen > datum:
            yield f"{label}: laatst waargenomen ({rating.laatst_waargenomen:%d-%m-%Y}) ligt na de scandatum."


_LOCATIONS: Final = {
    "beoordelingen": "Beoordeling",
    "hangplekken": "Hangplek",
    "tijden": "tijd",
    "leden": "Groepslid",
    "nieuw": "nieuwe persoon",
    "datum": "Scandatum",
    "geboortedatum": "geboortedatum",
    "lat": "breedtegraad",
    "lon": "lengtegraad",
}
_TYPES: Final = {
    "missing": "ontbreekt",
    "date_from_datetime_parsing": "is geen geldige datum",
    "date_parsing": "is geen geldige datum",
    "date_type": "is geen geldige datum",
    "float_parsing": "is geen getal",
    "int_parsing": "is geen geheel getal",
    "literal_error": "is geen toegestane waarde",
    "string_too_long": "is te lang",
}


def _where(location: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in location:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]} {part + 1}"] if parts else [str(part + 1)]
        elif part in _LOCATIONS:
            parts.append(_LOCATIONS[part])
    return ", ".join(parts)


def dutch_errors(error: ValidationError) -> list[str]:
    """The problems of a scan in Dutch, one line each, with where they are ('Hangplek 2, tijd 1: ...')."""
    lines = []
    for item in error.errors():
        where = _where(tuple(item["loc"]))
        if item["type"] == "value_error":
            text = str(item["ctx"]["error"]) if "ctx" in item else item["msg"]
        else:
            text = f"{item['loc'][-1] if item['loc'] else 'waarde'} {_TYPES.get(item['type'], 'is ongeldig')}"
        text = text[0].upper() + text[1:] if not where else text
        lines.append(f"{where}: {text}" if where else text)
    return lines
