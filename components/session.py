"""Who is signed in, kept in this browser session only."""

from __future__ import annotations

import streamlit as st

from dashboard.access import Identity

__all__ = ["current_identity", "sign_in", "sign_out"]

_KEY = "groepsbeeld_identity"


def current_identity() -> Identity | None:
    """The signed-in user of this session, if any."""
    value = st.session_state.get(_KEY)
    return value if isinstance(value, Identity) else None


def sign_in(identity: Identity) -> None:
    """Remember the user for this session."""
    st.session_state[_KEY] = identity


def sign_out() -> None:
    """Forget the user and everything this session showed."""
    st.session_state.clear()
