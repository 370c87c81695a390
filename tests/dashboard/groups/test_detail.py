"""The group detail: scope, role rules (names, radicalisation flag), overlap and agreement with the scope."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dashboard.access import AccessDeniedError, Identity, Scope
from dashboard.groups.detail import POLITIE_ROLLEN, load_group_detail
from dashboard.scoring.config import default_config
from dashboard.scoring.inputs import load_inputs
from dashboard.scoring.service import score_scope
from dashboard.scoring.trends import score_history
from dashboard.storage.queries import load_identities

PEILDATUM = dt.date(2026, 11, 30)
UTRECHT_TOP = "G-00014"  # Groep Schoolplein Sportlaan, Utrecht, band hoog
AMERSFOORT_GROUP = "G-00019"
NOORD_GROUP = "G-00008"  # Utrecht-Noord; shares members with G-00010 and G-00016 in other basisteams
RADICAL_GROUP = "G-00046"  # a scan with a radicalisation signal (eenheid Midden-Nederland)


@pytest.fixture(scope="module")
def people(sample_engine) -> dict[str, Identity]:
    return {identity.gebruiker_id: identity for identity in load_identities(sample_engine)}


def _as(identity: Identity, rol: str) -> Identity:
    return identity.model_copy(update={"rol": rol})


def test_a_group_inside_the_scope_returns_its_detail(sample_engine, people) -> None:
    detail = load_group_detail(sample_engine, people["burgemeester-utrecht"], UTRECHT_TOP, PEILDATUM)
    assert detail is not None
    assert detail.groep.werknaam == "Groep Schoolplein Sportlaan"
    assert detail.groep.gemeente_naam == "Utrecht"
    assert detail.groep.stap_label.startswith("6 ")
    assert detail.score is not None
    assert detail.score.band == "hoog"
    assert not detail.scans.is_empty()
    assert detail.scans["band"].is_not_null().all()
    assert not detail.hangplekken.is_empty()
    assert detail.hangplekken["tijden"].str.contains(" u").all()
    assert detail.leden["leden"].sum() > 0
    assert set(detail.leden.columns) == {"rol", "leeftijdsgroep", "leden"}


@pytest.mark.parametrize("groep_id", [AMERSFOORT_GROUP, "G-99999", "", "' OR 1=1 --"])
def test_a_group_outside_the_scope_or_unknown_returns_none(sample_engine, people, groep_id: str) -> None:
    assert load_group_detail(sample_engine, people["burgemeester-utrecht"], groep_id, PEILDATUM) is None


def test_the_amersfoort_mayor_gets_the_amersfoort_group(sample_engine, people) -> None:
    detail = load_group_detail(sample_engine, people["burgemeester-amersfoort"], AMERSFOORT_GROUP, PEILDATUM)
    assert detail is not None
    assert detail.groep.gemeente_naam == "Amersfoort"


@pytest.mark.parametrize(
    ("rol", "names"),
    [
        ("procesregisseur", True),
        ("officier_van_justitie", True),
        ("politie_specialist", True),
        ("wijkagent", True),
        ("burgemeester", False),
    ],
)
def test_names_only_for_roles_with_the_namenlijst(sample_engine, people, rol: str, *, names: bool) -> None:
    identity = _as(people["burgemeester-utrecht"], rol)
    detail = load_group_detail(sample_engine, identity, UTRECHT_TOP, PEILDATUM)
    assert detail is not None
    if names:
        assert detail.namen is not None
        assert detail.namen.height == detail.leden["leden"].sum()
        assert detail.namen["naam"].is_not_null().all()
    else:
        assert detail.namen is None
        advice = detail.score.advies.model_dump_json()  # type: ignore[union-attr]
        assert "P-0" not in advice, "no person ids in the advice either"
        assert "Met een eigen traject: 18 leden" in advice


@pytest.mark.parametrize(
    "rol", ["politie_specialist", "wijkagent", "procesregisseur", "officier_van_justitie", "burgemeester"]
)
def test_the_radicalisation_flag_only_for_police_roles(sample_engine, people, rol: str) -> None:
    identity = _as(people["specialist-mnl"], rol)
    detail = load_group_detail(sample_engine, identity, RADICAL_GROUP, PEILDATUM)
    assert detail is not None
    if rol in POLITIE_ROLLEN:
        assert detail.radicalisering is True
        assert detail.scans["radicaliseringssignaal"].dtype == pl.Boolean
        assert detail.scans["radicaliseringssignaal"].any()
    else:
        assert detail.radicalisering is None
        assert "radicaliseringssignaal" not in detail.scans.columns


def test_the_beheerder_is_refused(sample_engine, people) -> None:
    with pytest.raises(AccessDeniedError, match="Groepspagina"):
        load_group_detail(sample_engine, people["beheerder"], UTRECHT_TOP, PEILDATUM)


def test_overlap_outside_the_scope_is_counted_not_named(sample_engine, people) -> None:
    noord = load_group_detail(sample_engine, people["wijkagent-utrecht-noord"], NOORD_GROUP, PEILDATUM)
    utrecht = load_group_detail(sample_engine, people["burgemeester-utrecht"], NOORD_GROUP, PEILDATUM)
    assert noord is not None
    assert utrecht is not None
    assert utrecht.overlap_buiten_gebied == 0
    assert set(utrecht.overlap["groep_id"]) == {"G-00010", "G-00016"}
    assert noord.overlap.is_empty(), "the other groups lie in other basisteams"
    assert noord.overlap_buiten_gebied == utrecht.overlap["gedeelde_leden"].sum()


def test_the_advice_is_present(sample_engine, people) -> None:
    detail = load_group_detail(sample_engine, people["specialist-mnl"], UTRECHT_TOP, PEILDATUM)
    assert detail is not None
    assert detail.score is not None
    advies = detail.score.advies
    assert advies.prioriteit.startswith("Hoog")
    assert {a.soort for a in advies.aanpak} >= {"groepsgericht", "domeingericht"}
    assert advies.partners
    assert advies.interventies
    assert advies.redenen[0].startswith("Prioriteitsscore")


def test_every_group_scores_as_in_its_scope(sample_engine, people) -> None:
    specialist = people["specialist-mnl"]
    scope = score_scope(sample_engine, specialist.scope, PEILDATUM).groepen
    for row in scope.iter_rows(named=True):
        detail = load_group_detail(sample_engine, specialist, row["groep_id"], PEILDATUM)
        assert detail is not None
        ours = detail.score.prioriteit if detail.score else None
        theirs = None if row["prioriteit"] is None else round(row["prioriteit"], 1)
        assert ours == theirs, row["groep_id"]
        assert (detail.score.band if detail.score else "onvoldoende gegevens") == row["band"]
        if row["trend"] is None:
            assert detail.verandering is None, row["groep_id"]
        else:
            assert detail.verandering == pytest.approx(row["trend"]), row["groep_id"]


def test_a_group_before_its_first_signal_has_no_score(sample_engine, people) -> None:
    detail = load_group_detail(
        sample_engine, people["wijkagent-utrecht-noord"], NOORD_GROUP, dt.date(2025, 1, 31)
    )
    assert detail is not None
    assert detail.score is None
    assert detail.scans.is_empty()
    assert detail.leden.is_empty()


def test_a_land_scope_sees_every_group(sample_engine) -> None:
    land = Identity(
        gebruiker_id="t", naam="T", email="t@x.example", rol="politie_specialist", scope=Scope(type="land")
    )
    assert load_group_detail(sample_engine, land, AMERSFOORT_GROUP, PEILDATUM) is not None


def test_the_history_is_the_scoring_history(sample_engine, people) -> None:
    detail = load_group_detail(sample_engine, people["burgemeester-utrecht"], UTRECHT_TOP, PEILDATUM)
    assert detail is not None
    inputs = load_inputs(sample_engine, people["burgemeester-utrecht"].scope, PEILDATUM)
    expected = score_history(inputs, default_config()).filter(pl.col("groep_id") == UTRECHT_TOP)
    assert detail.geschiedenis["prioriteit"].to_list() == pytest.approx(
        expected.sort("peildatum")["prioriteit"].to_list()
    )
    assert detail.geschiedenis["band"].to_list() == expected.sort("peildatum")["band"].to_list()


def test_no_names_for_a_group_not_judged_problematic(sample_engine, people) -> None:
    specialist = next(i for i in people.values() if i.rol == "politie_specialist")
    groups = score_scope(sample_engine, specialist.scope, PEILDATUM).groepen
    gated = groups.filter(pl.col("beoordeling_2a") != "problematisch")["groep_id"][0]
    problematic = groups.filter(pl.col("beoordeling_2a") == "problematisch")["groep_id"][0]
    assert load_group_detail(sample_engine, specialist, gated, PEILDATUM).namen is None
    assert load_group_detail(sample_engine, specialist, problematic, PEILDATUM).namen is not None


@pytest.mark.parametrize(
    ("rol", "ids", "suspicions"),
    [
        ("procesregisseur", False, False),  # the municipality: names, no police numbers or suspicions
        ("officier_van_justitie", True, True),
        ("politie_specialist", True, True),
    ],
)
def test_the_personal_advice_shows_only_the_fields_of_the_role_s_namenlijst(
    sample_engine, people, rol: str, *, ids: bool, suspicions: bool
) -> None:
    identity = _as(people["burgemeester-utrecht"], rol)
    detail = load_group_detail(sample_engine, identity, UTRECHT_TOP, PEILDATUM)
    assert detail is not None
    assert detail.score is not None
    assert detail.namen is not None
    persoonsgericht = next(a for a in detail.score.advies.aanpak if a.soort == "persoonsgericht")
    assert len(persoonsgericht.betreft) == 18
    text = " ".join(persoonsgericht.betreft)
    assert ("P-0" in text) is ids
    assert ("verdenking" in text) is suspicions
    if not ids:
        names = set(detail.namen["naam"])
        assert all(item in names for item in persoonsgericht.betreft), "named instead of numbered"
