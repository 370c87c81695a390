"""Every PDF product is tagged PDF/UA-1 in Dutch, so screen readers can read it."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from dashboard.reports.models import Aanvraag
from dashboard.reports.service import export_report
from tests.dashboard.reports.conftest import GROEP, PEILDATUM

NOW = dt.datetime(2026, 12, 3, 11, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("product", ["rapportage", "namenlijst", "brief-gemeente", "brief-om", "groepsscan"])
def test_pdf_is_tagged_pdf_ua_in_dutch(db, users, product: str) -> None:
    specialist = next(i for i in users.values() if i.rol == "politie_specialist")
    aanvraag = Aanvraag(
        identity=specialist, groep_id=GROEP, peildatum=PEILDATUM, product=product, aangemaakt=NOW
    )
    root = PdfReader(io.BytesIO(export_report(db, aanvraag, "pdf").inhoud)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert str(root["/Lang"]).startswith("nl")
    assert "<pdfuaid:part>1</pdfuaid:part>" in root["/Metadata"].get_object().get_data().decode()
