"""Gebruikers: the beheerder manages users, roles, scopes and blocks; every change is audited."""

from __future__ import annotations

import streamlit as st

from components.session import current_identity
from components.user_admin import show_add_form, show_change_forms, show_flash, show_policy, show_users
from dashboard.access import has_permission


def render() -> None:
    """List the users; add one; change a user's rights or block them (each with a reason)."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "beheer"):
        st.error("U heeft geen toegang tot het gebruikersbeheer.")
        return
    st.title("Gebruikers")
    st.caption(
        "Wie de app mag gebruiken, in welke rol en voor welk gebied. Elke wijziging vraagt een reden en "
        "wordt met die reden vastgelegd in het auditlog. Wat een rol mag zien, staat in het deelbeleid."
    )
    show_flash()
    users = show_users()
    toevoegen, wijzigen = st.tabs(["Gebruiker toevoegen", "Rechten of blokkade wijzigen"])
    with toevoegen:
        show_add_form(identity)
    with wijzigen:
        show_change_forms(identity, users)
    show_policy()


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
