"""Auditlog: the beheerder and the privacy officer search and export the trail and check its integrity."""

from __future__ import annotations

import streamlit as st

from components.audit_view import (
    choose_audit_filter,
    show_audit_export,
    show_audit_results,
    show_integrity_check,
)
from components.session import current_identity
from components.user_admin import show_policy
from dashboard.access import has_permission


def render() -> None:
    """Search form, results (newest first, paged), export, and the integrity check."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "audit"):
        st.error("U heeft geen toegang tot het auditlog.")
        return
    st.title("Auditlog")
    st.caption(
        "Wie wat deed en wanneer: inloggen, inzage in persoonsgegevens, exports en wijzigingen, met de "
        "opgegeven reden. Het log is alleen-toevoegen en bevat nummers en aantallen, geen namen."
    )
    zoek = choose_audit_filter()
    if zoek is not None and show_audit_results(zoek):
        show_audit_export(identity, zoek)
    show_integrity_check()
    show_policy()


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
