"""AppTest support shared by the tests and the page benchmark."""

from __future__ import annotations

from streamlit.runtime.pages_manager import PagesManager

__all__ = ["NavigationPagesManager"]


class NavigationPagesManager(PagesManager):
    """A PagesManager that stays in st.navigation mode, as a running server does after its first run.

    AppTest (streamlit 1.67) resets the class-wide pages-folder flag before every run; with a pages/
    folder next to app.py every rerun then takes the legacy pages-folder path and shows nothing.
    Patch it in with: monkeypatch.setattr(streamlit.testing.v1.app_test, "PagesManager", this class).
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        """Build as usual, then leave the pages-folder mode off."""
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False
