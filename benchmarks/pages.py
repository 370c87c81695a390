"""Page figures: each page's script run on the national sample, warm (caches filled)."""

from __future__ import annotations

import os
import time
from unittest import mock

from streamlit.testing.v1 import AppTest, app_test

from benchmarks.apptest import NavigationPagesManager
from benchmarks.land import LABELS, Backend, land_database
from benchmarks.results import Figure
from components.navigation import PAGES
from dashboard.access import Identity, Permissie, Scope, has_permission
from dashboard.domain import ROLLEN

__all__ = ["measure"]

IDENTITY_KEY = "groepsbeeld_identity"
SPECIALIST = Identity(
    gebruiker_id="bench",
    naam="Benchmark (heel Nederland)",
    email="bench@demo.example",
    rol="politie_specialist",
    scope=Scope(type="land"),
)
_RUNS = 3


def _identity_for(permissie: Permissie) -> Identity:
    """The national specialist, or for a page the specialist may not open the first role that may."""
    rollen = [SPECIALIST.rol, *sorted(ROLLEN)]
    kandidaten = (SPECIALIST.model_copy(update={"rol": rol}) for rol in rollen)
    return next(identity for identity in kandidaten if has_permission(identity, permissie))


def _warm_run(module: str, identity: Identity, groep: str | None) -> float:
    """Run one page's script once to fill the caches, then time the best of a few warm runs."""
    at = AppTest.from_string(f"from pages import {module}\n{module}.render()", default_timeout=120)
    at.session_state[IDENTITY_KEY] = identity
    if groep:
        at.query_params["groep"] = groep
    at.run()
    times = []
    for _ in range(_RUNS):
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    if at.exception:
        msg = f"pagina {module} gaf een fout: {at.exception[0].value}"
        raise RuntimeError(msg)
    return min(times)


def measure(backend: Backend) -> list[Figure]:
    """Warm script-run time of every page for a national-scope user who may open it (target 0.5 s)."""
    land = land_database(backend)
    figures, database = [], LABELS[backend]
    with (
        mock.patch.dict(os.environ, {"DATABASE_URL": land.url}),
        mock.patch.object(app_test, "PagesManager", NavigationPagesManager),
    ):
        for spec in PAGES:
            module = spec.render.__module__.rsplit(".", 1)[-1]
            identity = _identity_for(spec.permissie)
            seconds = _warm_run(module, identity, "G-00001" if spec.url_path == "groep" else None)
            meting = f"pagina {spec.title}: scriptrun warm (heel Nederland, {identity.rol_label.lower()})"
            figures.append(Figure(meting, seconds, 0.5, "s", database))
    return figures
