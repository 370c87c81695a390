"""The import page (AppTest): empty state, help, upload, preview, error report and the import itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from dashboard.access import Identity
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities, read_frame
from dashboard.storage.schema import metadata

APP = Path(__file__).resolve().parents[2] / "app.py"
GOOD = b"melding_id;datum;gemeente_code;lat;lon\nM-PAGINA-1;01-01-2026;GM0344;52,09;5,12\n"
BAD = (
    b"melding_id;datum;gemeente_code;lat;lon\n"
    b"M-PAGINA-2;31-02-2026;GM0344;52,09;5,12\n"
    b"M-PAGINA-3;01-01-2026;GM9999;52,09;5,12\n"
)


@pytest.fixture
def database(tmp_path: Path, sample_db_url: str) -> str:
    """A private copy of the loaded sample database: the page writes to it."""
    source = make_url(sample_db_url).database or ""
    target = tmp_path / "pagina.db"
    for suffix in ("", "-wal"):
        if Path(source + suffix).exists():
            shutil.copyfile(source + suffix, f"{target}{suffix}")
    return f"sqlite:///{target}"


@pytest.fixture
def page_app(database: str, monkeypatch: pytest.MonkeyPatch, navigation_mode: None) -> AppTest:  # noqa: ARG001
    """The app on the private database."""
    monkeypatch.setenv("DATABASE_URL", database)
    monkeypatch.setenv("KAART_TILES", "none")
    return AppTest.from_file(str(APP), default_timeout=60)


def _identity(url: str, gebruiker_id: str) -> Identity:
    return next(i for i in load_identities(create_db_engine(url)) if i.gebruiker_id == gebruiker_id)


def _text(app: AppTest) -> str:
    parts = [e.value for e in (*app.markdown, *app.caption, *app.info, *app.error, *app.success)]
    return "\n".join(str(part) for part in parts)


@pytest.mark.parametrize("gebruiker", ["specialist-mnl", "beheerder"])
def test_the_empty_page_explains_what_to_upload(page_app: AppTest, database: str, gebruiker: str) -> None:
    open_page(page_app, _identity(database, gebruiker), "importeren")
    assert not page_app.exception
    assert page_app.title[0].value == "Importeren"
    assert "Kies een CSV- of Excel-bestand" in page_app.info[0].value
    assert page_app.selectbox(key="importeren_soort").options == [
        "Registraties (politie)",
        "Meldingen jeugdoverlast (gemeente, politie)",
        "Groepsleden (lidmaatschappen)",
        "Groepen",
    ]
    assert page_app.expander[0].label == "Welke kolommen verwacht de import?"
    assert page_app.dataframe[0].value["Kolom"].tolist()[:2] == ["registratienummer", "datum"]


def test_a_role_without_the_right_gets_no_uploader(page_app: AppTest, database: str) -> None:
    open_page(page_app, _identity(database, "burgemeester-utrecht"), "importeren")
    assert not page_app.exception
    assert not page_app.get("file_uploader")


def _upload(app: AppTest, content: bytes) -> AppTest:
    app.selectbox(key="importeren_soort").set_value("meldingen").run()
    app.get("file_uploader")[0].set_value(("export.csv", content, "text/csv"))  # type: ignore[attr-defined]
    return app.run()


def test_upload_preview_and_import(page_app: AppTest, database: str) -> None:
    open_page(page_app, _identity(database, "specialist-mnl"), "importeren")
    _upload(page_app, GOOD)
    assert not page_app.exception
    metrics = {m.label: m.value for m in page_app.metric}
    assert metrics == {"Nieuw": "1", "Gewijzigd": "0", "Ongewijzigd": "0", "Afgewezen": "0"}
    page_app.button(key="importeren_bevestig").click().run()
    assert not page_app.exception
    assert "Opgeslagen: 1 nieuw" in page_app.success[0].value
    melding = metadata.tables["melding"]
    stored = read_frame(
        create_db_engine(database), select(melding.c.melding_id).where(melding.c.melding_id == "M-PAGINA-1")
    )
    assert stored.height == 1
    page_app.run()
    assert "Niets te doen" in page_app.success[0].value, "opnieuw importeren verandert niets"


def test_a_rejected_file_shows_the_report_and_offers_downloads(page_app: AppTest, database: str) -> None:
    open_page(page_app, _identity(database, "specialist-mnl"), "importeren")
    _upload(page_app, BAD)
    assert not page_app.exception
    assert "2 rij(en) afgewezen: er wordt niets opgeslagen." in page_app.error[0].value
    assert not page_app.get("button") or all(b.label != "Importeren" for b in page_app.button)
    report = next(frame.value for frame in page_app.dataframe if "Wat is er mis" in frame.value.columns)
    assert report["Rij"].tolist() == [2, 3]
    assert len(page_app.get("download_button")) == 2


def test_an_unreadable_file_gets_a_dutch_error(page_app: AppTest, database: str) -> None:
    open_page(page_app, _identity(database, "specialist-mnl"), "importeren")
    _upload(page_app, b"iets;anders\n1;2\n")
    assert not page_app.exception
    assert "verplichte kolom(men) ontbreken" in page_app.error[0].value
