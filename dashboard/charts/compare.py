"""Side-by-side comparison of a few groups' sub-scores and priority (grouped bars)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import plotly.graph_objects as go  # type: ignore[import-untyped, unused-ignore]

from dashboard.charts.trends import GROUP_COLOURS, dutch_layout
from dashboard.presentation import DEELSCORE_LABELS, band_label

if TYPE_CHECKING:
    import polars as pl

__all__ = ["build_comparison"]

# A fill pattern per group as well as a colour, so the groups differ without colour vision too.
_PATTERNS: Final = ("", "/", ".", "x", "-", "+")


def build_comparison(groups: pl.DataFrame) -> go.Figure:
    """One bar trace per group over ernst, risico, ontwikkeling, impact and prioriteit (0-100).

    groups: werknaam, band and the score columns (ScopeScores.groepen rows); the legend names each
    group with its band symbol and word.
    """
    columns = list(DEELSCORE_LABELS)
    labels = list(DEELSCORE_LABELS.values())
    figure = go.Figure()
    for index, row in enumerate(groups.iter_rows(named=True)):
        name = f"{row['werknaam']} ({band_label(row['band'])})"
        figure.add_trace(
            go.Bar(
                x=labels,
                y=[row[column] for column in columns],
                name=name,
                marker={
                    "color": GROUP_COLOURS[index % len(GROUP_COLOURS)],
                    "pattern_shape": _PATTERNS[index % len(_PATTERNS)],
                },
                hovertemplate=f"<b>{row['werknaam']}</b><br>%{{x}}: %{{y:.0f}}<extra></extra>",
            )
        )
    figure.update_layout(barmode="group")
    figure.update_xaxes(title_text="Deelscore")
    figure.update_yaxes(title_text="Score (0-100)", range=[0, 100])
    return dutch_layout(figure)
