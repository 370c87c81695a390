"""Render a Document as an A4 PDF through typst; the data goes in as JSON, never as typst source."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

import typst

if TYPE_CHECKING:
    from dashboard.reports.models import Document

__all__ = ["render_pdf"]


def _template() -> bytes:
    return resources.files("dashboard.reports").joinpath("templates/rapport.typ").read_bytes()


def render_pdf(doc: Document) -> bytes:
    """The document as PDF bytes (typst, no system dependencies)."""
    # PDF/UA-1: tagged, with a title and reading order, so screen readers can read the report.
    result = typst.compile(
        _template(), format="pdf", sys_inputs={"data": doc.model_dump_json()}, pdf_standards="ua-1"
    )
    return bytes(result)
