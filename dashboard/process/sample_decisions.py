"""Demo driehoek decisions for the fictitious sample: a short history for every group in steps 5-7.

Deterministic (fixed ids, dates from each group's latest scan and the peildatum) and idempotent:
existing ids are skipped. Step 5: prioritised after the latest scan. Step 6: first 'monitoren', then
prioritised (some reviews fall due around the peildatum). Step 7: prioritised, then scaled down.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from sqlalchemy import func, select

from dashboard.audit import SYSTEEM, AuditEntry, append_audit
from dashboard.process.decisions import PRIORITEITEN, Aanwezigen
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine

    from dashboard.domain import BesluitUitkomst

__all__ = ["DEMO_STEPS", "seed_demo_decisions"]

T = metadata.tables
DEMO_STEPS: Final = ("5", "6", "7")
_AANWEZIGEN: Final = Aanwezigen(
    gemeente="Burgemeester",
    om="Officier van justitie",
    politie="Teamchef basisteam",
    overig=("Procesregisseur jeugdgroepen", "Specialist jeugdgroepen politie"),
).model_dump_json()
_PERSOONSGERICHT: Final = ("Zorg- en Veiligheidshuis", "OM", "Gemeente (lokaal team)")
_TOELICHTING: Final[dict[BesluitUitkomst, str]] = {
    "monitoren": "Gedrag zorgelijk maar nog geen groepsaanpak; politie en jongerenwerk volgen de groep.",
    "geprioriteerd": "Advies overgenomen: integrale groepsaanpak met een plan van aanpak per partner.",
    "afschalen": "Doelen van het plan bereikt; afschalen naar reguliere zorg en toezicht.",
}


def _day(value: dt.date, peildatum: dt.date) -> dt.date:
    """A meeting day no later than the day before the peildatum."""
    return min(value, peildatum - dt.timedelta(days=1))


def _row(
    groep_id: str, number: int, uitkomst: BesluitUitkomst, day: dt.date, index: int
) -> dict[str, object]:
    prioritised = uitkomst == "geprioriteerd"
    review_days = 0 if uitkomst == "afschalen" else (91 if index % 2 else 182)
    return {
        "besluit_id": f"B-DEMO-{groep_id.removeprefix('G-')}-{number}",
        "groep_id": groep_id,
        "vergaderdatum": day,
        "uitkomst": uitkomst,
        "prioriteit": PRIORITEITEN[index % 3] if prioritised else None,
        "regie_groepsgericht": "Gemeente" if prioritised else None,
        "regie_domeingericht": "Politie" if prioritised else None,
        "regie_persoonsgericht": _PERSOONSGERICHT[index % 3] if prioritised else None,
        "volgende_evaluatie": day + dt.timedelta(days=review_days) if review_days else None,
        "aanwezigen": _AANWEZIGEN,
        "toelichting": _TOELICHTING[uitkomst],
        "vastgelegd_door": SYSTEEM,
        "vastgelegd_op": dt.datetime.combine(day, dt.time(16), tzinfo=dt.UTC),
        "versie": 1,
    }


def _history(
    groep_id: str, stap: str, scan: dt.date | None, index: int, peildatum: dt.date
) -> list[dict[str, object]]:
    """The decisions one demo group gets, oldest first."""
    after_scan = _day((scan or peildatum - dt.timedelta(days=75)) + dt.timedelta(days=14), peildatum)
    earlier = after_scan - dt.timedelta(days=120)
    if stap == "5":
        return [_row(groep_id, 1, "geprioriteerd", after_scan, index)]
    if stap == "6":
        return [
            _row(groep_id, 1, "monitoren", earlier, index),
            _row(groep_id, 2, "geprioriteerd", after_scan, index),
        ]
    return [
        _row(groep_id, 1, "geprioriteerd", earlier, index),
        _row(groep_id, 2, "afschalen", after_scan, index),
    ]


def _demo_groups(connection: Connection) -> list[tuple[str, str, dt.date | None]]:
    """groep_id, stap and latest scan date of every group in steps 5-7, by id."""
    groep, scan = T["groep"], T["groepsscan"]
    latest = select(func.max(scan.c.datum)).where(scan.c.groep_id == groep.c.groep_id).scalar_subquery()
    statement = (
        select(groep.c.groep_id, groep.c.stap, latest)
        .where(groep.c.stap.in_(DEMO_STEPS))
        .order_by(groep.c.groep_id)
    )
    return [(row[0], row[1], row[2]) for row in connection.execute(statement)]


def seed_demo_decisions(engine: Engine, peildatum: dt.date) -> int:
    """Add the demo decisions to the sample groups in steps 5-7; return how many were added."""
    besluit = T["besluit"]
    with engine.begin() as connection:
        existing = set(connection.execute(select(besluit.c.besluit_id)).scalars())
        rows = [
            row
            for index, (groep_id, stap, scan) in enumerate(_demo_groups(connection))
            for row in _history(groep_id, stap, scan, index, peildatum)
            if row["besluit_id"] not in existing
        ]
        if rows:
            connection.execute(besluit.insert(), rows)
            entry = AuditEntry(
                gebruiker_id=SYSTEEM,
                rol=SYSTEEM,
                categorie="wijziging",
                actie="besluit_vastgelegd",
                object_type="besluit",
                object_id="voorbeeld",
                details={"aantal": len(rows)},
            )
            append_audit(connection, [entry])
    return len(rows)
