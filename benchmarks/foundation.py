"""Foundation figures: generating the national sample (once) and loading it into each database."""

from __future__ import annotations

from benchmarks.land import LABELS, Backend, land_database
from benchmarks.results import NO_DATABASE, Figure, once

__all__ = ["measure"]


def measure(backend: Backend) -> list[Figure]:
    """Time `sample --scale land` generation (first backend only) and the load of its CSV files."""
    land = land_database(backend)
    registraties = f"{land.registraties:,}".replace(",", ".")
    figures = []
    if once("foundation: genereren"):
        figures.append(Figure("land-voorbeeld genereren (eenmalig)", land.genereren_s, 60, "s", NO_DATABASE))
    figures.append(
        Figure(
            f"land-voorbeeld laden in een lege database ({registraties} registraties)",
            land.laden_s,
            60,
            "s",
            LABELS[backend],
        )
    )
    return figures
