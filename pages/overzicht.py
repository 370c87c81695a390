"""Overzicht: the user's scope in key figures and on the map."""

from __future__ import annotations

import streamlit as st

from components.data import area_names, latest_peildatum, scope_scores
from components.map_view import show_group_map
from components.meeting_agenda import meeting_agenda
from components.overview_view import show_band_tiles, show_work_tiles
from components.peildatum import choose_peildatum
from components.session import current_identity
from dashboard.access import has_permission
from dashboard.overview import summarise_scope
from dashboard.presentation import format_date


def render() -> None:
    """Show key figures, the map and the groups per step of the user's scope."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "aggregaten"):
        st.error("U heeft geen toegang tot dit overzicht.")
        return
    peildatum = choose_peildatum(latest_peildatum())
    st.title("Overzicht")
    st.caption(
        f"Gebied: {identity.scope.describe(area_names())} · rol: {identity.rol_label} · "
        f"peildatum {format_date(peildatum)}"
    )
    scores = scope_scores(identity.scope, peildatum)
    if scores.groepen.is_empty():
        st.info("Er zijn op deze peildatum geen actieve jeugdgroepen in uw gebied.")
        return
    overview = summarise_scope(scores, meeting_agenda(identity.scope, scores))
    show_work_tiles(overview)
    st.subheader("Groepen per band", help="Aantal nu en de verandering ten opzichte van een kwartaal eerder.")
    show_band_tiles(overview, scores.config)
    st.subheader("Kaart", help="Groepen op hun hangplekken, gekleurd naar band; klik een groep voor details.")
    show_group_map(scores, scores.groepen, key="overzicht_kaart", height=460)
    st.subheader("Groepen per stap")
    st.dataframe(overview.per_stap, hide_index=True, column_config={"stap": "Stap", "groepen": "Groepen"})


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
