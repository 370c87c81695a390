"""The national (`land`) sample as a SQLite database, built once per benchmark run and shared."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from dashboard.loading.load import load_folder
from dashboard.sample import generate_sample, write_sample
from dashboard.storage.engine import create_db_engine, migrate

__all__ = ["LandBuild", "land_database"]

SEED = 7
_BUILT: list[LandBuild] = []


@dataclass(frozen=True)
class LandBuild:
    """Where the land database is, and what building it took."""

    url: str
    genereren_s: float
    laden_s: float
    registraties: int


def _build() -> LandBuild:
    folder = Path(tempfile.mkdtemp(prefix="groepsbeeld-bench-land-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    started = time.perf_counter()
    frames = generate_sample("land", SEED)
    generated = time.perf_counter() - started
    write_sample(frames, folder / "csv")
    url = f"sqlite:///{folder / 'land.db'}"
    engine = create_db_engine(url)
    migrate(engine)
    summary = load_folder(engine, folder / "csv")
    engine.dispose()
    return LandBuild(url, generated, summary.seconden, frames["registraties.csv"].height)


def land_database() -> LandBuild:
    """The shared land database of this run (built on first use)."""
    if not _BUILT:
        _BUILT.append(_build())
    return _BUILT[0]
