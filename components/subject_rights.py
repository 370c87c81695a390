"""Rechten van betrokkenen: find a person, show what is held on them, and make the inzage and the letter."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import polars as pl
import streamlit as st

from components.data import engine
from components.view_log import VIEW_CAPTION, record_view_once
from dashboard.presentation import format_date, format_number
from dashboard.privacy.export import INZAGE_FORMATEN, MIME, export_inzage, export_letter
from dashboard.privacy.inzage import MIN_ZOEK, Inzage, InzageError, find_persons, load_inzage

if TYPE_CHECKING:
    from dashboard.access import Identity

__all__ = ["choose_person", "show_downloads", "show_person"]

FORMAAT_LABELS = {"json": "JSON", "pdf": "PDF", "docx": "Word"}


def _today() -> dt.date:
    return dt.datetime.now(tz=dt.UTC).date()


def choose_person(identity: Identity) -> str | None:
    """A search box (name or persoonsnummer) and a choice among the persons found inside the user's area."""
    term = st.text_input(
        "Zoek een persoon",
        key="betrokkenen_zoek",
        placeholder="Naam of persoonsnummer, bijvoorbeeld P-0001234",
        help="Alleen personen die in een groep binnen uw gebied staan. Minstens twee tekens.",
    )
    if len(term.strip()) < MIN_ZOEK:
        st.info("Typ een naam of persoonsnummer om te zoeken.")
        return None
    found = find_persons(engine(), identity.scope, term)
    if found.is_empty():
        st.info("Geen persoon gevonden binnen uw gebied. Controleer de spelling of zoek op persoonsnummer.")
        return None
    if not record_view_once(  # the search term itself is not recorded: it may be a name
        "personen_gezocht", object_type="zoekopdracht", object_id="", groep_id=None, peildatum=None,
        aantal=found.height, sleutel=term.strip().lower(),
    ):  # fmt: skip
        return None
    labels = {
        row["persoon_id"]: f"{row['naam']} ({row['persoon_id']}), geboren "
        f"{format_date(row['geboortedatum'], short=True)} · {row['groepen']}"
        for row in found.iter_rows(named=True)
    }
    return st.selectbox(
        f"Gevonden: {format_number(found.height)}",
        options=list(labels),
        format_func=labels.__getitem__,
        index=None,
        placeholder="Kies een persoon",
        key="betrokkenen_persoon",
    )


def show_person(identity: Identity, persoon_id: str) -> Inzage | None:
    """What the system holds on the person (inside the user's area); recorded as a view."""
    try:
        inzage = load_inzage(engine(), identity, persoon_id, _today())
    except InzageError as error:
        st.error(str(error))
        return None
    if not record_view_once(
        "persoon_bekeken",
        object_type="persoon",
        object_id=persoon_id,
        groep_id=None,
        peildatum=None,
        aantal=1,
    ):
        return None
    p = inzage.persoon
    st.subheader(f"{p.naam} ({p.persoon_id})")
    datum = format_date(inzage.verwijderdatum) if inzage.verwijderdatum else "direct"
    st.caption(f"Geboren {format_date(p.geboortedatum)} · Verwijderen op {datum} ({inzage.bewaargrond})")
    leden = pl.DataFrame([m.model_dump() for m in inzage.lidmaatschappen])
    st.markdown("**Groepen**")
    st.dataframe(
        leden.select("werknaam", "gemeente_naam", "rol", "van", "tot", "bron"),
        hide_index=True,
        column_config={
            "werknaam": "Groep",
            "gemeente_naam": "Gemeente",
            "rol": "Rol",
            "van": st.column_config.DateColumn("Van", format="DD-MM-YYYY"),
            "tot": st.column_config.DateColumn("Tot", format="DD-MM-YYYY"),
            "bron": "Bron",
        },
        key="betrokkenen_groepen",
    )
    if inzage.lidmaatschappen_buiten_gebied:
        st.caption(f"Ook {inzage.lidmaatschappen_buiten_gebied} lidmaatschap(pen) buiten uw gebied.")
    rollen = pl.Series([r.rol for r in inzage.registraties], dtype=pl.String).value_counts(sort=True)
    tekst = ", ".join(f"{n}× {rol}" for rol, n in rollen.iter_rows()) or "geen"
    st.markdown(f"**Politieregistraties:** {len(inzage.registraties)} ({tekst})")
    st.markdown(f"**Vastleggingen in het auditlog:** {len(inzage.vastleggingen)}")
    st.caption(VIEW_CAPTION)
    return inzage


def show_downloads(identity: Identity, inzage: Inzage) -> None:
    """Buttons for the inzage (JSON, PDF, Word) and the information letter per group (PDF, Word)."""
    db, persoon_id, today = engine(), inzage.persoon.persoon_id, _today()
    st.subheader("Inzage exporteren")
    st.caption("Alles wat het systeem over deze persoon bevat. Elke export wordt vastgelegd in het auditlog.")
    for column, formaat in zip(st.columns(len(INZAGE_FORMATEN)), INZAGE_FORMATEN, strict=True):
        column.download_button(
            FORMAAT_LABELS[formaat],
            data=lambda f=formaat: export_inzage(db, identity, persoon_id, formaat=f, peildatum=today).inhoud,
            file_name=f"inzage-{persoon_id}-{today:%Y%m%d}.{formaat}",
            mime=MIME[formaat],
            on_click="ignore",
            key=f"betrokkenen_inzage_{formaat}",
            help="Wordt gemaakt bij het klikken.",
        )
    st.subheader("Informatiebrief")
    if not inzage.lidmaatschappen:
        st.info("Deze persoon staat in geen groep binnen uw gebied: er is geen informatiebrief te maken.")
        return
    groepen = {m.groep_id: f"{m.werknaam} ({m.gemeente_naam})" for m in inzage.lidmaatschappen}
    groep_id = st.selectbox(
        "Over de aanpak van groep", options=list(groepen), format_func=groepen.__getitem__,
        index=len(groepen) - 1, key="betrokkenen_brief_groep",
    )  # fmt: skip
    st.caption("Aan de jongere en de ouders of verzorgers: welke gegevens, waarom, hoe lang, en hun rechten.")
    for column, formaat in zip(st.columns(2), ("pdf", "docx"), strict=True):
        column.download_button(
            FORMAAT_LABELS[formaat],
            data=lambda f=formaat: (
                export_letter(db, identity, persoon_id, groep_id=groep_id, formaat=f, peildatum=today).inhoud
            ),
            file_name=f"informatiebrief-{persoon_id}-{groep_id}.{formaat}",
            mime=MIME[formaat],
            on_click="ignore",
            key=f"betrokkenen_brief_{formaat}",
            help="Wordt gemaakt bij het klikken.",
        )
