"""Backup and restore of the whole database, audit trail included.

SQLite: the online backup API (a consistent copy while the app runs). PostgreSQL: pg_dump's custom
format and pg_restore, the tools that come with the server. Restore replaces everything: stop the app
servers first, and run the audit integrity check afterwards.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from contextlib import closing
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import URL

__all__ = ["BackupError", "backup_database", "restore_database"]


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why, in Dutch."""


def _sqlite_path(url: URL) -> str:
    if not url.database or url.database == ":memory:":
        msg = "een database in het geheugen kan niet worden geback-upt"
        raise BackupError(msg)
    return url.database


def _copy_sqlite(source: str, target: str) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _libpq(url: URL) -> tuple[str, list[str]]:
    """The libpq address for pg_dump/pg_restore, and a schema to limit to (from a search_path option)."""
    options = url.query.get("options", "")
    schemas = []
    if isinstance(options, str) and "search_path=" in options:
        schemas = ["--schema", options.split("search_path=", 1)[1].split()[0]]
    plain = url.set(drivername="postgresql", query={})
    return plain.render_as_string(hide_password=False), schemas


def _run(program: str, arguments: list[str]) -> None:
    path = shutil.which(program)
    if path is None:
        msg = f"{program} ontbreekt; installeer de PostgreSQL-clienthulpmiddelen (postgresql-client)"
        raise BackupError(msg)
    result = subprocess.run([path, *arguments], capture_output=True, text=True, check=False)  # noqa: S603  (fixed program)
    if result.returncode != 0:
        first = (result.stderr.strip().splitlines() or ["onbekende fout"])[-1]
        msg = f"{program} mislukte: {first[:300]}"
        raise BackupError(msg)


def backup_database(database_url: str, target: Path) -> None:
    """Write a full backup of the database to target (a file)."""
    url = make_url(database_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        _copy_sqlite(_sqlite_path(url), str(target))
        return
    address, schemas = _libpq(url)
    _run("pg_dump", ["--format=custom", "--no-owner", f"--file={target}", *schemas, address])


def restore_database(database_url: str, source: Path) -> None:
    """Replace the database's contents with a backup made by backup_database."""
    if not source.is_file():
        msg = f"back-upbestand niet gevonden: {source}"
        raise BackupError(msg)
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        _copy_sqlite(str(source), _sqlite_path(url))
        return
    address, _schemas = _libpq(url)
    options = ["--clean", "--if-exists", "--no-owner", "--single-transaction"]
    _run("pg_restore", [*options, f"--dbname={address}", str(source)])
