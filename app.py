"""Groepsbeeld: the entrypoint configures the app and builds this session's navigation from its role."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from components.data import area_names
from components.gate import admit
from components.incident import run_safely
from components.language import set_dutch_language
from components.links import remember_pages
from components.login import sign_out_everywhere
from components.navigation import login_pages, pages_for
from dashboard.policy import PolicyError, active_policy

if TYPE_CHECKING:
    from dashboard.access import Identity

ICON = Path(__file__).resolve().parent / "components" / "groepsbeeld.png"  # local: no icon CDN


def _sidebar(identity: Identity) -> None:
    with st.sidebar:
        scope = identity.scope.describe(area_names())
        st.markdown(f"**{identity.naam}**  \n{identity.rol_label}  \n{scope}")
        if st.button("Afmelden", key="afmelden"):
            sign_out_everywhere()


def main() -> None:
    """Configure the page, pass the login gate, and run the page this session may open."""
    st.set_page_config(page_title="Groepsbeeld", page_icon=str(ICON), layout="wide")
    set_dutch_language()
    try:
        active_policy()
    except PolicyError as error:  # an invalid sharing policy: refuse to run rather than guess
        st.error(f"Groepsbeeld start niet: het deelbeleid (DEELBELEID) is ongeldig. {error}")
        return
    identity = admit()  # shows the login, refusal or expiry page itself when there is no user
    if identity is None:
        return
    pages = pages_for(identity)
    if not pages:
        st.navigation(login_pages(), position="hidden").run()
        return
    _sidebar(identity)
    remember_pages(pages)
    run_safely(st.navigation(pages))


main()
