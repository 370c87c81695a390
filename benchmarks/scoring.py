"""Scoring figures on the national sample: one peildatum, and the history over all scan dates.

The shared land database (benchmarks.land) is read into frames once (that read
is reported, not targeted). The timed steps start from those in-memory frames: no database access.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from benchmarks.land import land_database
from benchmarks.results import Figure
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


def measure() -> list[Figure]:
    """Time score_report at the data set's peildatum and score_history over every scan date (land)."""
    engine = create_db_engine(land_database().url)
    started = time.perf_counter()
    inputs = load_inputs(engine, Scope(type="land"))
    read = time.perf_counter() - started
    peildatum = dataset_peildatum(engine)
    engine.dispose()
    if peildatum is None:
        msg = "het land-voorbeeld heeft geen peildatum in dataset.csv"
        raise RuntimeError(msg)
    config = default_config()
    groups = len(score_report(inputs, peildatum, config))
    scans = inputs.scans.height
    return [
        Figure("scoring: invoer land-voorbeeld uit SQLite lezen (eenmalig)", read, 30, "s"),
        Figure(
            f"scoring: alle {groups} groepen op één peildatum (scores, bijdragen, vlaggen, advies)",
            _best(lambda: score_report(inputs, peildatum, config)),
            1,
            "s",
        ),
        Figure(
            f"scoring: geschiedenis over alle {scans:,} scandatums (scores en banden)".replace(",", "."),
            _best(lambda: score_history(inputs, config)),
            10,
            "s",
        ),
    ]
