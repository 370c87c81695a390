"""python -m dashboard audit controleer | export: check the hash chain, export a period of the trail."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import ValidationError

from dashboard.audit.chain import verify_chain
from dashboard.audit.search import AuditFilter, export_audit
from dashboard.settings import Settings
from dashboard.storage.engine import create_db_engine, migrate

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

__all__ = ["add_audit_command"]


def _say(message: str) -> None:
    print(message, file=sys.stderr)  # noqa: T201  (the CLI's messages go to stderr)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"'{text}' is geen datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-11-30"
        raise argparse.ArgumentTypeError(msg) from None


def _engine(args: argparse.Namespace) -> Engine:
    engine = create_db_engine(args.database_url or Settings().database_url)
    migrate(engine)
    return engine


def _controleer(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        report = verify_chain(engine)
    finally:
        engine.dispose()
    _say(report.melding)
    return 0 if report.ok else 1


def _export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    formaat: Literal["csv", "xlsx"] = args.formaat or ("xlsx" if out.suffix.lower() == ".xlsx" else "csv")
    try:
        zoek = AuditFilter(van=args.van, tot=args.tot)
    except ValidationError as error:
        _say(str(error.errors()[0]["ctx"]["error"]))
        return 1
    engine = _engine(args)
    try:
        export = export_audit(engine, None, zoek, formaat)
    finally:
        engine.dispose()
    out.write_bytes(export.inhoud)
    _say(f"Geschreven: {out} ({export.aantal} records; deze export is zelf vastgelegd in het auditlog)")
    return 0


def add_audit_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `audit controleer` and `audit export` on the main parser's subcommands."""
    audit = sub.add_parser("audit", help="controleer of exporteer het auditlog")
    steps = audit.add_subparsers(dest="audit_command", required=True, metavar="STAP")
    check = steps.add_parser(
        "controleer", help="controleer de hashketen (exitcode 0: intact, 1: gewijzigd of ingekort)"
    )
    check.set_defaults(run=_controleer)
    export = steps.add_parser("export", help="exporteer een periode als CSV of XLSX")
    export.add_argument("--van", type=_date, help="eerste dag (JJJJ-MM-DD), standaard het begin")
    export.add_argument("--tot", type=_date, help="laatste dag (JJJJ-MM-DD, inbegrepen), standaard vandaag")
    export.add_argument("--out", required=True, help="doelbestand (.csv of .xlsx)")
    export.add_argument("--formaat", choices=("csv", "xlsx"), help="standaard volgens de extensie van --out")
    export.set_defaults(run=_export)
