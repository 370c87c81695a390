"""python -m dashboard purge [--dry-run] [--peildatum JJJJ-MM-DD]: remove the persons whose time is up.

The output names persons only by their pseudonymous id, so a scheduler's log holds no names.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

from dashboard.presentation import format_date, format_number
from dashboard.privacy.purge import purge_persons, summarise
from dashboard.privacy.retention import RetentionRule
from dashboard.settings import Settings
from dashboard.storage.engine import create_db_engine, migrate

if TYPE_CHECKING:
    from dashboard.privacy.purge import PurgeReport

__all__ = ["add_privacy_commands", "run_purge"]


def _say(message: str) -> None:
    print(message, file=sys.stderr)  # noqa: T201  (the CLI's messages go to stderr)


def _date(text: str) -> dt.date:
    """Read a JJJJ-MM-DD argument, or tell in Dutch what is wrong."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"'{text}' is geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-11-30"
        raise argparse.ArgumentTypeError(msg) from None


def _print(report: PurgeReport) -> None:
    """One line per person on stdout (id, purge date, rows); the summary per reason on stderr."""
    for persoon in report.personen:
        datum = persoon.verwijderdatum.isoformat() if persoon.verwijderdatum else "-"
        rijen = 1 + persoon.lidmaatschappen + persoon.betrokkenen
        print(f"{persoon.persoon_id}\t{datum}\t{rijen}\t{persoon.grond}")  # noqa: T201  (the result)
    for grond, personen in summarise(report).iter_rows():
        _say(f"  {format_number(personen):>7} × {grond}")


def run_purge(args: argparse.Namespace) -> int:
    """Purge (or with --dry-run only list) the persons due on the peildatum (default: today)."""
    engine = create_db_engine(args.database_url or Settings().database_url)
    migrate(engine)
    rule = RetentionRule.from_settings()
    peildatum = args.peildatum or dt.datetime.now(tz=dt.UTC).date()
    try:
        report = purge_persons(engine, peildatum, rule, dry_run=args.dry_run)
    finally:
        engine.dispose()
    _print(report)
    n, rijen = format_number(len(report.personen)), format_number(report.rijen)
    termijn = f"bewaartermijn {rule.bewaartermijn_maanden} maanden, maximaal {rule.maximale_jaren} jaar"
    if args.dry_run:
        _say(f"Proefdraai op {format_date(peildatum)} ({termijn}): {n} personen ({rijen} regels) zouden "
             "worden verwijderd. Er is niets gewijzigd.")  # fmt: skip
    elif report.personen:
        _say(f"Verwijderd op {format_date(peildatum)} ({termijn}): {n} personen, {rijen} regels. "
             "Per persoon staat een bewijs van verwijdering in het auditlog.")  # fmt: skip
    else:
        _say(f"Niets te verwijderen op {format_date(peildatum)} ({termijn}): 0 personen.")
    return 0


def add_privacy_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `purge` on the main parser's subcommands."""
    purge = sub.add_parser(
        "purge", help="verwijder personen van wie de bewaartermijn is verstreken (met bewijs in het auditlog)"
    )
    purge.add_argument("--dry-run", action="store_true", help="toon alleen wat zou worden verwijderd")
    purge.add_argument("--peildatum", type=_date, help="JJJJ-MM-DD; standaard vandaag")
    purge.set_defaults(run=run_purge)
