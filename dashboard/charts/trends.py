"""Trend figures: score history per group, groups per band over time, monthly counts, groups per youth.

Each builder takes the frame a scoring.trends function produces (or a plain aggregate of it) and returns
a go.Figure with Dutch titles, Dutch number formats (decimal comma) and, for bands, the band colour
together with its symbol and word, so colour is never the only carrier of meaning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import plotly.graph_objects as go  # type: ignore[import-untyped, unused-ignore]
import polars as pl
from plotly.subplots import make_subplots  # type: ignore[import-untyped, unused-ignore]

from dashboard.presentation import BAND_COLOURS, BAND_ORDER, band_label, format_date, format_number

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "BAND_MARKERS",
    "GROUP_COLOURS",
    "build_band_counts",
    "build_groups_per_youth",
    "build_monthly_series",
    "build_score_history",
    "dutch_layout",
    "month_label",
]

# Plotly marker shapes matching presentation.BAND_SYMBOLS, so a point shows its band by shape too.
BAND_MARKERS: Final = {
    "hoog": "triangle-up",
    "midden": "diamond",
    "laag": "circle",
    "geen groepsaanpak": "circle-open",
    "onvoldoende gegevens": "x",
}
# Okabe-Ito colours the bands do not use (without its yellow, too pale on white), then darker ones
# from Paul Tol's colour-blind-safe set: lines and bars of individual groups.
GROUP_COLOURS: Final = ("#0072B2", "#009E73", "#CC79A7", "#000000", "#332288", "#882255", "#117733")
_OUTLINE: Final = "#555555"  # edge for light fills (the white 'onvoldoende gegevens' band)
_REGISTRATIES: Final = "#0072B2"
_MELDINGEN: Final = "#009E73"


def dutch_layout(figure: go.Figure, *, height: int = 380) -> go.Figure:
    """Dutch number format (1.234,5), a legend above the plot, compact margins; returns the figure."""
    figure.update_layout(
        separators=",.",
        height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hoverlabel={"align": "left"},
    )
    return figure


def month_label(day: dt.date) -> str:
    """A month in Dutch, e.g. 'nov. 2026'."""
    return format_date(day).split(" ", 1)[1]


def _band_areas(figure: go.Figure, thresholds: tuple[float, float, float]) -> None:
    """Shade the score ranges of the bands, each labelled with its symbol and word."""
    hoog, midden, laag = thresholds
    ranges = {"hoog": (hoog, 100.0), "midden": (midden, hoog), "laag": (laag, midden)}
    ranges["geen groepsaanpak"] = (0.0, laag)
    for band, (low, high) in ranges.items():
        figure.add_hrect(
            y0=low,
            y1=high,
            fillcolor=BAND_COLOURS[band],
            opacity=0.12,
            line_width=0,
            layer="below",
            annotation_text=band_label(band),
            annotation_position="top right",
            annotation_font_size=11,
        )


def build_score_history(
    history: pl.DataFrame, thresholds: tuple[float, float, float] | None = None
) -> go.Figure:
    """Lines of the priority score per group over its scan dates; markers show the band by shape.

    history: groep_id, peildatum, werknaam, prioriteit, band (scoring.trends.HISTORY_COLUMNS); the
    groups keep the order in which they first appear (legend and colours follow it).
    thresholds: the hoog, midden and laag band limits, drawn as labelled shaded areas when given.
    """
    figure = go.Figure()
    if thresholds is not None:
        _band_areas(figure, thresholds)
    for index, group in enumerate(history.partition_by("groep_id", maintain_order=True)):
        rows = group.sort("peildatum")
        colour = GROUP_COLOURS[index % len(GROUP_COLOURS)]
        labels = [
            [format_date(day), band_label(band)] for day, band in rows.select("peildatum", "band").rows()
        ]
        figure.add_trace(
            go.Scatter(
                x=rows["peildatum"],
                y=rows["prioriteit"],
                name=rows["werknaam"][0],
                mode="lines+markers",
                line={"color": colour, "width": 2},
                marker={
                    "size": 10,
                    "color": colour,
                    "symbol": [BAND_MARKERS.get(b, "circle") for b in rows["band"]],
                },
                customdata=labels,
                hovertemplate=(
                    f"<b>{rows['werknaam'][0]}</b><br>Scan: %{{customdata[0]}}<br>"
                    "Prioriteit: %{y:.0f}<br>Band: %{customdata[1]}<extra></extra>"
                ),
            )
        )
    figure.update_xaxes(title_text="Scandatum", tickformat="%d-%m-%Y")
    figure.update_yaxes(title_text="Prioriteitsscore (0-100)", range=[0, 100])
    return dutch_layout(figure, height=420)


def build_band_counts(counts: pl.DataFrame) -> go.Figure:
    """Stacked bars: active groups per band at each date.

    counts: peildatum, band, groepen (scoring.trends.band_counts); one trace per band present.
    """
    figure = go.Figure()
    for band in BAND_ORDER:
        rows = counts.filter(pl.col("band") == band).sort("peildatum")
        if rows.is_empty():
            continue
        label = band_label(band)
        figure.add_trace(
            go.Bar(
                x=[month_label(day) for day in rows["peildatum"]],
                y=rows["groepen"],
                name=label,
                marker={"color": BAND_COLOURS[band], "line": {"color": _OUTLINE, "width": 0.5}},
                hovertemplate=f"%{{x}}<br>{label}: %{{y}} groepen<extra></extra>",
            )
        )
    figure.update_layout(barmode="stack", legend_traceorder="normal")  # hoog first, as in the tables
    figure.update_xaxes(title_text="Maand (stand op de laatste dag)", type="category")
    figure.update_yaxes(title_text="Aantal groepen", rangemode="tozero")
    return dutch_layout(figure)


def build_monthly_series(series: pl.DataFrame) -> go.Figure:
    """Two bar rows sharing the months: registrations as suspect, and meldingen jeugdoverlast.

    series: maand (first day), registraties, meldingen, one row per month (the scope's total).
    """
    rows = series.sort("maand")
    months = [month_label(day) for day in rows["maand"]]
    figure = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.12,
        subplot_titles=(
            "Registraties van groepsleden als verdachte",
            "Meldingen jeugdoverlast rond de hangplekken",
        ),
    )
    figure.add_trace(
        go.Bar(
            x=months,
            y=rows["registraties"],
            name="Registraties als verdachte",
            marker_color=_REGISTRATIES,
            hovertemplate="%{x}<br>Registraties als verdachte: %{y}<extra></extra>",
        ),
        row=1,
        col=1,
    )
    figure.add_trace(
        go.Bar(
            x=months,
            y=rows["meldingen"],
            name="Meldingen jeugdoverlast",
            marker_color=_MELDINGEN,
            marker_pattern_shape="/",
            hovertemplate="%{x}<br>Meldingen jeugdoverlast: %{y}<extra></extra>",
        ),
        row=2,
        col=1,
    )
    figure.update_layout(showlegend=False)  # each row has its own title: a legend would only repeat it
    figure.update_xaxes(type="category")
    figure.update_xaxes(title_text="Maand", row=2, col=1)
    figure.update_yaxes(title_text="Registraties", rangemode="tozero", row=1, col=1)
    figure.update_yaxes(title_text="Meldingen", rangemode="tozero", row=2, col=1)
    return dutch_layout(figure, height=480)


def build_groups_per_youth(rates: pl.DataFrame, limit: int = 25) -> go.Figure:
    """Horizontal bars per municipality: groups and prioritised groups per 10,000 youths (12-23).

    rates: scoring.trends.groups_per_youth (naam, jongeren_12_23, groepen, geprioriteerd,
    groepen_per_10000); municipalities without a population figure are left out, and only the
    `limit` highest rates are shown, highest on top.
    """
    shown = (
        rates.filter(pl.col("groepen_per_10000").is_not_null())
        .with_columns(
            geprioriteerd_per_10000=10_000 * pl.col("geprioriteerd") / pl.col("jongeren_12_23"),
        )
        .sort("groepen_per_10000", "naam", descending=[True, False])
        .head(limit)
        .reverse()  # plotly draws the first category at the bottom
    )
    custom = shown.select("groepen", "geprioriteerd", "jongeren_12_23")
    hover = (
        "<b>%{y}</b><br>%{x:.1f} per 10.000 jongeren<br>Groepen: %{customdata[0]}"
        "<br>Geprioriteerd: %{customdata[1]}<br>Jongeren 12-23 jaar: %{customdata[2]:,}<extra></extra>"
    )
    figure = go.Figure()
    for column, name, colour, pattern in (
        ("groepen_per_10000", "Alle groepen", GROUP_COLOURS[0], ""),
        ("geprioriteerd_per_10000", f"Geprioriteerd ({band_label('hoog')}, {band_label('midden')})",
         BAND_COLOURS["hoog"], "/"),
    ):  # fmt: skip
        figure.add_trace(
            go.Bar(
                x=shown[column],
                y=shown["naam"],
                orientation="h",
                name=name,
                marker={"color": colour, "pattern_shape": pattern},
                text=[format_number(value, 1) if value else "" for value in shown[column]],
                textposition="outside",
                customdata=custom,
                hovertemplate=hover,
            )
        )
    figure.update_layout(barmode="group", bargap=0.3, legend_traceorder="normal")
    figure.update_xaxes(title_text="Groepen per 10.000 jongeren (12-23 jaar)", rangemode="tozero")
    figure.update_yaxes(title_text="Gemeente", type="category")
    return dutch_layout(figure, height=max(220, 130 + 40 * shown.height))
