"""The group page's figures: contributions add up to the priority, Dutch titles, band thresholds."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.access import Identity, Scope
from dashboard.groups.detail import GroupDetail, load_group_detail
from dashboard.groups.figures import build_contributions_chart, build_history_chart, build_subscore_chart
from dashboard.presentation import DEELSCORE_LABELS

PEILDATUM = dt.date(2026, 11, 30)
SPECIALIST = Identity(
    gebruiker_id="t", naam="T", email="t@x.example", rol="politie_specialist", scope=Scope(type="land")
)


@pytest.fixture(scope="module", params=["G-00014", "G-00001", "G-00008"])
def detail(sample_engine, request: pytest.FixtureRequest) -> GroupDetail:
    found = load_group_detail(sample_engine, SPECIALIST, request.param, PEILDATUM)
    assert found is not None
    assert found.score is not None
    return found


def test_contribution_bars_add_up_to_the_priority(detail: GroupDetail) -> None:
    fig = build_contributions_chart(detail.score)  # type: ignore[arg-type]
    total = sum(sum(trace.x) for trace in fig.data)
    assert total == pytest.approx(detail.score.prioriteit, abs=0.1)  # type: ignore[union-attr]
    labels = [y for trace in fig.data for y in trace.y]
    assert len(labels) == len(set(labels)), "unique labels"
    assert len(labels) <= min(20 + 4, len(detail.score.bijdragen))  # type: ignore[union-attr]


def test_contributions_are_grouped_by_sub_score_in_dutch(detail: GroupDetail) -> None:
    fig = build_contributions_chart(detail.score)  # type: ignore[arg-type]
    assert fig.layout.title.text.startswith("Bijdragen aan de prioriteitsscore")
    assert fig.layout.xaxis.title.text == "Punten in de prioriteitsscore"
    assert {trace.name for trace in fig.data} <= set(DEELSCORE_LABELS.values())
    for trace in fig.data:
        assert all(label.startswith(trace.name + " · ") for label in trace.y)
        assert all(len(row[0]) > 0 for row in trace.customdata), "the evidence in the hover"


def test_sub_score_chart_has_four_bars_with_help(detail: GroupDetail) -> None:
    fig = build_subscore_chart(detail.score)  # type: ignore[arg-type]
    (bars,) = fig.data
    assert list(bars.y) == ["Ernst", "Risico", "Ontwikkeling", "Impact"]
    assert all(0 <= value <= 100 for value in bars.x)
    assert all(text for text in bars.customdata)
    assert fig.layout.title.text == "Deelscores"
    assert fig.layout.xaxis.title.text == "Deelscore (0-100)"


def test_history_chart_has_a_point_per_scan_and_the_band_thresholds(detail: GroupDetail) -> None:
    fig = build_history_chart(detail.geschiedenis, detail.config)
    (line,) = fig.data
    assert len(line.x) == detail.geschiedenis.height
    assert fig.layout.title.text == "Prioriteitsscore per groepsscan"
    assert fig.layout.xaxis.title.text == "Datum van de groepsscan"
    thresholds = sorted(shape.y0 for shape in fig.layout.shapes)
    banden = detail.config.banden
    assert thresholds == [banden.laag, banden.midden, banden.hoog]
    assert all("grens" in note.text for note in fig.layout.annotations)


def test_small_contributions_are_summed_per_sub_score(detail: GroupDetail) -> None:
    fig = build_contributions_chart(detail.score, top=3)  # type: ignore[arg-type]
    labels = [y for trace in fig.data for y in trace.y]
    assert sum("overige" not in label for label in labels) == 3
    assert 1 <= sum("overige" in label for label in labels) <= 4
    total = sum(sum(trace.x) for trace in fig.data)
    assert total == pytest.approx(detail.score.prioriteit, abs=0.1)  # type: ignore[union-attr]
