"""The plan van aanpak, read-only: progress and the interventions per track (group page and plan page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl
import streamlit as st

from components.data import engine
from dashboard.access import Scope, has_permission
from dashboard.audit import data_version
from dashboard.domain import INTERVENTIE_STATUS_LABELS, SPOOR_LABELS, SPOREN
from dashboard.presentation import format_date
from dashboard.process.plan import PlanFlags, load_plan, load_plan_flags, mark_overdue, plan_progress
from dashboard.settings import Settings

if TYPE_CHECKING:
    import datetime as dt

    from dashboard.access import Identity
    from dashboard.groups.detail import GroupDetail

__all__ = ["TE_LAAT", "plan_flags", "plan_link", "show_plan", "show_progress", "show_tracks", "status_text"]

TE_LAAT = "⚠ te laat"  # a symbol and a word, never colour alone
EMPTY = "Nog geen plan van aanpak vastgelegd."
_PAGES_KEY = "groepsbeeld_pages"  # where components.links keeps this session's pages by url path
_COLUMNS = {  # status first, so '⚠ te laat' is never cut off on a narrow screen
    "status": "Status",
    "deadline": "Deadline",
    "partner": "Partner",
    "omschrijving": "Interventie",
    "eigenaar": "Eigenaar",
}


def status_text(status: str, *, te_laat: bool) -> str:
    """The status in Dutch, with '⚠ te laat' when the deadline has passed."""
    label = INTERVENTIE_STATUS_LABELS.get(status, status)  # type: ignore[call-overload]
    return f"{label} · {TE_LAAT}" if te_laat else str(label)


def show_progress(plan: pl.DataFrame, peildatum: dt.date) -> None:
    """Tiles: interventions done out of those that count, overdue ones, and all of them."""
    progress = plan_progress(plan, peildatum)
    row = progress.row(0, named=True) if progress.height else {}
    counting = row.get("totaal", 0) - row.get("vervallen", 0)
    done, overdue = row.get("afgerond", 0), row.get("te_laat", 0)
    first, second, third = st.columns(3)
    first.metric(
        "Afgerond",
        f"{done} van {counting}",
        help="Afgeronde interventies van alle interventies die nog tellen (vervallen telt niet mee).",
    )
    second.metric(
        "Te laat",
        f"⚠ {overdue}" if overdue else "0",
        help=f"Interventies met een deadline vóór {format_date(peildatum)} die nog niet afgerond zijn.",
    )
    third.metric("Interventies", row.get("totaal", 0), help="Alle interventies in het plan, ook vervallen.")


def _rows(plan: pl.DataFrame, peildatum: dt.date, spoor: str) -> pl.DataFrame:
    marked = mark_overdue(plan.filter(pl.col("spoor") == spoor), peildatum).to_dicts()
    return pl.DataFrame(
        [
            {
                "status": status_text(row["status"], te_laat=row["te_laat"]),
                "deadline": format_date(row["deadline"]),
                **{name: row[name] for name in ("partner", "omschrijving", "eigenaar")},
            }
            for row in marked
        ],
        schema=dict.fromkeys(_COLUMNS, pl.String),
    )


def show_tracks(plan: pl.DataFrame, peildatum: dt.date) -> None:
    """One table per track (groepsgericht, domeingericht, persoonsgericht); overdue rows say '⚠ te laat'."""
    for spoor in SPOREN:
        st.markdown(f"**{SPOOR_LABELS[spoor]}**")
        rows = _rows(plan, peildatum, spoor)
        if rows.is_empty():
            st.caption("Nog geen interventies in dit spoor.")
            continue
        st.dataframe(rows, hide_index=True, column_config=_COLUMNS)


def plan_link(groep_id: str) -> None:
    """A link to the Plan van aanpak page for this group (only when this session may open it)."""
    page = st.session_state.get(_PAGES_KEY, {}).get("plan")
    if page is not None:
        st.page_link(
            page,
            label="Plan van aanpak bijwerken",
            icon=":material/checklist:",
            query_params={"groep": groep_id},
        )


def show_plan(identity: Identity, detail: GroupDetail) -> None:
    """The group's plan van aanpak, read-only, with a link to edit it for those who may."""
    st.subheader(
        "Plan van aanpak", help="Interventies van de partners per spoor, met eigenaar, deadline en status."
    )
    groep_id = detail.groep.groep_id
    plan = load_plan(engine(), identity.scope, groep_id)
    if plan.is_empty():
        st.info(EMPTY)
    else:
        show_progress(plan, detail.peildatum)
        show_tracks(plan, detail.peildatum)
    if has_permission(identity, "plan_van_aanpak"):
        plan_link(groep_id)


@st.cache_data(ttl=300, show_spinner=False, max_entries=64)
def _plan_flags(
    url: str,  # noqa: ARG001  (the database is part of the cache key)
    scope_type: str,
    codes: tuple[str, ...],
    peildatum: dt.date,
    version: int,  # noqa: ARG001  (a change anywhere refreshes the flags, also on other servers)
) -> PlanFlags:
    scope = Scope.model_validate({"type": scope_type, "codes": frozenset(codes)})
    return load_plan_flags(engine(), scope, peildatum)


def plan_flags(scope: Scope, peildatum: dt.date) -> PlanFlags:
    """Overdue interventions and reviews in the scope; scope, date and data version key the cache."""
    key = (scope.type, tuple(sorted(scope.codes)), peildatum, data_version(engine()))
    return _plan_flags(Settings().database_url, *key)
