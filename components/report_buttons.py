"""Exporteren: download buttons per product and format on the group page; files are built on click."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import streamlit as st

from components.data import engine
from dashboard.access import may_export
from dashboard.groups.queries import load_group_row
from dashboard.reports.config import FORMATEN, PRODUCT_TITELS, PRODUCTEN
from dashboard.reports.log import exportlog_ready
from dashboard.reports.models import Aanvraag
from dashboard.reports.service import MIME, export_report

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.engine import Engine

    from dashboard.access import Identity
    from dashboard.reports.config import Formaat, Product

FORMAAT_LABELS = {"pdf": "PDF", "docx": "Word", "html": "HTML"}
UITLEG = {
    "rapportage": "De standaardrapportage voor gemeente en OM: scores, advies en tellingen, zonder namen.",
    "namenlijst": "Vertrouwelijk: de huidige leden met rol, leeftijd en verdenkingen. "
    "Elke export wordt vastgelegd.",
    "brief-gemeente": "Aanbiedingsbrief van de teamchef aan de burgemeester (procesregisseur).",
    "brief-om": "Aanbiedingsbrief van de teamchef aan het Openbaar Ministerie.",
    "groepsscan": "Intern – politie, vertrouwelijk: het volledige beeld met politiegegevens per lid. "
    "Niet verstrekken. Elke export wordt vastgelegd.",
}
PERSOONSGEGEVENS = ("namenlijst", "groepsscan")  # only for groups judged problematic in step 2A


def allowed_products(identity: Identity, problematisch: bool) -> list[Product]:  # noqa: FBT001
    """The products this user may export for the group (person data only for problematic groups)."""
    return [
        product
        for product in PRODUCTEN
        if may_export(identity, product)  # the sharing policy: this role, this product
        and (product not in PERSOONSGEGEVENS or problematisch)
    ]


def _maker(db: Engine, aanvraag: Aanvraag, formaat: Formaat) -> Callable[[], bytes]:
    """Build (and log) the file only when the user clicks; the time of the click is the export time."""

    def make() -> bytes:
        now = aanvraag.model_copy(update={"aangemaakt": dt.datetime.now(tz=dt.UTC)})
        return export_report(db, now, formaat).inhoud

    return make


def show_report_buttons(identity: Identity, groep_id: str, peildatum: dt.date) -> None:
    """The 'Exporteren' section: advice editor, recipient and one button per allowed product and format."""
    st.subheader("Exporteren")
    db = engine()
    row = load_group_row(db, identity.scope, groep_id)
    if row.is_empty():
        return
    if not exportlog_ready(db):
        st.warning("Exporteren kan pas als de database is bijgewerkt: `python -m dashboard init-db`.")
        return
    products = allowed_products(identity, problematisch=row.item(0, "beoordeling_2a") == "problematisch")
    if not products:
        st.info("Uw rol mag geen rapportages van deze groep exporteren. Vraag de specialist jeugdgroepen.")
        return
    advies = st.text_area(
        "Advies bewerken (optioneel)",
        key="groep_export_advies",
        placeholder="Laat leeg om het gegenereerde advies te gebruiken.",
        help="Uw tekst komt in de rapportage en de brieven náást het gegenereerde advies; "
        "beide worden getoond.",
    )
    ontvanger = st.text_input(
        "Ontvanger (optioneel)",
        key="groep_export_ontvanger",
        placeholder="Standaard: de gebruikelijke ontvanger van het document",
        help="Komt op het document en in het exportlog (aan wie is het verstrekt).",
    )
    for product in products:
        st.markdown(f"**{PRODUCT_TITELS[product]}**")
        st.caption(UITLEG[product])
        aanvraag = Aanvraag(
            identity=identity,
            groep_id=groep_id,
            peildatum=peildatum,
            product=product,
            aangemaakt=dt.datetime.now(tz=dt.UTC),
            ontvanger=ontvanger or None,
            advies_bewerkt=advies or None,
        )
        for column, formaat in zip(st.columns(len(FORMATEN)), FORMATEN, strict=True):
            column.download_button(
                FORMAAT_LABELS[formaat],
                data=_maker(db, aanvraag, formaat),
                file_name=f"{product}-{groep_id}-{peildatum:%Y%m%d}.{formaat}",
                mime=MIME[formaat],
                on_click="ignore",
                key=f"groep_export_{product}_{formaat}",
                help=f"{PRODUCT_TITELS[product]} als {FORMAAT_LABELS[formaat]}; "
                "wordt gemaakt bij het klikken.",
            )
