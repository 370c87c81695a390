"""The driehoek's agenda: which groups need a decision, why, and a link to each group's page."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components.data import engine
from components.links import group_link
from dashboard.presentation import band_label, format_date, format_number
from dashboard.process.agenda import REVIEW_HORIZON, load_agenda

if TYPE_CHECKING:
    import polars as pl

    from dashboard.access import Scope
    from dashboard.scoring.service import ScopeScores

__all__ = ["meeting_agenda", "show_agenda"]


def meeting_agenda(scope: Scope, scores: ScopeScores) -> pl.DataFrame:
    """The agenda of the scope (read fresh: a decision just recorded takes its group off at once)."""
    return load_agenda(engine(), scope, scores)


def show_agenda(agenda: pl.DataFrame) -> None:
    """One line per group on the agenda: link, band and score, step, reason, last decision."""
    st.caption(
        "Groepen die een besluit van de driehoek nodig hebben: een nieuw advies (stap 4), een evaluatie "
        f"die binnen {REVIEW_HORIZON.days} dagen na de peildatum valt of verlopen is, of een groepsscan "
        "die nieuwer is dan het laatste besluit. Hoogste prioriteitsscore eerst."
    )
    if agenda.is_empty():
        st.success("Er staan geen groepen op de agenda: alle besluiten en evaluaties zijn bij.")
        return
    st.markdown(f"**{agenda.height} {'groep' if agenda.height == 1 else 'groepen'} op de agenda**")
    for row in agenda.iter_rows(named=True):
        with st.container(border=True, key=f"agenda_{row['groep_id']}"):
            left, middle, right = st.columns([4, 2, 4], vertical_alignment="center")
            with left:
                group_link(row["groep_id"], f"{row['werknaam']} ({row['gemeente_naam']})")
            middle.markdown(
                f"{band_label(row['band'])} · score {format_number(row['prioriteit'])} · stap {row['stap']}"
            )
            last = (
                f"  \nLaatste besluit: {row['laatste_besluit']} ({format_date(row['laatste_vergadering'])})"
                if row["laatste_besluit"]
                else ""
            )
            right.markdown(f"**{row['reden']}**{last}")
