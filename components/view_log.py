"""Logging views of personal data (art. 32 Wpg): one audit record per view, not per widget rerun."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components.data import engine
from components.session import current_identity
from dashboard.audit import entry_for, record_audit

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["LOGGED_KEY", "VIEW_CAPTION", "record_view_once"]

LOGGED_KEY = "inzage_vastgelegd"  # session_state: the views already recorded in this session
VIEW_CAPTION = "Het bekijken van namen wordt vastgelegd (art. 32 Wpg)."


def record_view_once(  # noqa: PLR0913  (one argument per audit field)
    actie: str,
    *,
    object_type: str,
    object_id: str,
    groep_id: str | None,
    peildatum: dt.date | None,
    aantal: int,
    sleutel: str = "",
) -> bool:
    """Record that the signed-in user sees `aantal` persons, once per (actie, object, peildatum).

    Returns False when the view could not be recorded: then the caller must not show the names.
    sleutel distinguishes views that differ in something not recorded (a search term); it stays in
    the session only.
    """
    identity = current_identity()
    if identity is None:
        return False
    marker = f"{actie}|{object_type}|{object_id}|{groep_id}|{peildatum}|{sleutel}"
    logged: set[str] = st.session_state.setdefault(LOGGED_KEY, set())
    if marker in logged:
        return True
    details: dict[str, object] = {"personen": aantal}
    if peildatum is not None:
        details["peildatum"] = peildatum.isoformat()
    entry = entry_for(
        identity, "inzage", actie, object_type=object_type, object_id=object_id, groep_id=groep_id,
        details=details,
    )  # fmt: skip
    try:
        record_audit(engine(), entry)
    except SQLAlchemyError:
        st.error(
            "Het bekijken van namen kan nu niet worden vastgelegd; daarom worden ze niet getoond. "
            "Probeer het later opnieuw of meld het bij de beheerder (database bijwerken: "
            "`python -m dashboard init-db`)."
        )
        return False
    logged.add(marker)
    return True
