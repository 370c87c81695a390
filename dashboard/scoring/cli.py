"""The `score` subcommand: scores, band, type and flags per group; JSON adds contributions and advice."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from typing import TYPE_CHECKING, TextIO

from dashboard.access import Scope
from dashboard.scoring.config import ConfigError, load_config
from dashboard.scoring.inputs import dataset_peildatum, load_inputs
from dashboard.scoring.results import GroepScore, score_report
from dashboard.settings import Settings
from dashboard.storage.engine import create_db_engine, migrate

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["add_score_command", "render_csv", "render_json", "render_table", "run_score"]

_COLUMNS = (
    "groep_id",
    "werknaam",
    "gemeente_code",
    "ernst",
    "risico",
    "ontwikkeling",
    "impact",
    "prioriteit",
)


def _date(text: str) -> dt.date:
    """Read a JJJJ-MM-DD argument, or tell in Dutch what is wrong."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"'{text}' is geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-11-30"
        raise argparse.ArgumentTypeError(msg) from None


def _gemeente(text: str) -> str:
    """Read a CBS municipality code such as GM0344."""
    if not re.fullmatch(r"GM\d{4}", text):
        msg = f"'{text}' is geen gemeentecode; gebruik GM gevolgd door vier cijfers, bijvoorbeeld GM0344"
        raise argparse.ArgumentTypeError(msg)
    return text


def add_score_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `score` on the main parser's subcommands."""
    score = sub.add_parser("score", help="scores, band, type en vlaggen per groep op een peildatum")
    score.add_argument("--peildatum", type=_date, help="JJJJ-MM-DD; standaard de peildatum van de gegevens")
    score.add_argument(
        "--gemeente", type=_gemeente, action="append", help="alleen groepen van deze gemeente (herhaalbaar)"
    )
    score.add_argument("--format", choices=["table", "json", "csv"], default="table", help="uitvoervorm")
    score.add_argument("--config", help="eigen scoring.toml; standaard de meegeleverde instellingen")
    score.set_defaults(run=run_score)


def _value(value: object) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def _row(result: GroepScore) -> list[str]:
    data = result.model_dump()
    flags = ",".join(vlag.code for vlag in result.vlaggen)
    return [_value(data[c]) for c in _COLUMNS] + [result.band, result.type or "-", flags]


def render_table(results: Sequence[GroepScore], out: TextIO) -> None:
    """A fixed-width table, one line per group."""
    header = [
        "groep",
        "naam",
        "gemeente",
        "ernst",
        "risico",
        "ontw.",
        "impact",
        "prio",
        "band",
        "type",
        "vlaggen",
    ]
    rows = [header] + [_row(result) for result in results]
    rows = [[row[0], row[1][:32], *row[2:]] for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    numeric = range(3, 8)  # the five scores are right-aligned
    for row in rows:
        cells = [
            cell.rjust(width) if i in numeric else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row[:-1], widths, strict=True))
        ]
        out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")


def render_csv(results: Sequence[GroepScore], out: TextIO) -> None:
    """CSV with a header: the table's columns, flags separated by ';'."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*_COLUMNS, "band", "type", "vlaggen"])
    for result in results:
        row = _row(result)
        writer.writerow([*row[:-1], row[-1].replace(",", ";")])


def render_json(results: Sequence[GroepScore], peildatum: dt.date, out: TextIO) -> None:
    """JSON: the peildatum and per group everything, including contributions and advice."""
    document = {"peildatum": peildatum.isoformat(), "groepen": [r.model_dump(mode="json") for r in results]}
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def run_score(args: argparse.Namespace) -> int:
    """Score the groups of the database and print them in the chosen format."""
    try:
        config = load_config(args.config)
    except ConfigError as error:
        print(error, file=sys.stderr)  # noqa: T201  (the CLI's messages go to stderr)
        return 1
    engine = create_db_engine(args.database_url or Settings().database_url)
    migrate(engine)
    peildatum = args.peildatum or dataset_peildatum(engine) or dt.datetime.now(tz=dt.UTC).date()
    scope = Scope(type="gemeente", codes=frozenset(args.gemeente)) if args.gemeente else Scope(type="land")
    results = score_report(load_inputs(engine, scope, peildatum), peildatum, config)
    print(f"Peildatum {peildatum.isoformat()}, {scope.describe()}: {len(results)} groepen", file=sys.stderr)  # noqa: T201
    if args.format == "json":
        render_json(results, peildatum, sys.stdout)
    elif args.format == "csv":
        render_csv(results, sys.stdout)
    else:
        render_table(results, sys.stdout)
    return 0
