"""Scores, bands and legacy types of hand-made groups, and the properties the method promises."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from dashboard.domain import DIMENSIES
from dashboard.scoring.config import default_config
from dashboard.scoring.results import score_report
from dashboard.scoring.scores import score_groups
from tests.dashboard.scoring.conftest import LAT, LON, PEIL, Group, make_inputs

SCORE_COLUMNS = ["groep_id", "ernst", "risico", "ontwikkeling", "impact", "prioriteit", "band", "type"]
SETTINGS = settings(max_examples=15, deadline=None)
TWO_SOURCES = "wijkagent;boa"


def _levels(level: int) -> dict[str, int]:
    return dict.fromkeys(DIMENSIES, level)


def _members(n: int, kern: int = 0, leider: int = 0) -> list[tuple[str, str]]:
    roles = ["leider"] * leider + ["kern"] * kern
    return [(f"P{i}", roles[i] if i < len(roles) else "meeloper") for i in range(n)]


def _near(n: int, days_ago: int = 30) -> list[tuple[dt.date, float, float]]:
    return [(PEIL - dt.timedelta(days=days_ago), LAT + 0.0005, LON)] * n


def _score(*groups: Group, jongeren: int | None = 10_000) -> dict[str, object]:
    scores = score_groups(make_inputs(list(groups), jongeren), PEIL, default_config()).scores
    return scores.select(SCORE_COLUMNS).to_dicts()[0]


CASES = [
    pytest.param(Group(), "onvoldoende gegevens", id="geen-beoordeling-geen-registraties"),
    pytest.param(Group(beoordeling_2a="niet_problematisch"), "geen groepsaanpak", id="2a-niet-problematisch"),
    pytest.param(
        Group(scans=[(PEIL, _levels(0), TWO_SOURCES)]), "geen groepsaanpak", id="alles-niet-beoordeeld"
    ),
    pytest.param(
        Group(scans=[(PEIL, {"overlast": 1}, TWO_SOURCES)], leden=_members(10, kern=2)),
        "geen groepsaanpak",
        id="incidentele-overlast",
    ),
    pytest.param(
        Group(scans=[(PEIL, _levels(1), TWO_SOURCES)], leden=_members(10, kern=2)),
        "laag",
        id="alles-incidenteel",
    ),
    pytest.param(
        Group(
            scans=[(PEIL, _levels(2), TWO_SOURCES)],
            leden=_members(10, kern=2),
            hangplekken=[(LAT, LON)],
            meldingen=_near(10),
        ),
        "midden",
        id="alles-regelmatig-met-meldingen",
    ),
    pytest.param(
        Group(
            scans=[(PEIL, _levels(3), TWO_SOURCES)],
            leden=_members(20, kern=9, leider=1),
            registraties=[
                (f"P{i}", PEIL - dt.timedelta(days=20), "vuurwapenbezit", "verdachte") for i in range(20)
            ],
            hangplekken=[(LAT, LON)],
            meldingen=_near(60),
        ),
        "hoog",
        id="alles-structureel-met-verdenkingen",
    ),
]


@pytest.mark.parametrize(("group", "band"), CASES)
def test_hand_made_groups_get_the_documented_band(group: Group, band: str) -> None:
    assert _score(group)["band"] == band


def test_the_worked_numbers_of_alles_incidenteel() -> None:
    result = _score(Group(scans=[(PEIL, _levels(1), TWO_SOURCES)], leden=_members(10, kern=2)))
    # ernst: sum of the ernst weights (26); risico: 19 for ratings + 4 for size + 2 for core (2 of 10);
    # impact: overlast 5 + intimidatie 5 + vernieling 3.
    assert result["ernst"] == pytest.approx(26.0)
    assert result["risico"] == pytest.approx(25.0)
    assert result["impact"] == pytest.approx(13.0)
    assert result["prioriteit"] == pytest.approx(0.35 * 26 + 0.25 * 25 + 0.25 * 13)
    assert result["type"] == "hinderlijk"


@pytest.mark.parametrize(
    ("levels", "registraties", "expected"),
    [
        pytest.param({"overlast": 1}, 0, "hinderlijk", id="hinderlijk"),
        pytest.param({"intimidatie": 2}, 0, "overlastgevend", id="overlastgevend-intimidatie"),
        pytest.param(
            {"geweld": 2, "vermogen": 2, "drugshandel": 2},
            0,
            "overlastgevend",
            id="crimineel-zonder-verdachten",
        ),
        pytest.param(
            {"geweld": 2, "vermogen": 2, "drugshandel": 2}, 3, "crimineel", id="crimineel-met-verdachten"
        ),
        pytest.param({"overlast": 1}, 5, "crimineel", id="crimineel-op-zware-verdenkingen"),
    ],
)
def test_legacy_type_follows_the_rule(levels: dict[str, int], registraties: int, expected: str) -> None:
    regs = [(f"P{i}", PEIL - dt.timedelta(days=10), "drugshandel", "verdachte") for i in range(registraties)]
    group = Group(scans=[(PEIL, levels, TWO_SOURCES)], leden=_members(10), registraties=regs)
    assert _score(group)["type"] == expected


# --- properties -------------------------------------------------------------------------------------

ROLES = ["leider", "kern", "meeloper", "aanhang"]
CATS = ["overlast", "vernieling", "mishandeling", "drugshandel", "vuurwapenbezit"]
OTHER_ROLES = ["slachtoffer", "getuige", "betrokkene"]


@st.composite
def groups(draw: st.DrawFn) -> Group:
    """A random group: maybe a scan (and a previous one), members, registrations, meldingen."""
    n = draw(st.integers(0, 6))
    leden = [(f"P{i}", draw(st.sampled_from(ROLES))) for i in range(n)]
    scans = []
    if draw(st.booleans()):
        dims = st.dictionaries(st.sampled_from(DIMENSIES), st.integers(0, 3), max_size=5)
        scans.append((PEIL - dt.timedelta(days=draw(st.integers(0, 300))), draw(dims), TWO_SOURCES))
        if draw(st.booleans()):
            scans.append((dt.date(2025, 1, 1), draw(dims), "wijkagent"))
    registraties = []
    if n:
        event = st.tuples(
            st.sampled_from([p for p, _ in leden]),
            st.integers(0, 700).map(lambda d: PEIL - dt.timedelta(days=d)),
            st.sampled_from(CATS),
            st.sampled_from(["verdachte", *OTHER_ROLES]),
        )
        registraties = draw(st.lists(event, max_size=6))
    return Group(
        scans=scans,
        leden=leden,
        registraties=registraties,
        hangplekken=[(LAT, LON)],
        meldingen=_near(draw(st.integers(0, 20)), draw(st.integers(0, 400))),
    )


@SETTINGS
@given(groups(), st.integers(0, 700), st.sampled_from(CATS), st.sampled_from(OTHER_ROLES))
def test_a_non_suspect_registration_never_changes_a_score(
    group: Group, days: int, cat: str, rol: str
) -> None:
    member = group.leden[0][0] if group.leden else "Q1"
    more = Group(
        **{
            **group.__dict__,
            "registraties": [*group.registraties, (member, PEIL - dt.timedelta(days=days), cat, rol)],
        }
    )
    assert _score(more) == _score(group)


@SETTINGS
@given(groups(), st.integers(0, 360), st.sampled_from(CATS))
def test_a_suspect_registration_never_lowers_ernst_or_priority(group: Group, days: int, cat: str) -> None:
    if not group.leden:
        group.leden.append(("P0", "meeloper"))
    before = _score(group)
    added = (group.leden[0][0], PEIL - dt.timedelta(days=days), cat, "verdachte")
    after = _score(Group(**{**group.__dict__, "registraties": [*group.registraties, added]}))
    assert after["ernst"] >= (before["ernst"] or 0.0) - 1e-9
    assert after["prioriteit"] >= (before["prioriteit"] or 0.0) - 1e-9


@SETTINGS
@given(st.integers(0, 300), st.integers(1, 60), st.sampled_from(CATS))
def test_an_identical_older_event_counts_less(days: int, older_by: int, cat: str) -> None:
    def ernst(age: int) -> float:
        reg = ("P0", PEIL - dt.timedelta(days=age), cat, "verdachte")
        return float(_score(Group(leden=[("P0", "kern")], registraties=[reg]))["ernst"])

    assert ernst(days + older_by) < ernst(days)


@SETTINGS
@given(groups(), st.randoms(use_true_random=False))
def test_member_order_and_ids_do_not_matter(group: Group, rng: object) -> None:
    rename = {p: f"X{abs(hash(p)) % 10_000}-{p}" for p, _ in group.leden}
    leden = [(rename[p], rol) for p, rol in group.leden]
    rng.shuffle(leden)  # type: ignore[attr-defined]
    registraties = [(rename[p], d, c, r) for p, d, c, r in group.registraties]
    rng.shuffle(registraties)  # type: ignore[attr-defined]
    assert _score(Group(**{**group.__dict__, "leden": leden, "registraties": registraties})) == _score(group)


@SETTINGS
@given(groups())
def test_scoring_is_deterministic(group: Group) -> None:
    inputs = make_inputs([group])
    first = score_groups(inputs, PEIL, default_config())
    second = score_groups(inputs, PEIL, default_config())
    assert_frame_equal(first.scores, second.scores)
    assert_frame_equal(first.bijdragen, second.bijdragen)


@SETTINGS
@given(groups())
def test_contributions_sum_to_the_priority(group: Group) -> None:
    (result,) = score_report(make_inputs([group]), PEIL, default_config())
    if result.prioriteit is None:
        assert result.bijdragen == ()
        return
    total = sum(b.punten for b in result.bijdragen)
    assert total == pytest.approx(result.prioriteit, abs=0.05 + 0.005 * len(result.bijdragen))
    for deelscore in ("ernst", "risico", "ontwikkeling", "impact"):
        part = sum(b.punten_deelscore for b in result.bijdragen if b.deelscore == deelscore)
        assert part == pytest.approx(getattr(result, deelscore), abs=0.05 + 0.005 * len(result.bijdragen))


@SETTINGS
@given(groups())
def test_no_ratings_and_no_suspect_registrations_is_onvoldoende_gegevens(group: Group) -> None:
    bare = Group(
        leden=group.leden,
        registraties=[r for r in group.registraties if r[3] != "verdachte"],
        hangplekken=group.hangplekken,
        meldingen=group.meldingen,
    )
    result = _score(bare)
    assert result["band"] == "onvoldoende gegevens"
    assert result["prioriteit"] is None
