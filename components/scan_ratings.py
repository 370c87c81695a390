"""The ratings part of the scan form: per dimension a 0-3 score, its sources and when last seen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from dashboard.domain import DIMENSIE_LABELS, DIMENSIES
from dashboard.process.scans import BRONNEN, SCORE_LABELS

if TYPE_CHECKING:
    import datetime as dt

    from dashboard.process.scans import ScanDraft

__all__ = ["init_ratings", "rating_values"]


def _keys(dimensie: str) -> tuple[str, str, str]:
    return f"scan_score_{dimensie}", f"scan_bronnen_{dimensie}", f"scan_gezien_{dimensie}"


def init_ratings(draft: ScanDraft) -> None:
    """Put the draft's ratings and flag into the widgets (when a scan is loaded)."""
    for dimensie in DIMENSIES:
        rating = draft.rating(dimensie)
        score, bronnen, gezien = _keys(dimensie)
        st.session_state[score] = rating.score
        st.session_state[bronnen] = list(rating.bronnen)
        st.session_state[gezien] = rating.laatst_waargenomen
    st.session_state["scan_radicalisering"] = draft.radicaliseringssignaal


def _options(key: str) -> list[str]:
    """The usual sources plus any other source already chosen."""
    return list(dict.fromkeys([*BRONNEN, *st.session_state.get(key, [])]))


def rating_values(*, editable: bool, datum: dt.date) -> dict[str, Any]:
    """Show the ratings (read-only unless editable); return beoordelingen and radicaliseringssignaal."""
    st.subheader("Beoordeling per dimensie")
    st.caption(
        "0 niet · 1 incidenteel · 2 regelmatig · 3 structureel. Bij een score boven 0 is een bron verplicht, "
        "met de datum waarop het gedrag het laatst is waargenomen."
        + ("" if editable else " Alleen de specialist jeugdgroepen past de beoordelingen aan.")
    )
    ratings = []
    for dimensie in DIMENSIES:
        score_key, bronnen_key, gezien_key = _keys(dimensie)
        label, score_col, bron_col, date_col = st.columns([1.3, 3.8, 1.9, 1.6], vertical_alignment="center")
        label.markdown(f"**{DIMENSIE_LABELS[dimensie]}**")
        score = score_col.radio(
            f"Score {DIMENSIE_LABELS[dimensie]}",
            list(SCORE_LABELS),
            format_func=SCORE_LABELS.__getitem__,
            horizontal=True,
            key=score_key,
            disabled=not editable,
            label_visibility="collapsed",
        )
        bronnen = bron_col.multiselect(
            f"Bronnen {DIMENSIE_LABELS[dimensie]}",
            _options(bronnen_key),
            key=bronnen_key,
            disabled=not editable,
            accept_new_options=True,
            placeholder="Bron(nen)",
            label_visibility="collapsed",
        )
        gezien = date_col.date_input(
            f"Laatst waargenomen {DIMENSIE_LABELS[dimensie]}",
            key=gezien_key,
            disabled=not editable,
            format="DD-MM-YYYY",
            max_value=datum,
            label_visibility="collapsed",
        )
        ratings.append(
            {"dimensie": dimensie, "score": score, "bronnen": bronnen, "laatst_waargenomen": gezien}
        )
    signaal = st.checkbox(
        "Signaal van radicalisering (beperkt zichtbaar, telt nooit mee in de score)",
        key="scan_radicalisering",
        disabled=not editable,
        help="Alleen zichtbaar voor de politie. Leg hier geen details vast; die horen in de politiesystemen.",
    )
    return {"beoordelingen": ratings, "radicaliseringssignaal": signaal}
