"""python -m dashboard report: export one product of one group as one user (every export has an actor).

`--product vergaderpakket` takes `--groep` more than once and writes one PDF for the triangle meeting.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.access import AccessDeniedError
from dashboard.reports.build import ReportError
from dashboard.reports.config import FORMATEN, PAKKET, PRODUCTEN
from dashboard.reports.docx import TemplateError
from dashboard.reports.models import Aanvraag
from dashboard.reports.pakket import build_vergaderpakket
from dashboard.reports.service import export_report
from dashboard.scoring.inputs import dataset_peildatum
from dashboard.settings import Settings
from dashboard.storage.engine import create_db_engine, migrate
from dashboard.storage.queries import load_identities

if TYPE_CHECKING:
    import argparse

    from sqlalchemy.engine import Engine

    from dashboard.access import Identity

__all__ = ["add_report_command"]


def _say(message: str) -> None:
    print(message, file=sys.stderr)  # noqa: T201  (the CLI's messages go to stderr)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _run(args: argparse.Namespace) -> int:
    engine = create_db_engine(args.database_url or Settings().database_url)
    migrate(engine)
    identity = next((i for i in load_identities(engine) if i.gebruiker_id == args.als), None)
    if identity is None:
        _say(f"Onbekende gebruiker: {args.als}. Kies een gebruiker_id uit de tabel gebruiker.")
        return 1
    peildatum = args.peildatum or dataset_peildatum(engine) or dt.datetime.now(tz=dt.UTC).date()
    if args.product == PAKKET:
        return _pakket(engine, identity, args, peildatum)
    if len(args.groep) != 1:
        _say("Geef precies één --groep; alleen een vergaderpakket bevat meerdere groepen.")
        return 1
    aanvraag = Aanvraag(
        identity=identity,
        groep_id=args.groep[0],
        peildatum=peildatum,
        product=args.product,
        aangemaakt=dt.datetime.now(tz=dt.UTC),
        ontvanger=args.ontvanger,
        advies_bewerkt=Path(args.advies).read_text(encoding="utf-8") if args.advies else None,
    )
    try:
        export = export_report(engine, aanvraag, args.format)
    except (AccessDeniedError, ReportError, TemplateError) as error:
        _say(f"Geweigerd: {error}")
        return 1
    Path(args.out).write_bytes(export.inhoud)
    _say(f"Geschreven: {args.out} (documentnummer {export.documentnummer}, vastgelegd in het exportlog)")
    return 0


def _pakket(engine: Engine, identity: Identity, args: argparse.Namespace, peildatum: dt.date) -> int:
    if args.format != "pdf":
        _say("Een vergaderpakket is er alleen als PDF: gebruik --format pdf.")
        return 1
    try:
        inhoud = build_vergaderpakket(engine, identity, args.groep, peildatum, ontvanger=args.ontvanger)
    except (AccessDeniedError, ReportError, TemplateError) as error:
        _say(f"Geweigerd: {error}")
        return 1
    Path(args.out).write_bytes(inhoud)
    _say(f"Geschreven: {args.out} ({len(args.groep)} groepen, per groep vastgelegd in het exportlog)")
    return 0


def add_report_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `report` on the main parser's subcommands."""
    report = sub.add_parser(
        "report", help="maak een rapportage, namenlijst, aanbiedingsbrief, groepsscan of vergaderpakket"
    )
    report.add_argument(
        "--groep",
        required=True,
        action="append",
        help="groep_id, bijvoorbeeld G-00012; voor een vergaderpakket meermaals (2 tot 20 groepen)",
    )
    report.add_argument("--product", required=True, choices=(*PRODUCTEN, PAKKET), help="welk document")
    report.add_argument("--format", required=True, choices=FORMATEN, help="bestandsformaat")
    report.add_argument("--out", required=True, help="doelbestand")
    report.add_argument("--als", required=True, help="gebruiker_id van wie de export maakt (verplicht)")
    report.add_argument("--peildatum", type=_date, help="JJJJ-MM-DD; standaard die van de gegevensset")
    report.add_argument("--ontvanger", help="ontvanger; standaard die van het product")
    report.add_argument("--advies", help="tekstbestand met het bewerkte advies")
    report.set_defaults(run=_run)
