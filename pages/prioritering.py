"""Prioritering: the scope's groups ranked by priority, filtered, compared and exported."""

from __future__ import annotations

import streamlit as st

from components.data import area_names, latest_peildatum
from components.filters import group_filters
from components.meeting_pack import show_meeting_pack
from components.peildatum import choose_peildatum
from components.ranking import (
    export_buttons,
    ranked_groups,
    show_comparison,
    show_counts,
    show_group_links,
    show_ranking,
)
from components.session import current_identity
from dashboard.access import has_permission
from dashboard.exports import ranking_table
from dashboard.filtering import apply_group_filter
from dashboard.presentation import format_date

KEY = "prioritering"


def render() -> None:
    """Show the ranked table with filters, the comparison of selected groups, and the exports."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "aggregaten"):
        st.error("U heeft geen toegang tot de prioritering.")
        return
    st.title("Prioritering")
    peildatum = choose_peildatum(latest_peildatum())
    names = area_names()
    st.caption(
        f"Gebied: {identity.scope.describe(names)} · peildatum {format_date(peildatum)} · "
        "hoogste prioriteitsscore eerst"
    )
    groups, bands = ranked_groups(identity.scope, peildatum)
    if groups.is_empty():
        st.info(
            "Er zijn op deze peildatum geen actieve groepen in uw gebied. Kies een andere peildatum links."
        )
        return
    shown = apply_group_filter(groups, group_filters(groups, KEY, names))
    show_counts(shown, groups.height, bands)
    if shown.is_empty():
        st.info("Geen groepen voldoen aan de filters. Maak een filter leeg om meer groepen te zien.")
        return
    table = ranking_table(shown, names)
    rows = show_ranking(table, KEY)
    show_group_links(shown, rows)
    st.subheader("Groepen vergelijken")
    show_comparison(shown, rows)
    st.subheader("Exporteren")
    export_buttons(table, identity.scope, peildatum, KEY)
    show_meeting_pack(identity, shown, rows, peildatum)


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
