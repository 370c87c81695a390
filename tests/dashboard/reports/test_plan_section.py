"""The standaardrapportage's section 'Voortgang plan van aanpak', in the model and every format."""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from dashboard.process.sample_plan import seed_demo_plan
from dashboard.reports.build import build_rapportage
from dashboard.reports.config import FORMATEN
from dashboard.reports.layout import layout
from dashboard.reports.models import Aanvraag, Alinea, PlanRegel, Tabel
from dashboard.reports.plan_section import GEEN_PLAN, TE_LAAT, TITEL, plan_blokken
from dashboard.reports.service import export_report
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata
from tests.conftest import db_url  # noqa: F401  (both backends again: the folder's conftest pins a copy)

PEILDATUM = dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)
WITH_PLAN = "G-00003"  # the first sample group in step 6: the demo plan has an overdue item there
WITHOUT_PLAN = "G-00017"  # Utrecht, step 6, beyond the demo groups
T = metadata.tables


def _regel(status: str, *, te_laat: bool = False, spoor: str = "groepsgericht") -> PlanRegel:
    return PlanRegel(
        spoor=spoor,
        partner="Jongerenwerk",
        omschrijving="Ambulant jongerenwerk op de hangplek.",
        eigenaar="Coördinator jongerenwerk",
        deadline=dt.date(2026, 11, 1),
        status=status,
        te_laat=te_laat,
    )


@pytest.mark.parametrize(
    ("plan", "summary", "statuses"),
    [
        ((), GEEN_PLAN, []),
        ((_regel("lopend", te_laat=True),), "0 van 1 interventies afgerond, 1 nog open, waarvan 1 te laat",
         [f"Lopend – {TE_LAAT}"]),
        ((_regel("afgerond"), _regel("vervallen")), "1 van 1 interventies afgerond, 0 nog open, waarvan 0",
         ["Afgerond", "Vervallen"]),
    ],
    ids=["geen-plan", "te-laat", "afgerond-en-vervallen"],
)  # fmt: skip
def test_plan_blocks(plan, summary, statuses) -> None:
    blokken = plan_blokken(plan)
    assert isinstance(blokken[0], Alinea)
    assert blokken[0].tekst.startswith(summary)
    tables = [b for b in blokken if isinstance(b, Tabel)]
    assert [row[4] for table in tables for row in table.rijen] == statuses
    if plan:
        headings = [b.tekst for b in blokken if isinstance(b, Alinea) and b.nadruk]
        assert headings == ["Groepsgericht", "Domeingericht (locaties)", "Persoonsgericht"]


def _aanvraag(engine, groep_id: str) -> Aanvraag:
    identity = next(i for i in load_identities(engine) if i.gebruiker_id == "procesregisseur-utrecht")
    return Aanvraag(
        identity=identity, groep_id=groep_id, peildatum=PEILDATUM, product="rapportage", aangemaakt=NOW
    )


def _member_names(engine, groep_id: str) -> set[str]:
    lid, persoon = T["lidmaatschap"], T["persoon"]
    statement = (
        select(persoon.c.voornaam, persoon.c.achternaam)
        .join(lid, lid.c.persoon_id == persoon.c.persoon_id)
        .where(lid.c.groep_id == groep_id)
    )
    with engine.connect() as connection:
        return {name for row in connection.execute(statement) for name in row if name}


def _squash(text: str) -> str:
    """Text without line-break hyphens and whitespace, so wrapped PDF lines compare with the source."""
    return re.sub(r"\s+", "", text.replace("-\n", "").replace("\u00ad", ""))


def _text(inhoud: bytes, formaat: str) -> str:
    if formaat == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(inhoud)).pages)
    if formaat == "docx":
        document = docx.Document(io.BytesIO(inhoud))
        parts = [p.text for p in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join(parts)
    return inhoud.decode("utf-8")


def test_the_report_shows_the_plan_with_overdue_items_marked(loaded_engine) -> None:
    seed_demo_plan(loaded_engine, PEILDATUM)
    rapport = build_rapportage(loaded_engine, _aanvraag(loaded_engine, WITH_PLAN))
    assert rapport.plan, "het plan staat in het inhoudsmodel"
    assert any(regel.te_laat for regel in rapport.plan)
    section = next(s for s in layout(rapport).secties if s.titel == TITEL)
    rows = [row for blok in section.blokken if isinstance(blok, Tabel) for row in blok.rijen]
    assert len(rows) == len(rapport.plan)
    assert any(row[4].endswith(TE_LAAT) for row in rows)
    names = _member_names(loaded_engine, WITH_PLAN)
    assert names, "de groep heeft leden"
    assert not {cell for row in rows for cell in row} & names, "geen namen van leden in het plan"
    for formaat in FORMATEN:
        text = _text(
            export_report(loaded_engine, _aanvraag(loaded_engine, WITH_PLAN), formaat).inhoud, formaat
        )
        squashed = _squash(text)
        assert _squash(TITEL) in squashed, formaat
        assert _squash(TE_LAAT) in squashed, formaat


def test_a_group_without_a_plan_says_so(loaded_engine) -> None:
    seed_demo_plan(loaded_engine, PEILDATUM)
    rapport = build_rapportage(loaded_engine, _aanvraag(loaded_engine, WITHOUT_PLAN))
    assert rapport.plan == ()
    section = next(s for s in layout(rapport).secties if s.titel == TITEL)
    assert section.blokken == (Alinea(tekst=GEEN_PLAN),)
    html = export_report(loaded_engine, _aanvraag(loaded_engine, WITHOUT_PLAN), "html").inhoud.decode()
    assert GEEN_PLAN in html
