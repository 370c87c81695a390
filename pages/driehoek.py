"""Driehoeksoverleg: the agenda, a presentation mode for the meeting, and recording its decisions."""

from __future__ import annotations

import streamlit as st

from components.data import area_names, latest_peildatum, scope_scores
from components.decision_form import show_decision_form
from components.meeting_agenda import meeting_agenda, show_agenda
from components.meeting_present import show_presentation
from components.peildatum import choose_peildatum
from components.session import current_identity
from dashboard.access import has_permission
from dashboard.presentation import format_date

TABS = ("Agenda", "Presentatie")
RECORD_TAB = "Besluit vastleggen"


def render() -> None:
    """Show the agenda, the presentation and (for roles that may decide) the decision form."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "driehoek"):
        st.error("U heeft geen toegang tot het driehoeksoverleg.")
        return
    peildatum = choose_peildatum(latest_peildatum())
    st.title("Driehoeksoverleg")
    st.caption(f"Gebied: {identity.scope.describe(area_names())} · peildatum {format_date(peildatum)}")
    scores = scope_scores(identity.scope, peildatum)
    agenda = meeting_agenda(identity.scope, scores)
    may_record = has_permission(identity, "besluiten")
    tabs = st.tabs([*TABS, RECORD_TAB] if may_record else list(TABS), key="driehoek_tab")
    with tabs[0]:
        show_agenda(agenda)
    with tabs[1]:
        show_presentation(identity, agenda, scores)
    if may_record:
        with tabs[2]:
            show_decision_form(identity, scores.groepen, agenda)


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
