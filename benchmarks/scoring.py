"""Scoring figures on the national sample: one peildatum, and the history over all scan dates.

The shared land database (benchmarks.land) is read into frames once per database (that read is
reported per database). The timed scoring steps start from those in-memory frames and touch no
database, so they are measured once per run (on the first database).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from benchmarks.land import LABELS, Backend, land_database
from benchmarks.results import NO_DATABASE, Figure, once
from dashboard.access import Scope
from dashboard.scoring.config import default_config
from dashboard.scoring.inputs import dataset_peildatum, load_inputs
from dashboard.scoring.results import score_report
from dashboard.scoring.trends import score_history
from dashboard.storage.engine import create_db_engine

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["measure"]

_RUNS = 3  # best of three: the figure is the machine's capacity, not its noise


def _best(action: Callable[[], object]) -> float:
    """The shortest of a few runs of an action, in seconds."""
    times = []
    for _ in range(_RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(backend: Backend) -> list[Figure]:
    """Time the read of the inputs, then score_report at the peildatum and score_history (land)."""
    engine = create_db_engine(land_database(backend).url)
    started = time.perf_counter()
    inputs = load_inputs(engine, Scope(type="land"))
    read = time.perf_counter() - started
    peildatum = dataset_peildatum(engine)
    engine.dispose()
    if peildatum is None:
        msg = "het land-voorbeeld heeft geen peildatum in dataset.csv"
        raise RuntimeError(msg)
    figures = [Figure("scoring: invoer land-voorbeeld uit de database lezen", read, 30, "s", LABELS[backend])]
    if not once("scoring: in het geheugen"):
        return figures
    config = default_config()
    groups = len(score_report(inputs, peildatum, config))
    scans = f"{inputs.scans.height:,}".replace(",", ".")
    return [
        *figures,
        Figure(
            f"scoring: alle {groups} groepen op één peildatum (scores, bijdragen, vlaggen, advies; eenmalig)",
            _best(lambda: score_report(inputs, peildatum, config)),
            1,
            "s",
            NO_DATABASE,
        ),
        Figure(
            f"scoring: geschiedenis over alle {scans} scandatums (scores en banden; eenmalig)",
            _best(lambda: score_history(inputs, config)),
            10,
            "s",
            NO_DATABASE,
        ),
    ]
