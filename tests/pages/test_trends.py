"""The trends page for every demo role (AppTest on the committed sample)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from dashboard.access import Identity, has_permission
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities, read_frame
from dashboard.storage.schema import metadata

APP = Path(__file__).resolve().parents[2] / "app.py"
SECTIONS = [
    "Prioriteitsscore per groep",
    "Groepen per band",
    "Registraties en meldingen per maand",
    "Gemeenten per 10.000 jongeren",
    "Besluiten van de driehoek",
]


def _app(url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    return AppTest.from_file(str(APP), default_timeout=60)


def _identities(sample_db_url: str) -> dict[str, Identity]:
    return {identity.rol: identity for identity in load_identities(create_db_engine(sample_db_url))}


def _open(app: AppTest, identity: Identity) -> AppTest:
    return open_page(app, identity, "trends")


def test_every_role_with_aggregates_sees_four_explained_charts(app: AppTest, sample_db_url: str) -> None:
    identities = [i for i in _identities(sample_db_url).values() if has_permission(i, "aggregaten")]
    assert len(identities) >= 6
    for identity in identities:
        _open(app, identity)
        assert not app.exception, identity.rol
        assert app.title[0].value == "Trends", identity.rol
        assert [header.value for header in app.subheader] == SECTIONS, identity.rol
        assert len(app.get("plotly_chart")) == 4, identity.rol
        assert len(app.caption) == 1 + len(SECTIONS), "elke grafiek heeft een korte uitleg"
        chosen = app.multiselect(key="trends_groepen")
        assert 0 < len(chosen.value) <= 5, identity.rol
        assert chosen.help


def test_the_history_shows_the_top_five_by_default_and_asks_for_a_choice_when_empty(
    app: AppTest, sample_db_url: str
) -> None:
    _open(app, _identities(sample_db_url)["politie_specialist"])
    chosen = app.multiselect(key="trends_groepen")
    assert chosen.value == chosen.options[:5] or len(chosen.value) == 5
    for value in list(chosen.value):
        chosen.unselect(value)
    app.run()
    assert not app.exception
    assert len(app.get("plotly_chart")) == 3
    assert "Kies hierboven groepen" in app.info[0].value


def test_an_earlier_peildatum_runs_without_error(app: AppTest, sample_db_url: str) -> None:
    _open(app, _identities(sample_db_url)["burgemeester"])
    choice = app.sidebar.selectbox(key="peildatum")
    choice.select(choice.options[6]).run()
    assert not app.exception
    assert choice.options[6] in app.caption[0].value


def test_the_beheerder_sees_no_person_data(app: AppTest, sample_db_url: str) -> None:
    _open(app, _identities(sample_db_url)["beheerder"])
    assert not app.exception
    assert not app.dataframe, "de trends tonen geen tabellen met personen"
    personen = read_frame(create_db_engine(sample_db_url), metadata.tables["persoon"].select())
    names = set((personen["voornaam"] + " " + personen["achternaam"]).to_list())
    texts = [
        str(e.value) for kind in ("markdown", "caption", "info", "subheader") for e in getattr(app, kind)
    ]
    texts += [str(option) for option in app.multiselect(key="trends_groepen").options]
    assert not [text for text in texts if any(name in text for name in names)]


@pytest.fixture
def no_population_url(sample_db_url: str, tmp_path: Path) -> str:
    """A copy of the sample in which no municipality has a number of youths."""
    path = tmp_path / "zonder-jongeren.db"
    shutil.copy(sample_db_url.removeprefix("sqlite:///"), path)
    engine = create_db_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(update(metadata.tables["gemeente"]).values(jongeren_12_23=None))
    engine.dispose()
    return f"sqlite:///{path}"


def test_a_scope_without_population_figures_gets_an_explanation(
    no_population_url: str, monkeypatch: pytest.MonkeyPatch, navigation_mode: None, sample_db_url: str
) -> None:
    del navigation_mode
    app = _app(no_population_url, monkeypatch)
    _open(app, _identities(sample_db_url)["burgemeester"])
    assert not app.exception
    assert len(app.get("plotly_chart")) == 3
    assert "geen aantallen jongeren bekend" in app.info[0].value
