"""Links between pages within the session (a plain URL would start a new, signed-out session)."""

from __future__ import annotations

import streamlit as st

__all__ = ["can_open", "group_link", "open_group", "remember_pages"]

_KEY = "groepsbeeld_pages"


def remember_pages(pages: list[st.Page]) -> None:
    """Keep this session's page objects by url path (called by app.py on every run)."""
    st.session_state[_KEY] = {page.url_path: page for page in pages}


def _page(url_path: str) -> st.Page | None:
    pages = st.session_state.get(_KEY, {})
    return pages.get(url_path)


def can_open(url_path: str) -> bool:
    """Whether this session's navigation has the page (its role may open it)."""
    return _page(url_path) is not None


def open_group(groep_id: str) -> None:
    """Go to the group page for one group (only when the role may open it)."""
    page = _page("groep")
    if page is not None:
        st.switch_page(page, query_params={"groep": groep_id})


def group_link(groep_id: str, label: str, *, key_help: str | None = None) -> None:
    """A link to the group page; plain text when the role may not open it."""
    page = _page("groep")
    if page is None:
        st.write(label)
        return
    st.page_link(page, label=label, query_params={"groep": groep_id}, help=key_help)
