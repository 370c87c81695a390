"""No personal data or secrets in the logs: an OIDC login and a group view, with every log line captured."""

from __future__ import annotations

import csv
import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from dashboard.scoring.service import score_scope
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
SAMPLE = ROOT / "sample_data"
SECRET = "cookie-geheim-dat-nooit-in-een-log-mag-0123456789"  # noqa: S105  (a test value)
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": SECRET,
    "client_id": "groepsbeeld",
    "client_secret": "client-geheim-ook-niet",
    "server_metadata_url": "http://localhost:9/.well-known/openid-configuration",
}


def _personal_values() -> set[str]:
    """Every user's name and e-mail and every sample person's full name and date of birth."""
    with (SAMPLE / "gebruikers.csv").open(encoding="utf-8") as file:
        users = list(csv.DictReader(file))
    with (SAMPLE / "personen.csv").open(encoding="utf-8") as file:
        persons = list(csv.DictReader(file))
    return (
        {u["naam"] for u in users}
        | {u["email"].lower() for u in users}
        | {f"{p['voornaam']} {p['achternaam']}" for p in persons}
        | {p["geboortedatum"] for p in persons}
    )


@pytest.fixture
def captured() -> Iterator[list[str]]:
    """Every log record at INFO and up, from our loggers and Streamlit's (which does not propagate)."""
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Collect(level=logging.INFO)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s %(exc_text)s"))
    loggers = [logging.getLogger(), logging.getLogger("streamlit"), logging.getLogger("groepsbeeld")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield lines
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_login_and_group_view_log_no_personal_data(
    sample_db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    navigation_mode: None,  # noqa: ARG001
    captured: list[str],
) -> None:
    copy = tmp_path / "kopie.db"
    shutil.copyfile(sample_db_url.removeprefix("sqlite:///"), copy)
    url = f"sqlite:///{copy}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("KAART_TILES", "none")
    engine = create_db_engine(url)
    regisseur = next(i for i in load_identities(engine) if i.rol == "procesregisseur")
    groepen = score_scope(engine, regisseur.scope).groepen
    groep_id, werknaam = groepen.item(0, "groep_id"), groepen.item(0, "werknaam")
    engine.dispose()

    app = AppTest.from_file(str(APP), default_timeout=60)
    app.secrets["auth"] = AUTH
    app.user = {
        "is_logged_in": True,
        "email": regisseur.email,
        "sub": regisseur.email,
        "name": regisseur.naam,
    }
    app.run()
    assert app.title[0].value == "Overzicht"
    app.query_params["groep"] = groep_id
    app._page_hash = calc_hash("groep")  # noqa: SLF001  (as benchmarks.apptest.open_page does)
    app.run()
    assert not app.exception
    assert werknaam in app.title[0].value, "de groepspagina is getoond"
    fresh = AppTest.from_file(str(APP), default_timeout=60)
    fresh.secrets["auth"] = AUTH
    fresh.user = {"is_logged_in": True, "email": "onbekend.persoon@elders.example", "sub": "x"}
    fresh.run()
    assert fresh.title[0].value == "Geen toegang"

    text = "\n".join(captured)
    assert "Ingelogd via oidc met rol procesregisseur" in text, "het log is wel opgevangen"
    assert "Inloggen geweigerd: account onbekend" in text
    leaked = sorted(value for value in _personal_values() if value.lower() in text.lower())
    assert leaked == []
    for secret in (SECRET, AUTH["client_secret"], "onbekend.persoon", groep_id):
        assert secret not in text
