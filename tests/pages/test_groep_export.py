"""The group page's Exporteren section per role (AppTest on the committed sample)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities

GROEP = "G-00012"  # problematic, gemeente Utrecht


def _buttons(app: AppTest, identity_id: str, sample_db_url: str) -> set[str]:
    identities = {i.gebruiker_id: i for i in load_identities(create_db_engine(sample_db_url))}
    open_page(app, identities[identity_id], "groep", groep=GROEP)
    assert not app.exception
    return {element.key for element in app.get("download_button")}


def test_the_mayor_gets_the_report_but_no_namenlijst(app: AppTest, sample_db_url: str) -> None:
    keys = _buttons(app, "burgemeester-utrecht", sample_db_url)
    assert "groep_export_rapportage_pdf" in keys
    assert not any("namenlijst" in key for key in keys)


def test_the_specialist_gets_every_product(app: AppTest, sample_db_url: str) -> None:
    keys = _buttons(app, "specialist-mnl", sample_db_url)
    for product in ("rapportage", "namenlijst", "brief-gemeente", "brief-om"):
        for formaat in ("pdf", "docx", "html"):
            assert f"groep_export_{product}_{formaat}" in keys
