"""The overview page for every demo role (AppTest on the committed sample)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from benchmarks.apptest import IDENTITY_KEY
from dashboard.presentation import BAND_ORDER, band_label
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities


def _identities(sample_db_url: str):
    return load_identities(create_db_engine(sample_db_url))


def test_every_role_sees_band_tiles_and_work_tiles(app: AppTest, sample_db_url: str) -> None:
    for identity in _identities(sample_db_url):
        app.session_state[IDENTITY_KEY] = identity
        app.run()
        assert not app.exception, identity.rol
        labels = [metric.label for metric in app.metric]
        assert labels[:3] == ["Actieve groepen", "Scan achterstallig", "Besluit driehoek nodig"], identity.rol
        assert labels[3:8] == [band_label(band) for band in BAND_ORDER], identity.rol
        assert all(metric.help for metric in app.metric), "elk getal heeft een uitleg"
        bands = sum(int(metric.value) for metric in app.metric[3:8])
        assert bands == int(app.metric[0].value), "de banden tellen op tot het aantal actieve groepen"


def test_an_earlier_peildatum_changes_the_figures(app: AppTest, sample_db_url: str) -> None:
    specialist = next(i for i in _identities(sample_db_url) if i.rol == "politie_specialist")
    app.session_state[IDENTITY_KEY] = specialist
    app.run()
    now = [metric.value for metric in app.metric]
    choice = app.sidebar.selectbox(key="peildatum")
    choice.select(choice.options[12]).run()
    assert not app.exception
    assert [metric.value for metric in app.metric] != now
    assert choice.options[12] in app.caption[0].value
