"""AppTest support shared by the tests and the page benchmark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from streamlit.runtime.pages_manager import PagesManager
from streamlit.util import calc_hash

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

    from dashboard.access import Identity

__all__ = ["IDENTITY_KEY", "NavigationPagesManager", "open_page"]


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


IDENTITY_KEY = "groepsbeeld_identity"  # components.session keeps the signed-in user under this key


def open_page(app: AppTest, identity: Identity, url_path: str, **query: str) -> AppTest:
    """Sign in as `identity` and run the page registered under `url_path` (with query parameters).

    st.Page(callable, url_path=...) is known by the hash of its url path; AppTest.switch_page resolves
    file pages only, so this asks for that hash as a browser session on that URL would.
    """
    app.session_state[IDENTITY_KEY] = identity
    app.run()  # the first run registers this session's pages
    for name, value in query.items():
        app.query_params[name] = value
    app._page_hash = calc_hash(url_path)  # noqa: SLF001
    return app.run()
