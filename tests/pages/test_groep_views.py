"""Viewing names on the group page is logged once per view (art. 32 Wpg); roles without names log nothing."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from benchmarks.apptest import open_page
from components import view_log
from components.view_log import VIEW_CAPTION
from dashboard.scoring.service import score_scope
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from streamlit.testing.v1 import AppTest

LOG = metadata.tables["auditlog"]


def _views(engine: Engine) -> list[dict[str, object]]:
    statement = select(LOG.c.gebruiker_id, LOG.c.actie, LOG.c.groep_id, LOG.c.details).where(
        LOG.c.categorie == "inzage"
    )
    with engine.connect() as connection:
        return [dict(row) for row in connection.execute(statement.order_by(LOG.c.id)).mappings()]


def _problematic_group(engine: Engine, gebruiker_id: str) -> str:
    identity = next(i for i in load_identities(engine) if i.gebruiker_id == gebruiker_id)
    groepen = score_scope(engine, identity.scope).groepen
    groep = metadata.tables["groep"]
    with engine.connect() as connection:
        problematic = set(
            connection.execute(
                select(groep.c.groep_id).where(groep.c.beoordeling_2a == "problematisch")
            ).scalars()
        )
    return next(g for g in groepen["groep_id"] if g in problematic)


@pytest.mark.parametrize(
    ("gebruiker_id", "logged"),
    [("procesregisseur-utrecht", 1), ("specialist-mnl", 1), ("burgemeester-utrecht", 0)],
    ids=["procesregisseur", "specialist", "burgemeester-zonder-namen"],
)
def test_opening_the_group_page_logs_one_view_of_names(
    app: AppTest, sample_engine: Engine, gebruiker_id: str, logged: int
) -> None:
    identity = next(i for i in load_identities(sample_engine) if i.gebruiker_id == gebruiker_id)
    groep_id = _problematic_group(sample_engine, "burgemeester-utrecht")
    before = len(_views(sample_engine))
    open_page(app, identity, "groep", groep=groep_id)
    assert not app.exception
    app.run()  # a rerun without any change is the same view
    new = _views(sample_engine)[before:]
    assert len(new) == logged
    captions = [c.value for c in app.caption]
    if logged:
        record = new[0]
        assert (record["gebruiker_id"], record["actie"], record["groep_id"]) == (
            gebruiker_id,
            "namen_bekeken",
            groep_id,
        )
        names = next(frame for frame in app.dataframe if "verwijderdatum" in frame.value.columns)
        assert json.loads(str(record["details"]))["personen"] == len(names.value)
        assert "verwijderdatum" in names.value.columns
        assert names.value["verwijderdatum"].notna().all()
        assert VIEW_CAPTION in captions
    else:
        assert VIEW_CAPTION not in captions
        assert not any("verwijderdatum" in frame.value.columns for frame in app.dataframe)


def test_reopening_the_same_group_in_a_session_is_one_view(app: AppTest, sample_engine: Engine) -> None:
    identity = next(i for i in load_identities(sample_engine) if i.gebruiker_id == "procesregisseur-utrecht")
    groep_id = _problematic_group(sample_engine, "procesregisseur-utrecht")
    before = len(_views(sample_engine))
    open_page(app, identity, "groep", groep=groep_id)
    open_page(app, identity, "groep", groep=groep_id)  # the same group again: no new record
    assert len(_views(sample_engine)) - before == 1


def test_names_stay_hidden_when_the_view_cannot_be_recorded(
    app: AppTest, sample_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        statement = "INSERT INTO auditlog"
        raise OperationalError(statement, {}, Exception("database is locked"))

    monkeypatch.setattr(view_log, "record_audit", broken)
    identity = next(i for i in load_identities(sample_engine) if i.gebruiker_id == "procesregisseur-utrecht")
    open_page(app, identity, "groep", groep=_problematic_group(sample_engine, "procesregisseur-utrecht"))
    assert not app.exception
    assert any("niet worden vastgelegd" in e.value for e in app.error)
    assert not any("verwijderdatum" in frame.value.columns for frame in app.dataframe)
