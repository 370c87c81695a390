"""Groepsscan invoeren: a dated scan of a group (ratings, hangplekken, platforms, members), draft or final."""

from __future__ import annotations

import polars as pl
import streamlit as st

from components.data import latest_peildatum, scope_scores
from components.scan_form import choose_scan_group, current_form, edit_scan
from components.session import current_identity
from dashboard.access import has_permission

ROLES = (
    "De wijkagent vult de straatinformatie in (hangplekken en tijden, online platforms, narratief) en "
    "slaat die op als concept; de specialist jeugdgroepen beoordeelt het gedrag, houdt de leden bij en "
    "maakt de scan definitief. Alleen een definitieve scan telt mee in de scores."
)


def render() -> None:
    """Choose a group of the user's scope that passed step 2A, then enter or finish its scan."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "groepsscan_invoer"):
        st.error("U heeft geen toegang tot het invoeren van groepsscans.")
        return
    st.title("Groepsscan invoeren")
    st.caption(ROLES)
    peildatum = latest_peildatum()
    groups = scope_scores(identity.scope, peildatum).groepen
    if groups.filter(pl.col("beoordeling_2a") == "problematisch").is_empty():
        st.info(
            "Er zijn in uw gebied geen groepen die in stap 2A als problematisch zijn beoordeeld; "
            "voor andere groepen wordt geen groepsscan gemaakt."
        )
        return
    groep_id = choose_scan_group(groups, st.query_params.get("groep"))
    if groep_id is None:
        st.info("Kies hierboven een groep om een scan in te voeren of een concept af te maken.")
        return
    form = current_form(identity, groep_id, peildatum)
    if form is None:
        return
    row = groups.filter(pl.col("groep_id") == groep_id).row(0, named=True)
    edit_scan(identity, form, (row["lat"], row["lon"]))


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
