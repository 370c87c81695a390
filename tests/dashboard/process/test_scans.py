"""Groepsscans entered in the app: validation, the 2A gate, drafts, finishing, locking and audit."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError
from sqlalchemy import func, select

from dashboard.access import AccessDeniedError, Identity, Scope
from dashboard.domain import DIMENSIES
from dashboard.process.scan_store import (
    GATE,
    NOT_FOUND,
    ScanError,
    delete_draft,
    finish_scan,
    load_form,
    save_draft,
)
from dashboard.process.scans import (
    HangplekInput,
    MemberInput,
    NewPerson,
    RatingInput,
    ScanDraft,
    ScanFinal,
    TimeInput,
    dutch_errors,
)
from dashboard.scoring.service import score_scope
from dashboard.storage.locking import ConcurrentEditError
from dashboard.storage.schema import metadata
from tests.dashboard.process.small_sample import small_engine, small_sample_dir

__all__ = ["small_engine", "small_sample_dir"]  # fixtures

T = metadata.tables
GROEP = "G-00021"  # Amersfoort, stap 3, problematisch, one earlier scan
PEILDATUM = dt.date(2026, 11, 30)
LAND = Scope(type="land")
NARRATIEF = "De groep hangt dagelijks rond bij de trap; steeds vaker met wapens en handel."


def _identity(rol: str, naam: str = "test", scope: Scope = LAND) -> Identity:
    return Identity(
        gebruiker_id=f"{rol}-{naam}", naam=f"{rol} {naam}", email=f"{rol}.{naam}@test.example",
        rol=rol, scope=scope,  # type: ignore[arg-type]
    )  # fmt: skip


SPECIALIST = _identity("politie_specialist")
WIJKAGENT = _identity("wijkagent")


def _all_threes(draft: ScanDraft) -> ScanDraft:
    ratings = tuple(
        RatingInput(
            dimensie=d, score=3, bronnen=("wijkagent", "politiesystemen"), laatst_waargenomen=PEILDATUM
        )
        for d in DIMENSIES
    )
    return draft.model_copy(update={"beoordelingen": ratings, "narratief": NARRATIEF, "datum": PEILDATUM})


def _final(draft: ScanDraft) -> ScanFinal:
    return ScanFinal.model_validate(draft.model_dump())


def _score(engine) -> dict[str, object]:
    groups = score_scope(engine, LAND, PEILDATUM).groepen
    return groups.filter(groups["groep_id"] == GROEP).row(0, named=True)


def _count(engine, table: str, **where: object) -> int:
    tabel = T[table]
    conditions = [tabel.c[name] == value for name, value in where.items()]
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(tabel).where(*conditions)).scalar_one()


def _audit(engine) -> list[str]:
    """The audit trail's scan records (loading the sample has records of its own)."""
    log = T["auditlog"]
    statement = select(log.c.actie).where(log.c.object_type == "groepsscan").order_by(log.c.id)
    with engine.connect() as connection:
        return list(connection.execute(statement).scalars())


# --- validation (no database) -------------------------------------------------------------------

BASE = {"groep_id": GROEP, "datum": PEILDATUM, "narratief": NARRATIEF}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            {"beoordelingen": [{"dimensie": "geweld", "score": 2, "laatst_waargenomen": PEILDATUM}]},
            "Geweld: bron verplicht bij score 2.",
            id="bron-verplicht",
        ),
        pytest.param(
            {"beoordelingen": [{"dimensie": "overlast", "score": 1, "bronnen": ["boa"]}]},
            "Overlast: geef de datum waarop dit het laatst is waargenomen.",
            id="laatst-waargenomen-verplicht",
        ),
        pytest.param({"narratief": "kort"}, "Beschrijf de groep in het narratief", id="narratief"),
        pytest.param({"datum": dt.date(2999, 1, 1)}, "ligt in de toekomst", id="toekomst"),
        pytest.param(
            {"hangplekken": [{"naam": "Plein", "lat": 5.1, "lon": 52.1}]},
            "Hangplek 1: Plein: de coördinaten",
            id="verwisselde-coordinaten",
        ),
        pytest.param(
            {
                "hangplekken": [
                    {
                        "naam": "Plein",
                        "lat": 52.1,
                        "lon": 5.1,
                        "tijden": [{"weekdag": 2, "uur_van": 22, "uur_tot": 20}],
                    }
                ]
            },
            "Hangplek 1, tijd 1: van 22 tot 20 uur klopt niet",
            id="tijd-omgekeerd",
        ),
        pytest.param(
            {"beoordelingen": [{"dimensie": "geweld", "score": 5}]}, "score 5 bestaat niet", id="score-5"
        ),
        pytest.param({"datum": "31-02-2026"}, "Scandatum: datum is geen geldige datum", id="datum-ongeldig"),
    ],
)
def test_a_final_scan_explains_each_problem_in_dutch(change: dict[str, object], expected: str) -> None:
    values = {**BASE, **change}
    if "beoordelingen" in change:  # the other dimensions rated 0, so only the changed one is wrong
        given = {r["dimensie"] for r in change["beoordelingen"]}  # type: ignore[attr-defined]
        values["beoordelingen"] = [
            *change["beoordelingen"],
            *({"dimensie": d} for d in DIMENSIES if d not in given),
        ]  # type: ignore[misc]
    with pytest.raises(ValidationError) as raised:
        ScanFinal.model_validate(values)
    lines = dutch_errors(raised.value)
    assert any(expected in line for line in lines), lines
    assert not any("Value error" in line or "Input should" in line for line in lines), lines


def test_a_complete_scan_is_valid_and_a_draft_may_be_incomplete() -> None:
    ScanDraft.model_validate({"groep_id": GROEP, "datum": PEILDATUM})  # no narrative, no sources: fine
    final = _final(_all_threes(ScanDraft(groep_id=GROEP, datum=PEILDATUM)))
    assert len(final.beoordelingen) == len(DIMENSIES)


# --- the 2A gate, scope and roles ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("identity", "groep_id", "error", "melding"),
    [
        pytest.param(SPECIALIST, "G-00018", ScanError, GATE, id="nog-niet-beoordeeld"),
        pytest.param(SPECIALIST, "G-00002", ScanError, GATE, id="niet-problematisch"),
        pytest.param(
            _identity("politie_specialist", "utrecht", Scope(type="gemeente", codes=frozenset({"GM0344"}))),
            GROEP,
            ScanError,
            NOT_FOUND,
            id="buiten-gebied",
        ),
        pytest.param(
            _identity("burgemeester"), GROEP, AccessDeniedError, "Groepsscans invoeren", id="burgemeester"
        ),
        pytest.param(
            _identity("procesregisseur"), GROEP, AccessDeniedError, "Groepsscans invoeren", id="regisseur"
        ),
    ],
)
def test_who_may_scan_which_group(
    small_engine, identity: Identity, groep_id: str, error: type, melding: str
) -> None:
    with pytest.raises(error) as raised:
        load_form(small_engine, identity, groep_id, PEILDATUM)
    assert melding in str(raised.value)


def test_a_wijkagent_may_save_street_information_but_not_finish_or_rate(small_engine) -> None:
    form = load_form(small_engine, WIJKAGENT, GROEP, PEILDATUM)
    street = _all_threes(form.draft).model_copy(
        update={"online_platforms": ("Snapchat", "Telegram"), "radicaliseringssignaal": True}
    )
    saved = save_draft(small_engine, WIJKAGENT, form, street)
    again = load_form(small_engine, SPECIALIST, GROEP, PEILDATUM)
    assert again.scan_id == saved.scan_id
    assert again.draft.narratief == NARRATIEF
    assert again.draft.online_platforms == ("Snapchat", "Telegram")
    assert again.draft.beoordelingen == form.draft.beoordelingen, "ratings are the specialist's"
    assert again.draft.radicaliseringssignaal == form.draft.radicaliseringssignaal
    with pytest.raises(AccessDeniedError, match="Alleen de specialist"):
        finish_scan(small_engine, WIJKAGENT, again, _final(_all_threes(again.draft)))


# --- drafts and finishing ------------------------------------------------------------------------


def test_the_form_starts_from_the_group_as_it_stands(small_engine) -> None:
    form = load_form(small_engine, SPECIALIST, GROEP, PEILDATUM)
    assert (form.scan_id, form.groep_versie) == (None, 1)
    assert form.draft.hangplekken, "the group's hangplekken"
    assert all(m.tot is None or m.tot >= PEILDATUM for m in form.draft.leden)
    assert form.draft.leden, "the current members"
    assert any(r.score > 0 and r.bronnen for r in form.draft.beoordelingen), "the latest scan's ratings"


def test_a_draft_does_not_count_and_finishing_it_raises_the_score(small_engine) -> None:
    before = _score(small_engine)
    form = load_form(small_engine, SPECIALIST, GROEP, PEILDATUM)
    saved = save_draft(small_engine, SPECIALIST, form, _all_threes(form.draft))
    assert (saved.scan_versie, saved.groep_versie) == (1, 2)
    assert _score(small_engine)["prioriteit"] == before["prioriteit"], "a draft never counts"
    reopened = load_form(small_engine, SPECIALIST, GROEP, PEILDATUM)
    assert reopened.draft == saved.draft
    assert (reopened.scan_id, reopened.scan_versie) == (saved.scan_id, 1)
    scan_id = finish_scan(small_engine, SPECIALIST, reopened, _final(reopened.draft))
    after = _score(small_engine)
    assert after["prioriteit"] > before["prioriteit"]
    assert after["ernst"] > before["ernst"]
    assert after["scan_datum"] == PEILDATUM
    assert _count(small_engine, "beoordeling", scan_id=scan_id) == len(DIMENSIES)
    assert _count(small_engine, "groepsscan", scan_id=scan_id, status="definitief") == 1
    assert _count(small_engine, "groepsscan", groep_id=GROEP, status="concept") == 0
    assert _audit(small_engine) == ["groepsscan_concept", "groepsscan_definitief"]


def test_finishing_writes_hangplekken_platforms_and_members(small_engine) -> None:
    form = load_form(small_engine, SPECIALIST, GROEP, PEILDATUM)
    first, *rest = form.draft.leden
    places = (
        form.draft.hangplekken[0],
        HangplekInput(
            naam="Skatebaan Parkweg",
            lat=52.16,
            lon=5.38,
            tijden=(TimeInput(weekdag=5, uur_van=20, uur_tot=23),),
        ),
    )
    members = (
        first.model_copy(update={"rol": "leider" if first.rol != "leider" else "kern"}),
        *(m.model_copy(update={"tot": PEILDATUM}) for m in rest[:1]),
        *rest[1:],
        MemberInput(
            nieuw=NewPerson(
                voornaam="Testy", achternaam="de Proef", geboortedatum=dt.date(2010, 5, 1), geslacht="m"
            ),
            rol="meeloper",
            van=PEILDATUM,
        ),
    )
    draft = _all_threes(form.draft).model_copy(
        update={"hangplekken": places, "online_platforms": ("Telegram",), "leden": members}
    )
    finish_scan(small_engine, SPECIALIST, form, _final(draft))
    again = load_form(small_engine, SPECIALIST, GROEP, PEILDATUM)
    assert [p.naam for p in again.draft.hangplekken] == sorted(
        [p.naam for p in places], key=lambda n: n != places[0].naam
    )
    assert again.draft.online_platforms == ("Telegram",)
    skate = next(p for p in again.draft.hangplekken if p.naam == "Skatebaan Parkweg")
    assert skate.tijden == (TimeInput(weekdag=5, uur_van=20, uur_tot=23),)
    current = {m.persoon_id: m for m in again.draft.leden}
    assert current[first.persoon_id].rol == members[0].rol
    assert _count(small_engine, "persoon", voornaam="Testy") == 1
    assert len(again.draft.leden) == len(form.draft.leden) + 1  # ended on the peildatum: still a member then
    assert again.groep_versie == 2


# --- optimistic locking ---------------------------------------------------------------------------


def test_two_new_drafts_of_one_group_the_second_is_refused(small_engine) -> None:
    a = load_form(small_engine, SPECIALIST, GROEP, PEILDATUM)
    b = load_form(small_engine, _identity("politie_specialist", "b"), GROEP, PEILDATUM)
    save_draft(small_engine, SPECIALIST, a, _all_threes(a.draft))
    with pytest.raises(ConcurrentEditError):
        save_draft(small_engine, _identity("politie_specialist", "b"), b, b.draft)
    assert _count(small_engine, "groepsscan", groep_id=GROEP, status="concept") == 1


def test_a_stale_finish_changes_nothing(small_engine) -> None:
    form = load_form(small_engine, SPECIALIST, GROEP, PEILDATUM)
    saved = save_draft(small_engine, SPECIALIST, form, form.draft)
    a = load_form(small_engine, SPECIALIST, GROEP, PEILDATUM)
    b = load_form(small_engine, _identity("politie_specialist", "b"), GROEP, PEILDATUM)
    a_draft = a.draft.model_copy(update={"narratief": "Versie van collega A met genoeg tekst erin."})
    save_draft(small_engine, SPECIALIST, a, a_draft)
    before = _score(small_engine)
    with pytest.raises(ConcurrentEditError, match="Iemand anders"):
        finish_scan(small_engine, _identity("politie_specialist", "b"), b, _final(_all_threes(b.draft)))
    assert _count(small_engine, "beoordeling", scan_id=saved.scan_id) == 0
    assert load_form(small_engine, SPECIALIST, GROEP, PEILDATUM).draft.narratief == a_draft.narratief
    assert _score(small_engine)["prioriteit"] == before["prioriteit"]
    assert _audit(small_engine) == ["groepsscan_concept"] * 2


def test_a_draft_can_be_thrown_away_but_not_after_someone_else_saved_it(small_engine) -> None:
    form = load_form(small_engine, SPECIALIST, GROEP, PEILDATUM)
    saved = save_draft(small_engine, SPECIALIST, form, form.draft)
    newer = save_draft(small_engine, WIJKAGENT, saved, saved.draft)
    with pytest.raises(ConcurrentEditError):
        delete_draft(small_engine, SPECIALIST, saved)  # stale: the wijkagent saved since
    delete_draft(small_engine, SPECIALIST, newer)
    assert _count(small_engine, "groepsscan", groep_id=GROEP, status="concept") == 0
    assert _audit(small_engine) == ["groepsscan_concept", "groepsscan_concept", "groepsscan_concept_weg"]
