"""Trends: scores per group over time, groups per band, monthly registrations and meldingen, per youth."""

from __future__ import annotations

import streamlit as st

from components.data import area_names, latest_peildatum
from components.decision_view import show_decision_trend
from components.peildatum import choose_peildatum
from components.session import current_identity
from components.trend_data import choose_history_groups, history_of, trend_frames
from dashboard.access import has_permission
from dashboard.charts import (
    build_band_counts,
    build_groups_per_youth,
    build_monthly_series,
    build_score_history,
)
from dashboard.presentation import format_date

KEY = "trends"
CONFIG = {"displaylogo": False}


def render() -> None:
    """Show the four trend charts for the user's scope, each with a short explanation."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "aggregaten"):
        st.error("U heeft geen toegang tot de trends.")
        return
    st.title("Trends")
    peildatum = choose_peildatum(latest_peildatum())
    st.caption(f"Gebied: {identity.scope.describe(area_names())} · tot peildatum {format_date(peildatum)}")
    frames = trend_frames(identity.scope, peildatum)
    if frames.groepen.is_empty():
        st.info(
            "Er zijn op deze peildatum geen actieve groepen in uw gebied. Kies een andere peildatum links."
        )
        return

    st.subheader("Prioriteitsscore per groep")
    st.caption(
        "De score bij elke groepsscan; de vorm van de punten toont de band, de vlakken de bandgrenzen."
    )
    history = history_of(frames, choose_history_groups(frames.groepen, KEY))
    if history.is_empty():
        st.info("Kies hierboven groepen met minstens één groepsscan om hun score over de tijd te zien.")
    else:
        st.plotly_chart(build_score_history(history, frames.grenzen), config=CONFIG)

    st.subheader("Groepen per band")
    st.caption(
        "Aantal actieve groepen per band op de laatste dag van elke maand (bij grote gebieden per kwartaal)."
    )
    st.plotly_chart(build_band_counts(frames.banden), config=CONFIG)

    st.subheader("Registraties en meldingen per maand")
    st.caption(
        "Registraties van de huidige groepsleden als verdachte (nooit als slachtoffer of getuige) en "
        "meldingen jeugdoverlast rond de hangplekken, opgeteld over alle groepen in uw gebied."
    )
    st.plotly_chart(build_monthly_series(frames.maanden), config=CONFIG)

    st.subheader("Gemeenten per 10.000 jongeren")
    st.caption(
        "Groepen per 10.000 inwoners van 12 tot en met 23 jaar; hoogste eerst, ten hoogste 25 gemeenten."
    )
    if frames.per_jongeren["groepen_per_10000"].is_null().all():
        st.info(
            "Voor de gemeenten in uw gebied zijn geen aantallen jongeren bekend. "
            "Laad gemeenten.csv met de kolom jongeren_12_23 opnieuw in."
        )
    else:
        st.plotly_chart(build_groups_per_youth(frames.per_jongeren), config=CONFIG)

    show_decision_trend(identity, peildatum)


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
