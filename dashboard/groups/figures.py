"""Plotly figures for the group page: contributions, sub-scores and the score history of one group."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Final

import plotly.graph_objects as go

from dashboard.presentation import (
    BAND_COLOURS,
    BAND_SYMBOLS,
    DEELSCORE_HELP,
    DEELSCORE_LABELS,
    format_date,
    format_number,
)
from dashboard.scoring.scores import DEELSCORES

if TYPE_CHECKING:
    import polars as pl

    from dashboard.scoring.config import ScoringConfig
    from dashboard.scoring.results import Bijdrage, GroepScore

__all__ = ["DEELSCORE_COLOURS", "build_contributions_chart", "build_history_chart", "build_subscore_chart"]

# Okabe-Ito colours not used by the bands (blue, reddish purple, bluish green, yellow), so a sub-score
# is never mistaken for a band; each bar also carries the sub-score's name, so colour is not alone.
DEELSCORE_COLOURS: Final = {
    "ernst": "#0072B2",
    "risico": "#CC79A7",
    "ontwikkeling": "#009E73",
    "impact": "#F0E442",
}
# Plotly marker symbols that match presentation.BAND_SYMBOLS (▲ ◆ ● ○ ?).
_BAND_MARKERS: Final = {
    "hoog": "triangle-up",
    "midden": "diamond",
    "laag": "circle",
    "geen groepsaanpak": "circle-open",
    "onvoldoende gegevens": "x",
}
_FONT: Final = {"family": "sans-serif", "size": 13}
_ROW_PX = 26  # height per bar in the contributions chart
_REST = "kleinere onderdelen samen)"  # the label's end for the bar summing the smaller contributions


def _wrap(text: str, width: int = 70) -> str:
    """Long evidence text broken into lines for a hover box."""
    return "<br>".join(textwrap.wrap(text, width)) or "—"


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        font=_FONT,
        separators=",.",  # Dutch: decimal comma, thousands point
        legend={"orientation": "h", "y": -0.15, "x": 0},
        hoverlabel={"align": "left"},
    )
    return fig


def _label(bijdrage: Bijdrage) -> str:
    """A unique bar label: the same component may count in two sub-scores."""
    return f"{DEELSCORE_LABELS.get(bijdrage.deelscore, bijdrage.deelscore)} · {bijdrage.component}"


def _bars(score: GroepScore, top: int) -> list[tuple[str, str, float, str, str]]:
    """The bars as (deelscore, label, punten, bewijs, punten in deelscore), in chart order.

    The `top` largest contributions get their own bar; the rest is summed per sub-score into one
    'overige' bar, so the bars still add up to the priority score.
    """
    ranked = sorted(score.bijdragen, key=lambda b: -b.punten)
    shown, rest = ranked[:top], ranked[top:]
    bars = [(b.deelscore, _label(b), b.punten, b.bewijs, format_number(b.punten_deelscore, 1)) for b in shown]
    for deelscore in DEELSCORES:
        others = [b for b in rest if b.deelscore == deelscore]
        if others:
            label = f"{DEELSCORE_LABELS[deelscore]} · overige ({len(others)} {_REST}"
            names = "; ".join(b.component for b in others)
            bewijs = f"Kleinere bijdragen samen: {names}. Het bewijs staat in de tabel."
            punten_deelscore = format_number(sum(b.punten_deelscore for b in others), 1)
            bars.append((deelscore, label, sum(b.punten for b in others), bewijs, punten_deelscore))
    return sorted(bars, key=lambda bar: (DEELSCORES.index(bar[0]), _is_rest(bar[1]), -bar[2]))


def _is_rest(label: str) -> bool:
    return label.endswith(_REST)


def build_contributions_chart(score: GroepScore, top: int = 20) -> go.Figure:
    """Horizontal bars: the contributions' points in the priority score, one trace per sub-score.

    The `top` largest contributions get their own bar, the others one bar per sub-score; all bars add
    up to the priority score (within rounding). The hover shows the evidence.
    """
    fig = go.Figure()
    bars = _bars(score, top)
    for deelscore in DEELSCORES:
        rows = [bar for bar in bars if bar[0] == deelscore]
        if not rows:
            continue
        fig.add_trace(
            go.Bar(
                name=DEELSCORE_LABELS[deelscore],
                orientation="h",
                x=[bar[2] for bar in rows],
                y=[bar[1] for bar in rows],
                marker={
                    "color": DEELSCORE_COLOURS[deelscore],
                    "line": {"color": "#333333", "width": 0.5},
                    # hatched: a sum of several small contributions, not one large one
                    "pattern": {"shape": ["/" if _is_rest(bar[1]) else "" for bar in rows], "solidity": 0.4},
                },
                customdata=[[_wrap(bar[3]), bar[4]] for bar in rows],
                hovertemplate=(
                    "<b>%{y}</b><br>%{x:.1f} punten in de prioriteitsscore"
                    " (%{customdata[1]} in de deelscore)<br>%{customdata[0]}<extra></extra>"
                ),
            )
        )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=[bar[1] for bar in reversed(bars)],
        automargin=True,
        title_text=None,
    )
    fig.update_xaxes(title_text="Punten in de prioriteitsscore", rangemode="tozero")
    title = f"Bijdragen aan de prioriteitsscore ({format_number(score.prioriteit, 1)})"
    fig = _layout(fig, title, height=max(260, 130 + _ROW_PX * len(bars)))
    # No legend: every label starts with its sub-score, so the colour only groups what the text says.
    fig.update_layout(showlegend=False)
    return fig


def build_subscore_chart(score: GroepScore) -> go.Figure:
    """Four horizontal bars on 0-100, one per sub-score, with what the sub-score means in the hover."""
    values = [getattr(score, d) or 0.0 for d in DEELSCORES]
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=[DEELSCORE_LABELS[d] for d in DEELSCORES],
            x=values,
            text=[format_number(v) for v in values],
            textposition="outside",
            marker={
                "color": [DEELSCORE_COLOURS[d] for d in DEELSCORES],
                "line": {"color": "#333333", "width": 0.5},
            },
            customdata=[_wrap(DEELSCORE_HELP[d], 50) for d in DEELSCORES],
            hovertemplate="<b>%{y}</b>: %{x:.1f} van 100<br>%{customdata}<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_xaxes(title_text="Deelscore (0-100)", range=[0, 115])
    fig.update_yaxes(title_text=None, autorange="reversed", automargin=True)
    return _layout(fig, "Deelscores", height=260)


def build_history_chart(history: pl.DataFrame, config: ScoringConfig) -> go.Figure:
    """The priority score at each scan date, markers shaped by band, with the band thresholds.

    Needs history with peildatum, prioriteit and band (from GroupDetail.geschiedenis).
    """
    rows = history.sort("peildatum").to_dicts()
    bands = [row["band"] for row in rows]
    fig = go.Figure(
        go.Scatter(
            x=[row["peildatum"] for row in rows],
            y=[row["prioriteit"] for row in rows],
            mode="lines+markers",
            name="Prioriteitsscore",
            line={"color": "#777777", "width": 2},  # visible on light and dark themes
            marker={
                "size": 13,
                "symbol": [_BAND_MARKERS.get(b, "circle") for b in bands],
                "color": [BAND_COLOURS.get(b, "#FFFFFF") for b in bands],
                "line": {"color": "#333333", "width": 1},
            },
            customdata=[
                [format_date(row["peildatum"]), f"{BAND_SYMBOLS.get(b, '')} {b}".strip()]
                for row, b in zip(rows, bands, strict=True)
            ],
            hovertemplate=(
                "Scan van %{customdata[0]}<br>Prioriteitsscore %{y:.1f}<br>"
                "Band %{customdata[1]}<extra></extra>"
            ),
            showlegend=False,
        )
    )
    banden = config.banden
    for band, value in (("hoog", banden.hoog), ("midden", banden.midden), ("laag", banden.laag)):
        fig.add_hline(
            y=value,
            line={"dash": "dot", "color": "#777777", "width": 1},
            annotation_text=f"grens {BAND_SYMBOLS[band]} {band} ({format_number(value)})",
            annotation_position="top left",
            annotation_font={"size": 11, "color": "#555555"},
        )
    fig.update_yaxes(title_text="Prioriteitsscore (0-100)", range=[0, 100])
    fig.update_xaxes(title_text="Datum van de groepsscan", tickformat="%d-%m-%Y")
    return _layout(fig, "Prioriteitsscore per groepsscan", height=320)
