"""Widgets of the Auditlog page: the search form, the result table, the export and the integrity check."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

import polars as pl
import streamlit as st
from pydantic import ValidationError

from components.data import engine, refresh_data
from dashboard.audit import AuditFilter, count_audit, export_audit, search_audit, verify_chain
from dashboard.audit.search import AUDIT_KOLOMMEN, CATEGORIE_LABELS, audit_options
from dashboard.domain import AUDIT_CATEGORIEEN

if TYPE_CHECKING:
    from collections.abc import Callable

    from dashboard.access import Identity

__all__ = ["PAGINA", "choose_audit_filter", "show_audit_export", "show_audit_results", "show_integrity_check"]

PAGINA = 100  # records per page
ALLE = "(alle)"


def choose_audit_filter() -> AuditFilter | None:
    """Period, user, category, action and group; None (with a Dutch error) when the input is invalid."""
    options = audit_options(engine())
    vandaag = dt.datetime.now(tz=dt.UTC).date()
    left, middle, right = st.columns(3)
    periode = left.date_input(
        "Periode",
        value=(vandaag - dt.timedelta(days=30), vandaag),
        format="DD-MM-YYYY",
        key="audit_periode",
        help="Eerste en laatste dag (beide inbegrepen), Nederlandse tijd.",
    )
    gebruiker = middle.selectbox("Gebruiker", [ALLE, *options["gebruiker_id"]], key="audit_gebruiker")
    categorie = right.selectbox(
        "Categorie",
        [ALLE, *AUDIT_CATEGORIEEN],
        format_func=lambda c: CATEGORIE_LABELS.get(c, c),
        key="audit_categorie",
    )
    left, middle, right = st.columns(3)
    actie = left.selectbox("Actie", [ALLE, *options["actie"]], key="audit_actie")
    groep = middle.text_input("Groep", key="audit_groep", placeholder="bijv. G-00012").strip()
    pagina = right.number_input("Pagina", min_value=1, value=1, step=1, key="audit_pagina")
    dagen = list(periode) if isinstance(periode, tuple) else [periode]
    try:
        return AuditFilter(
            van=dagen[0] if dagen else None,
            tot=dagen[-1] if dagen else None,
            gebruiker_id=None if gebruiker == ALLE else gebruiker,
            categorie=None if categorie == ALLE else categorie,
            actie=None if actie == ALLE else actie,
            groep_id=groep or None,
            limiet=PAGINA,
            vanaf=(int(pagina) - 1) * PAGINA,
        )
    except ValidationError as error:
        st.error(str(error.errors()[0].get("ctx", {}).get("error", "De zoekopdracht is ongeldig.")))
        return None


def show_audit_results(zoek: AuditFilter) -> int:
    """The matching records, newest first, one page; returns the total count."""
    totaal = count_audit(engine(), zoek)
    if totaal == 0:
        st.info("Geen records gevonden. Kies een langere periode of minder voorwaarden.")
        return 0
    frame = search_audit(engine(), zoek)
    paginas = (totaal + PAGINA - 1) // PAGINA
    pagina = zoek.vanaf // PAGINA + 1
    st.caption(
        f"{totaal} records gevonden, nieuwste eerst · pagina {pagina} van {paginas} ({PAGINA} per pagina)."
    )
    if frame.is_empty():
        st.info(f"Deze pagina is leeg: er zijn {paginas} pagina's.")
        return totaal
    table = frame.with_columns(
        pl.col("tijdstip").dt.strftime("%d-%m-%Y %H:%M:%S"),
        pl.col("categorie").replace_strict(CATEGORIE_LABELS, default=pl.col("categorie")),
    ).rename(AUDIT_KOLOMMEN)
    st.dataframe(table, hide_index=True, key="audit_resultaten")
    return totaal


def _maker(identity: Identity, zoek: AuditFilter, formaat: Literal["csv", "xlsx"]) -> Callable[[], bytes]:
    """Build (and audit) the export only when the user clicks."""

    def make() -> bytes:
        inhoud = export_audit(engine(), identity, zoek, formaat).inhoud
        refresh_data()
        return inhoud

    return make


def show_audit_export(identity: Identity, zoek: AuditFilter) -> None:
    """CSV and XLSX of every matching record (all pages); the export is itself recorded."""
    naam = f"auditlog-{zoek.van or 'begin'}-{zoek.tot or 'nu'}"
    left, right = st.columns(2)
    for column, formaat, mime in (
        (left, "csv", "text/csv"),
        (right, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ):
        column.download_button(
            f"Exporteren als {formaat.upper()}",
            data=_maker(identity, zoek, formaat),
            file_name=f"{naam}.{formaat}",
            mime=mime,
            on_click="ignore",
            key=f"audit_export_{formaat}",
            help="Alle gevonden records (alle pagina's). De export zelf wordt vastgelegd in het auditlog.",
        )


def show_integrity_check() -> None:
    """Recompute the hash chain on request and say whether the trail is intact."""
    st.subheader("Integriteit")
    st.caption(
        "Elk record bevat de hash van het vorige: wie een record wijzigt, verwijdert of de laatste records "
        "weghaalt, breekt de keten. Ook vanaf de opdrachtregel: `python -m dashboard audit controleer`."
    )
    if not st.button("Integriteit controleren", key="audit_controleer"):
        return
    report = verify_chain(engine())
    if report.ok:
        st.success(report.melding)
    else:
        st.error(f"{report.melding} Meld dit direct aan de functionaris gegevensbescherming.")
