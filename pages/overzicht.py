"""Overzicht: the user's scope in figures."""

from __future__ import annotations

import streamlit as st

from components.data import area_names, groups_in_scope
from components.session import current_identity
from dashboard.access import has_permission
from dashboard.overview import summarise_groups


def render() -> None:
    """Show key figures and the groups of the user's scope."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "aggregaten"):
        st.error("U heeft geen toegang tot dit overzicht.")
        return
    st.title("Overzicht")
    st.caption(f"Gebied: {identity.scope.describe(area_names())} · rol: {identity.rol_label}")
    groups = groups_in_scope(identity.scope)
    if groups.is_empty():
        st.info("Er zijn geen jeugdgroepen bekend in uw gebied.")
        return
    summary = summarise_groups(groups)
    columns = st.columns(4)
    columns[0].metric("Groepen", summary.groepen, help="Alle bekende groepen in uw gebied.")
    columns[1].metric(
        "Problematisch",
        summary.problematisch,
        help="Groepen die in stap 2A als problematisch zijn beoordeeld.",
    )
    columns[2].metric(
        "In aanpak", summary.in_aanpak, help="Groepen in stap 5 of 6: plan van aanpak of uitvoering."
    )
    columns[3].metric("Gemeenten", summary.gemeenten, help="Gemeenten met minstens een groep.")
    st.subheader("Groepen per stap")
    st.dataframe(summary.per_stap, hide_index=True, column_config={"stap": "Stap", "groepen": "Groepen"})


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
