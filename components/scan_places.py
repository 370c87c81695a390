"""The hangplekken part of the scan form: a table (name, coordinates, times) and a map to pick a place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl
import streamlit as st
from streamlit_folium import st_folium

from dashboard.maps.base import new_map
from dashboard.maps.groups import build_hangplek_map
from dashboard.process.scan_text import format_times
from dashboard.settings import Settings

if TYPE_CHECKING:
    import folium

    from dashboard.process.scans import ScanDraft

__all__ = ["build_pick_map", "init_places", "place_values"]

_BASE, _VERSION = "scan_plekken_basis", "scan_plekken_versie"
_COLUMNS = ("naam", "lat", "lon", "tijden")
_SCHEMA = {
    "hangplek_id": pl.String,
    "naam": pl.String,
    "lat": pl.Float64,
    "lon": pl.Float64,
    "tijden": pl.String,
}
PICK_ZOOM = 14


def init_places(draft: ScanDraft) -> None:
    """Put the draft's hangplekken into the table (when a scan is loaded)."""
    st.session_state[_BASE] = [
        {
            **place.model_dump(include={"hangplek_id", "naam", "lat", "lon"}),
            "tijden": format_times(place.tijden),
        }
        for place in draft.hangplekken
    ]
    st.session_state[_VERSION] = st.session_state.get(_VERSION, 0) + 1


def _filled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with anything in them (an empty new row of the table is no hangplek)."""
    return [
        {**row, "tijden": row.get("tijden") or ""}
        for row in rows
        if any(row.get(c) not in (None, "") for c in _COLUMNS)
    ]


def build_pick_map(places: list[dict[str, Any]], center: tuple[float, float]) -> folium.Map:
    """The map to pick a place on: the places entered so far (with coordinates), else the group's area."""
    settings = Settings()
    frame = pl.DataFrame(
        [{**p, "hangplek_id": p.get("hangplek_id") or f"nieuw-{i}"} for i, p in enumerate(places)],
        schema=_SCHEMA,
    ).drop_nulls(["lat", "lon"])
    if frame.is_empty():
        return new_map(center, PICK_ZOOM, tiles=settings.kaart_tiles, attribution=settings.kaart_attributie)
    return build_hangplek_map(frame, None, tiles=settings.kaart_tiles, attribution=settings.kaart_attributie)


@st.fragment
def _map_picker(places: list[dict[str, Any]], center: tuple[float, float]) -> None:
    """Click the map, name the place, add it to the table (the map reruns only itself)."""
    returned = st_folium(
        build_pick_map(places, center), key="scan_kaart", height=360, use_container_width=True,
        returned_objects=["last_clicked"],
    )  # fmt: skip
    clicked = (returned or {}).get("last_clicked")
    if not clicked:
        st.caption("Klik op de kaart op de plek waar de groep samenkomt.")
        return
    lat, lon = round(float(clicked["lat"]), 5), round(float(clicked["lng"]), 5)
    naam = st.text_input(
        f"Naam van de hangplek op {lat:.5f}, {lon:.5f}".replace(".", ","), key="scan_plek_naam"
    )
    if st.button("Hangplek toevoegen", key="scan_plek_toevoegen", disabled=not naam.strip()):
        new = {"hangplek_id": None, "naam": naam.strip(), "lat": lat, "lon": lon, "tijden": ""}
        st.session_state[_BASE] = [*places, new]
        st.session_state[_VERSION] += 1
        st.rerun(scope="app")


def place_values(center: tuple[float, float]) -> list[dict[str, Any]]:
    """Show the hangplekken table and the map picker; return the hangplekken as entered."""
    st.subheader("Hangplekken en tijden")
    st.caption(
        "Voeg een rij toe en typ de coördinaten, of kies de plek op de kaart. "
        "Tijden als 'di 19-21, vr 20-24' (weekdag en uren). "
        "Een verwijderde rij haalt de hangplek weg bij het definitief maken."
    )
    edited = st.data_editor(
        pl.DataFrame(st.session_state[_BASE], schema=_SCHEMA),
        key=f"scan_plekken_{st.session_state[_VERSION]}",
        num_rows="dynamic",
        placeholder="—",
        hide_index=True,
        width="stretch",
        column_order=_COLUMNS,
        column_config={
            "naam": st.column_config.TextColumn("Naam", required=True, max_chars=200),
            "lat": st.column_config.NumberColumn(
                "Breedtegraad", format="%.5f", min_value=50.6, max_value=53.7
            ),
            "lon": st.column_config.NumberColumn("Lengtegraad", format="%.5f", min_value=3.2, max_value=7.3),
            "tijden": st.column_config.TextColumn("Tijden", help="Bijvoorbeeld: di 19-21, vr 20-24"),
        },
    )
    rows = _filled(
        edited.to_dicts() if isinstance(edited, pl.DataFrame) else pl.from_pandas(edited).to_dicts()
    )
    with st.expander("Hangplek kiezen op de kaart"):
        _map_picker(rows, center)
    return rows
