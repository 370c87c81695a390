"""Optimistic locking: the second of two editors starting from the same version is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from dashboard.storage.locking import ConcurrentEditError, update_versioned
from dashboard.storage.schema import metadata

T = metadata.tables


def _decision_row() -> dict[str, object]:
    return {
        "besluit_id": "B1",
        "groep_id": "G1",
        "vergaderdatum": dt.date(2026, 11, 1),
        "uitkomst": "monitoren",
        "aanwezigen": "burgemeester, officier, teamchef",
        "toelichting": "eerste versie",
        "vastgelegd_door": "u1",
        "vastgelegd_op": dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    }


@pytest.fixture
def with_decision(loaded_engine):
    groep_id = None
    with loaded_engine.begin() as connection:
        groep_id = connection.execute(select(T["groep"].c.groep_id).limit(1)).scalar_one()
        connection.execute(T["besluit"].insert().values(**{**_decision_row(), "groep_id": groep_id}))
    return loaded_engine


def test_the_first_editor_wins_and_the_second_is_refused(with_decision) -> None:
    key = {"besluit_id": "B1"}
    with with_decision.begin() as connection:
        assert update_versioned(connection, "besluit", key, 1, {"toelichting": "editor A"}) == 2
    with (
        pytest.raises(ConcurrentEditError, match="Iemand anders heeft dit intussen gewijzigd"),
        with_decision.begin() as connection,
    ):
        update_versioned(connection, "besluit", key, 1, {"toelichting": "editor B"})
    with with_decision.connect() as connection:
        row = connection.execute(select(T["besluit"])).mappings().one()
    assert (row["toelichting"], row["versie"]) == ("editor A", 2)
