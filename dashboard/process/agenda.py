"""The driehoek's agenda: the groups in a scope that need a decision, each with the reason why."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import polars as pl

from dashboard.domain import BESLUIT_UITKOMST_LABELS
from dashboard.presentation import format_date
from dashboard.process.decisions import AWAITING_DECISION, latest_decisions, load_decisions

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dashboard.access import Scope
    from dashboard.scoring.service import ScopeScores

__all__ = ["AGENDA_COLUMNS", "AWAITING_DECISION", "REVIEW_HORIZON", "build_agenda", "load_agenda"]

REVIEW_HORIZON: Final = dt.timedelta(days=14)  # a review due within two weeks goes on the agenda
AGENDA_COLUMNS: Final = [
    "groep_id",
    "werknaam",
    "gemeente_naam",
    "stap",
    "prioriteit",
    "band",
    "trend",
    "reden",
    "laatste_besluit",
    "laatste_vergadering",
    "volgende_evaluatie",
]


def _reasons(row: dict[str, object], peildatum: dt.date) -> str:
    """Why this group is on the agenda, in Dutch; empty when it is not."""
    reasons = []
    decided = row["laatste_vergadering"]
    scan = row["scan_datum"]
    new_scan = isinstance(scan, dt.date) and isinstance(decided, dt.date) and scan > decided
    if row["stap"] == AWAITING_DECISION and (decided is None or new_scan):
        reasons.append("Nieuw advies")
    review = row["volgende_evaluatie"]
    if isinstance(review, dt.date) and review <= peildatum + REVIEW_HORIZON:
        verb = "verloopt op" if review >= peildatum else "verlopen sinds"
        reasons.append(f"Evaluatie {verb} {format_date(review)}")
    if new_scan and isinstance(scan, dt.date):
        reasons.append(f"Nieuwe groepsscan ({format_date(scan)})")
    return "; ".join(reasons)


def build_agenda(groepen: pl.DataFrame, besluiten: pl.DataFrame, peildatum: dt.date) -> pl.DataFrame:
    """AGENDA_COLUMNS for the groups that need a decision, highest priority first.

    groepen: the scored groups (scoring.service.GROEP_COLUMNS); besluiten: decisions.load_decisions.
    On the agenda: a group in step 4 without a decision since its latest scan ('Nieuw advies'), a group
    whose next review falls within REVIEW_HORIZON of the peildatum, or a group with a newer scan than its
    last decision ('Nieuwe groepsscan').
    """
    last = latest_decisions(besluiten).select(
        "groep_id",
        laatste_besluit=pl.col("uitkomst").replace_strict(
            BESLUIT_UITKOMST_LABELS, default=pl.col("uitkomst")
        ),
        laatste_vergadering="vergaderdatum",
        volgende_evaluatie="volgende_evaluatie",
    )
    joined = groepen.join(last, on="groep_id", how="left")
    reasons = [_reasons(row, peildatum) for row in joined.iter_rows(named=True)]
    return (
        joined.with_columns(reden=pl.Series("reden", reasons, dtype=pl.String()))
        .filter(pl.col("reden") != "")
        .sort("prioriteit", "groep_id", descending=[True, False], nulls_last=True)
        .select(AGENDA_COLUMNS)
    )


def load_agenda(engine: Engine, scope: Scope, scores: ScopeScores) -> pl.DataFrame:
    """The agenda of the user's scope at the scores' peildatum, from the recorded decisions."""
    return build_agenda(scores.groepen, load_decisions(engine, scope), scores.peildatum)
