"""Foundation figures: generating the national sample and loading it into SQLite."""

from __future__ import annotations

from benchmarks.land import land_database
from benchmarks.results import Figure

__all__ = ["measure"]


def measure() -> list[Figure]:
    """Time `sample --scale land` generation and the load of its CSV files into a new SQLite file."""
    land = land_database()
    return [
        Figure("land-voorbeeld genereren", land.genereren_s, 60, "s"),
        Figure(f"land-voorbeeld laden in SQLite ({land.registraties:,} registraties)", land.laden_s, 60, "s"),
    ]
