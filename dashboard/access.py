"""The access model: what each role may see, and which groups fall inside a user's scope.

Pure data and functions, so the same rules serve pages, exports, the CLI and the tests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from dashboard.domain import ROL_LABELS, Rol, ScopeType

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "PERMISSIES",
    "PERMISSIE_LABELS",
    "ROL_PERMISSIES",
    "AccessDeniedError",
    "Identity",
    "Permissie",
    "Scope",
    "has_permission",
    "require",
    "scope_expr",
]

Permissie = Literal[
    "aggregaten",
    "groepsdetail",
    "namenlijst",
    "groepsscan_intern",
    "rapportage",
    "beheer",
    "audit",
    "inzage",
    "groepsscan_invoer",
    "stap_wijzigen",
    "driehoek",
    "besluiten",
    "plan_van_aanpak",
    "importeren",
]
PERMISSIES: tuple[Permissie, ...] = get_args(Permissie)

PERMISSIE_LABELS: dict[Permissie, str] = {
    "aggregaten": "Overzichten en kaart zonder namen",
    "groepsdetail": "Groepspagina met scores en advies",
    "namenlijst": "Namen van groepsleden",
    "groepsscan_intern": "Interne groepsscan met politiegegevens per persoon",
    "rapportage": "Standaardrapportage en aanbiedingsbrieven",
    "beheer": "Gebruikers en rechten beheren",
    "audit": "Het auditlog doorzoeken en exporteren",
    "inzage": "Inzageverzoeken en informatiebrieven voor betrokkenen",
    "groepsscan_invoer": "Groepsscans invoeren en bijwerken",
    "stap_wijzigen": "De stap in het werkproces wijzigen",
    "driehoek": "Driehoeksagenda en presentatiemodus",
    "besluiten": "Driehoeksbesluiten vastleggen",
    "plan_van_aanpak": "Het plan van aanpak bijwerken",
    "importeren": "Gegevens uit bronsystemen importeren",
}

# The strict default: names only where the werkproces needs them (the procesregisseur draws up the
# namenlijst, the OM adds person-level information, the police build the scan); the mayor decides
# on aggregates and the standard report; the beheerder manages users but sees no group detail.
ROL_PERMISSIES: dict[Rol, frozenset[Permissie]] = {
    "politie_specialist": frozenset(
        {
            "aggregaten",
            "groepsdetail",
            "namenlijst",
            "groepsscan_intern",
            "rapportage",
            "groepsscan_invoer",
            "stap_wijzigen",
            "driehoek",
            "importeren",
        }
    ),
    "wijkagent": frozenset(
        {"aggregaten", "groepsdetail", "namenlijst", "groepsscan_intern", "groepsscan_invoer"}
    ),
    "procesregisseur": frozenset(
        {
            "aggregaten",
            "groepsdetail",
            "namenlijst",
            "rapportage",
            "stap_wijzigen",
            "driehoek",
            "besluiten",
            "plan_van_aanpak",
        }
    ),
    "burgemeester": frozenset({"aggregaten", "groepsdetail", "rapportage", "driehoek"}),
    "officier_van_justitie": frozenset(
        {"aggregaten", "groepsdetail", "namenlijst", "rapportage", "driehoek"}
    ),
    "beheerder": frozenset({"aggregaten", "beheer", "audit", "importeren"}),
    "privacyfunctionaris": frozenset({"aggregaten", "audit", "inzage"}),
}


class Scope(BaseModel):
    """The part of the country a user may see: municipalities, basic teams, a unit, or all."""

    model_config = ConfigDict(frozen=True)

    type: ScopeType
    codes: frozenset[str] = Field(default_factory=frozenset)

    def describe(self, names: Mapping[str, str] | None = None) -> str:
        """A short Dutch description, e.g. 'gemeente Utrecht' (codes where no name is known)."""
        if self.type == "land":
            return "heel Nederland"
        known = names or {}
        shown = sorted(known.get(code, code) for code in self.codes)
        return f"{self.type} {', '.join(shown)}" if shown else f"{self.type} (geen)"


class Identity(BaseModel):
    """A signed-in user: who, in which role, over which scope."""

    model_config = ConfigDict(frozen=True)

    gebruiker_id: str
    naam: str
    email: str
    rol: Rol
    scope: Scope

    @property
    def rol_label(self) -> str:
        """The role in Dutch."""
        return ROL_LABELS[self.rol]


class AccessDeniedError(PermissionError):
    """A user asked for something their role or scope does not allow."""


def has_permission(identity: Identity, permissie: Permissie) -> bool:
    """Tell whether the user's role carries a permission."""
    return permissie in ROL_PERMISSIES[identity.rol]


def require(identity: Identity, permissie: Permissie) -> None:
    """Raise AccessDeniedError (Dutch message) unless the user's role carries the permission."""
    if not has_permission(identity, permissie):
        melding = f"Uw rol ({identity.rol_label}) geeft geen toegang tot: {PERMISSIE_LABELS[permissie]}."
        raise AccessDeniedError(melding)


def scope_expr(scope: Scope) -> pl.Expr:
    """A filter over group rows (columns gemeente_code, basisteam_code, eenheid_code) for a scope."""
    codes = sorted(scope.codes)
    column = {"gemeente": "gemeente_code", "basisteam": "basisteam_code", "eenheid": "eenheid_code"}
    if scope.type == "land":
        return pl.lit(value=True)
    return pl.col(column[scope.type]).is_in(codes)
