"""Signing in: identity lookup on both databases, refused-login records, start-up check, idle expiry."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from dashboard.access import Identity, Scope
from dashboard.audit import record_audit, verify_chain
from dashboard.auth import (
    AUTH_KEYS,
    email_fingerprint,
    login_entry,
    lookup_login,
    missing_auth_keys,
    refused_login_entry,
    resolve_login,
    session_expired,
    startup_problem,
)
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

GEBRUIKERS = [
    {
        "gebruiker_id": "pr-utrecht",
        "naam": "Procesregisseur Utrecht",
        "email": "Procesregisseur.Utrecht@Gemeente.example",
        "rol": "procesregisseur",
        "scope_type": "gemeente",
        "scope_codes": "GM0344",
        "actief": True,
    },
    {
        "gebruiker_id": "oud-account",
        "naam": "Oud account",
        "email": "oud@gemeente.example",
        "rol": "burgemeester",
        "scope_type": "gemeente",
        "scope_codes": "GM0307",
        "actief": False,
    },
    {
        "gebruiker_id": "landelijk",
        "naam": "Landelijk beheer",
        "email": "beheer@politie.example",
        "rol": "beheerder",
        "scope_type": "land",
        "scope_codes": "",
        "actief": True,
    },
]
COMPLETE_AUTH = {
    "redirect_uri": "https://groepsbeeld.example.nl/oauth2callback",
    "cookie_secret": "x" * 40,
    "client_id": "groepsbeeld",
    "client_secret": "geheim",
    "server_metadata_url": "https://login.example.nl/.well-known/openid-configuration",
}


@pytest.fixture
def users(engine: Engine) -> Engine:
    """The migrated database with an active, a blocked and a nationwide user."""
    with engine.begin() as connection:
        connection.execute(metadata.tables["gebruiker"].insert(), GEBRUIKERS)
    return engine


@pytest.mark.parametrize(
    ("email", "gebruiker_id", "weigering"),
    [
        ("Procesregisseur.Utrecht@Gemeente.example", "pr-utrecht", None),
        ("procesregisseur.utrecht@gemeente.example", "pr-utrecht", None),
        ("  PROCESREGISSEUR.UTRECHT@GEMEENTE.EXAMPLE ", "pr-utrecht", None),
        ("beheer@politie.example", "landelijk", None),
        ("oud@gemeente.example", None, "geblokkeerd"),
        ("OUD@gemeente.example", None, "geblokkeerd"),
        ("niemand@gemeente.example", None, "onbekend"),
        ("", None, "onbekend"),
        (None, None, "onbekend"),
    ],
    ids=[
        "exact",
        "kleine-letters",
        "hoofdletters-spaties",
        "land",
        "geblokkeerd",
        "geblokkeerd-hoofdletters",
        "onbekend",
        "leeg",
        "geen-email",
    ],
)
def test_lookup_login(
    users: Engine, email: str | None, gebruiker_id: str | None, weigering: str | None
) -> None:
    outcome = lookup_login(users, email)
    assert outcome.weigering == weigering
    assert (outcome.identity.gebruiker_id if outcome.identity else None) == gebruiker_id
    assert resolve_login(users, email) == outcome.identity


def test_resolved_identity_carries_role_and_scope(users: Engine) -> None:
    identity = resolve_login(users, "procesregisseur.utrecht@gemeente.example")
    assert identity == Identity(
        gebruiker_id="pr-utrecht",
        naam="Procesregisseur Utrecht",
        email="Procesregisseur.Utrecht@Gemeente.example",
        rol="procesregisseur",
        scope=Scope(type="gemeente", codes=frozenset({"GM0344"})),
    )
    national = resolve_login(users, "beheer@politie.example")
    assert national is not None
    assert national.scope == Scope(type="land")


def test_login_records_join_the_audit_chain_without_the_raw_email(users: Engine) -> None:
    identity = resolve_login(users, "beheer@politie.example")
    assert identity is not None
    record_audit(
        users, login_entry(identity, "oidc"), refused_login_entry("Wie@Elders.example", "onbekend", "oidc")
    )
    with users.connect() as connection:
        rows = connection.execute(select(metadata.tables["auditlog"]).order_by("id")).mappings().all()
    assert [(r["categorie"], r["actie"], r["gebruiker_id"]) for r in rows] == [
        ("toegang", "inloggen", "landelijk"),
        ("toegang", "inloggen_geweigerd", email_fingerprint("wie@elders.example")),
    ]
    assert all("elders" not in str(value).lower() for row in rows for value in row.values())
    assert verify_chain(users).ok


@pytest.mark.parametrize(
    ("email", "expected"),
    [("a@b.example", email_fingerprint("A@B.EXAMPLE ")), ("", "onbekend"), (None, "onbekend")],
    ids=["hoofdletterongevoelig", "leeg", "geen"],
)
def test_email_fingerprint(email: str | None, expected: str) -> None:
    assert email_fingerprint(email) == expected
    if email:
        assert expected.startswith("sha256:")
        assert len(expected) == len("sha256:") + 16
        assert email not in expected


@pytest.mark.parametrize(
    ("fictief", "auth", "expected"),
    [
        (True, None, None),
        (True, {}, None),
        (True, COMPLETE_AUTH, None),
        (False, COMPLETE_AUTH, None),
        (False, None, "ontbreekt: " + ", ".join(AUTH_KEYS)),
        (False, {}, "[auth]"),
        (False, {**COMPLETE_AUTH, "client_secret": ""}, "ontbreekt: client_secret"),
        (True, {"redirect_uri": COMPLETE_AUTH["redirect_uri"]}, "ontbreekt: cookie_secret, client_id"),
        (False, {**COMPLETE_AUTH, "redirect_uri": "https://groepsbeeld.example.nl/"}, "/oauth2callback"),
    ],
    ids=[
        "demo",
        "demo-lege-sectie",
        "demo-met-oidc",
        "echt-met-oidc",
        "echt-zonder",
        "echt-lege-sectie",
        "echt-leeg-geheim",
        "onvolledig-bij-demo",
        "verkeerde-redirect",
    ],
)
def test_startup_problem(fictief: bool, auth: dict[str, str] | None, expected: str | None) -> None:  # noqa: FBT001
    problem = startup_problem(fictief=fictief, auth_section=auth)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None
        assert expected in problem
        assert "secrets.toml" in problem


def test_missing_auth_keys() -> None:
    assert missing_auth_keys(COMPLETE_AUTH) == []
    assert missing_auth_keys(None) == list(AUTH_KEYS)


NOW = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("last_seen", "minutes", "expired"),
    [
        (None, 30, False),
        (NOW, 30, False),
        (NOW - dt.timedelta(minutes=29, seconds=59), 30, False),
        (NOW - dt.timedelta(minutes=30), 30, False),
        (NOW - dt.timedelta(minutes=30, seconds=1), 30, True),
        (NOW - dt.timedelta(hours=5), 30, True),
        (NOW - dt.timedelta(minutes=6), 5, True),
        (NOW - dt.timedelta(minutes=6), 120, False),
    ],
    ids=["nooit-actief", "net-actief", "net-binnen", "precies-grens", "net-over", "uren-weg", "kort", "lang"],
)
def test_session_expired(last_seen: dt.datetime | None, minutes: int, expired: bool) -> None:  # noqa: FBT001
    assert session_expired(last_seen, NOW, minutes) is expired
