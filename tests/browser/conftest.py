"""Browser-test fixtures: the sample database, real Streamlit servers and an offline chromium page.

Every test in this folder is marked `browser`. The browser may only talk to the local server: every
other request is aborted and recorded, so a test can assert that the app needed nothing from outside.
The servers use the default base map (PDOK tiles), so the map's tile requests are blocked too: the
only outside requests a page may make are those tiles (`AppPage.tile_requests`), and the map must
draw its groups without them.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    Playwright,
    Route,
    ViewportSize,
    WebSocketRoute,
    expect,
    sync_playwright,
)
from sqlalchemy import select
from sqlalchemy.engine import make_url

from dashboard.settings import PDOK_BRT
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Frame

    from dashboard.access import Identity

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SAMPLE_DIR = ROOT / "sample_data"
SCREENSHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Every URL that is not on the local server. The browser matches this pattern itself, so local requests
# skip the round trip through Python (a catch-all route with a Python check made each page load ~1 s
# slower). Playwright does not route data: URLs, which never reach the network anyway.
NOT_LOCAL = re.compile(r"^(?!(?:https?|wss?)://(?:127\.0\.0\.1|localhost)(?::\d+)?(?:/|$))")
HEALTH_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0
# A script run on the sample takes well under a second; a fresh server's first run imports every page
# (several seconds on a busy 2-core machine): the margin covers that.
RUN_TIMEOUT_MS = 60_000
LIST_OPENS_MS = 5_000  # a selectbox list opens this soon after a click, or the click did not open it
LIST_ATTEMPTS = 3
# The base map of every test server: a real outside tile server, so the browser's block is put to the test.
TILES = PDOK_BRT
TILE_REQUEST = re.compile(re.sub(r"\\\{[a-z]+\\\}", r"[^/?#]+", re.escape(TILES)) + "$")
# A common laptop screen; screenshots are taken at this size.
VIEWPORT: ViewportSize = {"width": 1366, "height": 900}
MAP_IFRAME = "iframe[title*='streamlit_folium']"
# The group circles on a Leaflet map: the layers whose GeoJSON feature has a band (hangplekken have none).
GROUP_LAYERS_JS = (
    "Object.values(window.map._layers).filter(l => l.feature && l.feature.properties.band !== undefined)"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder `browser` (this hook sees the whole session's items)."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


# --- the database ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def app_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database loaded from sample_data/ by the app's own CLI, as `make run` does."""
    if not any(SAMPLE_DIR.glob("*.csv")):
        pytest.fail(
            f"Geen voorbeeldgegevens in {SAMPLE_DIR}: de browsertests hebben ze nodig.", pytrace=False
        )
    url = f"sqlite:///{tmp_path_factory.mktemp('browser-db') / 'groepsbeeld.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "init-db", "--voorbeeld"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"init-db --voorbeeld faalde ({result.returncode}):\n{result.stderr}", pytrace=False)
    return url


# --- Streamlit servers --------------------------------------------------------------------------


def _free_port() -> int:
    """A port the OS has just handed out; free again once the socket closes."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _is_healthy(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", "/_stcore/health")
        response = connection.getresponse()
        return response.status == 200 and response.read().decode().strip() == "ok"
    except OSError:
        return False
    finally:
        connection.close()


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class Server:
    """A running `streamlit run app.py`: its base URL, and its process (the crash tests kill it)."""

    url: str
    process: subprocess.Popen[bytes]


@contextmanager
def _serve(database_url: str, log_dir: Path, extra_args: tuple[str, ...] = ()) -> Iterator[str]:
    """Run `streamlit run app.py [extra_args]` on a free port until the block ends; yield its base URL."""
    with serve_app(database_url, log_dir, extra_args) as server:
        yield server.url


@contextmanager
def serve_app(database_url: str, log_dir: Path, extra_args: tuple[str, ...] = ()) -> Iterator[Server]:
    """Run `streamlit run app.py [extra_args]` on a free port until the block ends, once it is healthy.

    The server is stopped at the end unless the test has already ended it (e.g. with SIGKILL).
    """
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "KAART_TILES": TILES}
    command = [
        *(sys.executable, "-m", "streamlit", "run", "app.py"),
        *("--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1"),
        *("--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"),
        *extra_args,
    ]
    stdout_path, stderr_path = log_dir / f"streamlit-{port}.out", log_dir / f"streamlit-{port}.err"
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=stdout, stderr=stderr)
    try:
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while not _is_healthy(port):
            if time.monotonic() > deadline or _exited(process, wait_s=0.2):
                state = (
                    "stopte" if process.poll() is not None else f"was na {HEALTH_TIMEOUT_S:.0f} s niet gezond"
                )
                pytest.fail(
                    f"Streamlit op poort {port} {state}.\nstderr:\n{stderr_path.read_text(errors='replace')}",
                    pytrace=False,
                )
        yield Server(f"http://127.0.0.1:{port}", process)
    finally:
        _stop(process)


def _exited(process: subprocess.Popen[bytes], wait_s: float) -> bool:
    """Wait up to wait_s for the process to end (the poll interval); tell whether it has."""
    try:
        process.wait(timeout=wait_s)
    except subprocess.TimeoutExpired:
        return False
    return True


@pytest.fixture(scope="session")
def server_url(app_database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One Streamlit server shared by the tests that need no fresh one (each opens its own session)."""
    with _serve(app_database_url, tmp_path_factory.mktemp("streamlit")) as url:
        yield url


@pytest.fixture
def fresh_server_url(app_database_url: str, tmp_path: Path) -> Iterator[str]:
    """A Streamlit server started for this test alone: no session has loaded any page on it yet."""
    with _serve(app_database_url, tmp_path) as url:
        yield url


@pytest.fixture
def private_database_url(app_database_url: str, tmp_path: Path) -> str:
    """A copy of the sample database for this test alone: what the test saves leaves other tests alone."""
    source, target = make_url(app_database_url).database, tmp_path / "prive.db"
    assert source is not None
    # SQLite's backup API copies a consistent state, including what still sits in the WAL file.
    with closing(sqlite3.connect(source)) as original, closing(sqlite3.connect(target)) as copy:
        original.backup(copy)
    return f"sqlite:///{target}"


@pytest.fixture
def private_server_url(private_database_url: str, tmp_path: Path) -> Iterator[str]:
    """A fresh Streamlit server on this test's own copy of the database (for tests that save changes)."""
    with _serve(private_database_url, tmp_path) as url:
        yield url


# --- the browser --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """The sync Playwright driver (not the pytest-playwright plugin)."""
    # expect() waits this long by default; the margin covers a busy CI machine.
    expect.set_options(timeout=RUN_TIMEOUT_MS)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's chromium, headless; a missing chromium fails the run (it is part of `make test`)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium ontbreekt ({CHROMIUM}). De browsertests horen bij elke testrun: "
            "`make test` installeert het (apt-get install chromium).",
            pytrace=False,
        )
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield chromium
    chromium.close()


@dataclass
class AppPage:
    """A browser tab on the app, with the URLs it was not allowed to fetch."""

    page: Page
    base_url: str
    blocked: list[str] = field(default_factory=list)

    def open(self, path: str = "/") -> None:
        """Load a path of the app and wait until the script run it starts has finished."""
        self.page.goto(self.base_url + path)
        self.wait_until_idle()

    def wait_until_idle(self) -> None:
        """Wait until Streamlit reports that no script run is going on."""
        idle = self.page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")
        expect(idle).to_be_attached(timeout=RUN_TIMEOUT_MS)

    def screenshot(self, name: str) -> Path:
        """Save the whole page as test-output/screenshots/NAME.png."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=path, full_page=True)
        return path

    def screenshot_whole(self, name: str) -> Path:
        """Save the page from top to bottom as NAME.png, by making the window as tall as the page.

        Streamlit scrolls inside its main area, so a plain full-page screenshot shows one screen only.
        """
        size = self.page.viewport_size or VIEWPORT
        height = self.page.get_by_test_id("stMain").evaluate("main => main.scrollHeight")
        self.page.set_viewport_size({"width": size["width"], "height": max(size["height"], int(height))})
        try:
            return self.screenshot(name)
        finally:
            self.page.set_viewport_size(size)

    def assert_no_exception(self) -> None:
        """No error box (st.exception) on the page; the failure message quotes what it says."""
        boxes = self.page.get_by_test_id("stException")
        assert boxes.count() == 0, "foutmelding op de pagina:\n" + "\n".join(boxes.all_inner_texts())

    def unexpected_requests(self) -> list[str]:
        """The blocked URLs other than base-map tiles: requests the app should never make; should be none."""
        return [url for url in self.blocked if not TILE_REQUEST.match(url)]

    def tile_requests(self) -> list[str]:
        """The blocked base-map tile requests (the one outside server the app may ask)."""
        return [url for url in self.blocked if TILE_REQUEST.match(url)]

    def go_to(self, title: str, ready: Locator | None = None) -> None:
        """Open a page through the sidebar menu, as a user does (a typed URL starts a new session).

        Waits until `ready` (default: the page's title) is visible: before that, the old page's
        elements can still be on screen.
        """
        self.page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
        expect(ready or self.page.get_by_role("heading", name=title, level=1)).to_be_visible()
        self.wait_until_idle()

    def open_group(self, groep_id: str, werknaam: str) -> None:
        """Open a group's page within this session (signed in) and wait until it has run."""
        self.go_to("Overzicht")  # from another page, so the group page runs anew for this group
        self.go_to_url_in_session(f"/groep?groep={groep_id}")
        expect(self.page.get_by_role("heading", name=werknaam, level=1)).to_be_visible()
        self.wait_until_idle()

    def go_to_url_in_session(self, path: str) -> None:
        """Change the address within this session, as the browser's back button does (no reload)."""
        self.page.evaluate(
            "path => { history.pushState({}, '', path);"
            " window.dispatchEvent(new PopStateEvent('popstate')); }",
            path,
        )

    def map_frame(self) -> Frame:
        """The document of the page's one map (streamlit-folium's iframe in the main area)."""
        iframe = self.page.get_by_test_id("stMain").locator(MAP_IFRAME)
        expect(iframe).to_have_count(1)
        frame = iframe.element_handle().content_frame()
        assert frame is not None, "de kaart-iframe heeft geen document"
        return frame

    def wait_for_group_markers(self, expected: int) -> Frame:
        """Wait until the map has drawn exactly `expected` group circles; return the map's frame."""
        frame = self.map_frame()
        frame.wait_for_function(
            f"n => window.map !== undefined && {GROUP_LAYERS_JS}.length === n",
            arg=expected,
            timeout=RUN_TIMEOUT_MS,
        )
        return frame

    def watch_for_group_data(self) -> None:
        """From the next page load on, note every kind of group data that ever appears (group_data_seen)."""
        self.page.add_init_script(_WATCH_GROUP_DATA_JS)

    def group_data_seen(self) -> list[str]:
        """What watch_for_group_data saw at any moment: metrics, maps, charts, group tables, page titles."""
        return sorted(self.page.evaluate("() => Array.from(window.__groepsbeeldSeen || [])"))

    def guard(self, context: BrowserContext) -> None:
        """Let the context reach only the local server; abort and record every other request."""
        context.route(NOT_LOCAL, self._refuse_request)
        context.route_web_socket(NOT_LOCAL, self._refuse_web_socket)

    def _refuse_request(self, route: Route) -> None:
        self.blocked.append(route.request.url)
        route.abort("blockedbyclient")

    def _refuse_web_socket(self, socket_route: WebSocketRoute) -> None:
        self.blocked.append(socket_route.url)
        socket_route.close()


# Runs in every document before its own scripts; records group data the moment it appears, so a page
# that shows data only briefly (and then switches to the login) is still caught.
_WATCH_GROUP_DATA_JS = """
(() => {
    if (window.top !== window) { return; }
    const seen = window.__groepsbeeldSeen = new Set();
    const groupColumns = new Set(["Prioriteit", "Band", "Leden", "Trend", "Stap"]);
    const check = () => {
        if (document.querySelector("[data-testid='stMetric']")) { seen.add("metric"); }
        if (document.querySelector("iframe[title*='streamlit_folium']")) { seen.add("kaart"); }
        if (document.querySelector("[data-testid='stPlotlyChart']")) { seen.add("grafiek"); }
        for (const th of document.querySelectorAll("[data-testid='stDataFrame'] th")) {
            if (groupColumns.has(th.textContent.trim())) { seen.add("groepentabel"); }
        }
        for (const h1 of document.querySelectorAll("h1")) {
            const text = h1.textContent.trim();
            if (text && text !== "Inloggen") { seen.add("titel: " + text); }
        }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();
"""


@pytest.fixture
def app_page_factory(browser: Browser) -> Iterator[Callable[[str], AppPage]]:
    """Open app tabs on a server, each in its own browser context (cookies, session); closed after."""
    contexts = []

    def open_tab(base_url: str) -> AppPage:
        context = browser.new_context(viewport=VIEWPORT, locale="nl-NL", service_workers="block")
        contexts.append(context)
        context.set_default_timeout(RUN_TIMEOUT_MS)
        tab = AppPage(page=context.new_page(), base_url=base_url)
        tab.guard(context)
        return tab

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def app_page(app_page_factory: Callable[[str], AppPage], server_url: str) -> AppPage:
    """A new browser session on the shared server."""
    return app_page_factory(server_url)


# --- signing in ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_users(app_database_url: str) -> dict[str, Identity]:
    """The sample's demo identities by gebruiker_id (e.g. 'burgemeester-utrecht', 'beheerder')."""
    engine = create_db_engine(app_database_url)
    try:
        return {identity.gebruiker_id: identity for identity in load_identities(engine)}
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def group_names(app_database_url: str) -> dict[str, str]:
    """Every group's werknaam by groep_id (e.g. 'G-00014'), straight from the database."""
    engine = create_db_engine(app_database_url)
    groep = metadata.tables["groep"]
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(groep.c.groep_id, groep.c.werknaam)).all()
        return {row.groep_id: row.werknaam for row in rows}
    finally:
        engine.dispose()


def choose_demo_user(page: Page, naam: str) -> None:
    """Pick the user by name in the 'Demo-gebruiker' selectbox the way a user does: type, click the option."""
    combobox = page.locator(".st-key-inloggen_keuze").get_by_role("combobox", name="Demo-gebruiker")
    combobox.click()
    # The option list is virtualised (only visible rows exist); typing filters it to the one we want.
    page.keyboard.insert_text(naam)
    option = page.get_by_role("listbox").get_by_role("option", name=re.compile(f"^{re.escape(naam)}"))
    expect(option).to_have_count(1)
    option.click()
    expect(combobox).to_have_value(re.compile(f"^{re.escape(naam)}"))


def sign_in_as(app_page: AppPage, identity: Identity) -> None:
    """Sign in on the login page through the demo login; wait for the start page (Overzicht)."""
    page = app_page.page
    expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
    choose_demo_user(page, identity.naam)
    app_page.wait_until_idle()
    page.get_by_role("button", name="Inloggen", exact=True).click()
    expect(page.get_by_role("heading", name="Overzicht", level=1)).to_be_visible()
    app_page.wait_until_idle()


@pytest.fixture
def signed_in(
    app_page_factory: Callable[[str], AppPage],
    demo_users: dict[str, Identity],
    request: pytest.FixtureRequest,
) -> Callable[..., AppPage]:
    """Open a new tab, on the shared server unless `base_url` is given, and sign in as a demo user.

    Usage: `app_page = signed_in("burgemeester-utrecht")`; the tab starts on the Overzicht page.
    """

    def open_signed_in(gebruiker_id: str, base_url: str | None = None) -> AppPage:
        assert gebruiker_id in demo_users, f"geen demo-gebruiker {gebruiker_id!r} in {sorted(demo_users)}"
        app_page = app_page_factory(base_url or request.getfixturevalue("server_url"))
        app_page.open("/")
        sign_in_as(app_page, demo_users[gebruiker_id])
        return app_page

    return open_signed_in


# --- filling in forms ---------------------------------------------------------------------------


def choose_option(page: Page, label: str, option: str) -> None:
    """Pick an option in a selectbox of the main area: open its list, type to filter, press Enter.

    Key presses filter the list reliably; a mouse click could land on an option while the virtualised
    list re-renders under the pointer. Typing alone does not always open the list (right after an
    expander opened, say), so the list is opened with a click first. Leaving the box afterwards makes
    the check real: an unchosen typed text would be dropped there and the old choice come back.
    """
    combobox = page.get_by_test_id("stMain").get_by_role("combobox", name=label, exact=True)
    listbox = page.get_by_role("listbox")
    for _ in range(LIST_ATTEMPTS):  # a click during an expander's opening may not open the list
        combobox.click()
        try:
            expect(listbox).to_be_visible(timeout=LIST_OPENS_MS)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    page.keyboard.type(option)
    expect(listbox.get_by_role("option", name=re.compile(f"^{re.escape(option)}")).first).to_be_visible()
    page.keyboard.press("Enter")
    expect(listbox).to_have_count(0)
    combobox.blur()
    expect(combobox).to_have_value(re.compile(f"^{re.escape(option)}"))
