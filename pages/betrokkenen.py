"""Rechten van betrokkenen: inzage in alles over één persoon en de informatiebrief (privacyfunctionaris)."""

from __future__ import annotations

import streamlit as st

from components.session import current_identity
from components.subject_rights import choose_person, show_downloads, show_person
from dashboard.access import has_permission


def render() -> None:
    """Search a person inside the user's area, show what is held, and make the inzage and the letter."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "inzage"):
        st.error("U heeft geen toegang tot de rechten van betrokkenen.")
        return
    st.title("Rechten van betrokkenen")
    st.caption(
        "Voor inzageverzoeken (art. 25 Wpg, art. 15 AVG) en de informatieplicht: zoek een persoon, bekijk "
        "wat het systeem over hem of haar bevat, exporteer de inzage en maak de informatiebrief voor de "
        "jongere en de ouders of verzorgers. Beantwoord een verzoek binnen zes weken."
    )
    persoon_id = choose_person(identity)
    if persoon_id is None:
        return
    inzage = show_person(identity, persoon_id)
    if inzage is not None:
        show_downloads(identity, inzage)


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
