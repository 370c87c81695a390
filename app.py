"""Groepsbeeld: the entrypoint configures the app and builds this session's navigation from its role."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.banners import show_sample_banner
from components.data import area_names, dataset_info
from components.links import remember_pages
from components.session import current_identity, sign_out
from dashboard.access import Identity, Permissie, has_permission
from pages import groep, inloggen, kaart, overzicht, prioritering, trends

# (render function, title, url path, icon, permission needed). Pages not allowed for the role are
# left out of st.navigation, so their URL cannot be opened in this session.
PAGES: tuple[tuple[object, str, str, str, Permissie], ...] = (
    (overzicht.render, "Overzicht", "overzicht", ":material/dashboard:", "aggregaten"),
    (kaart.render, "Kaart", "kaart", ":material/map:", "aggregaten"),
    (prioritering.render, "Prioritering", "prioritering", ":material/format_list_numbered:", "aggregaten"),
    (trends.render, "Trends", "trends", ":material/monitoring:", "aggregaten"),
    (groep.render, "Groep", "groep", ":material/groups:", "groepsdetail"),
)


ICON = Path(__file__).resolve().parent / "components" / "groepsbeeld.png"  # local: no icon CDN


def _login_pages() -> list[st.Page]:
    """The login, also under every page's address: a bookmark or expired session lands on the login."""
    login = st.Page(inloggen.render, title="Inloggen", url_path="inloggen", default=True)
    aliases = [st.Page(inloggen.render, title="Inloggen", url_path=path) for _r, _t, path, _i, _p in PAGES]
    return [login, *aliases]


def _pages_for(identity: Identity) -> list[st.Page]:
    return [
        st.Page(render, title=title, url_path=path, icon=icon, default=index == 0)  # type: ignore[arg-type]
        for index, (render, title, path, icon, permissie) in enumerate(PAGES)
        if has_permission(identity, permissie)
    ]


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
    pages = _pages_for(identity) if identity is not None else []
    if not pages:
        st.navigation(_login_pages(), position="hidden").run()
        return
    _sidebar(identity)  # type: ignore[arg-type]  (pages is only non-empty for a signed-in user)
    remember_pages(pages)
    st.navigation(pages).run()


main()
