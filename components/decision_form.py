"""The form that records (or corrects) a driehoek decision for one group of the user's scope."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import polars as pl
import streamlit as st
from pydantic import ValidationError

from components.data import engine, refresh_data
from components.links import group_link
from dashboard.access import AccessDeniedError, has_permission
from dashboard.domain import BESLUIT_UITKOMST_LABELS, BESLUIT_UITKOMSTEN, SPOOR_LABELS, SPOREN
from dashboard.process.decisions import (
    AWAITING_DECISION,
    PRIORITEIT_LABELS,
    PRIORITEITEN,
    REGIE_KOLOMMEN,
    BesluitCreate,
    DecisionError,
    correct_decision,
    dutch_errors,
    load_decisions,
    move_to_plan,
    parse_aanwezigen,
    record_decision,
)
from dashboard.process.steps import StepError
from dashboard.storage.locking import ConcurrentEditError

if TYPE_CHECKING:
    from dashboard.access import Identity

__all__ = ["PARTNERS", "show_decision_form"]

PARTNERS = ("Gemeente", "Politie", "OM", "Jongerenwerk", "Zorg- en Veiligheidshuis", "Halt", "Leerplicht")
_ROUND = "besluit_ronde"
_NEW, _CORRECT = "Nieuw besluit", "Laatste besluit corrigeren"
_DEFAULTS: dict[str, Any] = {
    "uitkomst": "geprioriteerd",
    "prioriteit": None,
    "gemeente": "Burgemeester",
    "om": "Officier van justitie",
    "politie": "Teamchef basisteam",
    "overig": "Procesregisseur jeugdgroepen",
    "toelichting": "",
}


def _choose_group(groepen: pl.DataFrame, agenda: pl.DataFrame) -> str:
    ids = groepen["groep_id"].to_list()
    names = dict(zip(ids, groepen["werknaam"], strict=True))
    first = agenda["groep_id"][0] if agenda.height else ids[0]
    return st.selectbox(  # type: ignore[no-any-return]
        "Groep",
        ids,
        index=ids.index(first) if first in ids else 0,
        format_func=lambda groep_id: f"{names[groep_id]} ({groep_id})",
        key="besluit_groep",
        placeholder="Kies een groep",
        help="De groepen in uw gebied, hoogste prioriteit eerst; de eerste groep van de agenda staat klaar.",
    )


def _prefill(last: dict[str, Any] | None) -> dict[str, Any]:
    """The form's start values: the decision being corrected, else sensible defaults."""
    if last is None:
        return _DEFAULTS
    people = parse_aanwezigen(last["aanwezigen"])
    return {
        **last,
        "gemeente": people.gemeente if people else "",
        "om": people.om if people else "",
        "politie": people.politie if people else "",
        "overig": ", ".join(people.overig) if people else "",
    }


def _fields(groep_id: str, start: dict[str, Any], prefix: str) -> dict[str, Any]:
    """The form's widgets; returns the raw values for BesluitCreate."""
    today = dt.datetime.now(tz=dt.UTC).date()
    left, right = st.columns(2)
    values: dict[str, Any] = {"groep_id": groep_id}
    values["vergaderdatum"] = left.date_input(
        "Vergaderdatum", start.get("vergaderdatum", today), format="DD-MM-YYYY", key=f"{prefix}_datum"
    )
    values["uitkomst"] = right.selectbox(
        "Besluit",
        BESLUIT_UITKOMSTEN,
        index=BESLUIT_UITKOMSTEN.index(start["uitkomst"]),
        format_func=BESLUIT_UITKOMST_LABELS.__getitem__,
        key=f"{prefix}_uitkomst",
    )
    values["prioriteit"] = left.selectbox(
        "Prioriteit",
        PRIORITEITEN,
        index=PRIORITEITEN.index(start["prioriteit"]) if start["prioriteit"] in PRIORITEITEN else None,
        format_func=PRIORITEIT_LABELS.__getitem__,
        placeholder="Kies bij een geprioriteerde groep",
        key=f"{prefix}_prioriteit",
    )
    values["volgende_evaluatie"] = right.date_input(
        "Volgende evaluatie",
        start.get("volgende_evaluatie", today + dt.timedelta(days=91)),
        format="DD-MM-YYYY",
        help="Verplicht, behalve bij afschalen.",
        key=f"{prefix}_evaluatie",
    )
    st.markdown("**Regie per spoor** (welke partner de leiding heeft)")
    for column, spoor in zip(st.columns(3), SPOREN, strict=True):
        current = start.get(REGIE_KOLOMMEN[spoor])
        values[REGIE_KOLOMMEN[spoor]] = column.selectbox(
            SPOOR_LABELS[spoor],
            PARTNERS if current in PARTNERS or current is None else (*PARTNERS, current),
            index=None if current is None else [*PARTNERS, current].index(current),
            placeholder="Partner kiezen of typen",
            accept_new_options=True,
            key=f"{prefix}_regie_{spoor}",
        )
    st.markdown("**Aanwezig** (de drie partners van de driehoek, of wie hen verving)")
    first, second, third = st.columns(3)
    people = {
        "gemeente": first.text_input("Namens de gemeente", start["gemeente"], key=f"{prefix}_gemeente"),
        "om": second.text_input("Namens het OM", start["om"], key=f"{prefix}_om"),
        "politie": third.text_input("Namens de politie", start["politie"], key=f"{prefix}_politie"),
    }
    overig = st.text_input("Verder aanwezig (komma's ertussen)", start["overig"], key=f"{prefix}_overig")
    values["aanwezigen"] = {**people, "overig": tuple(overig.split(","))}
    values["toelichting"] = st.text_area("Toelichting", start["toelichting"], key=f"{prefix}_toelichting")
    return values


def _advance(identity: Identity, besluit: BesluitCreate) -> None:
    """Move a group just prioritised from step 4 to step 5; the decision itself is already stored."""
    try:
        moved = move_to_plan(engine(), identity, besluit)
    except (StepError, ConcurrentEditError, AccessDeniedError) as error:
        st.warning(f"Het besluit is vastgelegd, maar de stap is niet gewijzigd: {error}")
        return
    if moved:
        st.info("De groep staat nu in stap 5 (plan van aanpak).")


def _save(
    identity: Identity, values: dict[str, Any], last: dict[str, Any] | None, versie: int | None, *, move: bool
) -> bool:
    """Validate and store; show a Dutch message for every outcome. True when the form should start anew."""
    try:
        besluit = BesluitCreate.model_validate(values)
        if last is None or versie is None:
            record_decision(engine(), identity, besluit)
        else:
            correct_decision(engine(), identity, last["besluit_id"], versie, besluit)
    except ValidationError as error:
        st.error("Het besluit is niet vastgelegd:\n\n" + "\n".join(f"- {m}" for m in dutch_errors(error)))
        return False
    except DecisionError as error:
        st.error(str(error))
        return False
    except ConcurrentEditError as error:
        st.error(str(error))
        st.button("Nieuwe versie laden", key="besluit_herladen")
        return True
    st.success("Het besluit is vastgelegd en staat op de groepspagina.", icon=":material/check_circle:")
    if move:
        _advance(identity, besluit)
    refresh_data()
    group_link(values["groep_id"], "Naar de groepspagina")
    return True


def show_decision_form(identity: Identity, groepen: pl.DataFrame, agenda: pl.DataFrame) -> None:
    """Choose a group, then record a new decision or correct its latest one (optimistic locking)."""
    if groepen.is_empty():
        st.info("Er zijn op deze peildatum geen actieve groepen in uw gebied.")
        return
    groep_id = _choose_group(groepen, agenda)
    besluiten = load_decisions(engine(), identity.scope, groep_id)
    latest = None if besluiten.is_empty() else besluiten.row(0, named=True)
    mode = st.radio(
        "Wat wilt u doen?", (_NEW, _CORRECT) if latest else (_NEW,), horizontal=True, key="besluit_modus"
    )
    last = latest if mode == _CORRECT else None
    # The version the user started from: kept until saved, so a later save by someone else is noticed.
    version_key = f"besluit_versie_{last['besluit_id']}" if last else ""
    if last:
        st.session_state.setdefault(version_key, last["versie"])
    round_ = st.session_state.get(_ROUND, 0)  # a new round gives new widget keys: a fresh form
    prefix = f"besluit_{groep_id}_{'c' if last else 'n'}" + (f"{round_}" if round_ else "")
    stap = groepen.filter(pl.col("groep_id") == groep_id).item(0, "stap")
    may_move = last is None and stap == AWAITING_DECISION and has_permission(identity, "stap_wijzigen")
    with st.form(f"{prefix}_form"):
        values = _fields(groep_id, _prefill(last), prefix)
        move = may_move and st.checkbox(
            "Bij 'Geprioriteerd': de groep naar stap 5 (plan van aanpak) zetten",
            value=True,
            key=f"{prefix}_stap",
        )
        submitted = st.form_submit_button("Besluit vastleggen", type="primary")
    versie = st.session_state.get(version_key) if last else None
    if submitted and _save(identity, values, last, versie, move=move):
        # Saved, or someone else saved first: the next run fills a fresh form from the stored version.
        st.session_state[_ROUND] = round_ + 1
        if version_key:
            del st.session_state[version_key]
