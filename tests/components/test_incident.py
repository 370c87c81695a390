"""Unexpected errors: a Dutch message with an incident code; no traceback or personal data shown or logged."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from components.incident import incident_code
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities

if TYPE_CHECKING:
    import pytest
    from streamlit.testing.v1 import AppTest

IDENTITY_KEY = "groepsbeeld_identity"
PERSONAL = "Floris Blom, geboren 24-01-1986"  # a sample person: must reach neither page nor log


def _fail(*_args: object, **_kwargs: object) -> None:
    raise ValueError(PERSONAL)


def test_an_unexpected_error_shows_a_code_and_logs_no_internals(
    app: AppTest, sample_db_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("pages.overzicht.summarise_scope", _fail)
    caplog.set_level(logging.INFO)
    app.session_state[IDENTITY_KEY] = load_identities(create_db_engine(sample_db_url))[0]
    app.run()

    assert not app.exception, "geen Streamlit-foutvak met traceback"
    message = app.error[-1].value
    code = re.search(r"incidentcode \*\*([0-9A-F]{6})\*\*", message)
    assert code is not None, message
    page = "\n".join(
        str(e.value) for kind in ("error", "markdown", "title", "caption") for e in getattr(app, kind)
    )
    for internal in ("Traceback", "ValueError", "Floris", "1986", "summarise_scope"):
        assert internal not in page
    logged = [r for r in caplog.records if r.name == "groepsbeeld.fouten"]
    assert len(logged) == 1
    line = logged[0].getMessage()
    assert "ValueError" in line
    assert code.group(1) in line
    assert "pagina Overzicht" in line
    assert "Floris" not in line
    assert "1986" not in line
    assert logged[0].exc_info is None, "geen traceback met de foutmelding in het log"


def test_incident_codes_are_short_and_differ() -> None:
    codes = {incident_code() for _ in range(50)}
    assert len(codes) > 45
    assert all(re.fullmatch(r"[0-9A-F]{6}", code) for code in codes)
