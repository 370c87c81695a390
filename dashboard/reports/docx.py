"""Render a Document as DOCX with python-docx: headings, tables, a footer with the document number.

Every text goes in as a plain run, so nothing in it is interpreted (no fields, no formulas).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import docx as python_docx
from docx.opc.exceptions import PackageNotFoundError

if TYPE_CHECKING:
    from pathlib import Path

    from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from dashboard.reports.models import Alinea, Blok, Document, Lijst, Staven, Tabel

__all__ = ["TemplateError", "render_docx"]


class TemplateError(LookupError):
    """The configured Word template (RAPPORT_SJABLOON) cannot be used."""


BLAUW = RGBColor(0x15, 0x42, 0x73)
ROOD = RGBColor(0xA4, 0x00, 0x0F)


def _repeat_header(row: object) -> None:
    """Mark a table row as header, repeated on every page."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]  # noqa: SLF001  (python-docx has no API)
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _tabel(docx: object, tabel: Tabel) -> None:
    table = docx.add_table(rows=1, cols=len(tabel.kop))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _repeat_header(header)
    for cell, text in zip(header.cells, tabel.kop, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for rij in tabel.rijen:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, rij, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph.add_run(text)
            if index in tabel.rechts:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _staven(docx: object, staven: Staven) -> None:
    """A bar chart as a table: label, a bar of block characters, the value."""
    docx.add_paragraph().add_run(staven.titel).bold = True  # type: ignore[attr-defined]
    table = docx.add_table(rows=0, cols=3)  # type: ignore[attr-defined]
    for staaf in staven.staven:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(staaf.label)
        blocks = round(30 * max(0.0, min(1.0, staaf.waarde / staven.maximum)))
        run = cells[1].paragraphs[0].add_run("█" * blocks)
        run.font.color.rgb = RGBColor.from_string(staaf.kleur.lstrip("#").upper())
        cells[2].paragraphs[0].add_run(staaf.tekst)


def _footer(docx: object, doc: Document, *, own_letterhead: bool) -> None:
    """Markings in the header and the document number in the footer.

    A template's own letterhead, page size and margins stay as they are; the markings then go in a
    new line below the letterhead.
    """
    section = docx.sections[0]  # type: ignore[attr-defined]
    if own_letterhead:
        header = section.header.add_paragraph()
    else:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin, section.right_margin = Cm(2.3), Cm(2.1)
        header = section.header.paragraphs[0]
    merk = header.add_run("POLITIE  ")
    merk.bold, merk.font.color.rgb = True, BLAUW
    header.add_run(doc.titel)
    if doc.markering:
        markering = header.add_run(f"    {doc.markering.upper()}")
        markering.bold, markering.font.color.rgb = True, BLAUW
    if doc.vertrouwelijk:
        stempel = header.add_run("    VERTROUWELIJK")
        stempel.bold, stempel.font.color.rgb = True, ROOD
    footer = section.footer.add_paragraph() if own_letterhead else section.footer.paragraphs[0]
    footer.add_run(doc.voet).font.size = Pt(8)


def _open(sjabloon: Path | None) -> WordDocument:
    """A new document: from the organisation's own Word template (letterhead, styles) when configured."""
    if sjabloon is None:
        return python_docx.Document()
    try:
        return python_docx.Document(str(sjabloon))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        reden = type(error).__name__
        msg = f"Het Word-sjabloon {sjabloon} kan niet worden gebruikt ({reden}); controleer RAPPORT_SJABLOON."
        raise TemplateError(msg) from error


def _blok(docx: object, blok: Blok) -> None:
    if isinstance(blok, Alinea):
        docx.add_paragraph().add_run(blok.tekst).bold = blok.nadruk  # type: ignore[attr-defined]
    elif isinstance(blok, Lijst):
        for item in blok.items:
            docx.add_paragraph(style="List Bullet").add_run(item)  # type: ignore[attr-defined]
    elif isinstance(blok, Tabel):
        _tabel(docx, blok)
    else:
        _staven(docx, blok)


def render_docx(doc: Document, sjabloon: Path | None = None) -> bytes:
    """The document as DOCX bytes, on the organisation's own template (letterhead) when one is given."""
    docx = _open(sjabloon)
    docx.core_properties.title = f"{doc.titel} – {doc.ondertitel}"
    docx.core_properties.language = "nl-NL"
    _footer(docx, doc, own_letterhead=sjabloon is not None)
    if doc.soort == "brief":
        for regel in doc.aan:
            docx.add_paragraph(regel)
    title = docx.add_heading(level=0)
    title.add_run(doc.titel)
    docx.add_paragraph().add_run(doc.ondertitel).bold = True
    kenmerken = docx.add_table(rows=0, cols=2)
    for label, value in doc.kenmerken:
        cells = kenmerken.add_row().cells
        cells[0].paragraphs[0].add_run(label)
        cells[1].paragraphs[0].add_run(value)
    for sectie in doc.secties:
        if sectie.titel:
            docx.add_heading(level=1).add_run(sectie.titel)
        for blok in sectie.blokken:
            _blok(docx, blok)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()
