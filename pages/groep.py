"""Groep: one group explained: header, why this score, scans, hangplekken, members, overlap, advice."""

from __future__ import annotations

import streamlit as st

from components.advice_view import show_advice
from components.data import engine, latest_peildatum, scope_scores
from components.decision_view import show_decisions
from components.group_map import show_hangplekken
from components.group_picker import choose_group
from components.group_view import (
    show_flags,
    show_header,
    show_members,
    show_overlap,
    show_score_explanation,
    show_timeline,
)
from components.peildatum import choose_peildatum
from components.plan_view import show_plan
from components.report_buttons import show_report_buttons
from components.session import current_identity
from components.step_view import show_step
from dashboard.access import has_permission
from dashboard.groups.detail import load_group_detail

NOT_FOUND = "Deze groep bestaat niet of valt buiten uw gebied."


def render() -> None:
    """Show the group of ?groep= (or let the user choose one) as far as the user's role and scope allow."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "groepsdetail"):
        st.error("U heeft geen toegang tot groepspagina's.")
        return
    peildatum = choose_peildatum(latest_peildatum())
    groep_id = st.query_params.get("groep")
    if not groep_id:
        st.title("Groep")
    choose_group(scope_scores(identity.scope, peildatum).groepen, groep_id)
    if not groep_id:
        st.info("Kies hierboven een groep, of open een groep vanuit de kaart of de prioritering.")
        return
    detail = load_group_detail(engine(), identity, groep_id, peildatum)
    if detail is None:  # the same words whether it exists elsewhere or not at all
        st.error(NOT_FOUND)
        return
    show_header(detail)
    show_step(identity, detail)
    show_flags(detail)
    show_score_explanation(detail)
    show_timeline(detail)
    show_hangplekken(detail)
    show_members(detail)
    show_overlap(detail)
    show_advice(detail)
    show_decisions(identity, detail)
    show_plan(identity, detail)
    show_report_buttons(identity, groep_id, peildatum)


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
