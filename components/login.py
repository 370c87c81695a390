"""Signing in and out: the OpenID Connect button, recording logins, the session's method and activity."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import streamlit as st

from components.data import engine
from components.session import sign_in, sign_out
from dashboard.audit import record_audit
from dashboard.auth import LoginMethode, login_entry, missing_auth_keys

if TYPE_CHECKING:
    from dashboard.access import Identity

__all__ = [
    "auth_section",
    "complete_login",
    "login_method",
    "oidc_claims",
    "oidc_configured",
    "show_oidc_button",
    "sign_out_everywhere",
]

LOG = logging.getLogger("groepsbeeld.inloggen")
METHOD_KEY = "groepsbeeld_inlogmethode"
SEEN_KEY = "groepsbeeld_laatst_actief"
OIDC_LABEL = "Inloggen met uw organisatieaccount"


def auth_section() -> dict[str, Any] | None:
    """The [auth] section of the secrets (secrets.toml), or None when there is none."""
    if not st.secrets.load_if_toml_exists():
        return None
    section = st.secrets.get("auth")
    return dict(section) if isinstance(section, Mapping) and section else None


def oidc_configured() -> bool:
    """Tell whether st.login can reach an identity provider (a complete [auth] section)."""
    section = auth_section()
    return section is not None and not missing_auth_keys(section)


def oidc_claims() -> dict[str, Any] | None:
    """The identity provider's claims of the signed-in browser (st.user), or None when not signed in."""
    if not oidc_configured() or not st.user.get("is_logged_in"):
        return None
    return dict(st.user.to_dict())


def show_oidc_button() -> bool:
    """Show the button that starts the OIDC login when a provider is configured; tell whether it is."""
    if not oidc_configured():
        return False
    st.write("Log in met het account van uw organisatie; uw rol en gebied staan in Groepsbeeld zelf.")
    if st.button(OIDC_LABEL, type="primary", key="inloggen_oidc", icon=":material/login:"):
        st.login()
    return True


def complete_login(identity: Identity, methode: LoginMethode) -> None:
    """Sign the user in for this session and record the login once in the audit trail."""
    record_audit(engine(), login_entry(identity, methode))
    sign_in(identity)
    st.session_state[METHOD_KEY] = methode
    st.session_state[SEEN_KEY] = dt.datetime.now(tz=dt.UTC)
    # No name, e-mail or id in the log: the audit trail says who, the log only that it happened.
    LOG.info("Ingelogd via %s met rol %s", methode, identity.rol)


def login_method() -> LoginMethode | None:
    """How this session signed in, if it did."""
    value = st.session_state.get(METHOD_KEY)
    return "oidc" if value == "oidc" else "demo" if value == "demo" else None


def sign_out_everywhere() -> None:
    """Forget the session; an OIDC user is also signed out of the identity cookie (st.logout)."""
    oidc = login_method() == "oidc"
    sign_out()
    if oidc:
        st.logout()  # the browser leaves for the logout address; render nothing more meanwhile
        st.stop()
    else:
        st.rerun()
