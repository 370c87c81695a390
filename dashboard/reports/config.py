"""Fixed texts of the reports: legal basis, confidentiality, retention, products and who may export them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal, get_args

if TYPE_CHECKING:
    from dashboard.access import Permissie

__all__ = [
    "BEWAREN",
    "CONTACT",
    "DOEL",
    "FORMATEN",
    "INTERN",
    "PAKKET",
    "PAKKET_CODE",
    "PAKKET_MAX",
    "PAKKET_TITEL",
    "PRODUCTEN",
    "PRODUCT_CODES",
    "PRODUCT_RECHT",
    "PRODUCT_TITELS",
    "RECHTSGROND",
    "TERUGSTUREN",
    "VERTROUWELIJK",
    "Formaat",
    "Product",
]

Product = Literal["rapportage", "namenlijst", "brief-gemeente", "brief-om", "groepsscan"]
PRODUCTEN: tuple[Product, ...] = get_args(Product)
Formaat = Literal["pdf", "docx", "html"]
FORMATEN: tuple[Formaat, ...] = get_args(Formaat)

PRODUCT_TITELS: Final[dict[Product, str]] = {
    "rapportage": "Standaardrapportage problematische jeugdgroep",
    "namenlijst": "Namenlijst problematische jeugdgroep",
    "brief-gemeente": "Aanbiedingsbrief aan de gemeente",
    "brief-om": "Aanbiedingsbrief aan het Openbaar Ministerie",
    "groepsscan": "Groepsscan (intern)",
}
# Short codes in the document number, e.g. GB-NL-G-00012-20261130-174501.
PRODUCT_CODES: Final[dict[Product, str]] = {
    "rapportage": "SR",
    "namenlijst": "NL",
    "brief-gemeente": "BG",
    "brief-om": "BO",
    "groepsscan": "GS",
}
# The right a role needs for each product (on top of 'groepsdetail'); see dashboard.access.
PRODUCT_RECHT: Final[dict[Product, Permissie]] = {
    "rapportage": "rapportage",
    "namenlijst": "namenlijst",
    "brief-gemeente": "rapportage",
    "brief-om": "rapportage",
    "groepsscan": "groepsscan_intern",
}
# The vergaderpakket is not a per-group product: one PDF with the standaardrapportage of several groups.
PAKKET: Final = "vergaderpakket"
PAKKET_CODE: Final = "VP"
PAKKET_TITEL: Final = "Vergaderpakket lokale driehoek"
PAKKET_MAX: Final = 20
# The marking of the internal groepsscan, next to 'Vertrouwelijk' on every page.
INTERN: Final = "Intern – politie"

VERTROUWELIJK: Final = "Vertrouwelijk"
RECHTSGROND: Final = (
    "Deze gegevens worden verstrekt op grond van artikel 20 Wet politiegegevens (Wpg) en het daarop "
    "gebaseerde besluit tot structurele verstrekking aan het samenwerkingsverband integrale aanpak "
    "problematische jeugdgroepen (gemeente, politie en Openbaar Ministerie), volgens het landelijk "
    "modelconvenant (2022)."
)
DOEL: Final = (
    "De gegevens zijn uitsluitend bestemd voor de integrale aanpak van deze problematische jeugdgroep "
    "binnen het samenwerkingsverband (doelbinding). Gebruik voor een ander doel en verdere verstrekking "
    "aan derden zijn niet toegestaan."
)
BEWAREN: Final = (
    "Bewaar dit document niet langer dan nodig voor de aanpak en uiterlijk één jaar na ontvangst; "
    "vernietig het daarna of wanneer de aanpak eerder eindigt."
)
TERUGSTUREN: Final = (
    "Onjuist of niet voor u bestemd ontvangen? Stuur het document direct terug aan de afzender, "
    "vernietig eventuele kopieën en meld het als datalek bij uw functionaris gegevensbescherming."
)
CONTACT: Final = (
    "Vragen over deze rapportage: de specialist jeugdgroepen van het basisteam, via het "
    "functionele postvak jeugdgroepen van de eenheid."
)
