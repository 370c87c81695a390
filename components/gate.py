"""The gate in front of every page: start-up check, idle expiry, OIDC identity lookup, the login.

`admit()` returns the signed-in user, or shows exactly one page of its own (the start-up refusal,
the rejection of an unknown or blocked account, the expired session, or the login) and returns None.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from typing import TYPE_CHECKING, Any

import streamlit as st

from components.banners import show_sample_banner
from components.data import dataset_info, engine
from components.login import (
    LOG,
    SEEN_KEY,
    auth_section,
    complete_login,
    login_method,
    oidc_claims,
)
from components.navigation import PAGES, login_pages
from components.session import current_identity, sign_in, sign_out
from dashboard.audit import record_audit
from dashboard.auth import Weigering, lookup_login, refused_login_entry, session_expired, startup_problem
from dashboard.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from dashboard.access import Identity

__all__ = ["admit"]

EXPIRED_KEY = "groepsbeeld_sessie_verlopen"
REFUSED_KEY = "groepsbeeld_weigering_gelogd"
MAX_TRACKED = 10_000  # logins whose last activity this server remembers before pruning
WEIGERING_TEKST: dict[Weigering, str] = {
    "onbekend": "Uw account is niet bekend in Groepsbeeld.",
    "geblokkeerd": "Uw account is geblokkeerd in Groepsbeeld.",
}


class _Activity:
    """Last activity per OIDC login (by a fingerprint of subject and issue time), for this server.

    The identity cookie outlives the browser session; this makes a refresh after the idle time
    count as expired too, until the user signs in again (which issues a new token).
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.seen: dict[str, dt.datetime] = {}

    def last_seen(self, claims: dict[str, Any]) -> dt.datetime | None:
        with self.lock:
            if (seen := self.seen.get(_token_key(claims))) is not None:
                return seen
        iat = claims.get("iat")
        return dt.datetime.fromtimestamp(float(iat), tz=dt.UTC) if isinstance(iat, int | float) else None

    def touch(self, claims: dict[str, Any], moment: dt.datetime) -> None:
        with self.lock:
            self.seen[_token_key(claims)] = moment
            if len(self.seen) > MAX_TRACKED:  # forget logins idle for a day: they are expired anyway
                cutoff = moment - dt.timedelta(days=1)
                self.seen = {key: seen for key, seen in self.seen.items() if seen > cutoff}


def _token_key(claims: dict[str, Any]) -> str:
    return hashlib.sha256(f"{claims.get('sub')}|{claims.get('iat')}".encode()).hexdigest()


@st.cache_resource(show_spinner=False)
def _activity() -> _Activity:
    return _Activity()


def _show_only(render: Callable[[], None], title: str) -> None:
    """Make `render` the session's only page, under the start address and every page's address."""
    paths = ["start", "inloggen", *(spec.url_path for spec in PAGES)]
    pages = [st.Page(render, title=title, url_path=path, default=i == 0) for i, path in enumerate(paths)]
    st.navigation(pages, position="hidden").run()


def _show_problem(problem: str) -> None:
    def render() -> None:
        st.title("Groepsbeeld")
        st.error(problem, icon=":material/block:")

    _show_only(render, "Groepsbeeld")


def _show_refusal(weigering: Weigering) -> None:
    def render() -> None:
        st.title("Geen toegang")
        st.error(
            f"{WEIGERING_TEKST[weigering]} U bent wel aangemeld bij uw organisatie, maar Groepsbeeld "
            "kent u geen rol toe. Vraag de beheerder van Groepsbeeld om uw account toe te voegen of "
            "te deblokkeren, en log daarna opnieuw in.",
            icon=":material/person_off:",
        )
        if st.button("Afmelden", key="weigering_afmelden"):
            if oidc_claims() is not None:
                st.logout()
            else:
                st.session_state.clear()
                st.rerun()

    _show_only(render, "Geen toegang")


def _show_expired(minutes: int, *, oidc: bool) -> None:
    def render() -> None:
        st.title("Sessie verlopen")
        st.warning(
            f"Uw sessie is verlopen na {minutes} {'minuut' if minutes == 1 else 'minuten'} zonder "
            "activiteit; log opnieuw in.",
            icon=":material/timer_off:",
        )
        if st.button("Opnieuw inloggen", type="primary", key="verlopen_inloggen"):
            if oidc:
                st.login()
            else:
                st.session_state.pop(EXPIRED_KEY, None)
                st.rerun()
        if oidc and st.button("Afmelden", key="verlopen_afmelden"):
            st.logout()

    _show_only(render, "Sessie verlopen")


@st.fragment(run_every=dt.timedelta(minutes=1))
def _idle_watch(minutes: int) -> None:
    """Every minute, end an idle session even if nobody clicks: an unattended screen may show names.

    A fragment's own reruns do not count as activity (only app.py's runs update the last activity).
    """
    if session_expired(st.session_state.get(SEEN_KEY), dt.datetime.now(tz=dt.UTC), minutes):
        st.rerun(scope="app")


def _expire_if_idle(minutes: int, now: dt.datetime) -> bool:
    """Sign out a session idle for too long; tell whether the session is (still) expired."""
    if st.session_state.get(EXPIRED_KEY):
        return True
    claims = oidc_claims()
    identity = current_identity()
    last = st.session_state.get(SEEN_KEY) if identity is not None else None
    if identity is None and claims is not None:
        last = _activity().last_seen(claims)  # a new session on an existing identity cookie
    if (identity is not None or claims is not None) and session_expired(last, now, minutes):
        sign_out()
        st.session_state[EXPIRED_KEY] = True
        LOG.info("Sessie verlopen na %d minuten zonder activiteit", minutes)
        return True
    st.session_state[SEEN_KEY] = now
    if claims is not None:
        _activity().touch(claims, now)
    return False


def _identity_from_provider() -> Identity | Weigering | None:
    """The user the identity provider vouches for; a refusal reason, or None when not signed in there."""
    claims = oidc_claims()
    if claims is None:
        return None
    email = claims.get("email") if isinstance(claims.get("email"), str) else None
    outcome = lookup_login(engine(), email)
    if outcome.identity is not None:
        complete_login(outcome.identity, "oidc")
        return outcome.identity
    weigering = outcome.weigering or "onbekend"
    if not st.session_state.get(REFUSED_KEY):  # once per session, not on every rerun
        record_audit(
            engine(), refused_login_entry(email if isinstance(email, str) else None, weigering, "oidc")
        )
        LOG.warning("Inloggen geweigerd: account %s", weigering)
        st.session_state[REFUSED_KEY] = True
    return weigering


def _session_identity() -> Identity | Weigering | None:
    """This session's user (OIDC users re-read: the beheerder may change or block them) or the provider's."""
    identity = current_identity()
    if identity is None:
        return _identity_from_provider()
    if login_method() != "oidc":  # demo users: sample data only, chosen from the same table
        return identity
    outcome = lookup_login(engine(), identity.email)
    if outcome.identity is None:
        sign_out()
        LOG.warning("Sessie beeindigd: account %s", outcome.weigering)
        return outcome.weigering or "onbekend"
    if outcome.identity != identity:
        sign_in(outcome.identity)
    return outcome.identity


def admit() -> Identity | None:
    """The signed-in user of this session; otherwise show the right page of the gate and return None."""
    info = dataset_info()
    problem = startup_problem(fictief=info.get("fictief") == "ja", auth_section=auth_section())
    if problem is not None:
        _show_problem(problem)
        return None
    show_sample_banner(info)
    minutes = Settings().sessie_timeout_minuten
    oidc = login_method() == "oidc" or oidc_claims() is not None
    if _expire_if_idle(minutes, dt.datetime.now(tz=dt.UTC)):
        _show_expired(minutes, oidc=oidc)
        return None
    found = _session_identity()
    if isinstance(found, str):
        _show_refusal(found)
        return None
    if found is None:
        st.navigation(login_pages(), position="hidden").run()
        return None
    _idle_watch(minutes)
    return found
