"""Browser figures on the national sample: from clicking 'Kaart' to the groups drawn, in headless chromium.

A Streamlit server runs on the run's shared land database; chromium signs in as a national-scope demo
user of that sample (the beheerder: scope heel Nederland, may see the map) and opens the Kaart page from
Prioritering (a page without a map, so no old map can be counted). Timed: the click on 'Kaart' in the
menu until the map iframe holds every group circle the page says it shows. As in the browser tests,
every request that is not to the local server is aborted (so the base-map tiles fail fast and do not
count). Also reported: what the browser received over Streamlit's websocket for that page.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from playwright.sync_api import Page, WebSocket, expect, sync_playwright

from benchmarks.land import LABELS, Backend, land_database
from benchmarks.results import Figure
from dashboard.access import Identity, has_permission
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "NOT_LOCAL", "measure", "streamlit_process", "streamlit_server"]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
NOT_LOCAL = re.compile(r"^(?!(?:https?|wss?)://(?:127\.0\.0\.1|localhost)(?::\d+)?(?:/|$))")
TIMEOUT_MS = 120_000  # the national sample's first script runs take a while on a small machine
_RUNS = 3
_MB = 1_000_000
_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
_COUNT = re.compile(r"^(\d+) van (\d+) groepen$")
# True once the page's map iframe holds `n` group circles (same origin: the top page can look inside).
_MARKERS_DRAWN = """n => {
    const iframe = document.querySelector("[data-testid='stMain'] iframe[title*='streamlit_folium']");
    const map = iframe && iframe.contentWindow && iframe.contentWindow.map;
    if (!map) { return false; }
    return Object.values(map._layers)
        .filter(l => l.feature && l.feature.properties.band !== undefined).length === n;
}"""


def _national_user(database_url: str) -> Identity:
    """A demo user of the sample whose scope is the whole country and who may see the map."""
    engine = create_db_engine(database_url)
    try:
        identities = load_identities(engine)
    finally:
        engine.dispose()
    national = [i for i in identities if i.scope.type == "land" and has_permission(i, "aggregaten")]
    if not national:
        msg = "de land-steekproef heeft geen demo-gebruiker met heel Nederland als gebied"
        raise RuntimeError(msg)
    return min(national, key=lambda identity: identity.gebruiker_id)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", "/_stcore/health")
        return connection.getresponse().status == 200  # noqa: PLR2004
    except OSError:
        return False
    finally:
        connection.close()


@contextmanager
def streamlit_server(database_url: str) -> Iterator[str]:
    """`streamlit run app.py` on the database and a free port; yields the base URL, stops it after."""
    with streamlit_process(database_url) as (base_url, _process):
        yield base_url


@contextmanager
def streamlit_process(database_url: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The same server, also yielding its process (to read the CPU time it used)."""
    port = _free_port()
    command = [
        *(sys.executable, "-m", "streamlit", "run", "app.py"),
        *("--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1"),
        *("--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"),
    ]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, "DATABASE_URL": database_url}, stdout=log, stderr=log
        )
        try:
            deadline = time.monotonic() + 60
            while not _healthy(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    msg = f"streamlit startte niet:\n{log.read().decode(errors='replace')[-2000:]}"
                    raise RuntimeError(msg)
                time.sleep(0.2)
            yield f"http://127.0.0.1:{port}", process
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _sign_in(page: Page, base_url: str, naam: str) -> None:
    page.goto(base_url + "/")
    combobox = page.locator(".st-key-inloggen_keuze").get_by_role("combobox", name="Demo-gebruiker")
    combobox.click()
    page.keyboard.insert_text(naam)
    page.get_by_role("listbox").get_by_role("option", name=re.compile(f"^{re.escape(naam)}")).click()
    expect(page.locator(_IDLE)).to_be_attached()
    page.get_by_role("button", name="Inloggen", exact=True).click()
    expect(page.get_by_role("heading", name="Overzicht", level=1)).to_be_visible()
    expect(page.locator(_IDLE)).to_be_attached()


def _open(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(page.locator(_IDLE)).to_be_attached()


class _Received:
    """Bytes the page received over Streamlit's websocket since the last reset."""

    def __init__(self) -> None:
        self.bytes = 0

    def watch(self, socket_: WebSocket) -> None:
        socket_.on("framereceived", self._count)

    def _count(self, payload: str | bytes) -> None:
        self.bytes += len(payload.encode() if isinstance(payload, str) else payload)


def _time_kaart(page: Page, groups: int | None, received: _Received) -> tuple[float, int, int]:
    """Prioritering, then click Kaart: seconds until all circles are drawn, the count, bytes received."""
    _open(page, "Prioritering")
    expect(page.get_by_test_id("stMain").locator("iframe")).to_have_count(0)
    received.bytes = 0
    started = time.perf_counter()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Kaart").click()
    if groups is None:  # the first visit: learn the count from the page, then wait for the circles
        caption = page.get_by_test_id("stMain").get_by_text(_COUNT)
        expect(caption).to_be_visible()
        match = _COUNT.match(caption.inner_text().strip())
        if match is None or match[1] != match[2]:
            msg = f"onverwachte telling op de kaartpagina: {caption.inner_text()!r}"
            raise RuntimeError(msg)
        groups = int(match[1])
    page.wait_for_function(_MARKERS_DRAWN, arg=groups, timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - started
    expect(page.locator(_IDLE)).to_be_attached()
    return seconds, groups, received.bytes


def measure(backend: Backend) -> list[Figure]:
    """Seconds from 'Kaart' to drawn circles (first visit; median of 3 later) and bytes received."""
    if not CHROMIUM.exists():
        msg = f"chromium ontbreekt ({CHROMIUM}); installeer het met apt-get install chromium"
        raise RuntimeError(msg)
    land = land_database(backend)
    user = _national_user(land.url)
    expect.set_options(timeout=TIMEOUT_MS)
    with streamlit_server(land.url) as base_url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
            context.route(NOT_LOCAL, lambda route: route.abort("blockedbyclient"))
            page = context.new_page()
            received = _Received()
            page.on("websocket", received.watch)
            _sign_in(page, base_url, user.naam)
            first, groups, first_bytes = _time_kaart(page, None, received)
            later = [_time_kaart(page, groups, received) for _ in range(_RUNS)]
        finally:
            browser.close()
    what = f"heel Nederland, {groups} groepen, {user.rol_label.lower()}"
    database = LABELS[backend]
    return [
        Figure(f"browser: Kaart tot getekende groepen, eerste bezoek ({what})", first, 3, "s", database),
        Figure(
            f"browser: Kaart tot getekende groepen, mediaan van {_RUNS} ({what})",
            statistics.median(seconds for seconds, _, _ in later),
            3,
            "s",
            database,
        ),
        Figure(
            f"browser: Kaart-pagina ontvangen via websocket, eerste bezoek ({what})",
            first_bytes / _MB,
            1,
            "MB",
            database,
        ),
    ]
