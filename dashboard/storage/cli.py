"""Command-line backup and restore: python -m dashboard backup / herstel."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.audit import verify_chain
from dashboard.settings import Settings
from dashboard.storage.backup import BackupError, backup_database, restore_database
from dashboard.storage.engine import create_db_engine

if TYPE_CHECKING:
    import argparse

__all__ = ["add_backup_commands"]


def _say(message: str) -> None:
    print(message, file=sys.stderr)  # noqa: T201  (the CLI's messages go to stderr)


def _url(args: argparse.Namespace) -> str:
    return str(args.database_url or Settings().database_url)


def _cmd_backup(args: argparse.Namespace) -> int:
    try:
        backup_database(_url(args), Path(args.naar))
    except BackupError as error:
        _say(f"Back-up niet gemaakt: {error}")
        return 1
    _say(f"Back-up geschreven naar {args.naar}")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    try:
        restore_database(_url(args), Path(args.van))
    except BackupError as error:
        _say(f"Herstel niet uitgevoerd: {error}")
        return 1
    engine = create_db_engine(_url(args))
    try:
        report = verify_chain(engine)
    finally:
        engine.dispose()
    _say(f"Hersteld uit {args.van}. {report.melding}")
    return 0 if report.ok else 1


def add_backup_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `backup` and `herstel` on the main parser's subcommands."""
    backup = sub.add_parser("backup", help="maak een volledige back-up (inclusief auditlog)")
    backup.add_argument("--naar", required=True, help="doelbestand")
    backup.set_defaults(run=_cmd_backup)
    restore = sub.add_parser("herstel", help="zet een back-up terug (stop eerst de app-servers)")
    restore.add_argument("--van", required=True, help="back-upbestand")
    restore.set_defaults(run=_cmd_restore)
