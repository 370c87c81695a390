"""Sending a page that Streamlit ran on its own back through the entrypoint and its login."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

__all__ = ["enter_through_app"]

ENTRYPOINT = Path(__file__).resolve().parent.parent / "app.py"


def enter_through_app() -> None:
    """Switch to app.py, which checks the login and builds the navigation for this session.

    A fresh server runs pages/<page>.py directly when its URL is opened before any session has
    loaded the root (Streamlit's pages-folder discovery); this sends such a visitor to the login.
    """
    st.switch_page(str(ENTRYPOINT))
