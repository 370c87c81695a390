"""DOCX exports on the organisation's own Word template (letterhead), configured by RAPPORT_SJABLOON."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest

from dashboard.reports.docx import TemplateError
from dashboard.reports.models import Aanvraag
from dashboard.reports.service import export_report
from tests.dashboard.reports.conftest import GROEP, PEILDATUM

NOW = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)
LETTERHEAD = "Gemeente Voorbeeldstad · Afdeling Openbare Orde"


def _export(db, users, product: str) -> docx.document.Document:
    specialist = next(i for i in users.values() if i.rol == "politie_specialist")
    aanvraag = Aanvraag(
        identity=specialist, groep_id=GROEP, peildatum=PEILDATUM, product=product, aangemaakt=NOW
    )
    return docx.Document(io.BytesIO(export_report(db, aanvraag, "docx").inhoud))


def test_the_letterhead_of_the_template_stays_and_the_markings_are_added(
    db, users, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = docx.Document()
    template.sections[0].header.paragraphs[0].add_run(LETTERHEAD)
    template.save(tmp_path / "briefpapier.docx")
    monkeypatch.setenv("RAPPORT_SJABLOON", str(tmp_path / "briefpapier.docx"))
    letter = _export(db, users, "brief-gemeente")
    header = [p.text for p in letter.sections[0].header.paragraphs]
    assert header[0] == LETTERHEAD
    assert any("Aanbiedingsbrief" in line or "POLITIE" in line for line in header[1:])
    assert any("GB-" in p.text for p in letter.sections[0].footer.paragraphs), (
        "documentnummer in de voettekst"
    )
    assert any(p.text.strip() for p in letter.paragraphs), "de brief zelf staat in de tekst"


def test_an_unusable_template_is_refused_in_dutch(
    db, users, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kapot.docx").write_text("geen word-bestand", encoding="utf-8")
    monkeypatch.setenv("RAPPORT_SJABLOON", str(tmp_path / "kapot.docx"))
    with pytest.raises(TemplateError, match=r"Word-sjabloon .* kan niet worden gebruikt"):
        _export(db, users, "brief-om")
