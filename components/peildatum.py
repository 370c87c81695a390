"""The reference date (peildatum) every page scores at, chosen once in the sidebar."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from dashboard.presentation import format_date

__all__ = ["choose_peildatum"]

MONTHS_BACK = 24


def _month_ends(latest: dt.date) -> list[dt.date]:
    first = dt.date(latest.year, latest.month, 1)
    starts = pl.date_range(first, first, "1mo", eager=True).dt.offset_by(f"-{MONTHS_BACK}mo")
    ends = pl.date_range(starts[0], first, "1mo", eager=True).dt.month_end().to_list()
    return sorted({min(day, latest) for day in ends} | {latest}, reverse=True)


def choose_peildatum(latest: dt.date) -> dt.date:
    """A selectbox in the sidebar: the latest date (default) or an earlier month end."""
    return st.sidebar.selectbox(
        "Peildatum",
        _month_ends(latest),
        format_func=format_date,
        key="peildatum",
        help="De datum waarop scores en banden worden berekend. Kies een eerdere maand om terug te kijken.",
    )
