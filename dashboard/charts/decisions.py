"""The driehoek's decisions over time: per month, stacked by outcome (colour and pattern per outcome)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import plotly.graph_objects as go  # type: ignore[import-untyped, unused-ignore]
import polars as pl

from dashboard.charts.trends import dutch_layout, month_label
from dashboard.domain import BESLUIT_UITKOMST_LABELS, BESLUIT_UITKOMSTEN

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["DECISION_MONTHS", "UITKOMST_STYLES", "build_decision_counts", "decision_counts"]

DECISION_MONTHS: Final = 24
# Okabe-Ito colours with a pattern each, so the outcome never rests on colour alone.
UITKOMST_STYLES: Final = {
    "geprioriteerd": ("#D55E00", ""),
    "niet_geprioriteerd": ("#56B4E9", "/"),
    "monitoren": ("#E69F00", "."),
    "afschalen": ("#009E73", "x"),
}


def decision_counts(
    besluiten: pl.DataFrame, peildatum: dt.date, months: int = DECISION_MONTHS
) -> pl.DataFrame:
    """Count decisions (maand = first day, uitkomst, besluiten) for month and outcome, zeros too.

    besluiten: vergaderdatum, uitkomst (decisions.load_decisions); the window ends with the peildatum's month.
    """
    last = peildatum.replace(day=1)
    first = pl.select(pl.lit(last).dt.offset_by(f"-{months - 1}mo")).item()
    grid = pl.DataFrame({"maand": pl.date_range(first, last, "1mo", eager=True)}).join(
        pl.DataFrame({"uitkomst": list(BESLUIT_UITKOMSTEN)}), how="cross"
    )
    counts = (
        besluiten.filter(pl.col("vergaderdatum") <= peildatum)
        .group_by(maand=pl.col("vergaderdatum").dt.truncate("1mo"), uitkomst="uitkomst")
        .len("besluiten")
    )
    return (
        grid.join(counts, on=["maand", "uitkomst"], how="left")
        .with_columns(pl.col("besluiten").fill_null(0).cast(pl.Int64))
        .sort("maand", "uitkomst")
    )


def build_decision_counts(besluiten: pl.DataFrame, peildatum: dt.date) -> go.Figure:
    """Stacked bars: decisions per month, one trace per outcome, Dutch labels."""
    counts = decision_counts(besluiten, peildatum)
    figure = go.Figure()
    for uitkomst in BESLUIT_UITKOMSTEN:
        rows = counts.filter(pl.col("uitkomst") == uitkomst)
        colour, pattern = UITKOMST_STYLES[uitkomst]
        label = BESLUIT_UITKOMST_LABELS[uitkomst]
        figure.add_trace(
            go.Bar(
                x=[month_label(day) for day in rows["maand"]],
                y=rows["besluiten"].to_list(),
                name=label,
                marker_color=colour,
                marker_pattern_shape=pattern,
                hovertemplate=f"%{{x}}<br>{label}: %{{y}}<extra></extra>",
            )
        )
    figure.update_layout(barmode="stack", legend_traceorder="normal")  # stacks reverse it by default
    figure.update_xaxes(title_text="Maand van de vergadering")
    figure.update_yaxes(title_text="Besluiten", rangemode="tozero", tickformat="d")
    return dutch_layout(figure, height=340)
