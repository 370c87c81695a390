"""Load: 20 concurrent sessions doing typical flows for 2 minutes on the national sample (local only).

One headless chromium with 20 browser contexts (20 Streamlit sessions) on one server and the shared
land database. Each session signs in as one of the sample's demo users and walks the menu (Overzicht,
Kaart, Prioritering, Trends, and the Groep page where the role has it) until the time is up. Timed: a
menu click until the page's title shows and Streamlit reports the run finished. Errors: an exception
box on the page or a page that did not finish within the timeout.
"""

from __future__ import annotations

import asyncio
import re
import statistics
import time
from dataclasses import dataclass, field

from playwright.async_api import BrowserContext, Page, async_playwright, expect

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, NOT_LOCAL, streamlit_server
from benchmarks.land import Backend, land_database
from benchmarks.results import Figure
from dashboard.access import Identity, has_permission
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities

__all__ = ["measure"]

SESSIONS = 20
DURATION_S = 120.0
TIMEOUT_MS = 120_000
PAGES = ("Overzicht", "Kaart", "Prioritering", "Trends", "Groep")
_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


@dataclass
class _Tally:
    """Page times and errors of all sessions."""

    seconds: list[float] = field(default_factory=list)
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


async def _session(context: BrowserContext, base_url: str, user: Identity, tally: _Tally) -> None:
    page = await context.new_page()
    await _sign_in(page, base_url, user.naam)
    titles = [t for t in PAGES if t != "Groep" or has_permission(user, "groepsdetail")]
    deadline = time.monotonic() + DURATION_S
    step = 0
    while time.monotonic() < deadline:
        title = titles[step % len(titles)]
        step += 1
        try:
            tally.seconds.append(await _open(page, title))
        except (AssertionError, TimeoutError) as error:
            tally.errors.append(f"{user.gebruiker_id} {title}: {type(error).__name__}")
            continue
        if await page.get_by_test_id("stException").count():
            tally.errors.append(f"{user.gebruiker_id} {title}: foutmelding op de pagina")


async def _run(base_url: str, users: list[Identity]) -> _Tally:
    tally = _Tally()
    expect.set_options(timeout=TIMEOUT_MS)
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            contexts = []
            for _ in range(SESSIONS):
                context = await browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
                await context.route(NOT_LOCAL, lambda route: route.abort("blockedbyclient"))
                contexts.append(context)
            await asyncio.gather(
                *(
                    _session(context, base_url, users[index % len(users)], tally)
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
    with streamlit_server(land.url) as base_url:
        tally = asyncio.run(_run(base_url, users))
    if not tally.seconds:
        msg = f"geen enkele pagina gemeten; fouten: {tally.errors[:5]}"
        raise RuntimeError(msg)
    p95 = statistics.quantiles(tally.seconds, n=20)[-1] if len(tally.seconds) > 1 else tally.seconds[0]
    what = f"{SESSIONS} sessies, {DURATION_S:.0f} s, land, {len(tally.seconds)} paginaweergaven"
    return [
        Figure(f"belasting: paginatijd mediaan ({what})", statistics.median(tally.seconds), 5, "s"),
        Figure(f"belasting: paginatijd 95e percentiel ({what})", p95, 15, "s"),
        Figure(f"belasting: fouten ({what})", float(len(tally.errors)), 0, "stuks"),
    ]
