"""Presentation mode for the meeting: one group at a time, large and readable, never any names."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components.data import engine
from dashboard.domain import BESLUIT_UITKOMST_LABELS
from dashboard.groups.detail import load_group_detail
from dashboard.presentation import (
    DEELSCORE_HELP,
    DEELSCORE_LABELS,
    band_label,
    format_date,
    format_number,
    format_trend,
)
from dashboard.process.decisions import PRIORITEIT_LABELS, load_decisions

if TYPE_CHECKING:
    import polars as pl

    from dashboard.access import Identity
    from dashboard.scoring.service import ScopeScores

__all__ = ["show_presentation"]

_INDEX = "driehoek_dia"
# Large type and no sidebar, for a projector; the toggle turns it off again.
_BIG = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none; }
[data-testid="stMain"] .st-key-presentatie p, [data-testid="stMain"] .st-key-presentatie li {
    font-size: 1.6rem; line-height: 1.5;
}
[data-testid="stMain"] .st-key-presentatie [data-testid="stMetricValue"],
[data-testid="stMain"] .st-key-presentatie [data-testid="stMetricValue"] * { font-size: 3.2rem; }
[data-testid="stMain"] .st-key-presentatie h2 { font-size: 3rem; }
</style>
"""


def _step(delta: int, count: int) -> None:
    st.session_state[_INDEX] = (st.session_state.get(_INDEX, 0) + delta) % count


def _navigation(count: int) -> int:
    """Vorige / Volgende buttons; returns the index of the group to show."""
    index = min(st.session_state.get(_INDEX, 0), count - 1)
    back, where, forward = st.columns([1, 2, 1], vertical_alignment="center")
    back.button("◀ Vorige", key="dia_vorige", on_click=_step, args=(-1, count), width="stretch")
    where.markdown(
        f"<div style='text-align:center'>Groep {index + 1} van {count}</div>", unsafe_allow_html=True
    )
    forward.button("Volgende ▶", key="dia_volgende", on_click=_step, args=(1, count), width="stretch")
    return index


def _scores(row: dict[str, object]) -> None:
    columns = st.columns(5)
    columns[0].metric("Prioriteit", format_number(row["prioriteit"]), help=DEELSCORE_HELP["prioriteit"])
    for column, name in zip(columns[1:], ("ernst", "risico", "ontwikkeling", "impact"), strict=True):
        column.metric(DEELSCORE_LABELS[name], format_number(row[name]), help=DEELSCORE_HELP[name])


def _advice(identity: Identity, groep_id: str, scores: ScopeScores) -> None:
    detail = load_group_detail(engine(), identity, groep_id, scores.peildatum, scores.config)
    if detail is None or detail.score is None:
        st.markdown("Geen advies op deze peildatum.")
        return
    advies = detail.score.advies
    lines = [f"- **Aanbevolen prioriteit:** {advies.prioriteit}"]
    # Only the approach and its reason: the members it names stay on the group page.
    lines += [f"- **{aanpak.soort.capitalize()}:** {aanpak.toelichting}" for aanpak in advies.aanpak]
    if advies.partners:
        lines.append(f"- **Partners:** {', '.join(advies.partners)}")
    st.markdown("\n".join(lines))


def _last_decision(identity: Identity, groep_id: str) -> None:
    besluiten = load_decisions(engine(), identity.scope, groep_id)
    if besluiten.is_empty():
        st.markdown("Nog geen besluit van de driehoek over deze groep.")
        return
    last = besluiten.row(0, named=True)
    prioriteit = PRIORITEIT_LABELS.get(last["prioriteit"], "—")
    st.markdown(
        f"**{BESLUIT_UITKOMST_LABELS.get(last['uitkomst'], last['uitkomst'])}** op "
        f"{format_date(last['vergaderdatum'])} · prioriteit {prioriteit} · volgende evaluatie "
        f"{format_date(last['volgende_evaluatie'])}"
    )


def show_presentation(identity: Identity, agenda: pl.DataFrame, scores: ScopeScores) -> None:
    """The agenda's groups one by one: band, scores, trend, advice and last decision; no names."""
    if st.toggle(
        "Groot scherm (zijbalk verbergen)", key="driehoek_groot", help="Voor een beamer of groot scherm."
    ):
        st.markdown(_BIG, unsafe_allow_html=True)
    if agenda.is_empty():
        st.info("Er staan geen groepen op de agenda; er is niets te presenteren.")
        return
    index = _navigation(agenda.height)
    item = agenda.row(index, named=True)
    row = scores.groepen.filter(groep_id=item["groep_id"]).row(0, named=True)
    with st.container(key="presentatie"):
        st.header(f"{item['werknaam']} · {item['gemeente_naam']}", anchor=False)
        st.markdown(f"**Op de agenda:** {item['reden']}")
        st.markdown(
            f"**Band {band_label(row['band'])}** · stap {row['stap']} · trend {format_trend(row['trend'])} "
            "sinds de vorige scan"
        )
        _scores(row)
        st.subheader("Advies", anchor=False)
        _advice(identity, item["groep_id"], scores)
        st.subheader("Laatste besluit", anchor=False)
        _last_decision(identity, item["groep_id"])
        st.caption("Namen van groepsleden staan nooit in de presentatie; zie daarvoor de groepspagina.")
