"""The load benchmark's websocket clients against a real server: sign in, walk the menu, open groups.

A short run on the regional sample (`make bench` runs 20 sessions for 2 minutes on the national one),
so a change to the app or to Streamlit's protocol that breaks the benchmark shows here first.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from benchmarks import load
from tests.browser.conftest import _serve

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def test_sessions_sign_in_walk_the_menu_and_open_groups(
    app_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load, "DURATION_S", 8.0)
    monkeypatch.setattr(load, "THINK_S", 0.2)
    monkeypatch.setattr(load, "RAMP_UP_S", 0.5)
    monkeypatch.setattr(load, "SESSIONS", 3)
    users = load.load_users(app_database_url)
    assert {u.identity.gebruiker_id for u in users} >= {"burgemeester-utrecht", "specialist-mnl"}
    # The clients' event loop runs in a thread of its own: Playwright keeps one running in this thread.
    with _serve(app_database_url, tmp_path) as url, ThreadPoolExecutor(max_workers=1) as pool:
        tally = pool.submit(lambda: asyncio.run(load.run_sessions(load.stream_url(url), users))).result()
    assert tally.errors == []
    assert set(tally.per_page) >= {"Overzicht", "Kaart", "Prioritering", "Trends", load.GROUP_VIEW}
    assert all(seconds > 0 for seconds in tally.seconds)
