"""The group map: groups by band at their hangplekken; a click offers the group's page."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import polars as pl
import streamlit as st
from streamlit_folium import st_folium

from components.data import data_key
from components.links import can_open, open_group
from components.session import current_identity
from dashboard.maps.boundaries import BoundariesError, load_boundaries
from dashboard.maps.groups import build_group_map, clicked_groep_id, map_table
from dashboard.maps.layers import recent_meldingen
from dashboard.presentation import band_label, format_number
from dashboard.settings import Settings

if TYPE_CHECKING:
    import datetime as dt

    import folium

    from dashboard.scoring.service import ScopeScores

__all__ = ["show_group_map", "show_group_table"]


@st.cache_data(ttl=3600, max_entries=8, show_spinner=False)
def _boundaries(path: str, _modified: float) -> dict[str, Any] | str:
    """The boundaries GeoJSON, or the Dutch reason it cannot be used (cached by path and file time)."""
    try:
        return load_boundaries(path)
    except BoundariesError as error:
        return str(error)


def _configured_boundaries(settings: Settings) -> tuple[dict[str, Any] | None, tuple[str, float] | None]:
    """The configured boundaries and their cache key (path, file time); a warning if the file is unusable."""
    path = settings.kaart_grenzen
    if not path:
        return None, None
    try:
        modified = os.path.getmtime(path)  # noqa: PTH204  (a str path from the settings)
    except OSError:
        modified = -1.0
    loaded = _boundaries(path, modified)
    if isinstance(loaded, str):
        st.warning(f"De grenzenlaag is niet getoond. {loaded} Pas KAART_GRENZEN aan.", icon="🗺️")
        return None, None
    return loaded, (path, modified)


@st.cache_data(ttl=300, max_entries=16, show_spinner="Kaart maken...")
def _group_map(  # noqa: PLR0913  (small cache keys; the frames are not hashed)
    *,
    scope_key: tuple[str, str, tuple[str, ...]],
    peildatum: dt.date,
    groep_ids: tuple[str, ...],
    tiles: str,
    attribution: str,
    boundaries_key: tuple[str, float] | None,
    _scores: ScopeScores,
    _groups: pl.DataFrame,
    _grenzen: dict[str, Any] | None,
) -> folium.Map:
    """The built map, keyed by database + scope, peildatum, the groups shown and the map settings.

    Arguments starting with '_' are not hashed: they follow from the keys before them.
    """
    del scope_key, peildatum, groep_ids, boundaries_key  # only the cache key
    meldingen = recent_meldingen(_scores.inputs.meldingen, _scores.peildatum, _scores.config.vensters.maanden)
    return build_group_map(
        _groups,
        hangplekken=_scores.inputs.hangplekken,
        meldingen=meldingen,
        boundaries=_grenzen,
        tiles=tiles,
        attribution=attribution,
    )


def _scope_key() -> tuple[str, str, tuple[str, ...]]:
    identity = current_identity()
    scope = identity.scope if identity is not None else None
    codes = tuple(sorted(scope.codes)) if scope is not None else ()
    return (data_key(), scope.type if scope is not None else "", codes)


def _show_choice(groups: pl.DataFrame, groep_id: str | None, key: str) -> None:
    """The clicked group's name and band, with a button to its page when the role may open it."""
    chosen = groups.filter(pl.col("groep_id") == groep_id) if groep_id else groups.clear()
    if chosen.is_empty():
        st.caption(
            "Klik op een cirkel om een groep te kiezen. Lagen zet u aan of uit rechtsboven op de kaart."
        )
        return
    row = chosen.row(0, named=True)
    st.markdown(
        f"Gekozen: **{row['werknaam']}** · {row['gemeente_naam']} · {band_label(row['band'])} · "
        f"prioriteit {format_number(row['prioriteit'])}"
    )
    if can_open("groep"):
        if st.button("Open groepspagina", key=f"{key}_open", icon=":material/open_in_new:"):
            open_group(row["groep_id"])
    else:
        st.caption("Uw rol opent geen groepspagina's.")


@st.fragment
def _map_fragment(scores: ScopeScores, groups: pl.DataFrame, key: str, height: int) -> None:
    settings = Settings()
    boundaries, boundaries_key = _configured_boundaries(settings)
    fmap = _group_map(
        scope_key=_scope_key(),
        peildatum=scores.peildatum,
        groep_ids=tuple(groups.get_column("groep_id").to_list()),
        tiles=settings.kaart_tiles,
        attribution=settings.kaart_attributie,
        boundaries_key=boundaries_key,
        _scores=scores,
        _groups=groups,
        _grenzen=boundaries,
    )
    returned = st_folium(
        fmap,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
    )
    _show_choice(groups, clicked_groep_id(returned), key)


def show_group_map(scores: ScopeScores, groups: pl.DataFrame, *, key: str, height: int = 560) -> None:
    """Show the groups (GROEP_COLUMNS, e.g. filtered from scores.groepen) on the map of the scope.

    The map reruns only itself (a fragment) on a click; 'key' keeps two maps on one page apart.
    """
    if groups.is_empty():
        st.info("Geen groepen om op de kaart te tonen. Verruim de filters of kies een andere peildatum.")
        return
    _map_fragment(scores, groups, key, height)


def show_group_table(groups: pl.DataFrame, *, key: str, height: int = 560) -> None:
    """The map's groups as a table: the text alternative of the map, highest priority first."""
    st.dataframe(
        map_table(groups).drop("groep_id"),
        hide_index=True,
        height=height,
        placeholder="—",
        key=f"{key}_tabel",
        column_order=["werknaam", "band", "prioriteit", "trend", "leden", "gemeente"],
        column_config={
            "werknaam": st.column_config.TextColumn(
                "Groep", help="Werknaam van de groep.", pinned=True, width="medium"
            ),
            "gemeente": st.column_config.TextColumn("Gemeente", help="Gemeente van de groep.", width="small"),
            "band": st.column_config.TextColumn(
                "Band", help="Prioriteitsband met symbool: ▲ hoog, ◆ midden, ● laag, ○ geen groepsaanpak."
            ),
            "prioriteit": st.column_config.NumberColumn(
                "Prioriteit",
                help="Prioriteitsscore 0-100 op de peildatum; leeg als er onvoldoende gegevens zijn.",
                format="%d",
            ),
            "trend": st.column_config.TextColumn(
                "Trend", help="Verschil in prioriteit met de vorige scan: ↑ hoger, ↓ lager, → gelijk, — geen."
            ),
            "leden": st.column_config.NumberColumn(
                "Leden", help="Aantal leden op de peildatum (bepaalt de grootte van de cirkel).", format="%d"
            ),
        },
    )
