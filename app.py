"""Groepsbeeld: the entrypoint configures the app and builds this session's navigation from its role."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from components.banners import show_sample_banner
from components.data import area_names, dataset_info
from components.links import remember_pages
from components.navigation import login_pages, pages_for
from components.session import current_identity, sign_out

if TYPE_CHECKING:
    from dashboard.access import Identity

ICON = Path(__file__).resolve().parent / "components" / "groepsbeeld.png"  # local: no icon CDN


def _sidebar(identity: Identity) -> None:
    with st.sidebar:
        scope = identity.scope.describe(area_names())
        st.markdown(f"**{identity.naam}**  \n{identity.rol_label}  \n{scope}")
        if st.button("Afmelden", key="afmelden"):
            sign_out()
            st.rerun()


def main() -> None:
    """Configure the page, show the sample marker, and run the page this session may open."""
    st.set_page_config(page_title="Groepsbeeld", page_icon=str(ICON), layout="wide")
    show_sample_banner(dataset_info())
    identity = current_identity()
    pages = pages_for(identity) if identity is not None else []
    if identity is None or not pages:
        st.navigation(login_pages(), position="hidden").run()
        return
    _sidebar(identity)
    remember_pages(pages)
    st.navigation(pages).run()


main()
