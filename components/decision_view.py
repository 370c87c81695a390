"""Driehoek decisions shown elsewhere: the latest and earlier ones on the group page, the trend chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl
import streamlit as st

from components.data import engine
from dashboard.access import has_permission
from dashboard.charts import build_decision_counts
from dashboard.domain import BESLUIT_UITKOMST_LABELS, SPOOR_LABELS, SPOREN
from dashboard.presentation import format_date, text_of
from dashboard.process.decisions import PRIORITEIT_LABELS, REGIE_KOLOMMEN, format_aanwezigen, load_decisions

if TYPE_CHECKING:
    import datetime as dt

    from dashboard.access import Identity
    from dashboard.groups.detail import GroupDetail

__all__ = ["show_decision_trend", "show_decisions"]

_MARKDOWN = str.maketrans({char: f"\\{char}" for char in "\\`*_[]<>#:$~|"})


def _plain(text: str) -> str:
    """Typed text shown literally (no markdown or HTML)."""
    return text.translate(_MARKDOWN)


def _review(day: dt.date | None, peildatum: dt.date) -> str:
    if day is None:
        return "geen (afgeschaald)"
    return f"{format_date(day)} (verlopen)" if day < peildatum else format_date(day)


def _latest(row: dict[str, object], peildatum: dt.date) -> None:
    with st.container(border=True, key="laatste_besluit"):
        columns = st.columns(3)
        columns[0].metric(
            "Besluit",
            BESLUIT_UITKOMST_LABELS.get(row["uitkomst"], str(row["uitkomst"])),
            help="Het laatst vastgelegde besluit van de lokale driehoek over deze groep.",
        )
        columns[1].metric(
            "Prioriteit",
            PRIORITEIT_LABELS.get(row["prioriteit"], "—"),
            help="De prioriteit die de driehoek gaf (alleen bij een geprioriteerde groep).",
        )
        columns[2].metric(
            "Volgende evaluatie",
            _review(row["volgende_evaluatie"], peildatum),
            help="'verlopen' als de evaluatiedatum voor de peildatum ligt: zet de groep op de agenda.",
        )
        regie = " · ".join(
            f"{SPOOR_LABELS[spoor]}: **{_plain(str(row[REGIE_KOLOMMEN[spoor]] or '—'))}**" for spoor in SPOREN
        )
        st.markdown(f"Regie per spoor: {regie}")
        st.markdown(
            f"Driehoek van {format_date(row['vergaderdatum'])} · vastgelegd door "
            f"{_plain(str(row['vastgelegd_door']))} · aanwezig: "
            f"{_plain(format_aanwezigen(str(row['aanwezigen'])))}"
        )
        if row["toelichting"]:
            st.markdown(f"Toelichting: {_plain(str(row['toelichting']))}")


def _history(besluiten: pl.DataFrame) -> pl.DataFrame:
    return besluiten.select(
        Vergadering=text_of(besluiten["vergaderdatum"], format_date),
        Besluit=pl.col("uitkomst").replace(BESLUIT_UITKOMST_LABELS),
        Prioriteit=pl.col("prioriteit").replace(PRIORITEIT_LABELS).fill_null("—"),
        Evaluatie=text_of(besluiten["volgende_evaluatie"], format_date).fill_null("—"),
        Toelichting="toelichting",
    )


def show_decisions(identity: Identity, detail: GroupDetail) -> None:
    """The latest decision of the driehoek prominently, the earlier ones in an expander."""
    st.subheader("Besluit van de driehoek")
    besluiten = load_decisions(engine(), identity.scope, detail.groep.groep_id)
    if besluiten.is_empty():
        hint = " Leg het vast op de pagina Driehoeksoverleg." if has_permission(identity, "besluiten") else ""
        st.info(f"De lokale driehoek heeft nog geen besluit over deze groep vastgelegd.{hint}")
        return
    _latest(besluiten.row(0, named=True), detail.peildatum)
    if besluiten.height > 1:
        with st.expander(f"Eerdere besluiten ({besluiten.height - 1})"):
            st.dataframe(_history(besluiten.slice(1)), hide_index=True)


def show_decision_trend(identity: Identity, peildatum: dt.date) -> None:
    """Trends section: the driehoek's decisions per month and outcome, in the user's scope."""
    st.subheader("Besluiten van de driehoek")
    st.caption("Vastgelegde besluiten per maand, naar uitkomst, over de groepen in uw gebied.")
    besluiten = load_decisions(engine(), identity.scope).filter(pl.col("vergaderdatum") <= peildatum)
    if besluiten.is_empty():
        st.info("In uw gebied zijn tot deze peildatum nog geen besluiten van de driehoek vastgelegd.")
        return
    st.plotly_chart(build_decision_counts(besluiten, peildatum), config={"displaylogo": False})
