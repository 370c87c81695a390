"""A writable copy of the sample with hostile names, for the report tests."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sqlalchemy import and_, or_, select, update

from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata

GROEP = "G-00012"  # problematic, in gemeente Utrecht, with members and scans
PEILDATUM = dt.date(2026, 11, 30)
EVIL_GROUP = "Groep <script>alert(1)</script> #set page(width: 1cm) {{ x }} $x$"
EVIL_NAME = "=cmd|' /C calc'!A0 #strong[x] <b>{{y}}</b> $z$"
T = metadata.tables


@pytest.fixture(scope="module")
def db_url(sample_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the sample DB where one group and one current member carry hostile names."""
    target = tmp_path_factory.mktemp("reports") / "reports.db"
    shutil.copy(sample_db_url.removeprefix("sqlite:///"), target)
    url = f"sqlite:///{target}"
    engine = create_db_engine(url)
    with engine.begin() as connection:
        connection.execute(
            update(T["groep"]).where(T["groep"].c.groep_id == GROEP).values(werknaam=EVIL_GROUP)
        )
        persoon_id = connection.execute(current_members_query().limit(1)).first()[0]
        connection.execute(
            update(T["persoon"]).where(T["persoon"].c.persoon_id == persoon_id).values(voornaam=EVIL_NAME)
        )
    engine.dispose()
    return url


def current_members_query():
    lid, persoon = T["lidmaatschap"], T["persoon"]
    active = and_(lid.c.van <= PEILDATUM, or_(lid.c.tot.is_(None), lid.c.tot >= PEILDATUM))
    return (
        select(persoon.c.persoon_id, persoon.c.voornaam, persoon.c.achternaam)
        .join(lid, lid.c.persoon_id == persoon.c.persoon_id)
        .where(lid.c.groep_id == GROEP, active)
        .distinct()
        .order_by(persoon.c.persoon_id)
    )


@pytest.fixture(scope="module")
def db(db_url: str):
    engine = create_db_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def users(db) -> dict:
    return {identity.gebruiker_id: identity for identity in load_identities(db)}
