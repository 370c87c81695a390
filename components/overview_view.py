"""Key-figure tiles of the overview page."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components.plan_view import plan_flags
from components.session import current_identity
from dashboard.presentation import band_descriptions, band_label, format_date

if TYPE_CHECKING:
    from dashboard.overview import ScopeOverview
    from dashboard.process.plan import PlanFlags
    from dashboard.scoring.config import ScoringConfig

__all__ = ["show_band_tiles", "show_plan_flags", "show_work_tiles"]

# More groups in these bands is bad news, so an increase shows red.
_WORSE_WHEN_UP = {"hoog", "midden"}


def show_band_tiles(overview: ScopeOverview, config: ScoringConfig) -> None:
    """One tile per band: groups now and the change since a quarter earlier."""
    descriptions = band_descriptions(config.banden.hoog, config.banden.midden, config.banden.laag)
    since = format_date(overview.vorige_peildatum)
    columns = st.columns(len(overview.per_band))
    for column, row in zip(columns, overview.per_band.to_dicts(), strict=True):
        band = row["band"]
        column.metric(
            band_label(band),
            row["nu"],
            delta=row["verschil"],
            delta_color="inverse" if band in _WORSE_WHEN_UP else "off",
            help=f"{descriptions[band]} Verschil: ten opzichte van {since} ({row['vorig_kwartaal']}).",
        )


def show_work_tiles(overview: ScopeOverview) -> None:
    """Tiles for the work ahead: active groups, overdue scans, decisions due."""
    first, second, third = st.columns(3)
    first.metric(
        "Actieve groepen",
        overview.groepen,
        help=f"Groepen in uw gebied die op {format_date(overview.peildatum)} in het werkproces zitten.",
    )
    second.metric(
        "Scan achterstallig",
        overview.scan_achterstallig,
        help="Problematische groepen zonder groepsscan of met een scan ouder dan zes maanden.",
    )
    third.metric(
        "Besluit driehoek nodig",
        overview.besluit_nodig,
        help="Groepen op de agenda van de driehoek: een nieuw advies (stap 4), een evaluatie die binnen "
        "14 dagen valt of verlopen is, of een groepsscan die nieuwer is dan het laatste besluit.",
    )
    identity = current_identity()
    if identity is not None:  # the plan van aanpak's signals, within the user's scope
        show_plan_flags(plan_flags(identity.scope, overview.peildatum))


def show_plan_flags(flags: PlanFlags) -> None:
    """Overdue interventions and overdue triangle reviews, with the groups, as text (not colour alone)."""
    if not flags.te_laat.is_empty():
        groups = ", ".join(f"{r['werknaam']} ({r['te_laat']})" for r in flags.te_laat.iter_rows(named=True))
        st.warning(f"Interventies te laat: {flags.te_laat['te_laat'].sum()}, bij {groups}.", icon="⚠️")
    if not flags.evaluatie_verlopen.is_empty():
        groups = ", ".join(
            f"{r['werknaam']} (gepland {format_date(r['volgende_evaluatie'])})"
            for r in flags.evaluatie_verlopen.iter_rows(named=True)
        )
        st.warning(f"Evaluatie verlopen: {flags.evaluatie_verlopen.height}, bij {groups}.", icon="⏰")
    if flags.te_laat.is_empty() and flags.evaluatie_verlopen.is_empty():
        st.caption("Plan van aanpak: geen interventies te laat en geen verlopen evaluaties.")
