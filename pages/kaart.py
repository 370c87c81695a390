"""Kaart: the scope's groups on a map, with the same groups in a table beside it."""

from __future__ import annotations

import streamlit as st

from components.data import area_names, latest_peildatum, scope_scores
from components.filters import group_filters
from components.map_view import show_group_map, show_group_table
from components.peildatum import choose_peildatum
from components.session import current_identity
from dashboard.access import has_permission
from dashboard.filtering import apply_group_filter
from dashboard.presentation import format_date


def render() -> None:
    """Show the filters, the map and the table of the groups in the user's scope."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "aggregaten"):
        st.error("U heeft geen toegang tot de kaart.")
        return
    st.title("Kaart")
    peildatum = choose_peildatum(latest_peildatum())
    names = area_names()
    scores = scope_scores(identity.scope, peildatum)
    st.caption(
        f"Gebied: {identity.scope.describe(names)} · peildatum {format_date(peildatum)} · "
        "cirkels op de hangplekken, kleur en symbool naar band, grootte naar aantal leden"
    )
    if scores.groepen.is_empty():
        st.info("Er zijn op deze peildatum geen actieve groepen in uw gebied. Kies een andere peildatum.")
        return
    groups = apply_group_filter(scores.groepen, group_filters(scores.groepen, "kaart", names))
    st.markdown(
        f"**{groups.height} van {scores.groepen.height} groepen**",
        help="Groepen die aan de filters voldoen, van alle actieve groepen in uw gebied op de peildatum.",
    )
    if groups.is_empty():
        st.info("Geen groepen voldoen aan deze filters. Maak een filter leeg of kies andere waarden.")
        return
    map_column, table_column = st.columns([1, 1])
    with map_column:
        show_group_map(scores, groups, key="kaart_map")
    with table_column:
        show_group_table(groups, key="kaart")


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
