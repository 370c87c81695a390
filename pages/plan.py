"""Plan van aanpak: per prioritised group the interventions per track; add them and keep them current."""

from __future__ import annotations

import streamlit as st

from components.data import area_names, engine, latest_peildatum
from components.links import group_link
from components.peildatum import choose_peildatum
from components.plan_editor import choose_plan_group, edit_forms, intervention_form, save, show_saved
from components.plan_view import EMPTY, show_progress, show_tracks
from components.session import current_identity
from dashboard.access import has_permission
from dashboard.presentation import format_date
from dashboard.process.plan import (
    InterventieCreate,
    InterventieUpdate,
    add_intervention,
    load_plan,
    load_plan_groups,
    parse_input,
    update_intervention,
)

NIET_MEER = (
    "Deze groep is niet (meer) geprioriteerd: u kunt de bestaande interventies bijwerken of afronden, "
    "maar geen nieuwe toevoegen."
)


def render() -> None:
    """Choose a prioritised group in scope, see its plan per track, add and change interventions."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "plan_van_aanpak"):
        st.error("U heeft geen toegang tot het plan van aanpak.")
        return
    peildatum = choose_peildatum(latest_peildatum())
    st.title("Plan van aanpak")
    st.caption(
        f"Gebied: {identity.scope.describe(area_names())} · te laat = deadline vóór de peildatum "
        f"{format_date(peildatum)} en niet afgerond of vervallen"
    )
    show_saved()
    groups = load_plan_groups(engine(), identity.scope)
    if groups.is_empty():
        st.info(
            "Er zijn in uw gebied geen geprioriteerde groepen. Een plan van aanpak volgt op het besluit "
            "van de driehoek (stap 4) of hoort bij een groep in stap 5 of 6."
        )
        return
    choice = choose_plan_group(groups, st.query_params.get("groep"))
    if choice is None:
        st.info("Kies hierboven een groep om het plan te zien en bij te werken.")
        return
    groep_id, prioritised = choice
    group_link(groep_id, "Naar de groepspagina")
    plan = load_plan(engine(), identity.scope, groep_id)
    if plan.is_empty():
        st.info(f"{EMPTY} Voeg hieronder de eerste interventie toe.")
    else:
        show_progress(plan, peildatum)
        show_tracks(plan, peildatum)
    change = edit_forms(plan)
    if change is not None:
        save(
            lambda: update_intervention(engine(), identity, parse_input(InterventieUpdate, change)),
            "De wijziging is opgeslagen.",
        )
    if not prioritised:
        st.info(NIET_MEER)
        return
    new = intervention_form(groep_id)
    if new is not None:
        save(
            lambda: add_intervention(engine(), identity, parse_input(InterventieCreate, new)),
            "De interventie is toegevoegd aan het plan.",
        )


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
