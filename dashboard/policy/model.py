"""The sharing policy as data: per role which permissions, products and fields, on which legal basis.

It mirrors an art. 20 Wpg decision (besluit structurele verstrekking): purpose, partnership, which data
and to whom. The file lives in dashboard/deelbeleid.toml (or the path in the DEELBELEID setting).
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dashboard.domain import ROLLEN, Rol

__all__ = [
    "BELEID_PRODUCTEN",
    "PERMISSIES",
    "PRODUCT_PERMISSIE",
    "PRODUCT_VELDEN",
    "BeleidProduct",
    "Besluit",
    "Deelbeleid",
    "Organisatie",
    "Permissie",
    "ProductRegel",
    "RolBeleid",
    "Verstrekking",
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

Organisatie = Literal["politie", "gemeente", "om"]

# The products as the reports code names them (dashboard/reports/config.py), plus the meeting pack.
BeleidProduct = Literal[
    "rapportage", "namenlijst", "brief-gemeente", "brief-om", "groepsscan", "vergaderpakket"
]
BELEID_PRODUCTEN: tuple[BeleidProduct, ...] = get_args(BeleidProduct)

# The permission a product needs on top of its listing in the policy.
PRODUCT_PERMISSIE: Final[dict[BeleidProduct, Permissie]] = {
    "rapportage": "rapportage",
    "namenlijst": "namenlijst",
    "brief-gemeente": "rapportage",
    "brief-om": "rapportage",
    "groepsscan": "groepsscan_intern",
    "vergaderpakket": "rapportage",
}
# Person fields a policy can restrict, per product (the others carry no person fields at all).
PRODUCT_VELDEN: Final[dict[BeleidProduct, tuple[str, ...]]] = {
    "namenlijst": ("naam", "persoon_id", "geboortedatum", "leeftijd", "rol", "lid_sinds", "verdenkingen"),
}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Verstrekking(_Model):
    """The legal basis and purpose a document is shared under."""

    grondslag: str
    doel: str

    @property
    def regel(self) -> str:
        """The line every exported document carries."""
        return f"Verstrekt op grond van: {self.grondslag}, doel: {self.doel}"


class ProductRegel(_Model):
    """One product a role may receive; empty fields fall back to the role's (velden: all of the product)."""

    velden: tuple[str, ...] | None = None
    grondslag: str | None = Field(default=None, min_length=1)
    doel: str | None = Field(default=None, min_length=1)


class RolBeleid(_Model):
    """What one role of one organisation may see and receive, for which purpose, on which basis."""

    organisatie: Organisatie
    permissies: frozenset[Permissie]
    grondslag: str = Field(min_length=1)
    doel: str = Field(min_length=1)
    producten: dict[BeleidProduct, ProductRegel] = Field(default_factory=dict)


class Besluit(_Model):
    """The decision the policy mirrors."""

    naam: str = Field(min_length=1)
    samenwerkingsverband: str = Field(min_length=1)
    vastgesteld: dt.date
    toelichting: str = ""


class Deelbeleid(_Model):
    """The whole policy: the decision and one entry per role (every role must be present)."""

    besluit: Besluit
    rollen: dict[Rol, RolBeleid]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        missing = [rol for rol in ROLLEN if rol not in self.rollen]
        if missing:
            msg = f"rollen: de rol(len) {', '.join(missing)} ontbreken; elke rol moet in het beleid staan"
            raise ValueError(msg)
        for rol, beleid in self.rollen.items():
            for product, regel in beleid.producten.items():
                _check_product(rol, beleid, product, regel)
        return self

    def permissies(self, rol: Rol) -> frozenset[Permissie]:
        """The permissions of a role."""
        return self.rollen[rol].permissies

    def mag_product(self, rol: Rol, product: BeleidProduct) -> bool:
        """Whether a role may make or receive a product."""
        return product in self.rollen[rol].producten

    def velden(self, rol: Rol, product: BeleidProduct) -> tuple[str, ...]:
        """The person fields of a product the role may see (empty when it may not have the product)."""
        regel = self.rollen[rol].producten.get(product)
        if regel is None:
            return ()
        alle = PRODUCT_VELDEN.get(product, ())
        return alle if regel.velden is None else tuple(v for v in alle if v in regel.velden)

    def verstrekking(self, rol: Rol, product: BeleidProduct) -> Verstrekking:
        """The legal basis and purpose of a product for a role (the product's own, else the role's)."""
        beleid = self.rollen[rol]
        regel = beleid.producten.get(product, ProductRegel())
        return Verstrekking(grondslag=regel.grondslag or beleid.grondslag, doel=regel.doel or beleid.doel)


def _check_product(rol: str, beleid: RolBeleid, product: BeleidProduct, regel: ProductRegel) -> None:
    key = f"rollen.{rol}.producten.{product}"
    nodig = PRODUCT_PERMISSIE[product]
    if nodig not in beleid.permissies:
        msg = f"{key}: dit product vereist de permissie '{nodig}', die rol {rol} niet heeft"
        raise ValueError(msg)
    if product == "vergaderpakket" and "rapportage" not in beleid.producten:
        msg = f"{key}: een vergaderpakket bestaat uit standaardrapportages; geef rol {rol} ook 'rapportage'"
        raise ValueError(msg)
    if regel.velden is None:
        return
    bekend = PRODUCT_VELDEN.get(product)
    if bekend is None:
        msg = f"{key}.velden: alleen de velden van de namenlijst kunnen worden beperkt"
        raise ValueError(msg)
    onbekend = sorted(set(regel.velden) - set(bekend))
    if onbekend:
        msg = f"{key}.velden: onbekend veld {', '.join(onbekend)}; kies uit {', '.join(bekend)}"
        raise ValueError(msg)
    if not regel.velden:
        msg = f"{key}.velden: geef minstens één veld, of laat het product weg"
        raise ValueError(msg)
