"""python -m dashboard import KIND FILE [--dry-run]: an export into the database, all or nothing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.access import Scope, has_permission
from dashboard.audit import SYSTEEM
from dashboard.imports.kinds import KINDS
from dashboard.imports.reading import ImportFileError
from dashboard.imports.report import report_csv, report_lines
from dashboard.imports.write import Actor, import_file
from dashboard.presentation import format_number
from dashboard.settings import Settings
from dashboard.storage.engine import create_db_engine, migrate
from dashboard.storage.queries import load_area_names, load_identities

if TYPE_CHECKING:
    import argparse

    from sqlalchemy.engine import Engine

    from dashboard.imports.preview import ImportPreview

__all__ = ["add_import_command"]


def _say(message: str) -> None:
    print(message, file=sys.stderr)  # noqa: T201  (the CLI's messages and progress go to stderr)


def _actor(engine: Engine, als: str | None) -> Actor | None:
    """The system over the whole country, or a user with that user's scope (who must may import)."""
    if als is None:
        return Actor(SYSTEEM, SYSTEEM, Scope(type="land"), "heel Nederland")
    identity = next((i for i in load_identities(engine) if i.gebruiker_id == als), None)
    if identity is None:
        _say(f"Onbekende gebruiker: {als}. Kies een gebruiker_id uit de tabel gebruiker.")
        return None
    if not has_permission(identity, "importeren"):
        _say(f"Geweigerd: de rol {identity.rol_label} mag geen gegevens importeren.")
        return None
    gebied = identity.scope.describe(load_area_names(engine))
    return Actor(identity.gebruiker_id, identity.rol, identity.scope, gebied)


def _summary(preview: ImportPreview) -> None:
    for note in preview.notities:
        _say(note)
    for status, count in preview.counts.items():
        print(f"{status:<12} {count:>10}")  # noqa: T201  (the result itself goes to stdout)


def _rejected(preview: ImportPreview, rapport: str | None) -> int:
    rows = format_number(preview.counts["afgewezen"])
    _say(f"Import geweigerd: {rows} rij(en) afgewezen; er is niets opgeslagen.")
    for line in report_lines(preview):
        _say(f"- {line}")
    if rapport:
        Path(rapport).write_bytes(report_csv(preview))
        _say(f"Foutenrapport geschreven: {rapport}")
    return 1


def _run(args: argparse.Namespace) -> int:
    path = Path(args.bestand)
    if not path.is_file():
        _say(f"Bestand niet gevonden: {path}")
        return 1
    engine = create_db_engine(args.database_url or Settings().database_url)
    migrate(engine)
    actor = _actor(engine, args.als)
    if actor is None:
        return 1
    try:
        result = import_file(
            engine, path.read_bytes(), args.soort, path.name, actor, dry_run=args.dry_run, progress=_say
        )
    except ImportFileError as error:
        _say(f"{path.name}: {error}. Er is niets opgeslagen.")
        return 1
    _summary(result.preview)
    if not result.preview.ok:
        return _rejected(result.preview, args.foutenrapport)
    if args.dry_run:
        _say("Proefrun (--dry-run): er is niets opgeslagen.")
    elif not result.geschreven:
        _say("Niets te doen: alle rijen staan al zo in de database.")
    else:
        _say("Import opgeslagen en vastgelegd in het auditlog.")
    return 0


def add_import_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `import` on the main parser's subcommands."""
    command = sub.add_parser("import", help="importeer een export (CSV of XLSX) uit een bronsysteem")
    command.add_argument(
        "soort", choices=tuple(KINDS), metavar="SOORT", help=f"soort gegevens: {', '.join(KINDS)}"
    )
    command.add_argument("bestand", metavar="BESTAND", help="CSV- of XLSX-bestand (zie docs/importeren.md)")
    command.add_argument(
        "--dry-run", action="store_true", help="alleen controleren en tonen wat er verandert"
    )
    command.add_argument("--als", help="gebruiker_id: importeer binnen het gebied van deze gebruiker")
    command.add_argument("--foutenrapport", help="schrijf de afgewezen rijen als CSV naar dit bestand")
    command.set_defaults(run=_run)
