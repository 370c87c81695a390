"""The Kaart page for every demo role (AppTest on the committed sample)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from dashboard.access import Identity, has_permission
from dashboard.scoring.service import score_scope
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities


def _identities(sample_db_url: str) -> list[Identity]:
    return load_identities(create_db_engine(sample_db_url))


def _open(app: AppTest, identity: Identity) -> AppTest:
    return open_page(app, identity, "kaart")


def _count_line(app: AppTest) -> str:
    return next(m.value for m in app.markdown if " van " in m.value and "groepen" in m.value)


def _maps(app: AppTest) -> list[object]:
    return [e for e in app.get("component_instance") if "streamlit_folium" in str(e.proto.component_name)]


def test_every_role_with_aggregaten_sees_the_map_and_the_table(app: AppTest, sample_db_url: str) -> None:
    allowed = [i for i in _identities(sample_db_url) if has_permission(i, "aggregaten")]
    assert len(allowed) >= 6
    for identity in allowed:
        _open(app, identity)
        assert not app.exception, identity.rol
        assert app.title[0].value == "Kaart", identity.rol
        groups = score_scope(create_db_engine(sample_db_url), identity.scope).groepen.height
        assert _count_line(app) == f"**{groups} van {groups} groepen**", identity.rol
        assert len(_maps(app)) == 1, identity.rol
        table = app.dataframe[0].value
        assert len(table) == groups, identity.rol
        assert list(table.columns) == ["werknaam", "gemeente", "band", "prioriteit", "trend", "leden"]


def test_the_beheerder_sees_no_person_data_on_the_map_page(app: AppTest, sample_db_url: str) -> None:
    beheerder = next(i for i in _identities(sample_db_url) if i.rol == "beheerder")
    _open(app, beheerder)
    assert not app.exception
    table = app.dataframe[0].value
    assert not {"naam", "persoon_id", "geboortedatum"} & set(table.columns)


def test_the_band_filter_reduces_the_table(app: AppTest, sample_db_url: str) -> None:
    specialist = next(i for i in _identities(sample_db_url) if i.rol == "politie_specialist")
    _open(app, specialist)
    everything = len(app.dataframe[0].value)
    app.multiselect(key="kaart_band").select("hoog").run()
    assert not app.exception
    filtered = app.dataframe[0].value
    assert 0 < len(filtered) < everything
    assert set(filtered["band"]) == {"▲ hoog"}
    assert _count_line(app) == f"**{len(filtered)} van {everything} groepen**"


def test_a_filter_that_leaves_nothing_says_what_to_do(app: AppTest, sample_db_url: str) -> None:
    mayor = next(i for i in _identities(sample_db_url) if i.rol == "burgemeester")
    _open(app, mayor)
    bands = app.multiselect(key="kaart_band")
    present = set(app.dataframe[0].value["band"])
    missing = next(b for b in bands.options if b not in present)  # a band no group of this scope has
    bands.select(missing).run()
    assert not app.exception
    assert not app.dataframe
    assert not _maps(app)
    assert "Geen groepen voldoen aan deze filters" in app.info[0].value
    assert _count_line(app).startswith("**0 van ")


def test_a_missing_boundaries_file_gives_a_warning_not_an_error(
    app: AppTest, sample_db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KAART_GRENZEN", str(tmp_path / "bestaat-niet.geojson"))
    _open(app, _identities(sample_db_url)[0])
    assert not app.exception
    assert any("grenzenlaag is niet getoond" in w.value for w in app.warning)
    assert len(_maps(app)) == 1
