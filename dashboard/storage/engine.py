"""The database engine: SQLite (WAL, foreign keys on) or PostgreSQL, migrated by Alembic."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.pool import ConnectionPoolEntry

__all__ = ["create_db_engine", "is_empty", "migrate"]

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
WAL_ATTEMPTS = 100  # 5 s in all, like SQLite's own busy timeout


def _use_wal(cursor: Any) -> None:  # noqa: ANN401  (a DB-API cursor has no type)
    """Switch the file to WAL, once: the mode stays with the file.

    The switch needs the file to itself and SQLite does not wait for that, so several servers opening a
    new database at once retry for a few seconds.
    """
    for attempt in range(WAL_ATTEMPTS):
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.05)
        else:
            return


def _sqlite_pragmas(dbapi_connection: object, _record: ConnectionPoolEntry) -> None:
    """Turn on foreign keys and WAL for every new SQLite connection."""
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-65536")  # 64 MiB: bulk loads and analytics stay in memory
    cursor.close()


def create_db_engine(url: str, pool_size: int = 5) -> Engine:
    """Create an engine for a SQLAlchemy URL; a SQLite file's folder is created when missing.

    pool_size: connections kept open (10 more in peaks). The app server passes one per concurrent
    session, since each script run holds a connection while it reads; command-line tools need few.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, pool_size=pool_size)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True, pool_size=pool_size)


# Any fixed number: the PostgreSQL advisory lock that lets one server at a time run the migrations.
MIGRATION_LOCK = 72_616_001


def migrate(engine: Engine) -> None:
    """Bring the database schema to the newest migration, once, even when several servers start together.

    The migration runs in one transaction that first takes a lock (an advisory lock on PostgreSQL, the
    write lock on SQLite); a server that waits finds the schema current and has nothing left to do.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        elif connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def is_empty(engine: Engine) -> bool:
    """Tell whether the database holds no groups yet (or has no tables at all)."""
    if not inspect(engine).has_table("groep"):
        return True
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT 1 FROM groep LIMIT 1").first() is None
