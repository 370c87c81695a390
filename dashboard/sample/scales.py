"""The two sample scales and the numbers that set their size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["SCALES", "Scale", "ScaleConfig"]

Scale = Literal["regio", "land"]


@dataclass(frozen=True, slots=True)
class ScaleConfig:
    """How big a sample is: its history, its number of groups and its background crime."""

    schaal: Scale
    naam: str
    history_years: int
    groups: tuple[int, int]
    """The number of groups is drawn from this inclusive range."""
    background_per_1000: float
    """Registrations per 1,000 inhabitants per year that involve no group member as suspect."""


SCALES: dict[Scale, ScaleConfig] = {
    # The region keeps its background small so the committed CSV files stay a few megabytes.
    "regio": ScaleConfig("regio", "Fictieve gegevens eenheid Midden-Nederland", 3, (46, 54), 1.5),
    # Nationally the background brings the registrations over 500,000 in five years.
    "land": ScaleConfig("land", "Fictieve gegevens Nederland (10 eenheden)", 5, (990, 1010), 5.7),
}
