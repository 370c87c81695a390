"""Load: 20 concurrent sessions doing typical flows for 2 minutes on the national sample (local only).

One headless chromium with 20 browser contexts (20 Streamlit sessions) on one server and the shared
land database. The sessions arrive one per RAMP_UP_S; each signs in as one of the sample's demo users
and walks the menu (Overzicht, Kaart, Prioritering, Trends, and on the Groep page opens a group where
the role may), reading each page THINK_S seconds, until the time is up. Timed: a click until the
page's title shows and Streamlit reports the run finished. Errors: a failed sign-in, an exception box
on the page or a page that did not finish within the timeout. Also measured: the server's own CPU time
per page view (on this 2-core machine the 20 chromium tabs use most of the CPU, see
docs/performance.md).
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import BrowserContext, Page, async_playwright, expect
from playwright.async_api import Error as PlaywrightError

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, NOT_LOCAL, streamlit_process
from benchmarks.land import Backend, land_database
from benchmarks.results import Figure
from dashboard.access import Identity, has_permission
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities

__all__ = ["measure"]

SESSIONS = 20
DURATION_S = 120.0
TIMEOUT_MS = 120_000
RAMP_UP_S = 1.0  # one more session every second, as users arrive at a meeting
THINK_S = 5.0  # a user reads a page before the next click (real users take longer; this is a lower bound)
PAGES = ("Overzicht", "Kaart", "Prioritering", "Trends", "Groep")
_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


@dataclass
class _Tally:
    """Page times and errors of all sessions."""

    seconds: list[float] = field(default_factory=list)
    per_page: dict[str, list[float]] = field(default_factory=dict)

    def add(self, title: str, seconds: float) -> None:
        """One timed page view."""
        self.seconds.append(seconds)
        self.per_page.setdefault(title, []).append(seconds)

    errors: list[str] = field(default_factory=list)


def _users(database_url: str) -> list[Identity]:
    engine = create_db_engine(database_url)
    try:
        return [i for i in load_identities(engine) if has_permission(i, "aggregaten")]
    finally:
        engine.dispose()


async def _sign_in(page: Page, base_url: str, naam: str) -> None:
    await page.goto(base_url + "/")
    combobox = page.locator(".st-key-inloggen_keuze").get_by_role("combobox", name="Demo-gebruiker")
    await combobox.click()
    await page.keyboard.insert_text(naam)
    await page.get_by_role("listbox").get_by_role("option", name=re.compile(f"^{re.escape(naam)}")).click()
    await expect(page.locator(_IDLE)).to_be_attached()
    await page.get_by_role("button", name="Inloggen", exact=True).click()
    await expect(page.get_by_role("heading", name="Overzicht", level=1)).to_be_visible()
    await expect(page.locator(_IDLE)).to_be_attached()


async def _open(page: Page, title: str) -> float:
    started = time.perf_counter()
    await page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    await expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    await expect(page.locator(_IDLE)).to_be_attached()
    return time.perf_counter() - started


async def _open_a_group(page: Page) -> float:
    """On the Groep page, pick the first group of the chooser with the keyboard; until its page is drawn."""
    started = time.perf_counter()
    await page.get_by_test_id("stMain").get_by_role("combobox", name="Groep").focus()
    await page.keyboard.press("ArrowDown")
    await expect(page.get_by_role("listbox")).to_be_visible()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", level=1)).not_to_have_text("Groep")
    await expect(page.locator(_IDLE)).to_be_attached()
    return time.perf_counter() - started


async def _session(
    context: BrowserContext, base_url: str, user: Identity, start_s: float, tally: _Tally
) -> None:
    await asyncio.sleep(start_s)  # users arrive one by one, not in the same instant
    page = await context.new_page()
    try:
        await _sign_in(page, base_url, user.naam)
    except (AssertionError, PlaywrightError) as error:
        tally.errors.append(f"{user.gebruiker_id} inloggen: {type(error).__name__}")
        return
    titles = [t for t in PAGES if t != "Groep" or has_permission(user, "groepsdetail")]
    deadline = time.monotonic() + DURATION_S
    step = 0
    while time.monotonic() < deadline:
        title = titles[step % len(titles)]
        step += 1
        if step > 1:
            await asyncio.sleep(THINK_S)
        try:
            tally.add(title, await _open(page, title))
            if title == "Groep":
                tally.add("Groep (een groep geopend)", await _open_a_group(page))
        except (AssertionError, PlaywrightError) as error:
            tally.errors.append(f"{user.gebruiker_id} {title}: {type(error).__name__}")
            continue
        if await page.get_by_test_id("stException").count():
            text = (await page.get_by_test_id("stException").first.inner_text()).strip().splitlines()
            tally.errors.append(f"{user.gebruiker_id} {title}: foutmelding op de pagina: {text[:3]}")


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _machine_busy_seconds() -> float:
    """CPU time all cores spent busy since boot (Linux /proc/stat: all but idle and iowait)."""
    values = [int(v) for v in Path("/proc/stat").read_text(encoding="ascii").splitlines()[0].split()[1:]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


async def _run(base_url: str, users: list[Identity]) -> _Tally:
    tally = _Tally()
    expect.set_options(timeout=TIMEOUT_MS)
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            contexts = []
            for _ in range(SESSIONS):
                context = await browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
                context.set_default_timeout(TIMEOUT_MS)
                context.set_default_navigation_timeout(TIMEOUT_MS)
                await context.route(NOT_LOCAL, lambda route: route.abort("blockedbyclient"))
                contexts.append(context)
            await asyncio.gather(
                *(
                    _session(context, base_url, users[index % len(users)], index * RAMP_UP_S, tally)
                    for index, context in enumerate(contexts)
                )
            )
        finally:
            await browser.close()
    return tally


def measure(backend: Backend) -> list[Figure]:
    """Median and 95th percentile of page times under 20 sessions, and the number of errors."""
    if not CHROMIUM.exists():
        msg = f"chromium ontbreekt ({CHROMIUM}); installeer het met apt-get install chromium"
        raise RuntimeError(msg)
    land = land_database(backend)
    users = _users(land.url)
    with streamlit_process(land.url) as (base_url, process):
        before, machine_before = _cpu_seconds(process.pid), _machine_busy_seconds()
        tally = asyncio.run(_run(base_url, users))
        server_cpu = _cpu_seconds(process.pid) - before
    for title, seconds in tally.per_page.items():
        print(
            f"belasting: {title}: {len(seconds)} keer, mediaan {statistics.median(seconds):.2f} s, "
            f"hoogste {max(seconds):.2f} s",
            file=sys.stderr,
        )
    for error in sorted(set(tally.errors)):
        print(f"belasting: {tally.errors.count(error)} x {error}", file=sys.stderr)
    if not tally.seconds:
        msg = f"geen enkele pagina gemeten; fouten: {tally.errors[:5]}"
        raise RuntimeError(msg)
    p95 = statistics.quantiles(tally.seconds, n=20)[-1] if len(tally.seconds) > 1 else tally.seconds[0]
    per_view = server_cpu / len(tally.seconds)
    busy = _machine_busy_seconds() - machine_before
    print(
        f"belasting: app-server {server_cpu:.0f} s CPU van {busy:.0f} s CPU op de hele machine; "
        "de rest gebruikten chromium en de meetcode",
        file=sys.stderr,
    )
    what = f"{SESSIONS} sessies, {DURATION_S:.0f} s, land, {len(tally.seconds)} paginaweergaven"
    return [
        Figure(f"belasting: paginatijd mediaan ({what})", statistics.median(tally.seconds), 5, "s"),
        Figure(f"belasting: paginatijd 95e percentiel ({what})", p95, 15, "s"),
        Figure(f"belasting: fouten ({what})", float(len(tally.errors)), 0, "stuks"),
        # Script runs share one interpreter lock: 20 users opening a page every THINK_S seconds need
        # at most 1 / (20 / THINK_S) = 0.25 s of server CPU per page view on one core.
        Figure(f"belasting: CPU van de app-server per paginaweergave ({what})", per_view, 0.25, "s"),
    ]
