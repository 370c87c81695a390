"""The vergaderpakket: agenda in priority order, then each group's standaardrapportage; log rows per group."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from dashboard.access import AccessDeniedError
from dashboard.cli import main
from dashboard.presentation import band_label, format_number
from dashboard.reports.build import ReportError
from dashboard.reports.config import PAKKET, PAKKET_TITEL
from dashboard.reports.pakket import build_vergaderpakket
from dashboard.scoring.service import score_scope
from dashboard.storage.schema import metadata
from tests.dashboard.reports.conftest import EVIL_GROUP, GROEP, PEILDATUM
from tests.dashboard.reports.test_reports import _squash

LOG = metadata.tables["exportlog"]


def _rows(db) -> list[tuple[str, str, str]]:
    with db.connect() as connection:
        statement = select(LOG.c.groep_id, LOG.c.documentnummer, LOG.c.gebruiker_id).where(
            LOG.c.product == PAKKET
        )
        return [tuple(row) for row in connection.execute(statement.order_by(LOG.c.id)).all()]


@pytest.fixture(scope="module")
def ranking(db, users):
    """The mayor's ranking at the peildatum: the order the pakket must follow."""
    return score_scope(db, users["burgemeester-utrecht"].scope, PEILDATUM).groepen


@pytest.fixture(scope="module")
def chosen(ranking) -> list[str]:
    """Five groups including the hostile one, handed over in scrambled order."""
    ids = ranking["groep_id"].to_list()
    picked = [ids[4], GROEP, ids[0], ids[-1], ids[1]]
    return list(dict.fromkeys(picked))


@pytest.fixture(scope="module")
def pakket(db, users, chosen) -> tuple[PdfReader, list[tuple[str, str, str]]]:
    before = len(_rows(db))
    inhoud = build_vergaderpakket(db, users["burgemeester-utrecht"], chosen, PEILDATUM)
    return PdfReader(io.BytesIO(inhoud)), _rows(db)[before:]


def _expected(ranking, chosen: list[str]) -> list[dict]:
    return [row for row in ranking.to_dicts() if row["groep_id"] in chosen]


def test_the_agenda_lists_the_groups_in_priority_order_with_band_and_score(pakket, ranking, chosen) -> None:
    reader, _log = pakket
    cover = reader.pages[0].extract_text()
    assert PAKKET_TITEL in cover
    assert "gemeente Utrecht" in cover
    assert "30 nov. 2026" in cover
    squashed = _squash(cover)
    positions = [squashed.index(f"({row['groep_id']})") for row in _expected(ranking, chosen)]
    assert positions == sorted(positions)
    for row in _expected(ranking, chosen):
        assert _squash(band_label(row["band"])) in squashed
        prioriteit = row["prioriteit"]
        assert _squash(format_number(None if prioriteit is None else round(prioriteit, 1), 1)) in squashed


def test_each_groups_report_follows_in_priority_order(pakket, ranking, chosen) -> None:
    reader, _log = pakket
    expected = _expected(ranking, chosen)
    # The cover (page 0) has its own level-1 bookmark with the agenda sections below it.
    bookmarks = [
        item
        for item in reader.outline
        if isinstance(item, dict) and reader.get_destination_page_number(item) > 0
    ]
    assert [_squash(b["/Title"]) for b in bookmarks] == [_squash(row["werknaam"]) for row in expected]
    starts = [reader.get_destination_page_number(b) for b in bookmarks]
    assert starts[0] == 1, "het eerste rapport begint direct na de agenda"
    assert starts == sorted(starts)
    for row, start, end in zip(expected, starts, [*starts[1:], len(reader.pages)], strict=True):
        first = reader.pages[start].extract_text()
        assert "Standaardrapportage problematische jeugdgroep" in first
        assert f"({row['groep_id']})" in first.replace("\n", " ")
        body = "".join(reader.pages[index].extract_text() for index in range(start, end))
        assert "Conclusie en advies" in body, row["groep_id"]
    agenda = _squash(reader.pages[0].extract_text())
    for row, start in zip(expected, starts, strict=True):
        assert f"({row['groep_id']})" in agenda
        assert str(start + 1) in agenda, "het agendapunt noemt de bladzijde van het rapport"


def test_hostile_names_stay_literal_and_every_page_is_confidential(pakket) -> None:
    reader, _log = pakket
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert _squash(EVIL_GROUP) in _squash(text)
    assert all("VERTROUWELIJK" in page.extract_text() for page in reader.pages)
    assert "P-0" not in text, "geen persoonsnummers in het vergaderpakket"


def test_one_log_row_per_group_with_the_number_printed_on_its_report(pakket, chosen) -> None:
    reader, log = pakket
    assert sorted(groep for groep, _nummer, _wie in log) == sorted(chosen)
    assert {wie for _g, _n, wie in log} == {"burgemeester-utrecht"}
    text = _squash("".join(page.extract_text() for page in reader.pages))
    for _groep, nummer, _wie in log:
        assert _squash(nummer) in text


@pytest.mark.parametrize("gebruiker", ["wijkagent-utrecht-noord", "beheerder"])
def test_roles_without_rapportage_get_no_pakket_and_nothing_is_logged(db, users, chosen, gebruiker) -> None:
    before = _rows(db)
    with pytest.raises(AccessDeniedError):
        build_vergaderpakket(db, users[gebruiker], chosen, PEILDATUM)
    assert _rows(db) == before


def test_a_group_outside_the_scope_or_too_many_groups_refuse_the_whole_pakket(db, users, chosen) -> None:
    before = _rows(db)
    with pytest.raises(ReportError):
        build_vergaderpakket(db, users["burgemeester-amersfoort"], chosen, PEILDATUM)
    with pytest.raises(ReportError):
        build_vergaderpakket(db, users["specialist-mnl"], [f"G-{i:05d}" for i in range(1, 22)], PEILDATUM)
    assert _rows(db) == before


def test_the_cli_writes_a_pakket_and_refuses_other_formats(db_url: str, db, chosen, tmp_path: Path) -> None:
    before = len(_rows(db))
    out = tmp_path / "pakket.pdf"
    groepen = [arg for groep in chosen[:2] for arg in ("--groep", groep)]
    args = ["--database-url", db_url, "report", "--product", PAKKET, *groepen, "--als", "specialist-mnl"]
    assert main([*args, "--format", "pdf", "--out", str(out), "--peildatum", "2026-11-30"]) == 0
    assert PAKKET_TITEL in PdfReader(out).pages[0].extract_text()
    assert len(_rows(db)) == before + 2
    assert main([*args, "--format", "html", "--out", str(tmp_path / "p.html")]) == 1
    assert not (tmp_path / "p.html").exists()
    assert len(_rows(db)) == before + 2


def test_the_cli_wants_one_group_for_a_single_report(db_url: str, tmp_path: Path, capsys) -> None:
    args = [
        "--database-url",
        db_url,
        "report",
        "--product",
        "rapportage",
        "--groep",
        "G-00012",
        "--groep",
        "G-00013",
    ]
    assert main([*args, "--format", "pdf", "--out", str(tmp_path / "r.pdf"), "--als", "specialist-mnl"]) == 1
    assert "precies één --groep" in capsys.readouterr().err
