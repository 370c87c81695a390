"""The group page for every demo role (AppTest on the committed sample)."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from dashboard.access import Identity, has_permission
from dashboard.scoring.service import score_scope
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities

NOT_FOUND = "Deze groep bestaat niet of valt buiten uw gebied."
AMERSFOORT_GROUP = "G-00019"  # Groep Snackbar Spoorlaan, gemeente Amersfoort (GM0307)


def _identities(sample_db_url: str) -> dict[str, Identity]:
    return {identity.gebruiker_id: identity for identity in load_identities(create_db_engine(sample_db_url))}


def _top_group(sample_db_url: str, identity: Identity) -> tuple[str, str]:
    """The id and name of the highest-priority group in the identity's scope."""
    groups = score_scope(create_db_engine(sample_db_url), identity.scope).groepen
    return groups.item(0, "groep_id"), groups.item(0, "werknaam")


def _open(app: AppTest, identity: Identity, groep_id: str | None) -> AppTest:
    return open_page(app, identity, "groep", **({} if groep_id is None else {"groep": groep_id}))


def _all_text(app: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "title", "subheader", "info", "error", "warning")
             for e in getattr(app, kind)]  # fmt: skip
    return "\n".join(str(part) for part in parts)


def test_every_role_with_groepsdetail_opens_a_group_of_its_scope(app: AppTest, sample_db_url: str) -> None:
    allowed = [i for i in _identities(sample_db_url).values() if has_permission(i, "groepsdetail")]
    assert len(allowed) >= 5
    for identity in allowed:
        groep_id, werknaam = _top_group(sample_db_url, identity)
        _open(app, identity, groep_id)
        assert not app.exception, identity.rol
        assert app.title[0].value == werknaam, identity.rol
        labels = [metric.label for metric in app.metric]
        assert labels[0] == "Prioriteitsscore", identity.rol
        assert all(metric.help for metric in app.metric), "elk getal heeft een uitleg"
        assert "Gegenereerd advies (concept)" in [s.value for s in app.subheader], identity.rol
        assert not app.error or "radicaliseringssignaal" in app.error[0].value, identity.rol


def test_the_utrecht_mayor_cannot_open_an_amersfoort_group(app: AppTest, sample_db_url: str) -> None:
    _open(app, _identities(sample_db_url)["burgemeester-utrecht"], AMERSFOORT_GROUP)
    assert not app.exception
    assert [e.value for e in app.error] == [NOT_FOUND]
    text = _all_text(app)
    assert "Spoorlaan" not in text
    assert "Amersfoort" not in text
    assert not app.metric
    assert AMERSFOORT_GROUP not in app.selectbox(key="groep_keuze").options


def test_an_unknown_group_gets_the_same_message(app: AppTest, sample_db_url: str) -> None:
    _open(app, _identities(sample_db_url)["burgemeester-utrecht"], "G-99999")
    assert not app.exception
    assert [e.value for e in app.error] == [NOT_FOUND]


def test_the_mayor_sees_no_member_names(app: AppTest, sample_db_url: str) -> None:
    mayor = _identities(sample_db_url)["burgemeester-utrecht"]
    groep_id, _ = _top_group(sample_db_url, mayor)
    _open(app, mayor, groep_id)
    assert not app.exception
    columns = [set(frame.value.columns) for frame in app.dataframe]
    assert {"rol", "Totaal"} in [c & {"rol", "Totaal"} for c in columns], "de leden geteld, zonder namen"
    assert not any({"naam", "persoon_id"} <= c for c in columns)
    assert "P-0" not in _all_text(app), "ook geen persoonsnummers in het advies"


def test_the_specialist_sees_the_names(app: AppTest, sample_db_url: str) -> None:
    specialist = _identities(sample_db_url)["specialist-mnl"]
    groep_id, _ = _top_group(sample_db_url, specialist)
    _open(app, specialist, groep_id)
    names = next(frame.value for frame in app.dataframe if "persoon_id" in frame.value.columns)
    assert len(names) > 0
    assert names["naam"].str.len().min() > 0


def test_without_a_group_id_a_selectbox_appears(app: AppTest, sample_db_url: str) -> None:
    mayor = _identities(sample_db_url)["burgemeester-utrecht"]
    _open(app, mayor, None)
    assert not app.exception
    choice = app.selectbox(key="groep_keuze")
    assert choice.value is None
    assert choice.options
    assert not app.metric
    choice.select_index(0).run()
    assert not app.exception
    assert app.query_params["groep"]
    assert app.metric[0].label == "Prioriteitsscore"


def test_an_earlier_peildatum_keeps_the_page_working(app: AppTest, sample_db_url: str) -> None:
    specialist = _identities(sample_db_url)["specialist-mnl"]
    groep_id, _ = _top_group(sample_db_url, specialist)
    _open(app, specialist, groep_id)
    choice = app.sidebar.selectbox(key="peildatum")
    choice.select(dt.date(2024, 12, 31)).run()
    assert not app.exception
    assert app.title


def test_the_beheerder_cannot_open_the_group_page(app: AppTest, sample_db_url: str) -> None:
    _open(app, _identities(sample_db_url)["beheerder"], "G-00014")
    assert not app.exception
    assert "Schoolplein Sportlaan" not in _all_text(app)
    assert not any("persoon_id" in frame.value.columns for frame in app.dataframe)
    assert not any(
        frame.value.columns.tolist() == ["datum", "auteur", "prioriteit", "band"] for frame in app.dataframe
    )


@pytest.mark.parametrize(("gebruiker", "visible"), [("specialist-mnl", True), ("ovj-mnl", False)])
def test_the_radicalisation_flag_shows_only_for_the_police(
    app: AppTest, sample_db_url: str, gebruiker: str, *, visible: bool
) -> None:
    _open(app, _identities(sample_db_url)[gebruiker], "G-00046")  # a scan with a radicalisation signal
    assert not app.exception
    assert app.title
    shown = any("radicaliseringssignaal" in e.value for e in app.error)
    assert shown is visible
    columns = {c for frame in app.dataframe for c in frame.value.columns}
    assert ("radicaliseringssignaal" in columns) is visible
