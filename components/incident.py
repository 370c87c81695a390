"""The last line of defence: an unexpected error shows a Dutch message with an incident code, no internals."""

from __future__ import annotations

import logging
import secrets
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    from streamlit.navigation.page import StreamlitPage

__all__ = ["incident_code", "run_safely"]

LOG = logging.getLogger("groepsbeeld.fouten")
FRAMES = 4  # the innermost source locations in the log line, enough to find the fault


def incident_code() -> str:
    """A short random code that links what the user saw to one log line."""
    return secrets.token_hex(3).upper()


def _where(error: BaseException) -> str:
    """Source locations (file:line in function) only: never arguments, values or the message."""
    frames = traceback.extract_tb(error.__traceback__)[-FRAMES:]
    return " < ".join(f"{Path(f.filename).name}:{f.lineno} in {f.name}" for f in reversed(frames))


def run_safely(page: StreamlitPage) -> None:
    """Run the page; on an unexpected exception log type, code and page, and show the code to the user.

    The exception's message and arguments may hold personal data (names, dates of birth), so neither
    is logged nor shown. Streamlit's own control flow (st.rerun, st.stop) is not an Exception.
    """
    try:
        page.run()
    except Exception as error:  # noqa: BLE001  (any fault: the user must never see internals)
        code = incident_code()
        LOG.error(  # noqa: TRY400  (no traceback: its message could hold personal data)
            "Onverwachte fout %s op pagina %s (/%s) (incident %s); waar: %s",
            type(error).__name__,
            page.title,
            page.url_path,
            code,
            _where(error),
        )
        st.error(
            "Er ging iets mis bij het tonen van deze pagina. Probeer het opnieuw; blijft het misgaan, "
            f"geef dan incidentcode **{code}** door aan de beheerder.",
            icon=":material/error:",
        )
