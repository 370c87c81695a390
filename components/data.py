"""Cached access to the database for the UI; scope-bound loaders take the scope as cache key."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import streamlit as st

from dashboard.access import Identity, Scope
from dashboard.scoring.inputs import dataset_peildatum
from dashboard.scoring.service import ScopeScores, score_scope
from dashboard.settings import Settings
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import (
    load_area_names,
    load_dataset_info,
    load_identities,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

__all__ = [
    "area_names",
    "dataset_info",
    "demo_identities",
    "engine",
    "latest_peildatum",
    "scope_scores",
]


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    return create_db_engine(url)


def engine() -> Engine:
    """The shared, thread-safe engine for the configured database."""
    return _engine_for(Settings().database_url)


@st.cache_data(ttl=300, show_spinner=False)
def _dataset_info(url: str) -> dict[str, str]:
    return load_dataset_info(_engine_for(url))


def dataset_info() -> dict[str, str]:
    """Facts about the loaded data set (no personal data), such as fictief = ja."""
    return _dataset_info(Settings().database_url)


@st.cache_data(ttl=300, show_spinner=False)
def _area_names(url: str) -> dict[str, str]:
    return load_area_names(_engine_for(url))


def area_names() -> dict[str, str]:
    """Names of municipalities, basic teams and units by code (public facts, shared cache)."""
    return _area_names(Settings().database_url)


def demo_identities() -> list[Identity]:
    """The users of the data set, read fresh (not cached: rights may change)."""
    return load_identities(engine())


@st.cache_data(ttl=300, show_spinner=False)
def _latest_peildatum(url: str) -> dt.date:
    return dataset_peildatum(_engine_for(url)) or dt.datetime.now(tz=dt.UTC).date()


def latest_peildatum() -> dt.date:
    """The data set's own reference date, else today."""
    return _latest_peildatum(Settings().database_url)


@st.cache_data(ttl=300, show_spinner="Scores berekenen...", max_entries=64)
def _scope_scores(url: str, scope_type: str, codes: tuple[str, ...], peildatum: dt.date) -> ScopeScores:
    scope = Scope.model_validate({"type": scope_type, "codes": frozenset(codes)})
    return score_scope(_engine_for(url), scope, peildatum)


def scope_scores(scope: Scope, peildatum: dt.date) -> ScopeScores:
    """The scored groups of the scope; scope and date are the cache key, so users never share results."""
    return _scope_scores(Settings().database_url, scope.type, tuple(sorted(scope.codes)), peildatum)
