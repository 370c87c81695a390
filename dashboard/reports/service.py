"""Make one export end to end: check rights, build the content, lay it out, render, and log it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

from dashboard.reports.build import build_brief, build_groepsscan, build_namenlijst, build_rapportage
from dashboard.reports.docx import render_docx
from dashboard.reports.html import render_html
from dashboard.reports.layout import layout
from dashboard.reports.log import record_export
from dashboard.reports.models import Document, Export
from dashboard.reports.pdf import render_pdf
from dashboard.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.engine import Engine

    from dashboard.reports.config import Formaat
    from dashboard.reports.models import Aanvraag, Brief, Groepsscan, Namenlijst, Rapportage

__all__ = ["MIME", "build_content", "export_report"]

MIME: Final[dict[str, str]] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
}


def _render_docx(doc: Document) -> bytes:
    """DOCX on the organisation's Word template when RAPPORT_SJABLOON names one."""
    sjabloon = Settings().rapport_sjabloon
    return render_docx(doc, Path(sjabloon) if sjabloon else None)


RENDER: Final[dict[str, Callable[[Document], bytes]]] = {
    "pdf": render_pdf,
    "docx": _render_docx,
    "html": render_html,
}


def build_content(engine: Engine, aanvraag: Aanvraag) -> Rapportage | Namenlijst | Brief | Groepsscan:
    """The product's content model (raises AccessDeniedError or ReportError when it may not be made)."""
    if aanvraag.product == "rapportage":
        return build_rapportage(engine, aanvraag)
    if aanvraag.product == "namenlijst":
        return build_namenlijst(engine, aanvraag)
    if aanvraag.product == "groepsscan":
        return build_groepsscan(engine, aanvraag)
    return build_brief(engine, aanvraag)


def _filename(aanvraag: Aanvraag, formaat: Formaat) -> str:
    safe = re.sub(r"[^A-Za-z0-9-]", "", aanvraag.groep_id) or "groep"
    return f"{aanvraag.product}-{safe}-{aanvraag.peildatum:%Y%m%d}.{formaat}"


def export_report(engine: Engine, aanvraag: Aanvraag, formaat: Formaat) -> Export:
    """Render the product and append it to the export log; a refusal raises before anything is logged."""
    content = build_content(engine, aanvraag)
    inhoud = RENDER[formaat](layout(content))
    kop = content.kop
    record_export(
        engine,
        aanvraag.identity,
        tijdstip=aanvraag.aangemaakt,
        product=aanvraag.product,
        groep_id=kop.groep_id,
        ontvanger=kop.ontvanger,
        documentnummer=kop.documentnummer,
        formaat=formaat,
    )
    return Export(
        product=aanvraag.product,
        formaat=formaat,
        bestandsnaam=_filename(aanvraag, formaat),
        mime=MIME[formaat],
        inhoud=inhoud,
        documentnummer=kop.documentnummer,
        ontvanger=kop.ontvanger,
        groep_id=kop.groep_id,
    )
