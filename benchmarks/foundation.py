"""Foundation figures: generating the national sample and loading it into SQLite."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.results import Figure
from dashboard.loading.load import load_folder
from dashboard.sample import generate_sample, write_sample
from dashboard.storage.engine import create_db_engine, migrate

__all__ = ["measure"]


def measure() -> list[Figure]:
    """Time `sample --scale land` generation and the load of its CSV files into a new SQLite file."""
    started = time.perf_counter()
    frames = generate_sample("land", 7)
    generated = time.perf_counter() - started
    registrations = frames["registraties.csv"].height
    with tempfile.TemporaryDirectory(prefix="groepsbeeld-bench-") as tmp:
        folder = Path(tmp) / "csv"
        write_sample(frames, folder)
        engine = create_db_engine(f"sqlite:///{Path(tmp) / 'land.db'}")
        migrate(engine)
        summary = load_folder(engine, folder)
        engine.dispose()
    return [
        Figure("land-voorbeeld genereren", generated, 60, "s"),
        Figure(f"land-voorbeeld laden in SQLite ({registrations:,} registraties)", summary.seconden, 60, "s"),
    ]
