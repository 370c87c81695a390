"""One benchmark figure and the table that shows them."""

from __future__ import annotations

import math
import os
import platform
from dataclasses import dataclass
from pathlib import Path

__all__ = ["NO_DATABASE", "Figure", "describe_machine", "once", "render_table"]

NO_DATABASE = "geen"  # the database column of a figure that touches no database (measured once)

_ONCE: set[str] = set()


def once(name: str) -> bool:
    """True the first time a run asks for `name`: for figures that touch no database, measured once."""
    if name in _ONCE:
        return False
    _ONCE.add(name)
    return True


@dataclass(frozen=True)
class Figure:
    """A measured value against its target (lower is better), on a database (None: the run's current one)."""

    meting: str
    waarde: float
    doel: float
    eenheid: str
    database: str | None = None

    @property
    def gehaald(self) -> bool:
        """Whether the value meets the target (a failed measurement, NaN, never does)."""
        return self.waarde <= self.doel


def _value(figure: Figure) -> str:
    return "fout" if math.isnan(figure.waarde) else f"{figure.waarde:.2f} {figure.eenheid}"


def render_table(figures: list[Figure]) -> str:
    """A Markdown table: figure, database, value, target, met."""
    lines = ["| meting | database | waarde | doel | gehaald |", "|---|---|---:|---:|:---:|"]
    for f in figures:
        met = "ja" if f.gehaald else "NEE"
        database = f.database or "?"
        lines.append(f"| {f.meting} | {database} | {_value(f)} | ≤ {f.doel:g} {f.eenheid} | {met} |")
    return "\n".join(lines)


def describe_machine() -> str:
    """The machine a run was on: architecture, CPU model, cores, memory and Python version."""
    cpuinfo = Path("/proc/cpuinfo")
    models = [
        line.split(":", 1)[1].strip()
        for line in (cpuinfo.read_text().splitlines() if cpuinfo.exists() else [])
        if line.startswith("model name")
    ]
    memory = ""
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory = f", {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GiB"
    cpu = f", {models[0]}" if models else ""
    return f"{platform.machine()}{cpu}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}"
