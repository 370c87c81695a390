"""The app for every demo role: AppTest runs the real entrypoint on the loaded sample."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.access import Identity
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_area_names, load_identities

IDENTITY_KEY = "groepsbeeld_identity"
APP = Path(__file__).resolve().parent.parent / "app.py"


def _identities(sample_db_url: str) -> list[Identity]:
    return load_identities(create_db_engine(sample_db_url))


def test_without_login_only_the_demo_login_shows(app: AppTest) -> None:
    app.run()
    assert not app.exception
    assert app.title[0].value == "Inloggen"
    assert "Fictieve gegevens" in app.warning[0].value
    assert app.selectbox(key="inloggen_keuze").options


def test_choosing_a_demo_identity_signs_in(app: AppTest) -> None:
    app.run()
    choice = app.selectbox(key="inloggen_keuze")
    mayor = next(option for option in choice.options if "Burgemeester" in option)
    choice.select(mayor).run()
    app.button(key="inloggen_knop").click().run()
    assert not app.exception
    assert app.title[0].value == "Overzicht"
    assert isinstance(app.session_state[IDENTITY_KEY], Identity)


def test_every_role_sees_its_own_scope(app: AppTest, sample_db_url: str) -> None:
    names = load_area_names(create_db_engine(sample_db_url))
    for identity in _identities(sample_db_url):
        app.session_state[IDENTITY_KEY] = identity
        app.run()
        assert not app.exception, identity.rol
        assert app.title[0].value == "Overzicht", identity.rol
        assert identity.scope.describe(names) in app.caption[0].value
        assert "GM0" not in app.caption[0].value, "gebieden staan er met naam, niet met code"
        assert int(app.metric[0].value) > 0, identity.rol


def test_mayors_of_two_municipalities_see_different_counts(app: AppTest, sample_db_url: str) -> None:
    mayors = [i for i in _identities(sample_db_url) if i.rol == "burgemeester"]
    counts = set()
    for mayor in mayors:
        app.session_state[IDENTITY_KEY] = mayor
        app.run()
        counts.add((mayor.scope, app.metric[0].value))
    assert len(counts) == len(mayors) >= 2


def test_signing_out_returns_to_the_login(app: AppTest, sample_db_url: str) -> None:
    app.session_state[IDENTITY_KEY] = _identities(sample_db_url)[0]
    app.run()
    app.button(key="afmelden").click().run()
    assert app.title[0].value == "Inloggen"
