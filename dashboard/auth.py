"""Signing in: who an OpenID Connect identity is in Groepsbeeld, whether the app may start, idle expiry.

The identity provider only proves an e-mail address; role and scope come from the app's own
gebruiker table, so the beheerder decides who sees what. Pure functions and database reads only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, select

from dashboard.access import Identity, Scope
from dashboard.audit import AuditEntry, entry_for
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy.engine import Engine

__all__ = [
    "AUTH_KEYS",
    "LoginMethode",
    "LoginOutcome",
    "Weigering",
    "email_fingerprint",
    "login_entry",
    "lookup_login",
    "missing_auth_keys",
    "refused_login_entry",
    "resolve_login",
    "session_expired",
    "startup_problem",
]

LoginMethode = Literal["oidc", "demo"]
Weigering = Literal["onbekend", "geblokkeerd"]
# The keys st.login needs for the default (unnamed) provider in the [auth] section of secrets.toml.
AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
CALLBACK_PATH = "/oauth2callback"  # st.login only accepts a redirect_uri ending in this path
ONBEKEND = "onbekend"


class LoginOutcome(BaseModel):
    """The result of looking up an identity: the user, or why they may not sign in."""

    model_config = ConfigDict(frozen=True)

    identity: Identity | None = None
    weigering: Weigering | None = None


def lookup_login(engine: Engine, email: str | None) -> LoginOutcome:
    """Find the user with this e-mail (case-insensitive); blocked and unknown users are refused."""
    address = (email or "").strip().lower()
    if not address:
        return LoginOutcome(weigering="onbekend")
    gebruiker = metadata.tables["gebruiker"]
    with engine.connect() as connection:
        row = (
            connection.execute(select(gebruiker).where(func.lower(gebruiker.c.email) == address))
            .mappings()
            .first()
        )
    if row is None:
        return LoginOutcome(weigering="onbekend")
    if not row["actief"]:
        return LoginOutcome(weigering="geblokkeerd")
    codes = frozenset(code for code in (row["scope_codes"] or "").split(";") if code)
    identity = Identity(
        gebruiker_id=row["gebruiker_id"],
        naam=row["naam"],
        email=row["email"],
        rol=row["rol"],
        scope=Scope(type=row["scope_type"], codes=codes),
    )
    return LoginOutcome(identity=identity)


def resolve_login(engine: Engine, email: str | None) -> Identity | None:
    """The active user with this e-mail address, or None."""
    return lookup_login(engine, email).identity


def email_fingerprint(email: str | None) -> str:
    """A short SHA-256 fingerprint of an e-mail address, so a refused login is traceable but not readable."""
    address = (email or "").strip().lower()
    if not address:
        return ONBEKEND
    return "sha256:" + hashlib.sha256(address.encode()).hexdigest()[:16]


def login_entry(identity: Identity, methode: LoginMethode) -> AuditEntry:
    """The audit record of a successful login."""
    return entry_for(identity, "toegang", "inloggen", object_type="sessie", object_id=methode)


def refused_login_entry(email: str | None, weigering: Weigering, methode: LoginMethode) -> AuditEntry:
    """The audit record of a refused login; the e-mail is stored as a fingerprint only."""
    return AuditEntry(
        gebruiker_id=email_fingerprint(email),
        rol=ONBEKEND,
        categorie="toegang",
        actie="inloggen_geweigerd",
        object_type="sessie",
        object_id=methode,
        details={"reden": weigering},
    )


def missing_auth_keys(auth_section: Mapping[str, object] | None) -> list[str]:
    """The keys st.login needs that the [auth] section lacks or leaves empty (all, if there is none)."""
    section = auth_section or {}
    return [key for key in AUTH_KEYS if not str(section.get(key) or "").strip()]


def startup_problem(*, fictief: bool, auth_section: Mapping[str, object] | None) -> str | None:
    """Why the app may not start (a Dutch message), or None.

    Without an [auth] section only fictitious sample data may be shown (demo login); an [auth]
    section must be complete, whatever the data.
    """
    if not auth_section and fictief:
        return None
    missing = missing_auth_keys(auth_section)
    if missing:
        return (
            "Groepsbeeld start niet: er is geen inlogmethode ingesteld. Buiten de fictieve "
            "voorbeeldgegevens is inloggen via de identity provider van uw organisatie (OpenID Connect) "
            "verplicht. Vul in `.streamlit/secrets.toml` de sectie `[auth]` aan "
            f"(ontbreekt: {', '.join(missing)}) en start de app opnieuw; zie "
            "`.streamlit/secrets.toml.example` en docs/inloggen.md."
        )
    redirect_uri = str((auth_section or {}).get("redirect_uri", ""))
    if not redirect_uri.endswith(CALLBACK_PATH):
        return (
            "Groepsbeeld start niet: `redirect_uri` in de sectie `[auth]` van `.streamlit/secrets.toml` "
            f"moet eindigen op `{CALLBACK_PATH}`, bijvoorbeeld https://groepsbeeld.example.nl{CALLBACK_PATH}."
        )
    return None


def session_expired(last_seen: dt.datetime | None, now: dt.datetime, minutes: int) -> bool:
    """Tell whether more than `minutes` passed since the last activity (never, without one)."""
    if last_seen is None:
        return False
    return now - last_seen > dt.timedelta(minutes=minutes)
