"""The scoring configuration: every weight, window and threshold, read from one validated TOML file."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainValidator, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from dashboard.domain import Dimensie

__all__ = [
    "DEFAULT_CONFIG_PATH",
    "ConfigError",
    "ScoringConfig",
    "default_config",
    "load_config",
    "parse_config",
]

DEFAULT_CONFIG_PATH = Path(__file__).resolve().parent.parent / "scoring.toml"


def _bad_number(message: str) -> PydanticCustomError:
    """A validation error for a value that is no number in range; the message is Dutch."""
    return PydanticCustomError("getal", message)


def _inconsistent(message: str) -> PydanticCustomError:
    """A validation error for values that do not fit together; the message is Dutch."""
    return PydanticCustomError("samenhang", message)


def _number(low: float, high: float | None = None, *, integer: bool = False) -> PlainValidator:
    """A validator for a number in [low, high] whose error reads 'moet een (geheel) getal ≥ low zijn'."""
    kind = "een geheel getal" if integer else "een getal"
    bounds = f"≥ {low:g}" if high is None else f"van {low:g} tot en met {high:g}"

    def check(value: object) -> float:
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if integer and not isinstance(value, int):
            is_number = False
        if not is_number or value < low or (high is not None and value > high):  # type: ignore[operator]
            msg = f"moet {kind} {bounds} zijn"
            raise _bad_number(msg)
        return value  # type: ignore[return-value]

    return PlainValidator(check)


Gewicht = Annotated[float, _number(0)]
Aandeel = Annotated[float, _number(0, 1)]
Positief = Annotated[float, _number(0.001)]
Maanden = Annotated[int, _number(1, 120, integer=True)]
Aantal = Annotated[int, _number(1, integer=True)]
Stap = Annotated[int, _number(0, 3, integer=True)]
Punten = Annotated[float, _number(0, 100)]


class _Section(BaseModel):
    """A section of the file: immutable, every key required, no unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Vensters(_Section):
    """The time window and the half-life of the decay."""

    maanden: Maanden
    halfwaarde_maanden: Positief


class Prioriteit(_Section):
    """The share of each sub-score in the priority score."""

    ernst: Aandeel
    risico: Aandeel
    ontwikkeling: Aandeel
    impact: Aandeel

    @model_validator(mode="after")
    def _check_sum(self) -> Prioriteit:
        total = self.ernst + self.risico + self.ontwikkeling + self.impact
        if abs(total - 1) > 1e-9:  # noqa: PLR2004  (rounding tolerance)
            msg = f"de gewichten moeten samen 1 zijn (nu {total:g})"
            raise _inconsistent(msg)
        return self


class Banden(_Section):
    """The lower bounds of the priority score per band."""

    hoog: Punten
    midden: Punten
    laag: Punten

    @model_validator(mode="after")
    def _check_order(self) -> Banden:
        if not self.hoog > self.midden > self.laag:
            msg = "moet gelden: hoog > midden > laag"
            raise _inconsistent(msg)
        return self


class Ernst(_Section):
    """Severity: points per rating step and the saturating registration points."""

    gewichten: dict[Dimensie, Gewicht]
    registraties_max: Punten
    registraties_schaal: Positief


class Risico(_Section):
    """Risk: escalation ratings and the group's structure."""

    gewichten: dict[Dimensie, Gewicht]
    grootte_max: Punten
    grootte_vol: Aantal
    leider: Punten
    kern_max: Punten
    overlap_per_lid: Punten
    overlap_max: Punten
    verdachte_leden_max: Punten


class Ontwikkeling(_Section):
    """Development: rise of ratings since the previous scan and of registrations since the window before."""

    beoordeling_per_stap: Punten
    beoordeling_max: Punten
    registraties_per_gewicht: Punten
    registraties_max: Punten


class Impact(_Section):
    """Impact: meldingen near the hangplekken, normalised to the youth population, and ratings."""

    straal_m: Annotated[float, _number(1, 5000)]
    meldingen_max: Punten
    meldingen_schaal: Positief
    referentie_jongeren: Aantal
    normalisatie_exponent: Aandeel
    gewichten: dict[Dimensie, Gewicht]


class Type(_Section):
    """The rule for the legacy type (hinderlijk / overlastgevend / crimineel)."""

    crimineel_dimensies: dict[Dimensie, Stap]
    crimineel_min_dimensies: Aantal
    crimineel_aandeel_verdachte_leden: Aandeel
    crimineel_zwaar_ernstgewicht: Annotated[float, _number(0, 10)]
    crimineel_aandeel_zwaar_verdachte_leden: Aandeel
    overlastgevend_dimensies: dict[Dimensie, Stap]
    overlastgevend_min_dimensies: Aantal
    overlastgevend_impact: Punten


class Vlaggen(_Section):
    """Thresholds of the data-quality flags."""

    scan_max_maanden: Maanden
    aandeel_leden_zonder_gegevens: Aandeel
    tegenspraak_max_score: Stap
    tegenspraak_min_registraties: Aantal
    categorie_dimensie: dict[str, Dimensie]


class Advies(_Section):
    """Thresholds of the advice rules."""

    domein_impact: Punten
    domein_overlast: Stap
    persoon_min_registraties: Aantal
    persoon_min_ernstgewicht: Annotated[float, _number(0, 10)]


class ScoringConfig(_Section):
    """The whole scoring configuration (see docs/methode.md for every key)."""

    vensters: Vensters
    prioriteit: Prioriteit
    banden: Banden
    ernst: Ernst
    risico: Risico
    ontwikkeling: Ontwikkeling
    impact: Impact
    type: Type
    vlaggen: Vlaggen
    advies: Advies


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message is Dutch and names file and key."""


_MESSAGES = {
    "missing": "ontbreekt",
    "extra_forbidden": "is geen bekende sleutel",
    "model_type": "moet een tabel zijn",
    "dict_type": "moet een tabel zijn",
    "string_type": "moet tekst zijn",
}


def _describe(error: Any, name: str) -> str:  # noqa: ANN401  (pydantic's ErrorDetails is a TypedDict)
    """One Dutch line for one validation error, naming the dotted key."""
    parts = [str(part) for part in error["loc"] if part != "[key]"]
    key = ".".join(parts)
    if error["type"] == "literal_error":
        text = "is geen bekende dimensie" if "[key]" in error["loc"] else "noemt geen bekende dimensie"
    elif error["type"] == "samenhang":
        text = f"klopt niet: {error['msg']}"
    else:
        text = _MESSAGES.get(error["type"], error["msg"])
    return f"{name}: '{key}' {text}" if key else f"{name}: {text}"


def parse_config(data: dict[str, Any], name: str = "scoring.toml") -> ScoringConfig:
    """Validate parsed TOML data; raise ConfigError with one Dutch line per problem."""
    try:
        return ScoringConfig.model_validate(data)
    except ValidationError as error:
        lines = [_describe(detail, name) for detail in error.errors()]
        raise ConfigError("\n".join(lines)) from None


def load_config(path: Path | str | None = None) -> ScoringConfig:
    """Read and validate a scoring configuration; the shipped defaults when no path is given."""
    file = Path(path) if path is not None else DEFAULT_CONFIG_PATH
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        msg = f"{file.name}: bestand niet gevonden ({file})"
        raise ConfigError(msg) from None
    except tomllib.TOMLDecodeError as error:
        msg = f"{file.name}: geen geldige TOML ({error})"
        raise ConfigError(msg) from None
    return parse_config(data, file.name)


def default_config() -> ScoringConfig:
    """The configuration that ships with the project."""
    return load_config(None)
