"""Trend and comparison figures: traces, names, axis titles, band colours and Dutch number formats."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import polars as pl
import pytest

from dashboard.charts import (
    build_band_counts,
    build_comparison,
    build_groups_per_youth,
    build_monthly_series,
    build_score_history,
)
from dashboard.charts.trends import BAND_MARKERS, month_label
from dashboard.presentation import BAND_COLOURS, BAND_ORDER, band_label

D1, D2, D3 = dt.date(2025, 6, 1), dt.date(2025, 12, 1), dt.date(2026, 6, 1)


def _history() -> pl.DataFrame:
    """Two groups: G2 (listed first) with three scans, G1 with one."""
    return pl.DataFrame(
        {
            "groep_id": ["G2", "G2", "G2", "G1"],
            "peildatum": [D3, D1, D2, D2],
            "werknaam": ["Groep Plein", "Groep Plein", "Groep Plein", "Groep Park"],
            "prioriteit": [72.0, 30.0, 45.5, 12.0],
            "band": ["hoog", "laag", "midden", "geen groepsaanpak"],
        }
    )


def _band_counts() -> pl.DataFrame:
    rows = [(day, band, n) for day in (dt.date(2026, 10, 31), dt.date(2026, 11, 30)) for n, band in
            enumerate(BAND_ORDER)]  # fmt: skip
    return pl.DataFrame(rows, schema=["peildatum", "band", "groepen"], orient="row")


def _groups() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "werknaam": ["Groep Plein", "Groep Park"],
            "band": ["hoog", "laag"],
            "ernst": [80.0, 20.0],
            "risico": [70.0, 10.0],
            "ontwikkeling": [40.0, 5.0],
            "impact": [60.0, 30.0],
            "prioriteit": [66.0, 18.0],
        }
    )


def _figures() -> dict[str, go.Figure]:
    monthly = pl.DataFrame({"maand": [dt.date(2026, 10, 1), dt.date(2026, 11, 1)], "registraties": [3, 1],
                            "meldingen": [1200, 40]})  # fmt: skip
    rates = pl.DataFrame({"gemeente_code": ["GM1", "GM2"], "naam": ["Aastad", "Beedorp"],
                          "jongeren_12_23": [20_000, 5_000], "groepen": [4, 1], "geprioriteerd": [2, 0],
                          "groepen_per_10000": [2.0, 2.0]})  # fmt: skip
    return {
        "geschiedenis": build_score_history(_history(), (60.0, 35.0, 15.0)),
        "banden": build_band_counts(_band_counts()),
        "maanden": build_monthly_series(monthly),
        "per_jongeren": build_groups_per_youth(rates),
        "vergelijking": build_comparison(_groups()),
    }


@pytest.mark.parametrize("name", ["geschiedenis", "banden", "maanden", "per_jongeren", "vergelijking"])
def test_every_figure_uses_dutch_separators_and_titles_its_axes(name: str) -> None:
    figure = _figures()[name]
    assert figure.layout.separators == ",.", "decimale komma, punt voor duizendtallen"
    y_titles = [figure.layout[axis].title.text for axis in figure.layout if axis.startswith("yaxis")]
    x_titles = [figure.layout[axis].title.text for axis in figure.layout if axis.startswith("xaxis")]
    assert all(y_titles), y_titles
    assert any(x_titles), "de (onderste) x-as heeft een titel"


def test_score_history_draws_one_line_per_group_in_the_given_order_with_dates_sorted() -> None:
    figure = build_score_history(_history())
    assert [trace.name for trace in figure.data] == ["Groep Plein", "Groep Park"]
    plein = figure.data[0]
    assert list(plein.x) == [D1, D2, D3]
    assert list(plein.y) == [30.0, 45.5, 72.0]
    assert list(plein.marker.symbol) == [BAND_MARKERS[b] for b in ("laag", "midden", "hoog")]
    assert figure.layout.xaxis.title.text == "Scandatum"
    assert figure.layout.yaxis.title.text == "Prioriteitsscore (0-100)"
    assert "Band: %{customdata[1]}" in plein.hovertemplate
    assert plein.customdata[2][1] == band_label("hoog")
    assert plein.customdata[0][0] == "1 jun. 2025"


def test_score_history_shades_the_bands_with_their_colour_and_word() -> None:
    figure = build_score_history(_history(), (60.0, 35.0, 15.0))
    shapes = {shape.fillcolor for shape in figure.layout.shapes}
    assert shapes == {BAND_COLOURS[b] for b in ("hoog", "midden", "laag", "geen groepsaanpak")}
    labels = {annotation.text for annotation in figure.layout.annotations}
    assert labels == {band_label(b) for b in ("hoog", "midden", "laag", "geen groepsaanpak")}


def test_band_counts_stack_one_trace_per_band_in_band_colours_named_with_symbol_and_word() -> None:
    figure = build_band_counts(_band_counts())
    assert figure.layout.barmode == "stack"
    assert [trace.name for trace in figure.data] == [band_label(band) for band in BAND_ORDER]
    assert [trace.marker.color for trace in figure.data] == [BAND_COLOURS[band] for band in BAND_ORDER]
    assert list(figure.data[0].x) == ["okt. 2026", "nov. 2026"]
    assert figure.layout.yaxis.title.text == "Aantal groepen"


def test_monthly_series_has_a_row_for_registrations_and_one_for_meldingen() -> None:
    figure = _figures()["maanden"]
    assert [trace.name for trace in figure.data] == ["Registraties als verdachte", "Meldingen jeugdoverlast"]
    assert [trace.yaxis for trace in figure.data] == ["y", "y2"]
    assert figure.layout.yaxis.title.text == "Registraties"
    assert figure.layout.yaxis2.title.text == "Meldingen"
    assert figure.layout.xaxis2.title.text == "Maand"
    assert list(figure.data[1].y) == [1200, 40]


def test_groups_per_youth_leaves_out_unknown_populations_and_puts_the_highest_rate_on_top() -> None:
    rates = pl.DataFrame(
        {
            "gemeente_code": ["GM1", "GM2", "GM3"],
            "naam": ["Aastad", "Beedorp", "Ceedorp"],
            "jongeren_12_23": [20_000, 5_000, None],
            "groepen": [2, 3, 1],
            "geprioriteerd": [1, 0, 0],
            "groepen_per_10000": [1.0, 6.0, None],
        }
    )
    figure = build_groups_per_youth(rates)
    assert [trace.name for trace in figure.data] == ["Alle groepen", "Geprioriteerd (▲ hoog, ◆ midden)"]
    assert list(figure.data[0].y) == ["Aastad", "Beedorp"]  # plotly draws the last category on top
    assert list(figure.data[1].x) == [0.5, 0.0]
    assert list(figure.data[1].text) == ["0,5", ""], "Nederlandse getallen; geen label bij nul"
    assert figure.layout.xaxis.title.text == "Groepen per 10.000 jongeren (12-23 jaar)"


def test_groups_per_youth_shows_at_most_the_limit() -> None:
    n = range(40)
    rates = pl.DataFrame({"gemeente_code": [f"GM{i}" for i in n], "naam": [f"G{i:02}" for i in n],
                          "jongeren_12_23": [1000] * 40, "groepen": list(n), "geprioriteerd": [0] * 40,
                          "groepen_per_10000": [10.0 * i for i in n]})  # fmt: skip
    figure = build_groups_per_youth(rates, limit=5)
    assert list(figure.data[0].y) == ["G35", "G36", "G37", "G38", "G39"]


def test_comparison_has_a_bar_trace_per_group_over_the_sub_scores_with_the_band_in_the_name() -> None:
    figure = build_comparison(_groups())
    assert figure.layout.barmode == "group"
    assert [trace.name for trace in figure.data] == ["Groep Plein (▲ hoog)", "Groep Park (● laag)"]
    assert list(figure.data[0].x) == ["Ernst", "Risico", "Ontwikkeling", "Impact", "Prioriteit"]
    assert list(figure.data[0].y) == [80.0, 70.0, 40.0, 60.0, 66.0]
    assert figure.data[0].marker.pattern.shape != figure.data[1].marker.pattern.shape
    assert tuple(figure.layout.yaxis.range) == (0, 100)


def test_month_label_is_dutch() -> None:
    assert month_label(dt.date(2026, 3, 31)) == "mrt. 2026"
