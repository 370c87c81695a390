"""Import figures: preview and import of 500,000 police registrations from one Dutch CSV export.

The export is written as Dutch police systems and Excel write them: UTF-8 with BOM, ';', dd-mm-jjjj
dates, decimal commas, one row per registration and person involved (1 to 3, most often 1 or 2),
with the land sample's categories, municipalities and persons.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
from sqlalchemy import select

from benchmarks.land import Backend, land_copy, land_database
from benchmarks.results import Figure
from dashboard.access import Scope
from dashboard.imports import Actor, import_file, preview_file
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import read_frame
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Codes", "codes_of", "measure", "registrations_csv"]

REGISTRATIES = 500_000
ACTOR = Actor("benchmark", "systeem", Scope(type="land"), "heel Nederland")
T = metadata.tables


@dataclass(frozen=True)
class Codes:
    """The codes an export may use: categories, municipalities (with a centre) and persons."""

    categorieen: pl.Series
    gemeenten: pl.DataFrame
    personen: pl.Series


def codes_of(url: str) -> Codes:
    """The codes of a loaded database."""
    engine = create_db_engine(url)
    gemeente = T["gemeente"]
    codes = Codes(
        read_frame(engine, select(T["delictcategorie"].c.categorie_code))["categorie_code"],
        read_frame(engine, select(gemeente.c.gemeente_code, gemeente.c.lat, gemeente.c.lon)),
        read_frame(engine, select(T["persoon"].c.persoon_id))["persoon_id"],
    )
    engine.dispose()
    return codes


def _dutch(column: str) -> pl.Expr:
    return pl.col(column).round(5).cast(pl.String).str.replace(".", ",", literal=True)


def _noise(n: int, seed: int, modulo: int) -> pl.Series:
    """Pseudo-random whole numbers 0 <= x < modulo (n of them), the same for the same seed."""
    return (pl.int_range(n, eager=True).hash(seed) % modulo).cast(pl.Int64)


def registrations_csv(codes: Codes, registraties: int, *, seed: int = 11, prefix: str = "PL9999") -> bytes:
    """A Dutch police export of this many new registrations (about 1.7 rows per registration)."""
    n = registraties
    places = codes.gemeenten.sample(n, with_replacement=True, seed=seed)
    frame = pl.DataFrame(
        {
            "Registratienummer": pl.int_range(1, n + 1, eager=True).cast(pl.String).str.zfill(7),
            "Pleegdatum": pl.date_range(pl.date(2024, 1, 1), pl.date(2025, 12, 31), eager=True)
            .sample(n, with_replacement=True, seed=seed)
            .dt.strftime("%d-%m-%Y"),
            "Delictcategorie": codes.categorieen.sample(n, with_replacement=True, seed=seed + 1),
            "Gemeente": places["gemeente_code"],
            "lat": places["lat"] + _noise(n, seed, 2000) / 100_000,
            "lon": places["lon"] + _noise(n, seed + 1, 2000) / 100_000,
            "aantal": _noise(n, seed + 2, 10).replace_strict(
                list(range(10)), [1, 1, 1, 1, 2, 2, 2, 2, 3, 3], return_dtype=pl.Int64
            ),
        }
    ).with_columns(
        (pl.lit(prefix + "-") + pl.col("Registratienummer")).alias("Registratienummer"),
        _dutch("lat"),
        _dutch("lon"),
    )
    rows = frame.select(pl.exclude("aantal").repeat_by(pl.col("aantal")).explode())
    rows = rows.with_columns(
        codes.personen.sample(rows.height, with_replacement=True, seed=seed + 3).alias("Persoon ID"),
        pl.Series(["verdachte", "slachtoffer", "getuige"] * (rows.height // 3 + 1))[: rows.height].alias(
            "Rol"
        ),
    )
    rows = rows.unique(["Registratienummer", "Persoon ID"], keep="first", maintain_order=True)
    return "\ufeff".encode() + rows.write_csv(separator=";").encode()


@contextmanager
def _writable_land(backend: Backend) -> Iterator[str]:
    """A land database of its own to import into: a file copy on SQLite, a fresh load on PostgreSQL."""
    if backend == "postgresql":
        with land_copy(backend) as url:
            yield url
        return
    folder = Path(tempfile.mkdtemp(prefix="groepsbeeld-bench-import-"))
    try:
        database = folder / "import.db"
        source = land_database(backend).url.removeprefix("sqlite:///")
        for suffix in ("", "-wal"):  # the land database may still have a write-ahead log
            if Path(source + suffix).exists():
                shutil.copyfile(source + suffix, f"{database}{suffix}")
        yield f"sqlite:///{database}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(backend: Backend) -> list[Figure]:
    """Time the preview and the full import (validation, comparison, upsert, audit) on one database."""
    with _writable_land(backend) as url:
        content = registrations_csv(codes_of(url), REGISTRATIES)
        engine = create_db_engine(url)
        started = time.perf_counter()
        preview = preview_file(engine, content, "registraties", "bench.csv", ACTOR)
        previewed = time.perf_counter() - started
        started = time.perf_counter()
        result = import_file(engine, content, "registraties", "bench.csv", ACTOR)
        imported = time.perf_counter() - started
        engine.dispose()
    if not (preview.ok and result.geschreven and preview.counts["nieuw"] == REGISTRATIES):
        msg = f"benchmark-import mislukt: {preview.counts}"
        raise RuntimeError(msg)
    size = f"{REGISTRATIES:,} registraties, {len(content) / 1e6:.0f} MB CSV"
    return [
        Figure(f"import: voorvertoning ({size})", previewed, 15, "s"),
        Figure(f"import: controleren en opslaan ({size})", imported, 30, "s"),
    ]
