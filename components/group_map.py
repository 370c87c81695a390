"""The group page's hangplekken: a mini map (self-hosted Leaflet) and the same places as a table."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st
from streamlit_folium import st_folium

from dashboard.maps.groups import build_hangplek_map
from dashboard.presentation import format_number
from dashboard.settings import Settings

if TYPE_CHECKING:
    import folium

    from dashboard.groups.detail import GroupDetail

__all__ = ["show_hangplekken"]


def _build_map(detail: GroupDetail, settings: Settings) -> folium.Map:
    return build_hangplek_map(
        detail.hangplekken,
        detail.meldingen,
        tiles=settings.kaart_tiles,
        attribution=settings.kaart_attributie,
        radius_m=detail.config.impact.straal_m,
    )


@st.fragment
def _map(detail: GroupDetail) -> None:
    st_folium(
        _build_map(detail, Settings()),
        key="groep_kaart",
        height=340,
        use_container_width=True,
        returned_objects=[],
    )


def show_hangplekken(detail: GroupDetail) -> None:
    """Map and table of the hangplekken with their meldingen and usual times."""
    st.subheader("Hangplekken")
    if detail.hangplekken.is_empty():
        st.info("Er zijn geen hangplekken van deze groep vastgelegd. De wijkagent kan ze toevoegen.")
        return
    maanden = detail.config.vensters.maanden
    straal = format_number(detail.config.impact.straal_m)
    _map(detail)
    st.caption(
        f"Cirkels: het gebied van {straal} m rond elke hangplek waarvan de meldingen meetellen voor de "
        f"impact. Warmtekaart: die meldingen jeugdoverlast in de laatste {maanden} maanden, geteld per vak "
        f"(nooit losse meldingen); {format_number(detail.meldingen.height)} in totaal."
    )
    st.dataframe(
        detail.hangplekken.select("naam", "meldingen", "tijden"),
        hide_index=True,
        column_config={
            "naam": st.column_config.TextColumn("Hangplek", width=260, help="Naam van de plek."),
            "meldingen": st.column_config.NumberColumn(
                "Meldingen",
                width=100,
                help=f"Meldingen jeugdoverlast binnen {straal} m van de plek, laatste {maanden} maanden.",
            ),
            "tijden": st.column_config.TextColumn(
                "Gebruikelijke tijden",
                help="Wanneer de groep er meestal is: dagen (ma-zo) en uren, bijvoorbeeld 'vr-za 20-24 u'.",
                width="large",
            ),
        },
        key="groep_hangplekken",
    )
