"""Demo plans van aanpak for the fictitious sample: fixed interventions for groups in steps 5 and 6.

Deterministic (fixed ids, deadlines relative to the peildatum) and idempotent: existing ids are skipped.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from sqlalchemy import select

from dashboard.audit import SYSTEEM, AuditEntry, append_audit
from dashboard.process.plan import PRIORITISED_STEPS
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dashboard.domain import InterventieStatus, Spoor

__all__ = ["DEMO_GROUPS", "DEMO_INTERVENTIONS", "seed_demo_plan"]

T = metadata.tables
DEMO_GROUPS: Final = 6  # the first groups (by id) in steps 5 and 6 get a plan

# (spoor, partner, omschrijving, eigenaar, deadline in days from the peildatum, status); a negative
# deadline with status gepland/lopend is overdue at the peildatum.
DEMO_INTERVENTIONS: Final[tuple[tuple[Spoor, str, str, str, int, InterventieStatus], ...]] = (
    (
        "domeingericht",
        "Politie",
        "Extra toezicht op de hangplek in de avonduren (vrijdag en zaterdag).",
        "Basisteam, teamchef",
        -45,
        "afgerond",
    ),
    (
        "groepsgericht",
        "Gemeente",
        "Brief aan de leden en hun ouders over de aanpak en de gevolgen van overlast.",
        "Procesregisseur jeugdgroepen",
        -20,
        "lopend",
    ),
    (
        "groepsgericht",
        "Jongerenwerk",
        "Ambulant jongerenwerk legt contact met de groep en biedt activiteiten aan.",
        "Coördinator jongerenwerk",
        30,
        "lopend",
    ),
    (
        "persoonsgericht",
        "Zorg- en Veiligheidshuis",
        "Casusoverleg voor de kernleden; verwijzing naar de persoonsgerichte aanpak waar nodig.",
        "Zorg- en Veiligheidshuis, procesregie",
        60,
        "gepland",
    ),
    (
        "persoonsgericht",
        "Halt",
        "Halt-afdoening voor de jongste leden na de vernielingen.",
        "Halt, regiokantoor",
        -10,
        "gepland",
    ),
    (
        "domeingericht",
        "Gemeente",
        "Verlichting en cameratoezicht bij de hangplek onderzoeken.",
        "Gemeente, team openbare ruimte",
        -60,
        "vervallen",
    ),
)


def _demo_id(groep_id: str, number: int) -> str:
    return f"I-DEMO-{groep_id.removeprefix('G-')}-{number}"


def seed_demo_plan(engine: Engine, peildatum: dt.date) -> int:
    """Add the demo interventions to the first sample groups in steps 5-6; return how many were added."""
    groep, interventie = T["groep"], T["interventie"]
    moment = dt.datetime.combine(peildatum, dt.time(9), tzinfo=dt.UTC)
    with engine.begin() as connection:
        groups = (
            connection.execute(
                select(groep.c.groep_id)
                .where(groep.c.stap.in_(PRIORITISED_STEPS))
                .order_by(groep.c.groep_id)
                .limit(DEMO_GROUPS)
            )
            .scalars()
            .all()
        )
        existing = set(connection.execute(select(interventie.c.interventie_id)).scalars())
        rows = [
            {
                "interventie_id": _demo_id(groep_id, number),
                "groep_id": groep_id,
                "spoor": spoor,
                "partner": partner,
                "omschrijving": omschrijving,
                "eigenaar": eigenaar,
                "deadline": peildatum + dt.timedelta(days=days + 7 * index),
                "status": status,
                "versie": 1,
                "gewijzigd_door": SYSTEEM,
                "gewijzigd_op": moment,
            }
            for index, groep_id in enumerate(groups)
            for number, (spoor, partner, omschrijving, eigenaar, days, status) in enumerate(
                DEMO_INTERVENTIONS[: 3 + index % 4], start=1
            )
            if _demo_id(groep_id, number) not in existing
        ]
        if rows:
            connection.execute(interventie.insert(), rows)
            entry = AuditEntry(
                gebruiker_id=SYSTEEM,
                rol=SYSTEEM,
                categorie="wijziging",
                actie="interventie_toegevoegd",
                object_type="interventie",
                object_id="voorbeeld",
                details={"aantal": len(rows)},
            )
            append_audit(connection, [entry])
    return len(rows)
