"""Map figures on the national sample: the group map of heel Nederland, its HTML size and build time.

The land database is the run's shared one (benchmarks.land); scores are computed once, untimed. The
timed step is what the Kaart page does on a cold cache: build the map and render its HTML. That step
touches no database, so it is measured once per run (on the first database).
"""

from __future__ import annotations

import time

from benchmarks.land import Backend, land_database
from benchmarks.results import NO_DATABASE, Figure, once
from dashboard.access import Scope
from dashboard.maps.groups import build_group_map, map_html
from dashboard.maps.layers import recent_meldingen
from dashboard.scoring.service import score_scope
from dashboard.settings import PDOK_BRT
from dashboard.storage.engine import create_db_engine

__all__ = ["measure"]

_RUNS = 3  # best of three: the machine's capacity, not its noise
_MB = 1_000_000


def measure(backend: Backend) -> list[Figure]:
    """HTML size (MB) and build-plus-render time (s) of the group map for the whole country (once)."""
    if not once("maps"):
        return []
    engine = create_db_engine(land_database(backend).url)
    scores = score_scope(engine, Scope(type="land"))
    engine.dispose()
    meldingen = recent_meldingen(scores.inputs.meldingen, scores.peildatum, scores.config.vensters.maanden)

    def build() -> str:
        fmap = build_group_map(
            scores.groepen,
            hangplekken=scores.inputs.hangplekken,
            meldingen=meldingen,
            boundaries=None,
            tiles=PDOK_BRT,
            attribution="Kaartgegevens © Kadaster (BRT-Achtergrondkaart)",
        )
        return map_html(fmap)

    times, html = [], ""
    for _ in range(_RUNS):
        started = time.perf_counter()
        html = build()
        times.append(time.perf_counter() - started)
    groups = scores.groepen.height
    return [
        Figure(
            f"kaart: HTML-omvang heel Nederland ({groups} groepen; eenmalig)",
            len(html.encode("utf-8")) / _MB,
            1,
            "MB",
            NO_DATABASE,
        ),
        Figure(
            f"kaart: bouwen heel Nederland ({groups} groepen, met HTML; eenmalig)",
            min(times),
            1,
            "s",
            NO_DATABASE,
        ),
    ]
