"""The prioritisation page for every demo role (AppTest on the committed sample)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from components.ranking import scope_slug
from dashboard.access import Identity, Scope, has_permission
from dashboard.exports import RANKING_COLUMNS
from dashboard.presentation import band_label
from dashboard.scoring.service import score_scope
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities, read_frame
from dashboard.storage.schema import metadata

COMPARE_HINT = "Selecteer 2 tot 4 groepen"


def _identities(sample_db_url: str) -> dict[str, Identity]:
    return {identity.rol: identity for identity in load_identities(create_db_engine(sample_db_url))}


def _open(app: AppTest, identity: Identity) -> AppTest:
    return open_page(app, identity, "prioritering")


def _ranking(app: AppTest) -> pl.DataFrame:
    return pl.from_pandas(app.dataframe[0].value)


def test_every_role_with_aggregates_sees_its_scopes_ranking(app: AppTest, sample_db_url: str) -> None:
    engine = create_db_engine(sample_db_url)
    identities = [i for i in _identities(sample_db_url).values() if has_permission(i, "aggregaten")]
    assert len(identities) >= 6
    for identity in identities:
        _open(app, identity)
        assert not app.exception, identity.rol
        assert app.title[0].value == "Prioritering", identity.rol
        expected = score_scope(engine, identity.scope, dt.date(2026, 11, 30)).groepen
        ranking = _ranking(app)
        assert tuple(ranking.columns) == RANKING_COLUMNS, identity.rol
        assert ranking["Groep"].to_list() == expected["werknaam"].to_list(), identity.rol
        assert app.metric[0].label == "Groepen"
        assert app.metric[0].value == f"{expected.height} van {expected.height}"
        assert all(metric.help for metric in app.metric), "elk getal heeft een uitleg"
        assert COMPARE_HINT in app.info[0].value
        assert [button.label for button in app.get("download_button")] == [
            "Download CSV",
            "Download Excel (XLSX)",
        ]


def test_the_band_filter_leaves_only_that_band(app: AppTest, sample_db_url: str) -> None:
    _open(app, _identities(sample_db_url)["politie_specialist"])
    everything = _ranking(app)
    app.multiselect(key="prioritering_band").select("hoog").run()
    assert not app.exception
    hoog = _ranking(app)
    assert 0 < hoog.height < everything.height
    assert set(hoog["Band"]) == {band_label("hoog")}
    assert hoog["Rang"].to_list() == list(range(1, hoog.height + 1))
    assert app.metric[0].value == f"{hoog.height} van {everything.height}"


def test_the_municipality_filter_changes_the_ranking(app: AppTest, sample_db_url: str) -> None:
    _open(app, _identities(sample_db_url)["officier_van_justitie"])
    everything = _ranking(app)
    choice = app.multiselect(key="prioritering_gemeente")
    choice.select(choice.options[0]).run()
    chosen = _ranking(app)
    assert 0 < chosen.height < everything.height
    assert chosen["Gemeente"].n_unique() == 1


def test_a_filter_without_matches_says_what_to_do(app: AppTest, sample_db_url: str) -> None:
    _open(app, _identities(sample_db_url)["burgemeester"])
    app.multiselect(key="prioritering_band").select("onvoldoende gegevens").select("hoog").run()
    app.multiselect(key="prioritering_stap").select("1").run()
    assert not app.exception
    assert "Geen groepen voldoen aan de filters" in app.info[0].value


def test_an_earlier_peildatum_scores_again(app: AppTest, sample_db_url: str) -> None:
    _open(app, _identities(sample_db_url)["politie_specialist"])
    now = _ranking(app)
    choice = app.sidebar.selectbox(key="peildatum")
    choice.select(choice.options[12]).run()
    assert not app.exception
    assert _ranking(app)["Prioriteit"].to_list() != now["Prioriteit"].to_list()


def test_the_beheerder_sees_no_person_data(app: AppTest, sample_db_url: str) -> None:
    _open(app, _identities(sample_db_url)["beheerder"])
    assert not app.exception
    columns = [column.lower() for frame in app.dataframe for column in frame.value.columns]
    assert not [c for c in columns if "persoon" in c or "naam" in c or "geboorte" in c]
    personen = read_frame(create_db_engine(sample_db_url), metadata.tables["persoon"].select())
    names = set((personen["voornaam"] + " " + personen["achternaam"]).to_list())
    shown = {str(value) for frame in app.dataframe for value in frame.value.to_numpy().ravel()}
    texts = {str(e.value) for kind in ("markdown", "caption", "info", "metric") for e in getattr(app, kind)}
    assert not names & shown
    assert not [text for text in texts if any(name in text for name in names)]


def _compare_app(rows: list[int]) -> AppTest:
    def script(rows: list[int]) -> None:
        import datetime as dt  # noqa: PLC0415  (AppTest runs this function's source on its own)

        import polars as pl  # noqa: PLC0415

        from components.ranking import show_comparison  # noqa: PLC0415

        scores = {"ernst": 50.0, "risico": 40.0, "ontwikkeling": 30.0, "impact": 20.0, "prioriteit": 35.0}
        groups = pl.DataFrame(
            [{"werknaam": f"Groep {i}", "gemeente_code": "GM1", "gemeente_naam": "Aastad",
              "basisteam_code": "B1", "stap": "6", "band": "midden", **scores, "trend": 1.0, "leden": 10,
              "type": "hinderlijk", "scan_datum": dt.date(2026, 1, 1)} for i in range(6)]
        )  # fmt: skip
        show_comparison(groups, rows)

    return AppTest.from_function(script, args=(rows,), default_timeout=30).run()


@pytest.mark.parametrize(
    ("rows", "charts"), [([], 0), ([0], 0), ([0, 1], 1), ([0, 2, 4, 5], 1), ([0, 1, 2, 3, 4], 0)]
)
def test_comparison_shows_two_to_four_groups_else_a_hint(rows: list[int], charts: int) -> None:
    app = _compare_app(rows)
    assert not app.exception
    assert len(app.get("plotly_chart")) == charts
    if charts:
        assert pl.from_pandas(app.dataframe[0].value)["Groep"].to_list() == [f"Groep {i}" for i in rows]
    else:
        assert f"(nu {len(rows)} geselecteerd)" in app.info[0].value


@pytest.mark.parametrize(
    ("scope", "slug"),
    [
        pytest.param(Scope(type="gemeente", codes=frozenset({"GM0344"})), "GM0344", id="gemeente"),
        pytest.param(
            Scope(type="gemeente", codes=frozenset({"GM0344", "GM0307"})), "GM0307-GM0344", id="twee"
        ),
        pytest.param(Scope(type="eenheid", codes=frozenset({"MNL"})), "MNL", id="eenheid"),
        pytest.param(Scope(type="land"), "land", id="land"),
    ],
)
def test_export_file_names_name_the_scope(scope: Scope, slug: str) -> None:
    assert scope_slug(scope) == slug
