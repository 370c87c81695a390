"""The command line: python -m dashboard SUBCOMMAND (Dutch messages, no tracebacks for users)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dashboard.audit.cli import add_audit_command
from dashboard.imports.cli import add_import_command
from dashboard.loading.issues import LoadError
from dashboard.loading.load import LoadSummary, load_folder
from dashboard.maps.assets import AssetError, install_assets
from dashboard.policy import PolicyError
from dashboard.presentation import format_number
from dashboard.privacy.cli import add_privacy_commands
from dashboard.process.sample_decisions import seed_demo_decisions
from dashboard.process.sample_plan import seed_demo_plan
from dashboard.reports.cli import add_report_command
from dashboard.sample import generate_sample, write_sample
from dashboard.scoring.cli import add_score_command
from dashboard.scoring.inputs import dataset_peildatum
from dashboard.settings import Settings
from dashboard.storage.cli import add_backup_commands
from dashboard.storage.engine import create_db_engine, is_empty, migrate
from dashboard.users_cli import add_user_command

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

__all__ = ["SAMPLE_DIR", "STATIC_VENDOR", "main"]

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "sample_data"
STATIC_VENDOR = ROOT / "static" / "vendor"


def _say(message: str) -> None:
    print(message, file=sys.stderr)  # noqa: T201  (the CLI's progress goes to stderr)


def _engine(args: argparse.Namespace) -> Engine:
    url = args.database_url or Settings().database_url
    _say(f"Database: {make_url(url).render_as_string(hide_password=True)}")
    engine = create_db_engine(url)
    migrate(engine)
    return engine


def _report(summary: LoadSummary) -> None:
    total = sum(summary.rijen.values())
    _say(f"Geladen: {format_number(total)} regels in {format_number(summary.seconden, 1)} s")
    for tabel, rijen in summary.rijen.items():
        print(f"{tabel:<16} {rijen:>10}")  # noqa: T201  (the result itself goes to stdout)


def _seed_process(engine: Engine) -> None:
    """The sample's demo process records: driehoek decisions and plans van aanpak (idempotent)."""
    peildatum = dataset_peildatum(engine)
    if peildatum is None:
        return
    _say(f"Voorbeeldbesluiten driehoek: {seed_demo_decisions(engine, peildatum)}")
    _say(f"Voorbeeldinterventies plan van aanpak: {seed_demo_plan(engine, peildatum)}")


def _cmd_init_db(args: argparse.Namespace) -> int:
    engine = _engine(args)
    if args.voorbeeld and is_empty(engine):
        _say(f"Database is leeg: voorbeeldgegevens laden uit {SAMPLE_DIR}")
        _report(load_folder(engine, SAMPLE_DIR, progress=_say))
        _seed_process(engine)
    _say("Database is klaar.")
    return 0


def _cmd_load(args: argparse.Namespace) -> int:
    folder = Path(args.map)
    if not folder.is_dir():
        _say(f"Map niet gevonden: {folder}")
        return 1
    _report(load_folder(_engine(args), folder, replace=args.vervang, progress=_say))
    return 0


def _cmd_sample(args: argparse.Namespace) -> int:
    _say(f"Voorbeeldgegevens maken: schaal {args.scale}, seed {args.seed}")
    frames = generate_sample(args.scale, args.seed)
    if args.out:
        write_sample(frames, Path(args.out))
        _say(f"Geschreven naar {args.out}")
        return 0
    with tempfile.TemporaryDirectory(prefix="groepsbeeld-sample-") as tmp:
        write_sample(frames, Path(tmp))
        _report(load_folder(_engine(args), Path(tmp), replace=args.vervang, progress=_say))
    return 0


def _cmd_assets(args: argparse.Namespace) -> int:
    target = Path(args.doel)
    written = install_assets(target)
    _say(f"{len(written)} kaartbestanden staan klaar in {target}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Groepsbeeld: beheer van de database en de voorbeeldgegevens.",
    )
    parser.add_argument("--database-url", help="SQLAlchemy-URL; standaard DATABASE_URL of SQLite")
    sub = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")

    init = sub.add_parser("init-db", help="maak of migreer de database")
    init.add_argument("--voorbeeld", action="store_true", help="laad sample_data/ als de database leeg is")
    init.set_defaults(run=_cmd_init_db)

    load = sub.add_parser("load", help="laad een map met CSV-bestanden in het importformaat")
    load.add_argument("map", help="map met de CSV-bestanden (zie sample_data/README.md)")
    load.add_argument("--vervang", action="store_true", help="vervang de bestaande gegevens")
    load.set_defaults(run=_cmd_load)

    sample = sub.add_parser("sample", help="maak fictieve voorbeeldgegevens")
    sample.add_argument("--scale", choices=["regio", "land"], default="regio", help="omvang")
    sample.add_argument("--seed", type=int, default=7, help="startgetal; zelfde seed, zelfde gegevens")
    sample.add_argument("--out", help="schrijf CSV-bestanden naar deze map in plaats van te laden")
    sample.add_argument("--vervang", action="store_true", help="vervang de bestaande gegevens")
    sample.set_defaults(run=_cmd_sample)

    assets = sub.add_parser("assets", help="haal de kaartscripts op (Leaflet) die de app zelf serveert")
    assets.add_argument("--doel", default=str(STATIC_VENDOR), help="doelmap (standaard static/vendor)")
    assets.set_defaults(run=_cmd_assets)

    add_score_command(sub)
    add_report_command(sub)
    add_audit_command(sub)
    add_backup_commands(sub)
    add_user_command(sub)
    add_import_command(sub)
    add_privacy_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; user errors print a Dutch message and return 1."""
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (LoadError, AssetError, PolicyError) as error:
        _say(str(error))
    except SQLAlchemyError as error:
        _say(f"De database gaf een fout: {type(error).__name__}. Controleer DATABASE_URL en de rechten.")
    except OSError as error:
        _say(f"Bestand of map niet bruikbaar: {error.strerror} ({error.filename})")
    return 1
