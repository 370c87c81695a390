"""One benchmark figure and the table that shows them."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Figure", "render_table"]


@dataclass(frozen=True)
class Figure:
    """A measured value against its target (lower is better)."""

    meting: str
    waarde: float
    doel: float
    eenheid: str

    @property
    def gehaald(self) -> bool:
        """Whether the value meets the target."""
        return self.waarde <= self.doel


def render_table(figures: list[Figure]) -> str:
    """A Markdown table: figure, value, target, met."""
    lines = ["| meting | waarde | doel | gehaald |", "|---|---:|---:|:---:|"]
    for f in figures:
        met = "ja" if f.gehaald else "NEE"
        lines.append(f"| {f.meting} | {f.waarde:.2f} {f.eenheid} | ≤ {f.doel:g} {f.eenheid} | {met} |")
    return "\n".join(lines)
