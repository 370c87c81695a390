"""The national (`land`) sample in SQLite and PostgreSQL, built once per benchmark run and shared.

The sample is generated once (its CSV files are kept until the run ends) and loaded into each database
on first use: a SQLite file in a temporary folder, or a dedicated schema in the PostgreSQL database of
BENCH_DATABASE_URL (else TEST_DATABASE_URL, else the local test database), dropped again at exit.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dashboard.loading.load import load_folder
from dashboard.sample import generate_sample, write_sample
from dashboard.storage.engine import create_db_engine, migrate
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "BACKENDS",
    "LABELS",
    "Backend",
    "LandBuild",
    "land_copy",
    "land_database",
    "postgresql_server",
]

Backend = Literal["sqlite", "postgresql"]
BACKENDS: tuple[Backend, ...] = ("sqlite", "postgresql")
LABELS: dict[Backend, str] = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
LOCAL_POSTGRESQL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SEED = 7


@dataclass(frozen=True)
class Sample:
    """The generated land sample as CSV files, and how long generating it took."""

    folder: Path
    genereren_s: float
    registraties: int


@dataclass(frozen=True)
class LandBuild:
    """Where one backend's land database is, and what building it took."""

    backend: Backend
    url: str
    genereren_s: float
    laden_s: float
    registraties: int


_SAMPLE: list[Sample] = []
_BUILT: dict[Backend, LandBuild] = {}


def _sample() -> Sample:
    """Generate the land sample once per run and write its CSV files to a temporary folder."""
    if not _SAMPLE:
        folder = Path(tempfile.mkdtemp(prefix="groepsbeeld-bench-land-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        started = time.perf_counter()
        frames = generate_sample("land", SEED)
        generated = time.perf_counter() - started
        write_sample(frames, folder / "csv")
        _SAMPLE.append(Sample(folder, generated, frames["registraties.csv"].height))
    return _SAMPLE[0]


def postgresql_base() -> str:
    """The PostgreSQL database the benchmark may use (a schema of its own is made inside it)."""
    return os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL") or LOCAL_POSTGRESQL


def postgresql_server() -> tuple[str | None, str | None]:
    """The PostgreSQL server's version and None, or None and why it cannot be used (in Dutch)."""
    base = postgresql_base()
    if make_url(base).get_backend_name() != "postgresql":
        return None, f"{base} is geen PostgreSQL-URL (zet BENCH_DATABASE_URL)"
    engine = create_db_engine(base)
    try:
        with engine.connect() as connection:
            version = connection.exec_driver_sql("SHOW server_version").scalar()
    except SQLAlchemyError as error:
        first = (str(getattr(error, "orig", None) or error).strip().splitlines() or ["onbekende fout"])[0]
        return None, f"{make_url(base).render_as_string()} is niet bereikbaar ({first})"
    finally:
        engine.dispose()
    return f"PostgreSQL {str(version).split()[0]}", None


def _drop_schema(schema: str) -> None:
    engine = create_db_engine(postgresql_base())
    with engine.begin() as connection:
        connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    engine.dispose()


def _postgresql_schema(schema: str) -> str:
    """Drop and create `schema` in the benchmark database (dropped again at exit); its URL."""
    base = postgresql_base()
    _drop_schema(schema)
    admin = create_db_engine(base)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    admin.dispose()
    atexit.register(_drop_schema, schema)
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def _build(backend: Backend, name: str = "land") -> LandBuild:
    sample = _sample()
    if backend == "sqlite":
        url = f"sqlite:///{sample.folder / f'{name}.db'}"
    else:
        url = _postgresql_schema(f"bench_{name}")
    engine = create_db_engine(url)
    migrate(engine)
    summary = load_folder(engine, sample.folder / "csv")
    if backend == "postgresql":  # planner statistics now, as autovacuum would shortly after a load
        with engine.begin() as connection:
            quote = connection.dialect.identifier_preparer.quote
            connection.exec_driver_sql("ANALYZE " + ", ".join(map(quote, metadata.tables)))
    engine.dispose()
    return LandBuild(backend, url, sample.genereren_s, summary.seconden, sample.registraties)


def land_database(backend: Backend = "sqlite") -> LandBuild:
    """The shared land database of this run on a backend, built on first use."""
    if backend not in _BUILT:
        _BUILT[backend] = _build(backend)
    return _BUILT[backend]


@contextmanager
def land_copy(backend: Backend = "sqlite") -> Iterator[str]:
    """A writable land database of its own on a backend, for a benchmark that changes data; removed after.

    Loaded anew from the run's sample files (as the shared one was), so a copy costs one load.
    """
    copy = _build(backend, "kopie")
    try:
        yield copy.url
    finally:
        if backend == "sqlite":
            Path(copy.url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        else:
            _drop_schema("bench_kopie")
