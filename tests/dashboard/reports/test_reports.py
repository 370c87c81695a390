"""Every product in every format, read back with a real parser, against the scoring output."""

from __future__ import annotations

import datetime as dt
import io
import re
from html.parser import HTMLParser

import docx
import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from dashboard.access import AccessDeniedError
from dashboard.groups.detail import load_group_detail
from dashboard.presentation import format_number
from dashboard.reports.config import FORMATEN, PRODUCTEN
from dashboard.reports.models import Aanvraag
from dashboard.reports.service import export_report
from dashboard.scoring.service import score_scope
from dashboard.storage.schema import metadata
from tests.dashboard.reports.conftest import EVIL_GROUP, EVIL_NAME, GROEP, PEILDATUM, current_members_query

NOW = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.rows = 0

    def handle_starttag(self, tag, attrs) -> None:  # noqa: ARG002
        self.tags.append(tag)

    def handle_data(self, data) -> None:
        self.text.append(data)


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
        parts += [p.text for section in document.sections for p in section.footer.paragraphs]
        return "\n".join(parts)
    parser = _Html()
    parser.feed(inhoud.decode("utf-8"))
    assert "script" not in parser.tags, "geen uitvoerbare HTML uit gegevens"
    return "".join(parser.text)


def _count(db) -> int:
    with db.connect() as connection:
        return connection.execute(select(func.count()).select_from(metadata.tables["exportlog"])).scalar_one()


def _export(db, identity, product, formaat, **extra):
    aanvraag = Aanvraag(
        identity=identity, groep_id=GROEP, peildatum=PEILDATUM, product=product, aangemaakt=NOW, **extra
    )
    return export_report(db, aanvraag, formaat)


@pytest.fixture(scope="module")
def score(db, users):
    groups = score_scope(db, users["specialist-mnl"].scope, PEILDATUM).groepen
    return groups.filter(groups["groep_id"] == GROEP).row(0, named=True)


@pytest.mark.parametrize("formaat", FORMATEN)
@pytest.mark.parametrize("product", PRODUCTEN)
def test_every_product_names_the_group_literally_in_every_format(db, users, product, formaat) -> None:
    export = _export(db, users["specialist-mnl"], product, formaat)
    text = _text(export.inhoud, formaat)
    assert _squash(EVIL_GROUP) in _squash(text)
    assert _squash(export.documentnummer) in _squash(text)
    assert "Vertrouwelijk".lower() in text.lower()


@pytest.mark.parametrize("formaat", FORMATEN)
def test_the_report_shows_the_scores_band_and_advice_of_the_scoring(db, users, score, formaat) -> None:
    export = _export(db, users["specialist-mnl"], "rapportage", formaat, advies_bewerkt="Eigen advies #x $y$")
    text = _squash(_text(export.inhoud, formaat))
    for name in ("ernst", "risico", "ontwikkeling", "impact", "prioriteit"):
        assert _squash(format_number(round(score[name], 1), 1)) in text, name
    assert _squash(f"Band: ◆ {score['band']}") in text or _squash(score["band"]) in text
    assert _squash("Eigen advies #x $y$") in text
    assert "P-0" not in text, "geen persoonsnummers in de standaardrapportage"


def test_the_advice_text_equals_the_generated_advice(db, users) -> None:
    detail = load_group_detail(db, users["specialist-mnl"], GROEP, PEILDATUM)
    for formaat in FORMATEN:
        text = _squash(_text(_export(db, users["specialist-mnl"], "rapportage", formaat).inhoud, formaat))
        assert _squash(detail.score.advies.prioriteit) in text
        for item in (*detail.score.advies.partners, *detail.score.advies.interventies):
            assert _squash(item) in text, item


@pytest.mark.parametrize("formaat", FORMATEN)
def test_the_namenlijst_lists_exactly_the_current_members(db, users, formaat) -> None:
    with db.connect() as connection:
        members = connection.execute(current_members_query()).all()
    export = _export(db, users["specialist-mnl"], "namenlijst", formaat)
    text = _text(export.inhoud, formaat)
    squashed = _squash(text)
    for persoon_id, voornaam, achternaam in members:
        assert _squash(f"{voornaam} {achternaam}") in squashed
        assert persoon_id in text
    assert EVIL_NAME.split()[0] in text
    assert sorted(set(re.findall(r"P-\d{7}", text))) == sorted(m[0] for m in members)


def test_every_page_of_the_namenlijst_pdf_is_confidential(db, users) -> None:
    pages = PdfReader(io.BytesIO(_export(db, users["specialist-mnl"], "namenlijst", "pdf").inhoud)).pages
    assert all("VERTROUWELIJK" in page.extract_text() for page in pages)
    assert all(re.search(r"pagina \d+ van \d+", page.extract_text()) for page in pages)


@pytest.mark.parametrize("formaat", FORMATEN)
def test_a_role_without_names_gets_no_namenlijst_and_nothing_is_logged(db, users, formaat) -> None:
    before = _count(db)
    with pytest.raises(AccessDeniedError):
        _export(db, users["burgemeester-utrecht"], "namenlijst", formaat)
    assert _count(db) == before


def test_no_namenlijst_for_a_group_not_judged_problematic(db, users) -> None:
    with db.connect() as connection:
        groep = metadata.tables["groep"]
        other = connection.execute(
            select(groep.c.groep_id).where(
                groep.c.beoordeling_2a != "problematisch", groep.c.gemeente_code == "GM0344"
            )
        ).first()
    assert other is not None
    before = _count(db)
    aanvraag = Aanvraag(
        identity=users["specialist-mnl"],
        groep_id=other[0],
        peildatum=PEILDATUM,
        product="namenlijst",
        aangemaakt=NOW,
    )
    with pytest.raises(AccessDeniedError):
        export_report(db, aanvraag, "pdf")
    assert _count(db) == before


def test_a_successful_export_writes_exactly_one_log_row(db, users) -> None:
    before = _count(db)
    export = _export(
        db, users["procesregisseur-utrecht"], "namenlijst", "docx", ontvanger="Team Zorg & Veiligheid"
    )
    assert _count(db) == before + 1
    log = metadata.tables["exportlog"]
    with db.connect() as connection:
        row = connection.execute(select(log).where(log.c.documentnummer == export.documentnummer)).one()
    assert (row.gebruiker_id, row.rol, row.product, row.groep_id, row.formaat) == (
        "procesregisseur-utrecht",
        "procesregisseur",
        "namenlijst",
        GROEP,
        "docx",
    )
    assert row.ontvanger == "Team Zorg & Veiligheid"


def test_the_wijkagent_may_not_export_the_standard_report(db, users) -> None:
    before = _count(db)
    with pytest.raises(AccessDeniedError):
        _export(db, users["wijkagent-utrecht-noord"], "rapportage", "pdf")
    assert _count(db) == before
