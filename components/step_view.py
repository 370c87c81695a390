"""The group's step in the werkproces on the group page: current step, history, and moving it."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import polars as pl
import streamlit as st

from components.data import engine, refresh_data
from dashboard.access import AccessDeniedError, has_permission
from dashboard.domain import BEOORDELING_2A, STAP_LABELS, STAPPEN
from dashboard.groups.detail import BEOORDELING_2A_LABELS
from dashboard.process.steps import NA_2A, StepError, StepState, load_step_state, move_step
from dashboard.storage.locking import ConcurrentEditError

if TYPE_CHECKING:
    from dashboard.access import Identity
    from dashboard.groups.detail import GroupDetail

__all__ = ["show_step"]

ZONE = ZoneInfo("Europe/Amsterdam")
_DONE = "stap_gewijzigd_melding"
_REFUSED = "stap_geweigerd_melding"  # shown above the (collapsed) expander, so the user sees it


def _version_key(groep_id: str) -> str:
    return f"stap_versie_{groep_id}"


def _history_table(state: StepState) -> None:
    history = state.geschiedenis
    if history.is_empty():
        st.caption("Nog geen stapwijzigingen vastgelegd in de app.")
        return
    st.dataframe(
        history.select(
            pl.col("tijdstip").dt.convert_time_zone(ZONE.key).dt.strftime("%d-%m-%Y %H:%M").alias("Wanneer"),
            (pl.col("van_stap") + " → " + pl.col("naar_stap")).alias("Stap"),
            pl.col("gebruiker").alias("Door"),
            pl.col("reden").alias("Reden"),
        ),
        hide_index=True,
        width="stretch",
    )


def _move_form(identity: Identity, state: StepState) -> None:
    """A small form: the new step, the 2A outcome and the reason; refuses stale or gated changes."""
    # The version shown at the previous run is the one this user started from; a stale form is refused.
    key = _version_key(state.groep_id)
    versie = st.session_state.get(key, state.versie)
    st.session_state[key] = state.versie
    with st.form(f"stap_form_{state.groep_id}", border=False):
        naar = st.selectbox(
            "Naar stap", STAPPEN, index=STAPPEN.index(state.stap), format_func=lambda s: STAP_LABELS[s]
        )
        beoordeling = st.selectbox(
            "Beoordeling stap 2A",
            BEOORDELING_2A,
            index=BEOORDELING_2A.index(state.beoordeling_2a),
            format_func=lambda b: BEOORDELING_2A_LABELS[b],
            help="Alleen een groep die in stap 2A als problematisch is beoordeeld, gaat door naar stap 2B en "
            "verder (namenlijst, groepsscan). Niet problematisch: lichte interventies.",
        )
        reden = st.text_area("Reden", placeholder="Waarom verandert de stap? Bijvoorbeeld: besluit driehoek.")
        if not st.form_submit_button("Stap wijzigen", icon=":material/move_up:"):
            return
    try:
        new = move_step(engine(), identity, state.groep_id, naar, reden, versie, beoordeling_2a=beoordeling)
    except (StepError, AccessDeniedError) as error:
        st.session_state[_REFUSED] = str(error)
        st.rerun()
    except ConcurrentEditError as error:  # the new version shows at the next run; the input stays
        st.session_state[_REFUSED] = f"{error} De stap hieronder is inmiddels bijgewerkt."
        refresh_data()
        st.rerun()
    st.session_state[key] = new
    st.session_state[_DONE] = f"De groep staat nu in stap {STAP_LABELS[naar]}."
    refresh_data()
    st.rerun()


def show_step(identity: Identity, detail: GroupDetail) -> None:
    """The step history in an expander (the header shows the step) and, with 'stap_wijzigen', a form."""
    state = load_step_state(engine(), identity, detail.groep.groep_id)
    if state is None:
        return
    if message := st.session_state.pop(_DONE, None):
        st.success(message, icon=":material/check:")
    refused = st.session_state.pop(_REFUSED, None)
    if refused:
        st.error(refused, icon=":material/block:")
    title = f"Werkproces: geschiedenis van de stappen ({state.geschiedenis.height})"
    with st.expander(title, expanded=bool(refused)):
        if state.stap in NA_2A:
            st.caption("In stap 2A als problematisch beoordeeld: namenlijst en groepsscan zijn toegestaan.")
        _history_table(state)
        if has_permission(identity, "stap_wijzigen"):
            st.markdown("**Stap wijzigen**")
            _move_form(identity, state)
