"""The vergaderpakket button on the prioritisation page: only for roles with 'rapportage', for 2-20 rows."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from dashboard.access import Identity, has_permission
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities

LABEL = "Vergaderpakket (PDF)"


def _identities(sample_db_url: str) -> list[Identity]:
    return [i for i in load_identities(create_db_engine(sample_db_url)) if has_permission(i, "aggregaten")]


def _select(app: AppTest, rows: list[int]) -> AppTest:
    """Tick rows in the ranking table, as a click on their checkboxes does."""
    app.session_state[app.dataframe[0].key] = {"selection": {"rows": rows, "columns": [], "cells": []}}
    return app.run()


def _labels(app: AppTest) -> list[str]:
    return [button.label for button in app.get("download_button")]


def test_the_button_shows_only_for_roles_with_rapportage(app: AppTest, sample_db_url: str) -> None:
    identities = _identities(sample_db_url)
    assert {i.rol for i in identities} >= {"burgemeester", "wijkagent", "beheerder", "politie_specialist"}
    for identity in identities:
        open_page(app, identity, "prioritering")
        _select(app, [0, 1])
        assert not app.exception, identity.rol
        assert (LABEL in _labels(app)) == has_permission(identity, "rapportage"), identity.rol
        if not has_permission(identity, "rapportage"):
            assert not [s for s in app.subheader if s.value == "Vergaderpakket"], identity.rol


@pytest.mark.parametrize(("rows", "shown"), [([], False), ([0], False), ([0, 1], True), ([0, 2, 3], True)])
def test_the_button_needs_two_to_twenty_groups(app: AppTest, sample_db_url: str, rows, shown) -> None:
    identity = next(i for i in _identities(sample_db_url) if i.gebruiker_id == "specialist-mnl")
    open_page(app, identity, "prioritering")
    _select(app, rows)
    assert not app.exception
    assert (LABEL in _labels(app)) == shown
    button = [b for b in app.get("download_button") if b.label == LABEL]
    if shown:
        assert button[0].help
        assert f"van de {len(rows)} geselecteerde groepen" in " ".join(c.value for c in app.caption)
    else:
        assert f"(nu {len(rows)} geselecteerd)" in " ".join(c.value for c in app.caption)
