"""Placeholder, replaced by the page's owner in this session."""

from __future__ import annotations

import streamlit as st


def render() -> None:
    """Placeholder."""
    st.title("importeren")


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
