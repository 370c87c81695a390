"""Run all benchmarks and print their table with the machine they ran on."""

from __future__ import annotations

import os
import platform
import sys

from benchmarks import browser, foundation, maps, pages, reports, scoring
from benchmarks.results import Figure, render_table

MODULES = (foundation, scoring, maps, pages, reports, browser)


def main() -> int:
    """Measure everything; exit 1 when a target is missed."""
    figures: list[Figure] = []
    for module in MODULES:
        print(f"meten: {module.__name__} ...", file=sys.stderr, flush=True)
        figures += module.measure()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(render_table(figures))
    return 0 if all(figure.gehaald for figure in figures) else 1


sys.exit(main())
