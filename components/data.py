"""Cached access to the database for the UI.

Scope-bound loaders take the scope as cache key, so users never share results. Every loader of data
that can change also takes the data version (the audit trail's counter of changes): a scan, import,
decision or step change moves the key, so the scores, map and ranking follow at once, on every server.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import streamlit as st

from dashboard.access import Identity, Scope
from dashboard.audit import data_version
from dashboard.scoring.inputs import dataset_peildatum
from dashboard.scoring.service import ScopeScores, score_scope
from dashboard.settings import Settings
from dashboard.storage.engine import create_db_engine, migrate
from dashboard.storage.queries import (
    load_area_names,
    load_dataset_info,
    load_identities,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

__all__ = [
    "VERSION_TTL_S",
    "area_names",
    "current_version",
    "data_key",
    "dataset_info",
    "demo_identities",
    "engine",
    "latest_peildatum",
    "refresh_data",
    "scope_scores",
]

# The data version is read at most once per this many seconds per server (one tiny query): another
# server's change shows within this time, a change made on this server at once (refresh_data).
VERSION_TTL_S = 2


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    """The engine, once per server process, on a schema brought up to date first.

    The migration runs once, under a lock, however many servers start together.
    """
    db = create_db_engine(url, pool_size=Settings().database_verbindingen)
    migrate(db)
    return db


def engine() -> Engine:
    """The shared, thread-safe engine for the configured database."""
    return _engine_for(Settings().database_url)


@st.cache_data(ttl=VERSION_TTL_S, show_spinner=False)
def _data_version(url: str) -> int:
    return data_version(_engine_for(url))


def current_version() -> int:
    """The data version of the configured database (cached for VERSION_TTL_S seconds)."""
    return _data_version(Settings().database_url)


def data_key() -> str:
    """The database URL with its data version: the first cache key of every loader of changing data."""
    url = Settings().database_url
    return f"{url}#v{_data_version(url)}"


def refresh_data() -> None:
    """After a change saved in this session: read the data version anew, so every cache key moves now."""
    _data_version.clear()


@st.cache_data(ttl=300, show_spinner=False)
def _dataset_info(url: str, version: int) -> dict[str, str]:  # noqa: ARG001  (version: cache key only)
    return load_dataset_info(_engine_for(url))


def dataset_info() -> dict[str, str]:
    """Facts about the loaded data set (no personal data), such as fictief = ja."""
    return _dataset_info(Settings().database_url, current_version())


@st.cache_data(ttl=300, show_spinner=False)
def _area_names(url: str, version: int) -> dict[str, str]:  # noqa: ARG001  (version: cache key only)
    return load_area_names(_engine_for(url))


def area_names() -> dict[str, str]:
    """Names of municipalities, basic teams and units by code (public facts, shared cache)."""
    return _area_names(Settings().database_url, current_version())


def demo_identities() -> list[Identity]:
    """The data set's users who may sign in (blocked ones left out), read fresh: rights may change."""
    return load_identities(engine(), only_active=True)


@st.cache_data(ttl=300, show_spinner=False)
def _latest_peildatum(url: str, version: int) -> dt.date:  # noqa: ARG001  (version: cache key only)
    return dataset_peildatum(_engine_for(url)) or dt.datetime.now(tz=dt.UTC).date()


def latest_peildatum() -> dt.date:
    """The data set's own reference date, else today."""
    return _latest_peildatum(Settings().database_url, current_version())


@st.cache_data(ttl=300, show_spinner="Scores berekenen...", max_entries=64)
def _scope_scores(
    url: str,
    version: int,  # noqa: ARG001  (cache key only: a change anywhere gives a new entry)
    scope_type: str,
    codes: tuple[str, ...],
    peildatum: dt.date,
) -> ScopeScores:
    scope = Scope.model_validate({"type": scope_type, "codes": frozenset(codes)})
    return score_scope(_engine_for(url), scope, peildatum)


def scope_scores(scope: Scope, peildatum: dt.date) -> ScopeScores:
    """The scored groups of the scope; scope, date and data version are the cache key."""
    return _scope_scores(
        Settings().database_url, current_version(), scope.type, tuple(sorted(scope.codes)), peildatum
    )
