"""Problems found in an import, as Dutch messages naming file, line and column."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

__all__ = ["MAX_SHOWN", "LoadError", "LoadIssue", "describe_error"]

MAX_SHOWN = 50  # enough to fix a file in one go, short enough to read


class LoadIssue(BaseModel):
    """One problem in one file: line numbers count the header as line 1."""

    model_config = ConfigDict(frozen=True)

    bestand: str
    regel: int | None = None
    kolom: str | None = None
    melding: str

    def __str__(self) -> str:
        """Render as 'bestand, regel N, kolom K: melding'."""
        where = [self.bestand]
        if self.regel is not None:
            where.append(f"regel {self.regel}")
        if self.kolom is not None:
            where.append(f"kolom {self.kolom}")
        return f"{', '.join(where)}: {self.melding}"


class LoadError(Exception):
    """An import was refused; nothing was written."""

    def __init__(self, issues: list[LoadIssue]) -> None:
        """Keep the issues; the message lists the first MAX_SHOWN of them."""
        self.issues = issues
        shown = "\n".join(f"- {issue}" for issue in issues[:MAX_SHOWN])
        more = len(issues) - MAX_SHOWN
        tail = f"\n- ... en nog {more} fouten" if more > 0 else ""
        count = "1 fout" if len(issues) == 1 else f"{len(issues)} fouten"
        super().__init__(f"Import geweigerd ({count}); er is niets opgeslagen.\n{shown}{tail}")


_PATTERN_HINTS = {
    r"^GM\d{4}$": "verwacht een CBS-gemeentecode zoals GM0344",
    r"^[A-Za-z0-9._-]+$": "alleen letters, cijfers, punt, streepje en liggend streepje",
}


def _hint_for_pattern(ctx: dict[str, Any]) -> str:
    pattern = str(ctx.get("pattern", ""))
    return _PATTERN_HINTS.get(pattern, f"verwacht patroon {pattern}")


# (error kind or kind prefix, Dutch sentence); {v} is the value, other fields come from the error.
_MESSAGES: tuple[tuple[str, str], ...] = (
    ("missing", "is verplicht, maar leeg"),
    ("string_too_short", "is verplicht, maar leeg"),
    ("date", "{v} is geen geldige datum (verwacht JJJJ-MM-DD, bijvoorbeeld 2025-03-31)"),
    ("int", "{v} is geen geheel getal"),
    ("float", "{v} is geen getal (gebruik een punt als decimaalteken)"),
    ("bool", "{v} is geen 'ja' of 'nee'"),
    ("greater_than_equal", "{v} is kleiner dan het minimum {ge}"),
    ("less_than_equal", "{v} is groter dan het maximum {le}"),
    ("string_too_long", "is langer dan {max_length} tekens"),
    ("string_pattern_mismatch", "{v} heeft niet de juiste vorm: {hint}"),
    ("literal_error", "{v} is geen toegestane waarde; kies uit {expected}"),
    ("value_error", "{error}"),
)


def describe_error(error: ErrorDetails) -> str:
    """Translate one pydantic error into a specific Dutch sentence."""
    kind = error["type"]
    value = error.get("input")
    if value is None:
        return "is verplicht, maar leeg"
    fields = {key: str(item) for key, item in error.get("ctx", {}).items()}
    fields["expected"] = fields.get("expected", "").replace(" or ", ", ")
    fields["hint"] = _hint_for_pattern(error.get("ctx", {}))
    for prefix, template in _MESSAGES:
        if kind.startswith(prefix):
            return template.format(v=f"'{value}'", **fields)
    return f"'{value}' is ongeldig ({kind})"
