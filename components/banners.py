"""Banners every page shows: the fictitious-data marker."""

from __future__ import annotations

import streamlit as st

__all__ = ["show_sample_banner"]


def show_sample_banner(info: dict[str, str]) -> bool:
    """Show the 'fictieve gegevens' marker when the data set is a sample; return whether it is."""
    fictief = info.get("fictief") == "ja"
    if fictief:
        # The data set's name usually starts with 'Fictieve gegevens' itself; show only the rest.
        naam = info.get("naam", "").removeprefix("Fictieve gegevens").strip()
        detail = f" ({naam})" if naam else ""
        st.warning(
            f"**Fictieve gegevens**{detail}: alleen voor demonstratie en training, "
            "niet voor echte besluiten.",
            icon="⚠️",
        )
    return fictief
