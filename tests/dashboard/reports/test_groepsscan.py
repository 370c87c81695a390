"""The internal groepsscan: police roles only, problematic groups only, victims never counted as suspects."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from pypdf import PdfReader
from sqlalchemy import and_, func, insert, select

from dashboard.access import AccessDeniedError
from dashboard.reports.build import build_groepsscan
from dashboard.reports.config import FORMATEN, INTERN
from dashboard.reports.models import Aanvraag
from dashboard.reports.service import export_report
from dashboard.storage.schema import metadata
from tests.dashboard.reports.conftest import EVIL_GROUP, EVIL_NAME, GROEP, PEILDATUM, current_members_query
from tests.dashboard.reports.test_reports import _squash, _text

NOW = dt.datetime(2026, 12, 3, 11, 0, tzinfo=dt.UTC)
T = metadata.tables
VENSTER_START = dt.date(2025, 11, 30)  # twelve months before the peildatum (exclusive)


def _count(db, product: str = "groepsscan") -> int:
    log = T["exportlog"]
    with db.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(log).where(log.c.product == product)
        ).scalar_one()


def _aanvraag(identity, groep_id: str = GROEP) -> Aanvraag:
    return Aanvraag(
        identity=identity, groep_id=groep_id, peildatum=PEILDATUM, product="groepsscan", aangemaakt=NOW
    )


@pytest.fixture(scope="module")
def victim(db) -> str:
    """A current member with two registrations as victim and one as witness in the window, none as suspect."""
    with db.begin() as connection:
        members = [row[0] for row in connection.execute(current_members_query()).all()]
        suspects = set(
            connection.execute(
                select(T["betrokkene"].c.persoon_id).where(T["betrokkene"].c.rol == "verdachte")
            ).scalars()
        )
        persoon_id = next(m for m in members if m not in suspects)
        categorie = connection.execute(select(T["delictcategorie"].c.categorie_code)).scalars().first()
        for nummer, rol in (
            ("R-TEST-S1", "slachtoffer"),
            ("R-TEST-S2", "slachtoffer"),
            ("R-TEST-G1", "getuige"),
        ):
            connection.execute(
                insert(T["registratie"]).values(
                    registratienummer=nummer,
                    datum=dt.date(2026, 10, 1),
                    categorie_code=categorie,
                    gemeente_code="GM0344",
                    lat=52.09,
                    lon=5.12,
                )
            )
            connection.execute(
                insert(T["betrokkene"]).values(registratienummer=nummer, persoon_id=persoon_id, rol=rol)
            )
    return persoon_id


def _per_rol(db, rol: str) -> dict[str, int]:
    """Registrations per current member in one role in the window, straight from the database."""
    betrokkene, registratie = T["betrokkene"], T["registratie"]
    members = current_members_query().subquery()
    statement = (
        select(betrokkene.c.persoon_id, func.count(func.distinct(betrokkene.c.registratienummer)))
        .join(registratie, registratie.c.registratienummer == betrokkene.c.registratienummer)
        .where(
            and_(
                betrokkene.c.rol == rol,
                registratie.c.datum > VENSTER_START,
                registratie.c.datum <= PEILDATUM,
                betrokkene.c.persoon_id.in_(select(members.c.persoon_id)),
            )
        )
        .group_by(betrokkene.c.persoon_id)
    )
    with db.connect() as connection:
        return dict(connection.execute(statement).all())


def test_victims_and_witnesses_are_counted_apart_never_as_suspects(db, users, victim) -> None:
    scan = build_groepsscan(db, _aanvraag(users["specialist-mnl"]))
    leden = {lid.persoon_id: lid for lid in scan.leden}
    assert leden[victim].verdacht == ()
    assert (leden[victim].slachtoffer, leden[victim].getuige) == (2, 1)
    verdachte, slachtoffer = _per_rol(db, "verdachte"), _per_rol(db, "slachtoffer")
    for persoon_id, lid in leden.items():
        assert sum(n for _c, n in lid.verdacht) == verdachte.get(persoon_id, 0), persoon_id
        assert lid.slachtoffer == slachtoffer.get(persoon_id, 0), persoon_id
    assert sum(r.registraties for r in scan.registraties) >= 1
    with db.connect() as connection:
        assert set(leden) == {row[0] for row in connection.execute(current_members_query()).all()}


def test_the_scan_carries_ratings_with_sources_and_dates_and_the_restricted_flag(db, users) -> None:
    scan = build_groepsscan(db, _aanvraag(users["specialist-mnl"]))
    assert scan.gedrag
    assert all(g.bronnen for g in scan.gedrag)
    assert any(g.laatst_waargenomen is not None for g in scan.gedrag)
    assert isinstance(scan.radicalisering, bool)
    html = _text(export_report(db, _aanvraag(users["specialist-mnl"]), "html").inhoud, "html")
    assert "Signaal radicalisering (beperkt)" in html
    assert "Datakwaliteit" in html


@pytest.mark.parametrize("formaat", FORMATEN)
def test_the_groepsscan_is_marked_internal_and_names_are_literal(db, users, formaat) -> None:
    export = export_report(db, _aanvraag(users["specialist-mnl"]), formaat)
    text = _text(export.inhoud, formaat)
    assert _squash(EVIL_GROUP) in _squash(text)
    assert _squash(EVIL_NAME) in _squash(text)
    if formaat == "docx":
        header = docx.Document(io.BytesIO(export.inhoud)).sections[0].header.paragraphs[0].text
        assert INTERN.upper() in header
        assert "VERTROUWELIJK" in header
    else:
        assert INTERN.lower() in text.lower()
        assert "vertrouwelijk" in text.lower()


def test_every_page_of_the_groepsscan_pdf_is_internal_and_confidential(db, users) -> None:
    pages = PdfReader(io.BytesIO(export_report(db, _aanvraag(users["specialist-mnl"]), "pdf").inhoud)).pages
    assert len(pages) > 1
    for page in pages:
        text = page.extract_text()
        assert INTERN.upper() in text
        assert "VERTROUWELIJK" in text


@pytest.mark.parametrize("gebruiker", ["burgemeester-utrecht", "procesregisseur-utrecht", "ovj-mnl"])
@pytest.mark.parametrize("formaat", FORMATEN)
def test_non_police_roles_get_no_groepsscan_and_nothing_is_logged(db, users, gebruiker, formaat) -> None:
    before = _count(db)
    with pytest.raises(AccessDeniedError):
        export_report(db, _aanvraag(users[gebruiker]), formaat)
    assert _count(db) == before


def test_no_groepsscan_for_a_group_not_judged_problematic(db, users) -> None:
    groep = T["groep"]
    with db.connect() as connection:
        other = (
            connection.execute(
                select(groep.c.groep_id).where(
                    groep.c.beoordeling_2a != "problematisch", groep.c.gemeente_code == "GM0344"
                )
            )
            .scalars()
            .first()
        )
    assert other is not None
    before = _count(db)
    with pytest.raises(AccessDeniedError):
        export_report(db, _aanvraag(users["specialist-mnl"], other), "pdf")
    assert _count(db) == before


def test_the_wijkagent_may_export_a_scan_of_a_group_in_the_basisteam(db, users) -> None:
    before = _count(db)
    export = export_report(db, _aanvraag(users["wijkagent-utrecht-noord"], "G-00008"), "pdf")
    assert _count(db) == before + 1
    log = T["exportlog"]
    with db.connect() as connection:
        row = connection.execute(select(log).where(log.c.documentnummer == export.documentnummer)).one()
    assert (row.gebruiker_id, row.product, row.groep_id) == (
        "wijkagent-utrecht-noord",
        "groepsscan",
        "G-00008",
    )


def test_the_group_page_offers_the_groepsscan_only_to_police_roles(users) -> None:
    from components.report_buttons import allowed_products  # noqa: PLC0415  (a page component)

    for identity in users.values():
        police = identity.rol in {"politie_specialist", "wijkagent"}
        assert ("groepsscan" in allowed_products(identity, problematisch=True)) == police, identity.rol
        assert "groepsscan" not in allowed_products(identity, problematisch=False), identity.rol
