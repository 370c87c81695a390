"""Widgets of the Plan van aanpak page: choose a group, add an intervention, change one, save safely."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from dashboard.access import AccessDeniedError
from dashboard.domain import INTERVENTIE_STATUS_LABELS, INTERVENTIE_STATUSSEN, SPOOR_LABELS, SPOREN
from dashboard.process.plan import PlanError
from dashboard.storage.locking import ConcurrentEditError

if TYPE_CHECKING:
    from collections.abc import Callable

    import polars as pl

__all__ = ["choose_plan_group", "edit_forms", "intervention_form", "save", "show_saved"]

_GROUP_KEY = "plan_groep"
_SAVED_KEY = "plan_opgeslagen"
_SEEN_KEY = "plan_gezien"  # interventie_id -> version this session showed, for optimistic locking
_OWNER_HELP = "Een partner of functie (bijv. 'Jongerenwerk' of 'Basisteam, teamchef'), geen persoonsnaam."


def _remember_choice() -> None:
    choice = st.session_state.get(_GROUP_KEY)
    if choice:
        st.query_params["groep"] = choice
    else:
        st.query_params.pop("groep", None)


def choose_plan_group(groups: pl.DataFrame, current: str | None) -> tuple[str, bool] | None:
    """A selectbox of the groups (groep_id, werknaam, geprioriteerd); ?groep= preselects and follows it.

    Returns the chosen group and whether interventions may be added to it (still prioritised).
    """
    labels = {
        row["groep_id"]: f"{row['werknaam']} ({row['groep_id']})"
        + ("" if row["geprioriteerd"] else " · niet meer geprioriteerd")
        for row in groups.iter_rows(named=True)
    }
    if current in labels and _GROUP_KEY not in st.session_state:
        st.session_state[_GROUP_KEY] = current
    choice = st.selectbox(
        "Groep",
        list(labels),
        index=None,
        format_func=lambda groep_id: labels.get(groep_id, groep_id),
        placeholder="Kies een geprioriteerde groep uit uw gebied",
        key=_GROUP_KEY,
        on_change=_remember_choice,
        help="Geprioriteerde groepen (besluit driehoek, of stap 5 of 6) en groepen met een plan.",
    )
    if choice is None:
        return None
    return choice, bool(groups.filter(groep_id=choice).item(0, "geprioriteerd"))


def intervention_form(groep_id: str) -> dict[str, Any] | None:
    """A form for a new intervention; returns the raw values when submitted (validated by the core)."""
    with st.form("nieuwe_interventie", clear_on_submit=True, border=True):
        st.markdown("**Interventie toevoegen**")
        left, right = st.columns(2)
        spoor = left.selectbox("Spoor", SPOREN, format_func=SPOOR_LABELS.get)
        partner = right.text_input("Partner", placeholder="bijv. Jongerenwerk, Politie, Halt")
        omschrijving = st.text_area("Omschrijving", placeholder="Wat gebeurt er, waar en hoe vaak?")
        left, middle, right = st.columns(3)
        eigenaar = left.text_input("Eigenaar", help=_OWNER_HELP)
        deadline = middle.date_input("Deadline", value=None, format="DD-MM-YYYY")
        status = right.selectbox("Status", INTERVENTIE_STATUSSEN, format_func=INTERVENTIE_STATUS_LABELS.get)
        if not st.form_submit_button("Toevoegen", type="primary"):
            return None
    return {
        "groep_id": groep_id,
        "spoor": spoor,
        "partner": partner,
        "omschrijving": omschrijving,
        "eigenaar": eigenaar,
        "deadline": deadline,
        "status": status,
    }


def _seen_version(interventie_id: str, versie: int) -> int:
    """The version this session first showed (until its next save): what an edit starts from."""
    seen: dict[str, int] = st.session_state.setdefault(_SEEN_KEY, {})
    return seen.setdefault(interventie_id, versie)


def _edit_one(row: dict[str, Any]) -> dict[str, Any] | None:
    interventie_id = row["interventie_id"]
    versie = _seen_version(interventie_id, row["versie"])
    label = f"Wijzigen: {SPOOR_LABELS.get(row['spoor'])} · {row['partner']} · {row['omschrijving'][:60]}"
    with st.expander(label), st.form(f"wijzig_{interventie_id}", border=False):
        left, middle, right = st.columns(3)
        status = left.selectbox(
            "Status",
            INTERVENTIE_STATUSSEN,
            index=INTERVENTIE_STATUSSEN.index(row["status"]),
            format_func=INTERVENTIE_STATUS_LABELS.get,
            key=f"status_{interventie_id}",
        )
        deadline = middle.date_input(
            "Deadline", value=row["deadline"], format="DD-MM-YYYY", key=f"deadline_{interventie_id}"
        )
        eigenaar = right.text_input(
            "Eigenaar", value=row["eigenaar"], help=_OWNER_HELP, key=f"eigenaar_{interventie_id}"
        )
        if not st.form_submit_button("Opslaan"):
            return None
    return {
        "interventie_id": interventie_id,
        "versie": versie,
        "status": status,
        "deadline": deadline,
        "eigenaar": eigenaar,
    }


def edit_forms(plan: pl.DataFrame) -> dict[str, Any] | None:
    """Per intervention a form for status, deadline and owner; returns the submitted change, if any.

    The change carries the version this session first showed, so a save after someone else's is refused.
    """
    submitted = None
    if not plan.is_empty():
        st.subheader("Bijwerken", help="Open een interventie om status, deadline of eigenaar te wijzigen.")
    for row in plan.iter_rows(named=True):
        submitted = _edit_one(row) or submitted
    return submitted


def save(action: Callable[[], object], melding: str) -> None:
    """Run a change; on success remember the message and rerun, else show the Dutch reason."""
    try:
        action()
    except ConcurrentEditError as error:
        st.session_state.pop(_SEEN_KEY, None)  # show the newer version; a retry starts from it
        st.error(str(error))
        return
    except (PlanError, AccessDeniedError) as error:
        st.error(str(error))
        return
    st.session_state.pop(_SEEN_KEY, None)
    st.session_state[_SAVED_KEY] = melding
    st.rerun()


def show_saved() -> None:
    """The confirmation of the change saved before the last rerun, once."""
    melding = st.session_state.pop(_SAVED_KEY, None)
    if melding:
        st.success(melding)
