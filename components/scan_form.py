"""The groepsscan form: choose a group, edit the scan, save a draft or make it definitief.

The input lives in the widgets' session state, so a refused save (someone else saved first) loses
nothing: the user's input stays, with the choice to save it over the new version or to load that one.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import polars as pl
import streamlit as st
from pydantic import ValidationError

from components.data import engine, refresh_data
from components.links import group_link
from components.scan_people import init_people, member_values
from components.scan_places import init_places, place_values
from components.scan_ratings import init_ratings, rating_values
from components.view_log import record_view_once
from dashboard.access import AccessDeniedError, has_permission
from dashboard.presentation import band_label, format_date
from dashboard.process.scan_store import ScanForm, delete_draft, finish_scan, load_form, save_draft
from dashboard.process.scan_text import load_people
from dashboard.process.scans import ScanDraft, ScanError, ScanFinal, can_finish, can_rate, dutch_errors
from dashboard.storage.locking import ConcurrentEditError

if TYPE_CHECKING:
    from dashboard.access import Identity

__all__ = ["choose_scan_group", "current_form", "edit_scan"]

_FORM, _GROUP, _DONE, _CONFLICT = "scan_form", "scan_groep", "scan_melding", "scan_conflict"
PLATFORMS = ("Snapchat", "TikTok", "Instagram", "WhatsApp", "Telegram", "YouTube", "Signal")


def choose_scan_group(groups: pl.DataFrame, current: str | None) -> str | None:
    """A selectbox of the scope's groups judged problematic in step 2A (only they may get a scan)."""
    allowed = groups.filter(pl.col("beoordeling_2a") == "problematisch").sort("werknaam")
    labels = {
        row["groep_id"]: f"{row['werknaam']} · stap {row['stap']} · {band_label(row['band'])}"
        for row in allowed.iter_rows(named=True)
    }
    if current in labels and _GROUP not in st.session_state:
        st.session_state[_GROUP] = current
    choice = st.selectbox(
        "Groep", list(labels), index=None, format_func=labels.__getitem__, key=_GROUP,
        placeholder="Kies een groep uit uw gebied",
        help="Alleen groepen die in stap 2A als problematisch zijn beoordeeld: voor andere groepen wordt "
        "geen groepsscan gemaakt (dataminimalisatie).",
    )  # fmt: skip
    return str(choice) if choice else None


def _people(identity: Identity, groep_id: str) -> pl.DataFrame | None:
    """Names of the group's (former) members; None without 'namenlijst' or if the view is not logged."""
    if not has_permission(identity, "namenlijst"):
        return None
    people = load_people(engine(), identity, groep_id)
    logged = record_view_once(
        "namen_bekeken", object_type="groepsscan", object_id=groep_id, groep_id=groep_id, peildatum=None,
        aantal=people.height,
    )  # fmt: skip
    return people if logged else None


def _load(identity: Identity, groep_id: str, datum: dt.date) -> ScanForm | None:
    """Read the group's draft (or start a new scan) and put it into the widgets."""
    try:
        form = load_form(engine(), identity, groep_id, datum)
    except (ScanError, AccessDeniedError) as error:
        st.error(str(error))
        return None
    st.session_state[_FORM] = form
    st.session_state.pop(_CONFLICT, None)
    draft = form.draft
    st.session_state.update(
        scan_datum=draft.datum, scan_narratief=draft.narratief, scan_platforms=list(draft.online_platforms)
    )
    init_ratings(draft)
    init_places(draft)
    init_people(draft)
    return form


def current_form(identity: Identity, groep_id: str, datum: dt.date) -> ScanForm | None:
    """The form being edited for this group, loaded when the user picks another group."""
    form = st.session_state.get(_FORM)
    if isinstance(form, ScanForm) and form.draft.groep_id == groep_id:
        return form
    return _load(identity, groep_id, datum)


def _header(form: ScanForm) -> None:
    if message := st.session_state.pop(_DONE, None):
        st.success(message, icon=":material/check:")
        st.toast(message, icon=":material/check:")  # also seen when the page is scrolled to the buttons
    if form.scan_id is None:
        st.caption(
            "Nieuwe scan: begint bij de huidige gegevens van de groep en de beoordeling van de vorige scan."
        )
    else:
        moment = format_date(form.gewijzigd_op.date()) if form.gewijzigd_op else "onbekend"
        st.info(
            f"Concept, laatst opgeslagen op {moment} door {form.gewijzigd_door or 'onbekend'}.", icon="📝"
        )


def _values(identity: Identity, form: ScanForm, center: tuple[float, float]) -> dict[str, Any]:
    """Show every part of the form; return what is entered, as ScanDraft fields."""
    today = dt.datetime.now(tz=dt.UTC).date()
    datum = st.date_input("Datum van de scan", key="scan_datum", max_value=today, format="DD-MM-YYYY")
    narratief = st.text_area(
        "Narratief", key="scan_narratief", height=140,
        help="Het verhaal van de wijkagent: wat, waar en wanneer. Noem geen namen: het narratief staat "
        "letterlijk in de standaardrapportage en valt niet onder de bewaartermijnen; leden noteert u "
        "onder Groepsleden en rollen.",
    )  # fmt: skip
    platforms = st.multiselect(
        "Online platforms", list(dict.fromkeys([*PLATFORMS, *st.session_state["scan_platforms"]])),
        key="scan_platforms", accept_new_options=True, placeholder="Kies of typ een platform",
    )  # fmt: skip
    editable = can_rate(identity)
    ratings = rating_values(editable=editable, datum=datum)
    places = place_values(center)
    people = _people(identity, form.draft.groep_id)
    members = member_values(editable=editable, datum=datum, people=people)
    return {
        "groep_id": form.draft.groep_id, "datum": datum, "narratief": narratief,
        "online_platforms": platforms, "hangplekken": places, "leden": members, **ratings,
    }  # fmt: skip


def _validated(model: type[ScanDraft], values: dict[str, Any]) -> ScanDraft | None:
    try:
        return model.model_validate(values)
    except ValidationError as error:
        st.error("De scan is niet opgeslagen:\n\n- " + "\n- ".join(dutch_errors(error)))
        return None


def _conflict(identity: Identity, form: ScanForm) -> None:
    """A refused save: keep the input and save it over the new version, or load the new version."""
    st.error(st.session_state[_CONFLICT])
    keep, reload = st.columns(2)
    if keep.button("Mijn invoer houden en opnieuw opslaan", key="scan_houden"):
        fresh = load_form(engine(), identity, form.draft.groep_id, form.draft.datum)
        versions = fresh.model_dump(
            include={"groep_versie", "scan_id", "scan_versie", "gewijzigd_door", "gewijzigd_op"}
        )
        st.session_state[_FORM] = form.model_copy(update=versions)
        st.session_state.pop(_CONFLICT)
        st.rerun()
    if reload.button("Mijn invoer weggooien en de nieuwe versie laden", key="scan_herladen"):
        st.session_state.pop(_FORM)  # the next run loads the new version into the widgets
        st.rerun()


def _act(identity: Identity, form: ScanForm, values: dict[str, Any], action: str) -> None:
    """Save, finish or delete; on success refresh every cache (scores, map, ranking) and rerun."""
    try:
        if action == "verwijderen":
            delete_draft(engine(), identity, form)
            message = "Het concept is verwijderd."
        elif action == "opslaan" and (draft := _validated(ScanDraft, values)):
            st.session_state[_FORM] = save_draft(engine(), identity, form, draft)
            message = "Concept opgeslagen. U of een collega kan het later afmaken."
        elif action == "definitief" and (final := _validated(ScanFinal, values)):
            finish_scan(engine(), identity, form, ScanFinal.model_validate(final.model_dump()))
            message = "Groepsscan definitief gemaakt. De scores, de kaart en de prioritering zijn bijgewerkt."
        else:
            return
    except ConcurrentEditError as error:
        st.session_state[_CONFLICT] = str(error)
        refresh_data()
        st.rerun()
    except (ScanError, AccessDeniedError) as error:
        st.error(str(error))
        return
    refresh_data()
    if action != "opslaan":  # the next run starts anew from the group as it now stands
        st.session_state.pop(_FORM, None)
    st.session_state[_DONE] = message
    st.rerun()


def edit_scan(identity: Identity, form: ScanForm, center: tuple[float, float]) -> None:
    """The whole form and its buttons: save a draft, make it definitief (specialist), delete the draft."""
    _header(form)
    values = _values(identity, form, center)
    if st.session_state.get(_CONFLICT):
        _conflict(identity, form)
        return
    save, finish, remove = st.columns(3)
    if save.button("Concept opslaan", icon=":material/save:", key="scan_opslaan"):
        _act(identity, form, values, "opslaan")
    if can_finish(identity):
        if finish.button(
            "Definitief maken", type="primary", icon=":material/task_alt:", key="scan_definitief"
        ):
            _act(identity, form, values, "definitief")
    else:
        finish.caption("De specialist jeugdgroepen maakt de scan definitief.")
    if form.scan_id and remove.button(
        "Concept verwijderen", icon=":material/delete:", key="scan_verwijderen"
    ):
        _act(identity, form, values, "verwijderen")
    group_link(form.draft.groep_id, f"Naar de groepspagina van {form.werknaam}")
