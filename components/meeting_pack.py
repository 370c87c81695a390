"""Vergaderpakket: one PDF for the triangle meeting with the selected groups' standard reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components.data import engine
from dashboard.access import may_export
from dashboard.reports.config import PAKKET_MAX
from dashboard.reports.log import exportlog_ready
from dashboard.reports.pakket import build_vergaderpakket

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    import polars as pl

    from dashboard.access import Identity

__all__ = ["PAKKET_MIN", "show_meeting_pack"]

PAKKET_MIN = 2


def _maker(identity: Identity, groep_ids: list[str], peildatum: dt.date) -> Callable[[], bytes]:
    """Build (and log) the pakket only when the user clicks."""

    def make() -> bytes:
        return build_vergaderpakket(engine(), identity, groep_ids, peildatum)

    return make


def show_meeting_pack(identity: Identity, groups: pl.DataFrame, rows: list[int], peildatum: dt.date) -> None:
    """A download button for the vergaderpakket of the selected rows (2-20), for roles with 'rapportage'."""
    if not may_export(identity, "vergaderpakket"):
        return
    st.subheader("Vergaderpakket")
    if not exportlog_ready(engine()):
        st.warning("Exporteren kan pas als de database is bijgewerkt: `python -m dashboard init-db`.")
        return
    if not PAKKET_MIN <= len(rows) <= PAKKET_MAX:
        st.caption(
            f"Vink {PAKKET_MIN} tot {PAKKET_MAX} groepen aan in de tabel voor een vergaderpakket van de "
            f"lokale driehoek (nu {len(rows)} geselecteerd)."
        )
        return
    groep_ids = groups[rows]["groep_id"].to_list()
    st.caption(
        f"Eén PDF met een agenda en de standaardrapportage van de {len(groep_ids)} geselecteerde groepen, "
        "op volgorde van prioriteit. Elke groep in het pakket wordt vastgelegd in het exportlog."
    )
    st.download_button(
        "Vergaderpakket (PDF)",
        data=_maker(identity, groep_ids, peildatum),
        file_name=f"vergaderpakket-{peildatum:%Y%m%d}.pdf",
        mime="application/pdf",
        on_click="ignore",
        key="prioritering_vergaderpakket",
        icon=":material/picture_as_pdf:",
        help="Agenda met de groepen op volgorde van prioriteit (band en score), gevolgd door de "
        "standaardrapportage per groep. Wordt gemaakt bij het klikken; dat kan enkele seconden duren.",
    )
