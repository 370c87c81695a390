"""The access model: what each role may see, and which groups fall inside a user's scope.

Pure data and functions, so the same rules serve pages, exports, the CLI and the tests. What a role may
see and receive comes from the sharing policy (dashboard/policy/, an art. 20 Wpg decision as data).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

from dashboard.domain import ROL_LABELS, Rol, ScopeType
from dashboard.policy import (
    PERMISSIES,
    PRODUCT_VELDEN,
    BeleidProduct,
    Permissie,
    Verstrekking,
    active_policy,
    default_policy,
)

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
    "may_export",
    "require",
    "require_product",
    "restrict_fields",
    "scope_expr",
    "verstrekking",
    "visible_fields",
]

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

# The permissions per role of the strict default policy (dashboard/deelbeleid.toml), for reference and
# tests; the checks below read the policy in force (setting DEELBELEID), see dashboard/policy/.
ROL_PERMISSIES: dict[Rol, frozenset[Permissie]] = {
    rol: beleid.permissies for rol, beleid in default_policy().rollen.items()
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
    """Tell whether the user's role carries a permission under the policy in force."""
    return permissie in active_policy().permissies(identity.rol)


def require(identity: Identity, permissie: Permissie) -> None:
    """Raise AccessDeniedError (Dutch message) unless the user's role carries the permission."""
    if not has_permission(identity, permissie):
        melding = f"Uw rol ({identity.rol_label}) geeft geen toegang tot: {PERMISSIE_LABELS[permissie]}."
        raise AccessDeniedError(melding)


def may_export(identity: Identity, product: BeleidProduct) -> bool:
    """Tell whether the policy lets the user's role make or receive a product."""
    return active_policy().mag_product(identity.rol, product)


def require_product(identity: Identity, product: BeleidProduct) -> None:
    """Raise AccessDeniedError (Dutch message) unless the policy lets the role have the product."""
    if not may_export(identity, product):
        rol = identity.rol_label
        melding = f"Uw rol ({rol}) mag volgens het deelbeleid geen {product} maken of ontvangen."
        raise AccessDeniedError(melding)


def visible_fields(identity: Identity, product: BeleidProduct) -> tuple[str, ...]:
    """The person fields of a product the user's role may see (empty without the product)."""
    return active_policy().velden(identity.rol, product)


def restrict_fields(frame: pl.DataFrame, identity: Identity, product: BeleidProduct) -> pl.DataFrame:
    """Drop the product's person fields the role may not see; other columns (e.g. purge dates) stay."""
    allowed = set(visible_fields(identity, product))
    hidden = [c for c in PRODUCT_VELDEN.get(product, ()) if c in frame.columns and c not in allowed]
    return frame.drop(hidden)


def verstrekking(identity: Identity, product: BeleidProduct) -> Verstrekking:
    """The legal basis and purpose under which the product is shared with or by the user's role."""
    return active_policy().verstrekking(identity.rol, product)


def scope_expr(scope: Scope) -> pl.Expr:
    """A filter over group rows (columns gemeente_code, basisteam_code, eenheid_code) for a scope."""
    codes = sorted(scope.codes)
    column = {"gemeente": "gemeente_code", "basisteam": "basisteam_code", "eenheid": "eenheid_code"}
    if scope.type == "land":
        return pl.lit(value=True)
    return pl.col(column[scope.type]).is_in(codes)
