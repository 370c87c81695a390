"""Fixtures for the import tests: a loaded database on each backend and a full dump of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from dashboard.access import Scope
from dashboard.imports import Actor
from dashboard.loading.load import load_folder
from dashboard.storage.schema import metadata

SYSTEM = Actor("systeem", "systeem", Scope(type="land"), "heel Nederland")


GROUPS = ("G-00001", "G-00005")
REGISTRATIONS = ("PL0900-2023-0013445", "PL0900-2023-0013457")
PERSONS = ("P-0000001", "P-0000002")


def _write_small_sample(source: Path, target: Path) -> None:
    """The sample cut down to two groups, two registrations and a few persons: quick to load anywhere."""
    target.mkdir()
    frames = {path.name: pl.read_csv(path, infer_schema=False) for path in source.glob("*.csv")}
    keep = {
        "groepen.csv": pl.col("groep_id").is_in(GROUPS),
        "hangplekken.csv": pl.col("groep_id").is_in(GROUPS),
        "lidmaatschappen.csv": pl.col("groep_id").is_in(GROUPS),
        "groepsscans.csv": pl.col("groep_id").is_in(GROUPS),
        "registraties.csv": pl.col("registratienummer").is_in(REGISTRATIONS),
        "betrokkenen.csv": pl.col("registratienummer").is_in(REGISTRATIONS),
        "meldingen.csv": pl.col("melding_id").is_in(["M-0000001", "M-0000002"]),
    }
    for name, condition in keep.items():
        frames[name] = frames[name].filter(condition)
    places, scans = frames["hangplekken.csv"]["hangplek_id"], frames["groepsscans.csv"]["scan_id"]
    frames["hangplek_tijden.csv"] = frames["hangplek_tijden.csv"].filter(
        pl.col("hangplek_id").is_in(places.implode())
    )
    frames["beoordelingen.csv"] = frames["beoordelingen.csv"].filter(pl.col("scan_id").is_in(scans.implode()))
    persons = pl.concat(
        [
            frames["lidmaatschappen.csv"]["persoon_id"],
            frames["betrokkenen.csv"]["persoon_id"],
            pl.Series(PERSONS),
        ]
    )
    frames["personen.csv"] = frames["personen.csv"].filter(pl.col("persoon_id").is_in(persons.implode()))
    for name, frame in frames.items():
        frame.write_csv(target / name)


@pytest.fixture(scope="session")
def small_sample(tmp_path_factory: pytest.TempPathFactory, sample_dir: Path) -> Path:
    """A folder with the small sample in the import format."""
    folder = tmp_path_factory.mktemp("import") / "klein"
    _write_small_sample(sample_dir, folder)
    return folder


@pytest.fixture
def loaded(engine: Engine, small_sample: Path) -> Engine:
    """The small sample loaded into an empty database (SQLite and PostgreSQL)."""
    load_folder(engine, small_sample)
    return engine


@pytest.fixture
def system() -> Actor:
    """The command line's actor: the system, over the whole country."""
    return SYSTEM


def _dump(engine: Engine) -> list[object]:
    """Every row of every table in a fixed order; on SQLite the whole SQL dump (schema and data)."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            return list(raw.iterdump())  # type: ignore[union-attr]
    rows: list[object] = []
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            statement = select(table).order_by(*table.columns)
            rows.append((table.name, [tuple(row) for row in connection.execute(statement)]))
    return rows


@pytest.fixture
def dump() -> Callable[[Engine], list[object]]:
    """A function that dumps a database completely, to compare before and after."""
    return _dump
