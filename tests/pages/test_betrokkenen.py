"""Rechten van betrokkenen: only the privacy officer, scoped search, person view logged once, downloads."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from benchmarks.apptest import open_page
from components.view_log import VIEW_CAPTION
from dashboard.access import Identity, Scope, has_permission
from dashboard.storage.queries import load_identities, read_frame
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from streamlit.testing.v1 import AppTest

T = metadata.tables
TITLE = "Rechten van betrokkenen"


def _officer(engine: Engine) -> Identity:
    return next(i for i in load_identities(engine) if i.rol == "privacyfunctionaris")


def _member(engine: Engine, gemeente_code: str) -> dict[str, str]:
    lid, groep, persoon = T["lidmaatschap"], T["groep"], T["persoon"]
    statement = (
        select(persoon.c.persoon_id, persoon.c.voornaam, persoon.c.achternaam, groep.c.werknaam)
        .join(lid, lid.c.persoon_id == persoon.c.persoon_id)
        .join(groep, groep.c.groep_id == lid.c.groep_id)
        .where(groep.c.gemeente_code == gemeente_code)
        .order_by(persoon.c.persoon_id)
    )
    return read_frame(engine, statement).row(0, named=True)


def _views(engine: Engine) -> list[str]:
    log = T["auditlog"]
    statement = select(log.c.actie).where(log.c.categorie == "inzage").order_by(log.c.id)
    return list(read_frame(engine, statement)["actie"])


def test_the_privacy_officer_finds_a_person_and_sees_what_is_held(
    app: AppTest, sample_engine: Engine
) -> None:
    member = _member(sample_engine, "GM0344")
    open_page(app, _officer(sample_engine), "betrokkenen")
    assert not app.exception
    assert app.title[0].value == TITLE
    assert "Typ een naam" in app.info[0].value
    before = len(_views(sample_engine))
    app.text_input(key="betrokkenen_zoek").input(member["persoon_id"]).run()
    app.selectbox(key="betrokkenen_persoon").select(member["persoon_id"]).run()
    assert not app.exception
    assert app.subheader[0].value == f"{member['voornaam']} {member['achternaam']} ({member['persoon_id']})"
    assert VIEW_CAPTION in [c.value for c in app.caption]
    assert any(c.value.startswith("Geboren") and "Verwijderen op" in c.value for c in app.caption)
    assert member["werknaam"] in set(app.dataframe[0].value["werknaam"])
    assert len(app.get("download_button")) == 5  # inzage JSON, PDF, Word; letter PDF, Word
    app.run()  # a rerun is the same view
    assert _views(sample_engine)[before:] == ["personen_gezocht", "persoon_bekeken"]


def test_a_person_outside_the_area_is_not_found(app: AppTest, sample_engine: Engine) -> None:
    officer = _officer(sample_engine).model_copy(
        update={"scope": Scope(type="gemeente", codes=frozenset({"GM0307"}))}
    )
    member = _member(sample_engine, "GM0344")
    open_page(app, officer, "betrokkenen")
    app.text_input(key="betrokkenen_zoek").input(member["persoon_id"]).run()
    assert not app.exception
    assert "Geen persoon gevonden" in app.info[0].value
    assert not app.selectbox


@pytest.mark.parametrize(
    "gebruiker_id", ["burgemeester-utrecht", "procesregisseur-utrecht", "specialist-mnl", "beheerder"]
)
def test_other_roles_cannot_open_the_page(app: AppTest, sample_engine: Engine, gebruiker_id: str) -> None:
    identity = next(i for i in load_identities(sample_engine) if i.gebruiker_id == gebruiker_id)
    assert not has_permission(identity, "inzage")
    open_page(app, identity, "betrokkenen")
    assert not app.exception
    assert TITLE not in [t.value for t in app.title]
    assert not [t for t in app.text_input if t.key == "betrokkenen_zoek"]
