"""The standaardrapportage's section 'Voortgang plan van aanpak': content from the plan, and its blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from dashboard.domain import INTERVENTIE_STATUS_LABELS, SPOOR_LABELS, SPOREN
from dashboard.presentation import format_date
from dashboard.process.plan import AFGESLOTEN, load_plan, mark_overdue
from dashboard.reports.models import Alinea, Blok, PlanRegel, Tabel

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.engine import Engine

    from dashboard.access import Scope

__all__ = ["GEEN_PLAN", "TE_LAAT", "TITEL", "build_plan", "plan_blokken"]

TITEL: Final = "Voortgang plan van aanpak"
GEEN_PLAN: Final = "Nog geen plan van aanpak vastgelegd."
TE_LAAT: Final = "TE LAAT"  # a word, so the mark survives print in black and white


def build_plan(engine: Engine, scope: Scope, groep_id: str, peildatum: dt.date) -> tuple[PlanRegel, ...]:
    """The group's interventions at the peildatum, by track and deadline (no person names are stored)."""
    plan = mark_overdue(load_plan(engine, scope, groep_id), peildatum)
    return tuple(
        PlanRegel.model_validate(row)
        for row in plan.select(
            "spoor", "partner", "omschrijving", "eigenaar", "deadline", "status", "te_laat"
        ).iter_rows(named=True)
    )


def _status(regel: PlanRegel) -> str:
    label = INTERVENTIE_STATUS_LABELS.get(regel.status, regel.status)  # type: ignore[call-overload]
    return f"{label} – {TE_LAAT}" if regel.te_laat else str(label)


def _summary(plan: tuple[PlanRegel, ...]) -> str:
    counting = [r for r in plan if r.status != "vervallen"]
    done = sum(r.status == "afgerond" for r in counting)
    late = sum(r.te_laat for r in plan)
    open_items = sum(r.status not in AFGESLOTEN for r in plan)
    return (
        f"{done} van {len(counting)} interventies afgerond, {open_items} nog open, waarvan {late} te laat "
        "(deadline verstreken en niet afgerond). Vervallen interventies tellen niet mee."
    )


def plan_blokken(plan: tuple[PlanRegel, ...]) -> tuple[Blok, ...]:
    """A summary line and one table per track: interventie, partner, eigenaar, deadline, status."""
    if not plan:
        return (Alinea(tekst=GEEN_PLAN),)
    blokken: list[Blok] = [Alinea(tekst=_summary(plan))]
    for spoor in SPOREN:
        regels = [r for r in plan if r.spoor == spoor]
        blokken.append(Alinea(tekst=SPOOR_LABELS[spoor], nadruk=True))
        if not regels:
            blokken.append(Alinea(tekst="Geen interventies in dit spoor."))
            continue
        rijen = tuple(
            (r.omschrijving, r.partner, r.eigenaar, format_date(r.deadline), _status(r)) for r in regels
        )
        blokken.append(
            Tabel(
                kop=("Interventie", "Partner", "Eigenaar", "Deadline", "Status"),
                rijen=rijen,
                breedtes=(3.6, 1.8, 2, 1.5, 2.4),
            )
        )
    return tuple(blokken)
