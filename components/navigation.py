"""The page registry and this session's navigation, built from the user's role."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import streamlit as st

from dashboard.access import Identity, Permissie, has_permission
from pages import (
    auditlog,
    beheer,
    betrokkenen,
    driehoek,
    groep,
    groepsscan,
    importeren,
    inloggen,
    kaart,
    overzicht,
    plan,
    prioritering,
    trends,
)

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["PAGES", "PageSpec", "allowed_specs", "login_pages", "pages_for"]


class PageSpec(NamedTuple):
    """A page: its render function, title, URL path, icon and the permission it needs."""

    render: Callable[[], None]
    title: str
    url_path: str
    icon: str
    permissie: Permissie


# Pages not allowed for the role are left out of st.navigation, so their URL cannot be opened.
PAGES: tuple[PageSpec, ...] = (
    PageSpec(overzicht.render, "Overzicht", "overzicht", ":material/dashboard:", "aggregaten"),
    PageSpec(kaart.render, "Kaart", "kaart", ":material/map:", "aggregaten"),
    PageSpec(
        prioritering.render, "Prioritering", "prioritering", ":material/format_list_numbered:", "aggregaten"
    ),
    PageSpec(trends.render, "Trends", "trends", ":material/monitoring:", "aggregaten"),
    PageSpec(groep.render, "Groep", "groep", ":material/groups:", "groepsdetail"),
    PageSpec(
        groepsscan.render, "Groepsscan invoeren", "groepsscan", ":material/edit_note:", "groepsscan_invoer"
    ),
    PageSpec(driehoek.render, "Driehoeksoverleg", "driehoek", ":material/gavel:", "driehoek"),
    PageSpec(plan.render, "Plan van aanpak", "plan", ":material/checklist:", "plan_van_aanpak"),
    PageSpec(importeren.render, "Importeren", "importeren", ":material/upload_file:", "importeren"),
    PageSpec(beheer.render, "Gebruikers", "beheer", ":material/manage_accounts:", "beheer"),
    PageSpec(auditlog.render, "Auditlog", "auditlog", ":material/policy:", "audit"),
    PageSpec(betrokkenen.render, "Rechten van betrokkenen", "betrokkenen", ":material/badge:", "inzage"),
)


def allowed_specs(identity: Identity) -> list[PageSpec]:
    """The pages the user's role may open, in menu order."""
    return [spec for spec in PAGES if has_permission(identity, spec.permissie)]


def pages_for(identity: Identity) -> list[st.Page]:
    """This session's pages; the first allowed one is the start page."""
    return [
        st.Page(spec.render, title=spec.title, url_path=spec.url_path, icon=spec.icon, default=index == 0)
        for index, spec in enumerate(allowed_specs(identity))
    ]


def login_pages() -> list[st.Page]:
    """The login, also under every page's address: a bookmark or expired session lands on the login."""
    login = st.Page(inloggen.render, title="Inloggen", url_path="inloggen", default=True)
    return [login, *(st.Page(inloggen.render, title="Inloggen", url_path=spec.url_path) for spec in PAGES)]
