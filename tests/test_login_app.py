"""The login gate in the real app (AppTest): OIDC identities, refusals, start-up refusal, idle expiry."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select, update
from streamlit.testing.v1 import AppTest

from dashboard.access import Identity
from dashboard.auth import email_fingerprint, resolve_login
from dashboard.storage.engine import create_db_engine
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

APP = Path(__file__).resolve().parent.parent / "app.py"
IDENTITY_KEY = "groepsbeeld_identity"
SEEN_KEY = "groepsbeeld_laatst_actief"
REGISSEUR = "procesregisseur.utrecht@demo.groepsbeeld.example"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret-met-genoeg-lengte-0123456789",
    "client_id": "groepsbeeld",
    "client_secret": "geheim",
    "server_metadata_url": "http://localhost:9/.well-known/openid-configuration",
}
NO_AUTH = {"andere": {"sleutel": "waarde"}}  # secrets without [auth] (and no developer's own file)


@pytest.fixture
def db(sample_db_url: str, tmp_path: Path) -> Engine:
    """A private copy of the sample database (these tests write audit records and change users)."""
    copy = tmp_path / "kopie.db"
    shutil.copyfile(sample_db_url.removeprefix("sqlite:///"), copy)
    engine = create_db_engine(f"sqlite:///{copy}")
    yield engine
    engine.dispose()


@pytest.fixture
def login_app(db: Engine, monkeypatch: pytest.MonkeyPatch, navigation_mode: None) -> AppTest:  # noqa: ARG001
    """app.py on the copy, with a configured identity provider and nobody signed in there yet."""
    monkeypatch.setenv("DATABASE_URL", db.url.render_as_string(hide_password=False))
    monkeypatch.setenv("KAART_TILES", "none")
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.secrets["auth"] = AUTH
    app.user = {"is_logged_in": False}
    return app


def _oidc_user(email: str, **claims: object) -> dict[str, object]:
    return {"is_logged_in": True, "email": email, "sub": email, **claims}


def _audit(db: Engine) -> list[tuple[str, str, str]]:
    log = metadata.tables["auditlog"]
    with db.connect() as connection:
        rows = connection.execute(
            select(log.c.actie, log.c.gebruiker_id, log.c.rol)
            .where(log.c.categorie == "toegang")
            .order_by(log.c.id)
        )
        return [tuple(row) for row in rows]


def _make_real(db: Engine) -> None:
    """Turn the copy into 'real' data: no sample marker, so no demo login."""
    with db.begin() as connection:
        dataset = metadata.tables["dataset"]
        connection.execute(update(dataset).where(dataset.c.sleutel == "fictief").values(waarde="nee"))


def test_a_known_identity_signs_in_once_per_session(login_app: AppTest, db: Engine) -> None:
    login_app.user = _oidc_user(REGISSEUR.upper())  # the provider's spelling may differ
    login_app.run()
    assert not login_app.exception
    assert login_app.title[0].value == "Overzicht"
    identity = login_app.session_state[IDENTITY_KEY]
    assert isinstance(identity, Identity)
    assert (identity.gebruiker_id, identity.rol) == ("procesregisseur-utrecht", "procesregisseur")
    assert "Procesregisseur jeugdgroepen Utrecht (demo)" in login_app.sidebar.markdown[0].value
    login_app.run()  # a rerun is no new login
    assert _audit(db) == [("inloggen", "procesregisseur-utrecht", "procesregisseur")]


@pytest.mark.parametrize(
    ("email", "blocked", "text"),
    [("onbekend@elders.example", False, "niet bekend"), (REGISSEUR, True, "geblokkeerd")],
    ids=["onbekend", "geblokkeerd"],
)
def test_unknown_or_blocked_identities_are_refused(
    login_app: AppTest,
    db: Engine,
    email: str,
    blocked: bool,  # noqa: FBT001
    text: str,
) -> None:
    if blocked:
        gebruiker = metadata.tables["gebruiker"]
        with db.begin() as connection:
            connection.execute(update(gebruiker).where(gebruiker.c.email == email).values(actief=False))
    login_app.user = _oidc_user(email)
    login_app.run()
    login_app.run()
    assert not login_app.exception
    assert login_app.title[0].value == "Geen toegang"
    assert text in login_app.error[0].value
    assert "beheerder" in login_app.error[0].value
    assert login_app.button(key="weigering_afmelden").label == "Afmelden"
    assert IDENTITY_KEY not in login_app.session_state
    assert len(login_app.metric) == 0
    assert _audit(db) == [("inloggen_geweigerd", email_fingerprint(email), "onbekend")]


def test_without_provider_real_data_refuses_to_start(login_app: AppTest, db: Engine) -> None:
    _make_real(db)
    login_app.secrets.clear()
    login_app.secrets.update(NO_AUTH)
    login_app.run()
    assert not login_app.exception
    assert [t.value for t in login_app.title] == ["Groepsbeeld"]
    assert "[auth]" in login_app.error[0].value
    assert "secrets.toml" in login_app.error[0].value
    assert len(login_app.button) == len(login_app.selectbox) == len(login_app.warning) == 0
    assert len(login_app.sidebar.markdown) == 0


def test_real_data_offers_only_the_provider(login_app: AppTest, db: Engine) -> None:
    _make_real(db)
    login_app.run()
    assert login_app.title[0].value == "Inloggen"
    assert login_app.button(key="inloggen_oidc").label == "Inloggen met uw organisatieaccount"
    assert len(login_app.selectbox) == 0
    assert len(login_app.warning) == 0, "geen voorbeeldbanner bij echte gegevens"


def test_sample_data_offers_provider_and_demo(login_app: AppTest) -> None:
    login_app.run()
    assert login_app.title[0].value == "Inloggen"
    assert "Fictieve gegevens" in login_app.warning[0].value
    assert login_app.button(key="inloggen_oidc")
    assert login_app.selectbox(key="inloggen_keuze").options


def _demo_user(db: Engine) -> Identity:
    identity = resolve_login(db, REGISSEUR)
    assert identity is not None
    return identity


@pytest.mark.parametrize(("minutes", "idle", "expired"), [(30, 31, True), (30, 10, False), (5, 6, True)])
def test_idle_sessions_expire(
    login_app: AppTest,
    db: Engine,
    monkeypatch: pytest.MonkeyPatch,
    minutes: int,
    idle: int,
    expired: bool,  # noqa: FBT001
) -> None:
    monkeypatch.setenv("SESSIE_TIMEOUT_MINUTEN", str(minutes))
    login_app.session_state[IDENTITY_KEY] = _demo_user(db)
    login_app.session_state[SEEN_KEY] = dt.datetime.now(tz=dt.UTC) - dt.timedelta(minutes=idle)
    login_app.run()
    assert not login_app.exception
    if not expired:
        assert login_app.title[0].value == "Overzicht"
        return
    assert login_app.title[0].value == "Sessie verlopen"
    expected = f"Uw sessie is verlopen na {minutes} minuten zonder activiteit; log opnieuw in."
    assert login_app.warning[-1].value == expected
    assert IDENTITY_KEY not in login_app.session_state
    assert len(login_app.metric) == 0
    login_app.run()  # stays expired, no data
    assert login_app.title[0].value == "Sessie verlopen"
    login_app.button(key="verlopen_inloggen").click().run()
    assert login_app.title[0].value == "Inloggen"


def test_an_old_identity_cookie_counts_as_expired(login_app: AppTest) -> None:
    issued = dt.datetime.now(tz=dt.UTC) - dt.timedelta(hours=2)
    login_app.user = _oidc_user(REGISSEUR, iat=int(issued.timestamp()))
    login_app.run()
    assert login_app.title[0].value == "Sessie verlopen"
    assert IDENTITY_KEY not in login_app.session_state


def test_a_fresh_identity_cookie_signs_in(login_app: AppTest) -> None:
    login_app.user = _oidc_user(REGISSEUR, iat=int(dt.datetime.now(tz=dt.UTC).timestamp()))
    login_app.run()
    assert login_app.title[0].value == "Overzicht"


def test_signing_out_of_an_oidc_session_clears_the_identity(login_app: AppTest) -> None:
    login_app.user = _oidc_user(REGISSEUR)
    login_app.run()
    assert login_app.title[0].value == "Overzicht"
    login_app.button(key="afmelden").click().run()
    assert not login_app.exception
    assert IDENTITY_KEY not in login_app.session_state
    assert not login_app.user.get("is_logged_in"), "st.logout meldt ook af bij de identity provider"
    assert len(login_app.metric) == 0


def test_blocking_an_oidc_user_ends_their_session(login_app: AppTest, db: Engine) -> None:
    login_app.user = _oidc_user(REGISSEUR)
    login_app.run()
    assert login_app.title[0].value == "Overzicht"
    gebruiker = metadata.tables["gebruiker"]
    with db.begin() as connection:
        connection.execute(update(gebruiker).where(gebruiker.c.email == REGISSEUR).values(actief=False))
    login_app.run()
    assert login_app.title[0].value == "Geen toegang"
    assert "geblokkeerd" in login_app.error[0].value
    assert IDENTITY_KEY not in login_app.session_state


def test_a_changed_role_applies_from_the_next_run(login_app: AppTest, db: Engine) -> None:
    login_app.user = _oidc_user(REGISSEUR)
    login_app.run()
    gebruiker = metadata.tables["gebruiker"]
    with db.begin() as connection:
        connection.execute(update(gebruiker).where(gebruiker.c.email == REGISSEUR).values(rol="burgemeester"))
    login_app.run()
    assert login_app.title[0].value == "Overzicht"
    assert login_app.session_state[IDENTITY_KEY].rol == "burgemeester"
    assert "Burgemeester" in login_app.sidebar.markdown[0].value
