"""The purge removes exactly the due persons, everywhere, with proof in the audit trail (both backends)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING, NamedTuple

import docx
import polars as pl
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader
from sqlalchemy import func, select

from dashboard.audit import verify_chain
from dashboard.cli import main
from dashboard.privacy.export import INZAGE_FORMATEN, export_inzage, export_letter
from dashboard.privacy.inzage import InzageError
from dashboard.privacy.purge import REDEN, purge_persons
from dashboard.privacy.retention import due_for_purge, load_purge_dates
from dashboard.reports.config import FORMATEN, PAKKET, PRODUCTEN, Formaat
from dashboard.reports.models import Aanvraag
from dashboard.reports.pakket import build_vergaderpakket
from dashboard.reports.service import export_report
from dashboard.storage.queries import load_identities, read_frame
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dashboard.access import Identity

T = metadata.tables
PEILDATUM = dt.date(2026, 11, 30)
TABLES = ("persoon", "lidmaatschap", "betrokkene", "registratie", "auditlog")


def _count(engine: Engine, tabel: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(T[tabel])).scalar_one())


def _ids(engine: Engine, tabel: str) -> set[str]:
    return set(read_frame(engine, select(T[tabel].c.persoon_id))["persoon_id"])


def _purge(db_url: str, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[list[str], str]:
    assert main(["--database-url", db_url, "purge", "--peildatum", PEILDATUM.isoformat(), *extra]) == 0
    out, err = capsys.readouterr()
    return out.splitlines(), err


def _audit_log(engine: Engine) -> pl.DataFrame:
    audit = T["auditlog"]
    columns = (audit.c.object_id, audit.c.categorie, audit.c.actie, audit.c.reden, audit.c.details)
    return read_frame(engine, select(*columns))


def test_the_purge_command_removes_exactly_the_due_persons_and_proves_it(
    loaded_engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    dates = load_purge_dates(loaded_engine)
    due = set(due_for_purge(dates, PEILDATUM)["persoon_id"])
    assert due
    persoon = T["persoon"]
    names = read_frame(loaded_engine, select(persoon.c.persoon_id, persoon.c.voornaam, persoon.c.achternaam))
    personen, before = _ids(loaded_engine, "persoon"), {t: _count(loaded_engine, t) for t in TABLES}

    lines, err = _purge(db_url, capsys, "--dry-run")
    assert {line.split("\t")[0] for line in lines} == due
    assert "Proefdraai" in err
    assert {t: _count(loaded_engine, t) for t in TABLES} == before  # a dry run changes nothing

    lines, err = _purge(db_url, capsys)
    assert {line.split("\t")[0] for line in lines} == due
    assert _ids(loaded_engine, "persoon") == personen - due
    assert not (_ids(loaded_engine, "lidmaatschap") | _ids(loaded_engine, "betrokkene")) & due
    assert _count(loaded_engine, "registratie") == before["registratie"]  # registrations are not personal
    remaining = load_purge_dates(loaded_engine)
    assert due_for_purge(remaining, PEILDATUM).is_empty()
    kept = dates.filter(~pl.col("persoon_id").is_in(sorted(due)))
    assert remaining.sort("persoon_id").equals(kept.sort("persoon_id"))  # the others keep their dates

    log = _audit_log(loaded_engine)
    proof = log.filter(pl.col("actie") == "persoon_verwijderd")
    assert sorted(proof["object_id"]) == sorted(due)  # exactly one record per person
    assert set(proof["categorie"]) == {"wijziging"}
    assert set(proof["reden"]) == {REDEN}
    assert {"verwijderdatum", "rijen", "grond"} <= json.loads(proof["details"][0]).keys()
    text = " ".join(" ".join(row) for row in log.select("reden", "details").rows())
    removed = names.filter(pl.col("persoon_id").is_in(sorted(due)))
    assert not any(f"{v} {a}" in text or f'"{a}"' in text for _, v, a in removed.rows())  # never a name
    assert verify_chain(loaded_engine).ok

    lines, err = _purge(db_url, capsys)
    assert lines == []  # a second run finds nothing
    assert "0 personen" in err


# ---- the purged person's names in every product that can carry names, in every format ----


class Persoon(NamedTuple):
    """What a document prints to identify a member: the full name and the persoonsnummer."""

    persoon_id: str
    naam: str


@dataclass(frozen=True)
class Zaak:
    """A problematic group on the eve of a due member's leaving, with its current members not due."""

    groep_id: str
    peildatum: dt.date
    weg: Persoon
    blijven: tuple[Persoon, ...]
    specialist: Identity
    privacy: Identity


def _squash(text: str) -> str:
    """Text without whitespace, hyphens and soft hyphens: wrapped PDF lines compare with the source."""
    return re.sub(r"[\s\-\u00ad]", "", text)


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _docx_text(inhoud: bytes) -> str:
    """Every paragraph of the body (tables included), the headers and the footers."""
    document = docx.Document(io.BytesIO(inhoud))
    parts = [document.element.body]
    parts += [part._element for s in document.sections for part in (s.header, s.footer)]  # noqa: SLF001
    paragraphs = (p for part in parts for p in part.iter(qn("w:p")))
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs)


def _json_text(value: object) -> str:
    """The JSON's values in order, as a reader sees them (voornaam and achternaam side by side)."""
    if isinstance(value, dict):
        return " ".join(_json_text(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_json_text(v) for v in value)
    return str(value)


def _text(inhoud: bytes, formaat: str) -> str:
    """A document's text, read back with a real parser, squashed (see _squash)."""
    if formaat == "pdf":
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(inhoud)).pages)
    elif formaat == "docx":
        text = _docx_text(inhoud)
    elif formaat == "json":
        text = _json_text(json.loads(inhoud))
    else:
        parser = _Html()
        parser.feed(inhoud.decode())
        text = "".join(parser.parts)
    return _squash(text)


def _shows(text: str, persoon: Persoon) -> bool:
    return _squash(persoon.naam) in text and _squash(persoon.persoon_id) in text


def _mentions(text: str, persoon: Persoon) -> bool:
    return _squash(persoon.naam) in text or _squash(persoon.persoon_id) in text


def _zaak(engine: Engine) -> Zaak:
    """The first due member of a problematic group, the day before their membership ended."""
    dates = load_purge_dates(engine)
    due = due_for_purge(dates, PEILDATUM)
    lid, groep, persoon = T["lidmaatschap"], T["groep"], T["persoon"]
    statement = (
        select(
            lid.c.persoon_id, lid.c.groep_id, lid.c.van, lid.c.tot, persoon.c.voornaam, persoon.c.achternaam
        )
        .join(groep, groep.c.groep_id == lid.c.groep_id)
        .join(persoon, persoon.c.persoon_id == lid.c.persoon_id)
        .where(groep.c.beoordeling_2a == "problematisch")
    )
    leden = read_frame(engine, statement).with_columns(
        naam=pl.concat_str("voornaam", "achternaam", separator=" ")
    )
    weg = leden.filter(pl.col("tot").is_not_null()).join(due, on="persoon_id", how="semi").sort("persoon_id")
    assert weg.height > 0, "the sample has a due member of a problematic group"
    row = weg.row(0, named=True)
    peildatum = row["tot"] - dt.timedelta(days=1)
    active = (pl.col("van") <= peildatum) & (pl.col("tot").is_null() | (pl.col("tot") >= peildatum))
    blijven = (
        leden.filter(pl.col("groep_id") == row["groep_id"], active)
        .join(due, on="persoon_id", how="anti")
        .unique("persoon_id")
        .sort("persoon_id")
    )
    users = {i.gebruiker_id: i for i in load_identities(engine)}
    return Zaak(
        groep_id=row["groep_id"],
        peildatum=peildatum,
        weg=Persoon(row["persoon_id"], row["naam"]),
        blijven=tuple(Persoon(p, n) for p, n in blijven.select("persoon_id", "naam").iter_rows()),
        specialist=users["specialist-mnl"],
        privacy=users["privacyfunctionaris-mnl"],
    )


def _group_export(engine: Engine, zaak: Zaak, product: str, formaat: Formaat) -> bytes:
    """A group product as the specialist (who may make every one) exports it on the peildatum."""
    if product == PAKKET:
        return build_vergaderpakket(engine, zaak.specialist, [zaak.groep_id], zaak.peildatum)
    aanvraag = Aanvraag(
        identity=zaak.specialist, groep_id=zaak.groep_id, peildatum=zaak.peildatum, product=product,
        aangemaakt=dt.datetime.now(tz=dt.UTC),
    )  # fmt: skip
    return export_report(engine, aanvraag, formaat).inhoud


# Per product of a group: its formats, and whether it lists the group's members (name, persoonsnummer).
GROUP_PRODUCTS: dict[str, tuple[tuple[Formaat, ...], bool]] = {
    "namenlijst": (FORMATEN, True),
    "rapportage": (FORMATEN, False),
    "groepsscan": (FORMATEN, True),
    "brief-gemeente": (FORMATEN, False),
    "brief-om": (FORMATEN, False),
    PAKKET: (("pdf",), False),
}


def test_the_table_holds_every_group_product() -> None:
    assert set(GROUP_PRODUCTS) == {*PRODUCTEN, PAKKET}


@pytest.mark.parametrize("product", list(GROUP_PRODUCTS), ids=lambda p: f"groep-{p}")
def test_a_purged_member_is_gone_from_every_group_product(loaded_engine: Engine, product: str) -> None:
    zaak = _zaak(loaded_engine)
    formaten, noemt_leden = GROUP_PRODUCTS[product]
    before = {f: _text(_group_export(loaded_engine, zaak, product, f), f) for f in formaten}
    purge_persons(loaded_engine, PEILDATUM)
    after = {f: _text(_group_export(loaded_engine, zaak, product, f), f) for f in formaten}
    for formaat in formaten:
        assert _squash(zaak.groep_id) in after[formaat], formaat  # the document is about the group
        assert not _mentions(after[formaat], zaak.weg), formaat
        if not noemt_leden:  # never names anyone, before the purge either
            assert not _mentions(before[formaat], zaak.weg), formaat
            continue
        assert _shows(before[formaat], zaak.weg), formaat
        shown = [p for p in zaak.blijven if _shows(before[formaat], p)]
        assert shown, formaat
        missing = [p for p in shown if not _shows(after[formaat], p)]
        assert not missing, f"{formaat}: members not due are gone too: {missing}"
    if product == "namenlijst":
        assert all(_squash("Verwijderen op") in text for text in after.values())


def _subject_export(engine: Engine, zaak: Zaak, product: str, persoon_id: str, formaat: str) -> bytes:
    """The privacy officer's inzage or information letter for one person of the group."""
    if product == "inzage":
        return export_inzage(
            engine, zaak.privacy, persoon_id, formaat=formaat, peildatum=zaak.peildatum
        ).inhoud
    return export_letter(
        engine, zaak.privacy, persoon_id, groep_id=zaak.groep_id, formaat=formaat, peildatum=zaak.peildatum
    ).inhoud


# The files of data-subject rights: about one person, who is named in each of them.
SUBJECT_PRODUCTS: dict[str, tuple[str, ...]] = {
    "inzage": INZAGE_FORMATEN,
    "informatiebrief": ("pdf", "docx"),
}


@pytest.mark.parametrize("product", list(SUBJECT_PRODUCTS), ids=lambda p: f"betrokkene-{p}")
def test_a_purged_person_gets_no_inzage_or_letter_any_more(loaded_engine: Engine, product: str) -> None:
    zaak = _zaak(loaded_engine)
    blijft = zaak.blijven[0]
    for formaat in SUBJECT_PRODUCTS[product]:
        text = _text(_subject_export(loaded_engine, zaak, product, zaak.weg.persoon_id, formaat), formaat)
        assert _shows(text, zaak.weg), formaat
    purge_persons(loaded_engine, PEILDATUM)
    for formaat in SUBJECT_PRODUCTS[product]:
        with pytest.raises(InzageError, match="bestaat niet"):
            _subject_export(loaded_engine, zaak, product, zaak.weg.persoon_id, formaat)
        text = _text(_subject_export(loaded_engine, zaak, product, blijft.persoon_id, formaat), formaat)
        assert _shows(text, blijft), formaat
        assert not _mentions(text, zaak.weg), formaat


def test_a_wrong_peildatum_is_refused_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["purge", "--peildatum", "30-11-2026"])
    assert "geen geldige datum" in capsys.readouterr().err
