"""The page language: Dutch, so screen readers pronounce the app correctly (WCAG 3.1.1)."""

from __future__ import annotations

import streamlit as st

__all__ = ["set_dutch_language"]

# Streamlit's own index.html says lang="en"; the app's text is Dutch.
SCRIPT = "<script>document.documentElement.lang = 'nl';</script>"


def set_dutch_language() -> None:
    """Mark the document as Dutch (a script in the page itself; st.html is not in an iframe)."""
    st.html(SCRIPT, unsafe_allow_javascript=True)
