"""The decisions-over-time figure: counts per month and outcome, stacked bars, Dutch labels."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import build_decision_counts
from dashboard.charts.decisions import DECISION_MONTHS, UITKOMST_STYLES, decision_counts
from dashboard.domain import BESLUIT_UITKOMST_LABELS, BESLUIT_UITKOMSTEN

PEILDATUM = dt.date(2026, 11, 30)


def _decisions() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "vergaderdatum": [
                dt.date(2026, 11, 3),
                dt.date(2026, 11, 24),
                dt.date(2026, 10, 1),
                dt.date(2024, 1, 1),  # before the window
                dt.date(2026, 12, 2),  # after the peildatum
            ],
            "uitkomst": ["geprioriteerd", "geprioriteerd", "afschalen", "monitoren", "monitoren"],
        }
    )


def test_counts_cover_every_month_and_outcome_of_the_window() -> None:
    counts = decision_counts(_decisions(), PEILDATUM)
    assert counts.height == DECISION_MONTHS * len(BESLUIT_UITKOMSTEN)
    assert counts["maand"].min() == dt.date(2024, 12, 1)
    assert counts["maand"].max() == dt.date(2026, 11, 1)
    per_cell = {(m, u): n for m, u, n in counts.filter(pl.col("besluiten") > 0).iter_rows()}
    assert per_cell == {
        (dt.date(2026, 11, 1), "geprioriteerd"): 2,
        (dt.date(2026, 10, 1), "afschalen"): 1,
    }


def test_the_figure_stacks_one_trace_per_outcome_with_dutch_labels() -> None:
    figure = build_decision_counts(_decisions(), PEILDATUM)
    assert isinstance(figure, go.Figure)
    assert figure.layout.barmode == "stack"
    assert figure.layout.legend.traceorder == "normal", "legenda in de volgorde van de uitkomsten"
    assert [trace.name for trace in figure.data] == [BESLUIT_UITKOMST_LABELS[u] for u in BESLUIT_UITKOMSTEN]
    assert figure.layout.xaxis.title.text == "Maand van de vergadering"
    assert figure.layout.yaxis.title.text == "Besluiten"
    assert figure.layout.separators == ",."
    prioritised = figure.data[0]
    assert prioritised.x[-1] == "nov. 2026"
    assert prioritised.y[-1] == 2
    assert sum(prioritised.y) == 2
    for trace, uitkomst in zip(figure.data, BESLUIT_UITKOMSTEN, strict=True):
        colour, pattern = UITKOMST_STYLES[uitkomst]
        assert trace.marker.color == colour
        assert (trace.marker.pattern.shape or "") == pattern


def test_no_decisions_gives_an_empty_but_valid_figure() -> None:
    empty = _decisions().clear()
    figure = build_decision_counts(empty, PEILDATUM)
    assert len(figure.data) == len(BESLUIT_UITKOMSTEN)
    assert all(sum(trace.y) == 0 for trace in figure.data)
