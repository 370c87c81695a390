"""Run all benchmarks on SQLite and PostgreSQL and print their table with the machine they ran on.

Usage: python -m benchmarks [--database sqlite|postgresql|beide] [--alleen MODULE]
"""

from __future__ import annotations

import argparse
import inspect
import math
import sys
import traceback
from dataclasses import replace
from typing import TYPE_CHECKING

from benchmarks import browser, foundation, imports, load, maps, pages, reports, scoring
from benchmarks.land import BACKENDS, LABELS, Backend, postgresql_server
from benchmarks.results import Figure, describe_machine, render_table

if TYPE_CHECKING:
    from types import ModuleType

MODULES = (foundation, scoring, maps, pages, reports, imports, browser, load)
CHOICES: dict[str, tuple[Backend, ...]] = {
    "sqlite": ("sqlite",),
    "postgresql": ("postgresql",),
    "beide": BACKENDS,
}


def _name(module: ModuleType) -> str:
    return str(module.__name__).rsplit(".", 1)[-1]


def measure_module(module: ModuleType, backend: Backend) -> list[Figure]:
    """One module's figures on one database; a failure becomes a missed row, so the others still run."""
    takes_backend = bool(inspect.signature(module.measure).parameters)
    if not takes_backend and backend != "sqlite":  # a module that cannot be pointed at a database yet
        print(f"{_name(module)}: meet alleen op SQLite (measure() kent geen database)", file=sys.stderr)
        return []
    print(f"meten: {_name(module)} op {LABELS[backend]} ...", file=sys.stderr, flush=True)
    try:
        figures: list[Figure] = module.measure(backend) if takes_backend else module.measure()
    except Exception as error:  # noqa: BLE001  (one failed module must not hide the other figures)
        traceback.print_exc()
        reden = (str(error).strip().splitlines() or [type(error).__name__])[0]
        return [Figure(f"{_name(module)}: meting mislukt ({reden})", math.nan, 0, "", LABELS[backend])]
    return [figure if figure.database else replace(figure, database=LABELS[backend]) for figure in figures]


def interleave(per_backend: list[list[Figure]]) -> list[Figure]:
    """One module's rows with the same measurement on each database next to each other."""
    order: dict[str, int] = {}
    for figures in per_backend:
        for figure in figures:
            order.setdefault(figure.meting, len(order))
    rows = [(order[f.meting], position, f) for position, figures in enumerate(per_backend) for f in figures]
    return [figure for _, _, figure in sorted(rows, key=lambda row: row[:2])]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="prestatiemetingen")
    parser.add_argument("--database", choices=list(CHOICES), default="beide", help="standaard: beide")
    parser.add_argument("--alleen", choices=[_name(m) for m in MODULES], help="meet alleen deze module")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Measure everything on each database; exit 1 when a target is missed."""
    arguments = _arguments(argv)
    backends = list(CHOICES[arguments.database])
    versie, skipped = postgresql_server() if "postgresql" in backends else (None, None)
    if skipped:
        skipped = f"PostgreSQL-metingen overgeslagen: {skipped}."
        print(skipped, file=sys.stderr)
        backends.remove("postgresql")
    modules = [m for m in MODULES if arguments.alleen in (None, _name(m))]
    measured = {(_name(m), backend): measure_module(m, backend) for backend in backends for m in modules}
    figures = [f for m in modules for f in interleave([measured[_name(m), b] for b in backends])]
    databases = ", ".join(versie if b == "postgresql" and versie else LABELS[b] for b in backends)
    print(f"Machine: {describe_machine()}; databases: {databases or 'geen'}")
    print(render_table(figures))
    if skipped:
        print(f"\n{skipped}")
    return 0 if figures and all(figure.gehaald for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
