"""The purge removes exactly the due persons, everywhere, with proof in the audit trail (both backends)."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import polars as pl
import pytest
from sqlalchemy import func, select

from dashboard.audit import verify_chain
from dashboard.cli import main
from dashboard.privacy.purge import REDEN, purge_persons
from dashboard.privacy.retention import due_for_purge, load_purge_dates
from dashboard.reports.models import Aanvraag
from dashboard.reports.service import export_report
from dashboard.storage.queries import load_identities, read_frame
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

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


def _purged_member(engine: Engine) -> tuple[str, dt.date, str]:
    """A due member of a problematic group, the day before their membership ended, and their name."""
    due = due_for_purge(load_purge_dates(engine), PEILDATUM)
    lid, groep, persoon = T["lidmaatschap"], T["groep"], T["persoon"]
    statement = (
        select(lid.c.persoon_id, lid.c.groep_id, lid.c.tot, persoon.c.voornaam, persoon.c.achternaam)
        .join(groep, groep.c.groep_id == lid.c.groep_id)
        .join(persoon, persoon.c.persoon_id == lid.c.persoon_id)
        .where(groep.c.beoordeling_2a == "problematisch", lid.c.tot.is_not(None))
    )
    members = read_frame(engine, statement).join(due, on="persoon_id", how="semi").sort("persoon_id")
    assert members.height > 0, "the sample has a due member of a problematic group"
    row = members.row(0, named=True)
    return row["groep_id"], row["tot"] - dt.timedelta(days=1), f"{row['voornaam']} {row['achternaam']}"


def _names_in_group(engine: Engine, groep_id: str) -> list[str]:
    lid, persoon = T["lidmaatschap"], T["persoon"]
    statement = (
        select(persoon.c.voornaam, persoon.c.achternaam)
        .join(lid, lid.c.persoon_id == persoon.c.persoon_id)
        .where(lid.c.groep_id == groep_id)
    )
    return [f"{v} {a}" for v, a in read_frame(engine, statement).rows()]


def _exports(engine: Engine, groep_id: str, peildatum: dt.date) -> tuple[str, str]:
    """The namenlijst and the standaardrapportage (HTML, through the report service) as text."""
    specialist = next(i for i in load_identities(engine) if i.gebruiker_id == "specialist-mnl")
    texts = []
    for product in ("namenlijst", "rapportage"):
        aanvraag = Aanvraag(
            identity=specialist, groep_id=groep_id, peildatum=peildatum, product=product,
            aangemaakt=dt.datetime.now(tz=dt.UTC),
        )  # fmt: skip
        texts.append(export_report(engine, aanvraag, "html").inhoud.decode())
    return texts[0], texts[1]


def test_a_purged_name_is_gone_from_every_export(loaded_engine: Engine) -> None:
    groep_id, peildatum, naam = _purged_member(loaded_engine)
    namenlijst, rapportage = _exports(loaded_engine, groep_id, peildatum)
    assert naam in namenlijst
    assert naam not in rapportage  # the standaardrapportage never names anyone
    others = [n for n in _names_in_group(loaded_engine, groep_id) if n != naam and n in namenlijst]
    purge_persons(loaded_engine, PEILDATUM)
    kept = [n for n in others if n in _names_in_group(loaded_engine, groep_id)]
    namenlijst, rapportage = _exports(loaded_engine, groep_id, peildatum)
    assert naam not in namenlijst
    assert naam not in rapportage
    assert kept
    assert all(n in namenlijst for n in kept)
    assert "Verwijderen op" in namenlijst


def test_a_wrong_peildatum_is_refused_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["purge", "--peildatum", "30-11-2026"])
    assert "geen geldige datum" in capsys.readouterr().err
