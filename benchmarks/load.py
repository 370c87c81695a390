"""Load: 20 concurrent sessions doing typical flows for 2 minutes on the national sample (local only).

One app server on the shared land database and 20 websocket clients that speak Streamlit's own
protocol (the messages the browser sends and receives), so the figures are the server's: a browser
would draw the pages on the user's own computer. The sessions arrive one per RAMP_UP_S; each signs in
as one of the sample's demo users (own role and area), walks the menu (Overzicht, Kaart, Prioritering,
Trends, and where the role may, the Groep page with one of its groups opened, which logs a view of
personal data) and reads each page THINK_S seconds, until the time is up.

Timed: from each request until the server reports the page's script run finished (and, apart, the
opening of the websocket). An error: no connection, a failed sign-in, an exception on the page, a page
without its title, or no answer within TIMEOUT_S.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.browser import streamlit_process
from benchmarks.land import Backend, land_database
from benchmarks.results import Figure
from dashboard.access import Identity, has_permission
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_groups, load_identities

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection

__all__ = ["GROUP_VIEW", "load_users", "measure", "run_sessions", "stream_url"]

SESSIONS = 20
DURATION_S = 120.0
TIMEOUT_S = 120.0
RAMP_UP_S = 1.0  # one more session every second, as users arrive at a meeting
THINK_S = 5.0  # a user reads a page before the next click (real users take longer; this is a lower bound)
PAGES = ("Overzicht", "Kaart", "Prioritering", "Trends", "Groep")
GROUP_VIEW = "Groep (een groep geopend)"
CONNECT = "verbinden (websocket openen)"
_DONE = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR)


class LoadError(Exception):
    """A page that failed: an exception shown, or not its own title (no answer in time: TimeoutError)."""


@dataclass
class _Run:
    """What one script run sent: headings, exceptions, widget ids by label, the menu."""

    headings: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    widgets: dict[str, str] = field(default_factory=dict)
    options: dict[str, list[str]] = field(default_factory=dict)  # a selectbox's label -> its choices
    pages: dict[str, str] = field(default_factory=dict)  # title -> page script hash

    def take(self, message: ForwardMsg) -> None:
        """Note what matters of one message from the server."""
        if message.HasField("navigation"):
            self.pages.update({p.page_name: p.page_script_hash for p in message.navigation.app_pages})
        if not message.HasField("delta") or not message.delta.HasField("new_element"):
            return
        element = message.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "heading":
            self.headings.append(element.heading.body)
        elif kind == "exception":
            self.exceptions.append(f"{element.exception.type}: {element.exception.message}"[:200])
        elif kind in {"selectbox", "button"}:
            widget = getattr(element, kind)
            self.widgets[widget.label] = widget.id
            if kind == "selectbox":
                self.options[widget.label] = list(widget.options)


class _Session:
    """One browser tab, as the server sees it: a websocket and the pages of its menu."""

    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket
        self.pages: dict[str, str] = {}

    async def run(
        self, *, page: str = "", query: str = "", widgets: tuple[WidgetState, ...] = ()
    ) -> tuple[_Run, float]:
        """Ask for a script run (of a page, with a query string and widget values); until it finished."""
        request = BackMsg()
        request.rerun_script.widget_states.widgets.extend(widgets)
        request.rerun_script.query_string = query
        request.rerun_script.page_script_hash = self.pages.get(page, "")
        started = time.perf_counter()
        await self.socket.send(request.SerializeToString())
        run = _Run()
        async with asyncio.timeout(TIMEOUT_S):
            while True:
                message = ForwardMsg()
                message.ParseFromString(await self.socket.recv())
                run.take(message)
                if message.HasField("script_finished") and message.script_finished in _DONE:
                    break
        self.pages.update(run.pages)
        if run.exceptions:
            msg = f"foutmelding op de pagina: {run.exceptions[0]}"
            raise LoadError(msg)
        return run, time.perf_counter() - started

    async def sign_in(self, user: Identity) -> None:
        """Choose the demo user on the login page and press Inloggen."""
        login, _ = await self.run()
        choices = [c for c in login.options.get("Demo-gebruiker", []) if c.startswith(f"{user.naam} · ")]
        if not choices or "Inloggen" not in login.widgets:
            msg = f"geen inlogformulier voor {user.naam} (koppen: {login.headings})"
            raise LoadError(msg)
        after, _ = await self.run(
            widgets=(
                WidgetState(id=login.widgets["Demo-gebruiker"], string_value=choices[0]),
                WidgetState(id=login.widgets["Inloggen"], trigger_value=True),
            )
        )
        if "Overzicht" not in after.headings:
            msg = f"niet ingelogd (koppen: {after.headings})"
            raise LoadError(msg)

    async def open(self, title: str, query: str = "") -> float:
        """Open a page of the menu; the seconds until its run finished with its title on screen.

        With a query (a group to open), the title must be the group's, not the empty page's.
        """
        if title not in self.pages:
            msg = f"{title} staat niet in het menu"
            raise LoadError(msg)
        run, seconds = await self.run(page=title, query=query)
        if not run.headings or (query and run.headings[0] == title):
            msg = f"{title} zonder eigen titel ({query or 'geen parameters'})"
            raise LoadError(msg)
        if not query and run.headings[0] != title:
            msg = f"{title} toont {run.headings[0]!r}"
            raise LoadError(msg)
        return seconds


@dataclass
class _Tally:
    """Page times and errors of all sessions."""

    seconds: list[float] = field(default_factory=list)
    per_page: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, title: str, seconds: float) -> None:
        """One timed page view (or websocket opening, which is not a page view)."""
        if title != CONNECT:
            self.seconds.append(seconds)
        self.per_page.setdefault(title, []).append(seconds)


@dataclass(frozen=True)
class _User:
    """A demo user and a few groups of their area to open."""

    identity: Identity
    groups: tuple[str, ...]


def load_users(database_url: str) -> list[_User]:
    """The demo users who see the dashboard, each with up to ten groups of their area."""
    engine = create_db_engine(database_url)
    try:
        identities = [i for i in load_identities(engine) if has_permission(i, "aggregaten")]
        users = []
        for identity in identities:
            ids = load_groups(engine, identity.scope).get_column("groep_id").sort().to_list()
            users.append(_User(identity, tuple(ids[:: max(1, len(ids) // 10)][:10])))
        return users
    finally:
        engine.dispose()


async def _session(ws_url: str, user: _User, start_s: float, tally: _Tally) -> None:
    await asyncio.sleep(start_s)  # users arrive one by one, not in the same instant
    who = user.identity.gebruiker_id
    started = time.perf_counter()
    try:
        socket = await websockets.connect(
            ws_url,
            subprotocols=["streamlit"],  # type: ignore[list-item]
            max_size=None,
            open_timeout=TIMEOUT_S,
            # As a browser: no keepalive pings of its own, and always reading what the server sends
            # (a bounded queue stops reading while the user "reads the page", and then pongs go unread).
            ping_interval=None,
            max_queue=None,
        )
    except (TimeoutError, OSError, websockets.WebSocketException) as error:
        tally.errors.append(f"{who} verbinden: {type(error).__name__} {error}")
        return
    tally.add(CONNECT, time.perf_counter() - started)
    async with socket:
        await _walk(_Session(socket), user, tally)


async def _walk(session: _Session, user: _User, tally: _Tally) -> None:
    """Sign in, then open the pages of the menu in turn (a group on the Groep page) until the time is up."""
    who = user.identity.gebruiker_id
    try:
        await session.sign_in(user.identity)
    except (LoadError, TimeoutError, websockets.WebSocketException) as error:
        tally.errors.append(f"{who} inloggen: {type(error).__name__} {error}")
        return
    opens_groups = has_permission(user.identity, "groepsdetail") and bool(user.groups)
    titles = [t for t in PAGES if t != "Groep" or opens_groups]
    deadline = time.monotonic() + DURATION_S
    step = 0
    while time.monotonic() < deadline:
        title = titles[step % len(titles)]
        step += 1
        if step > 1:
            await asyncio.sleep(THINK_S)
        try:
            if title == "Groep":
                groep = user.groups[step % len(user.groups)]
                tally.add(GROUP_VIEW, await session.open(title, query=f"groep={groep}"))
            else:
                tally.add(title, await session.open(title))
        except (LoadError, TimeoutError) as error:
            tally.errors.append(f"{who} {title}: {type(error).__name__} {error}")
        except websockets.WebSocketException as error:
            tally.errors.append(f"{who} {title}: verbinding verbroken ({error})")
            return


def stream_url(base_url: str) -> str:
    """The websocket address of a server's sessions (as the browser opens it)."""
    return base_url.replace("http://", "ws://", 1) + "/_stcore/stream"


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run_sessions(ws_url: str, users: list[_User]) -> _Tally:
    """SESSIONS sessions, arriving RAMP_UP_S apart, the users taken in turn; their page times and errors."""
    tally = _Tally()
    await asyncio.gather(
        *(_session(ws_url, users[i % len(users)], i * RAMP_UP_S, tally) for i in range(SESSIONS))
    )
    return tally


def _report(tally: _Tally, server_cpu: float) -> None:
    for title, seconds in tally.per_page.items():
        print(
            f"belasting: {title}: {len(seconds)} keer, mediaan {statistics.median(seconds):.2f} s, "
            f"hoogste {max(seconds):.2f} s",
            file=sys.stderr,
        )
    for error in sorted(set(tally.errors)):
        print(f"belasting: {tally.errors.count(error)} x {error}", file=sys.stderr)
    print(f"belasting: app-server {server_cpu:.0f} s CPU", file=sys.stderr)


def measure(backend: Backend) -> list[Figure]:
    """Median and 95th percentile of page times under 20 sessions, the errors, the server's CPU."""
    land = land_database(backend)
    users = load_users(land.url)
    with streamlit_process(land.url) as (base_url, process):
        before = _cpu_seconds(process.pid)
        tally = asyncio.run(run_sessions(stream_url(base_url), users))
        server_cpu = _cpu_seconds(process.pid) - before
    _report(tally, server_cpu)
    if not tally.seconds:
        msg = f"geen enkele pagina gemeten; fouten: {tally.errors[:5]}"
        raise RuntimeError(msg)
    p95 = statistics.quantiles(tally.seconds, n=20)[-1] if len(tally.seconds) > 1 else tally.seconds[0]
    what = f"{SESSIONS} sessies, {DURATION_S:.0f} s, land, {len(tally.seconds)} paginaweergaven"
    return [
        Figure(f"belasting: paginatijd mediaan ({what})", statistics.median(tally.seconds), 1, "s"),
        Figure(f"belasting: paginatijd 95e percentiel ({what})", p95, 3, "s"),
        Figure(f"belasting: fouten ({what})", float(len(tally.errors)), 0, "stuks"),
        # Script runs share one interpreter lock: 20 users opening a page every THINK_S seconds need
        # at most 1 / (20 / THINK_S) = 0.25 s of server CPU per page view on one core.
        Figure(
            f"belasting: CPU van de app-server per paginaweergave ({what})",
            server_cpu / len(tally.seconds),
            0.25,
            "s",
        ),
    ]
