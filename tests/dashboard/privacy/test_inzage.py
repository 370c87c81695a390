"""Inzage and the information letter: scoped search, everything held on a person, audited files."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import TYPE_CHECKING

import docx
import pytest
from sqlalchemy import select

from dashboard.access import AccessDeniedError, Identity, Scope
from dashboard.audit import entry_for, record_audit
from dashboard.privacy.export import build_inzage_document, export_inzage, export_letter
from dashboard.privacy.inzage import InzageError, find_persons, load_inzage
from dashboard.privacy.letter import build_letter
from dashboard.privacy.retention import RetentionRule
from dashboard.storage.queries import read_frame
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

T = metadata.tables
PEILDATUM = dt.date(2026, 11, 30)
UTRECHT, AMERSFOORT = "GM0344", "GM0307"


def _identity(rol: str = "privacyfunctionaris", scope: Scope | None = None) -> Identity:
    return Identity(
        gebruiker_id=f"test-{rol}", naam="Test", email="test@example.org", rol=rol,  # type: ignore[arg-type]
        scope=scope or Scope(type="eenheid", codes=frozenset({"MNL"})),
    )  # fmt: skip


def _member(engine: Engine, gemeente_code: str) -> dict[str, str]:
    """A person with a current membership of a group in the municipality (the first by id)."""
    lid, groep, persoon = T["lidmaatschap"], T["groep"], T["persoon"]
    statement = (
        select(
            persoon.c.persoon_id, persoon.c.voornaam, persoon.c.achternaam, lid.c.groep_id, groep.c.werknaam
        )
        .join(lid, lid.c.persoon_id == persoon.c.persoon_id)
        .join(groep, groep.c.groep_id == lid.c.groep_id)
        .where(
            groep.c.gemeente_code == gemeente_code, lid.c.tot.is_(None), groep.c.aanpak_beeindigd.is_(None)
        )
        .order_by(persoon.c.persoon_id)
    )
    return read_frame(engine, statement).row(0, named=True)


@pytest.mark.parametrize(
    ("zoek", "scope_codes", "found"),
    [
        ("naam", {UTRECHT}, True),
        ("id", {UTRECHT}, True),
        ("naam", {AMERSFOORT}, False),
        ("x", {UTRECHT}, False),
    ],
    ids=["op-naam", "op-persoonsnummer", "buiten-gebied", "te-kort"],
)
def test_find_persons_stays_inside_the_scope(
    sample_engine: Engine,
    zoek: str,
    scope_codes: set[str],
    found: bool,  # noqa: FBT001
) -> None:
    member = _member(sample_engine, UTRECHT)
    term = {
        "naam": f"{member['voornaam']} {member['achternaam']}".upper(),
        "id": member["persoon_id"],
        "x": "x",
    }[zoek]
    result = find_persons(sample_engine, Scope(type="gemeente", codes=frozenset(scope_codes)), term)
    assert (member["persoon_id"] in set(result["persoon_id"])) is found


def test_the_inzage_holds_everything_about_the_person(sample_engine: Engine) -> None:
    member = _member(sample_engine, UTRECHT)
    inzage = load_inzage(sample_engine, _identity(), member["persoon_id"], PEILDATUM)
    assert inzage.persoon.achternaam == member["achternaam"]
    assert member["werknaam"] in {m.werknaam for m in inzage.lidmaatschappen}
    rollen = read_frame(
        sample_engine,
        select(T["betrokkene"].c.rol).where(T["betrokkene"].c.persoon_id == member["persoon_id"]),
    )
    assert sorted(r.rol for r in inzage.registraties) == sorted(rollen["rol"])
    assert inzage.aanpak_loopt
    assert inzage.verwijderdatum is not None
    assert inzage.verwijderdatum > PEILDATUM


@pytest.mark.parametrize("rol", ["burgemeester", "procesregisseur", "politie_specialist", "beheerder"])
def test_only_the_privacy_officer_may_see_an_inzage(sample_engine: Engine, rol: str) -> None:
    member = _member(sample_engine, UTRECHT)
    with pytest.raises(AccessDeniedError):
        load_inzage(sample_engine, _identity(rol), member["persoon_id"], PEILDATUM)


@pytest.mark.parametrize("persoon", ["buiten-gebied", "onbekend"])
def test_a_person_outside_the_area_is_not_found(sample_engine: Engine, persoon: str) -> None:
    persoon_id = _member(sample_engine, UTRECHT)["persoon_id"] if persoon == "buiten-gebied" else "P-9999999"
    amersfoort = _identity(scope=Scope(type="gemeente", codes=frozenset({AMERSFOORT})))
    with pytest.raises(InzageError, match="buiten uw gebied"):
        load_inzage(sample_engine, amersfoort, persoon_id, PEILDATUM)


@pytest.mark.parametrize(
    ("geboren", "zin"),
    [(dt.date(2012, 6, 1), "jonger bent dan 16"), (dt.date(2008, 6, 1), "zelf doen")],
    ids=["onder-16", "16-plus"],
)
def test_the_letter_says_who_exercises_the_rights(sample_engine: Engine, geboren: dt.date, zin: str) -> None:
    member = _member(sample_engine, UTRECHT)
    inzage = load_inzage(sample_engine, _identity(), member["persoon_id"], PEILDATUM)
    inzage = inzage.model_copy(
        update={"persoon": inzage.persoon.model_copy(update={"geboortedatum": geboren})}
    )
    groep = next(m for m in inzage.lidmaatschappen if m.groep_id == member["groep_id"])
    letter = build_letter(inzage, groep, "GB-IB-TEST", PEILDATUM, RetentionRule())
    text = json.dumps(letter.model_dump(mode="json"), ensure_ascii=False)
    assert zin in text
    for needed in (member["werknaam"], "Openbaar Ministerie", "artikel 20", "6 weken", "Inzage", "Bezwaar"):
        assert needed in text, needed


def test_files_are_made_and_every_one_is_audited(loaded_engine: Engine) -> None:
    member = _member(loaded_engine, UTRECHT)
    persoon_id, groep_id = member["persoon_id"], member["groep_id"]
    specialist = _identity("politie_specialist")
    view = entry_for(
        specialist, "inzage", "namen_bekeken", object_type="groep", object_id=groep_id, groep_id=groep_id
    )
    record_audit(loaded_engine, view)
    officer = _identity()
    files = {
        f: export_inzage(loaded_engine, officer, persoon_id, formaat=f, peildatum=PEILDATUM)
        for f in ("json", "pdf", "docx")
    }
    data = json.loads(files["json"].inhoud)
    assert data["persoon"]["persoon_id"] == persoon_id
    assert any(v["actie"] == "namen_bekeken" and v["groep_id"] == groep_id for v in data["vastleggingen"])
    assert files["pdf"].inhoud.startswith(b"%PDF")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(files["docx"].inhoud)).paragraphs)
    assert "Inzage persoonsgegevens" in text
    letters = [
        export_letter(loaded_engine, officer, persoon_id, groep_id=groep_id, formaat=f, peildatum=PEILDATUM)
        for f in ("pdf", "docx")
    ]
    letter_text = "\n".join(p.text for p in docx.Document(io.BytesIO(letters[1].inhoud)).paragraphs)
    assert member["werknaam"] in letter_text
    log = T["auditlog"]
    rows = read_frame(
        loaded_engine, select(log.c.actie, log.c.object_id, log.c.details).where(log.c.categorie == "export")
    )
    assert sorted(rows["actie"]) == ["informatiebrief"] * 2 + ["inzage_export"] * 3
    assert set(rows["object_id"]) == {persoon_id}
    numbers = {json.loads(d)["documentnummer"] for d in rows["details"]}
    assert numbers == {f.documentnummer for f in (*files.values(), *letters)}
    with pytest.raises(InzageError):
        export_letter(
            loaded_engine, officer, persoon_id, groep_id="G-99999", formaat="pdf", peildatum=PEILDATUM
        )


def test_the_inzage_document_lists_every_registration(sample_engine: Engine) -> None:
    member = _member(sample_engine, UTRECHT)
    inzage = load_inzage(sample_engine, _identity(), member["persoon_id"], PEILDATUM)
    doc = build_inzage_document(inzage, "GB-IZ-TEST", dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    tabel = next(s for s in doc.secties if s.titel == "Politieregistraties").blokken[0]
    assert len(tabel.rijen) == max(1, len(inzage.registraties))  # type: ignore[union-attr]
