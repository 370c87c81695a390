"""Read and validate the sharing policy file; every error names the key, in Dutch."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from dashboard.policy.model import Deelbeleid
from dashboard.settings import Settings

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

__all__ = ["DEFAULT_POLICY", "PolicyError", "active_policy", "default_policy", "load_policy", "parse_policy"]

DEFAULT_POLICY = Path(__file__).resolve().parent.parent / "deelbeleid.toml"

# pydantic's English error types in Dutch; {input} is the value found.
_MELDINGEN = {
    "missing": "ontbreekt",
    "extra_forbidden": "onbekende sleutel (tikfout?)",
    "literal_error": "ongeldige waarde '{input}'",
    "enum": "ongeldige waarde '{input}'",
    "string_too_short": "mag niet leeg zijn",
    "string_type": "moet tekst zijn",
    "date_from_datetime_parsing": "'{input}' is geen datum (JJJJ-MM-DD)",
    "date_parsing": "'{input}' is geen datum (JJJJ-MM-DD)",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "dict_type": "moet een tabel zijn",
    "frozen_set_type": "moet een lijst zijn",
    "tuple_type": "moet een lijst zijn",
}


class PolicyError(ValueError):
    """The policy file is missing or invalid; the message says where, in Dutch."""


def _dutch(error: ErrorDetails) -> str:
    key = ".".join(str(part) for part in error["loc"] if not isinstance(part, int))
    if error["type"] == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    template = _MELDINGEN.get(error["type"], "ongeldige waarde '{input}'")
    text = template.format(input=error.get("input"))
    return f"{key}: {text}" if key else text


def parse_policy(data: dict[str, Any], bron: str = "deelbeleid") -> Deelbeleid:
    """Validate parsed TOML; raise PolicyError listing every problem by key."""
    try:
        return Deelbeleid.model_validate(data)
    except ValidationError as error:
        regels = "\n".join(f"- {_dutch(e)}" for e in error.errors())
        msg = f"Het deelbeleid in {bron} is ongeldig:\n{regels}"
        raise PolicyError(msg) from None


def load_policy(path: Path) -> Deelbeleid:
    """Read a policy file (TOML) and validate it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        msg = f"Het deelbeleid {path} bestaat niet. Controleer de instelling DEELBELEID."
        raise PolicyError(msg) from None
    except tomllib.TOMLDecodeError as error:
        msg = f"Het deelbeleid {path} is geen geldige TOML: {error}"
        raise PolicyError(msg) from None
    return parse_policy(data, str(path))


@functools.cache
def default_policy() -> Deelbeleid:
    """The strict default policy shipped with the application."""
    return load_policy(DEFAULT_POLICY)


@functools.cache
def active_policy() -> Deelbeleid:
    """The policy in force: the file named by DEELBELEID, else the default (read once per process)."""
    path = Settings().deelbeleid
    return load_policy(Path(path)) if path else default_policy()
