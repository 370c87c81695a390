"""Browser-test fixtures: the sample database, real Streamlit servers and an offline chromium page.

Every test in this folder is marked `browser`. The browser may only talk to the local server: every
other request is aborted and recorded, so a test can assert that the app needed nothing from outside.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Route,
    WebSocketRoute,
    expect,
    sync_playwright,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

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
# A script run on the sample takes well under a second; the margin covers a busy CI machine.
RUN_TIMEOUT_MS = 20_000


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


@contextmanager
def _serve(database_url: str, log_dir: Path) -> Iterator[str]:
    """Run `streamlit run app.py` on a free port until the block ends; yield its base URL."""
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": database_url}
    command = [
        *(sys.executable, "-m", "streamlit", "run", "app.py"),
        *("--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1"),
        *("--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"),
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
        yield f"http://127.0.0.1:{port}"
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

    def unexpected_requests(self) -> list[str]:
        """The blocked URLs: requests the app made to anything but its own server; should be none."""
        return list(self.blocked)

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


@pytest.fixture
def app_page_factory(browser: Browser) -> Iterator[Callable[[str], AppPage]]:
    """Open app tabs on a server, each in its own browser context (cookies, session); closed after."""
    contexts = []

    def open_tab(base_url: str) -> AppPage:
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, locale="nl-NL", service_workers="block"
        )
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
