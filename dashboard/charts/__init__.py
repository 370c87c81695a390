"""Plotly figure builders for the dashboard: frames in, go.Figure out, Dutch labels, band colours."""

from dashboard.charts.compare import build_comparison
from dashboard.charts.decisions import build_decision_counts
from dashboard.charts.trends import (
    build_band_counts,
    build_groups_per_youth,
    build_monthly_series,
    build_score_history,
)

__all__ = [
    "build_band_counts",
    "build_comparison",
    "build_decision_counts",
    "build_groups_per_youth",
    "build_monthly_series",
    "build_score_history",
]
