"""The offence categories of the sample and how often each occurs, by kind of offender."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.sample.frames import Columns, new_columns

if TYPE_CHECKING:
    from dashboard.sample.groups import Soort

__all__ = [
    "BACKGROUND_WEIGHTS",
    "CATEGORIES",
    "GROUP_WEIGHTS",
    "VICTIM_CHANCE",
    "build_category_columns",
]

# (categorie_code, naam, ernstgewicht): severity weights are defaults a region may recalibrate.
CATEGORIES: tuple[tuple[str, str, float], ...] = (
    ("overlast", "Overlast en ordeverstoring", 1.0),
    ("fietsdiefstal", "Fietsdiefstal", 1.5),
    ("drugsbezit", "Drugsbezit", 2.0),
    ("vernieling", "Vernieling", 2.0),
    ("winkeldiefstal", "Winkeldiefstal", 2.0),
    ("bedreiging", "Bedreiging", 4.0),
    ("inbraak", "Inbraak", 4.0),
    ("online_bedreiging", "Online bedreiging en intimidatie", 4.0),
    ("mishandeling", "Mishandeling", 5.0),
    ("drugshandel", "Drugshandel", 6.0),
    ("steekwapenbezit", "Bezit van een steekwapen", 6.0),
    ("straatroof", "Straatroof", 7.0),
    ("explosieven", "Explosieven (bezit of aanslag)", 8.0),
    ("zware_mishandeling", "Zware mishandeling", 8.0),
    ("vuurwapenbezit", "Bezit van een vuurwapen", 9.0),
)

# Relative frequency of each category in registrations of group members, by hidden group type.
GROUP_WEIGHTS: dict[Soort, dict[str, float]] = {
    "hinderlijk": {
        "overlast": 40, "vernieling": 20, "drugsbezit": 12, "winkeldiefstal": 10, "fietsdiefstal": 8,
        "bedreiging": 4, "mishandeling": 4, "online_bedreiging": 2,
    },
    "overlastgevend": {
        "overlast": 25, "vernieling": 15, "drugsbezit": 10, "winkeldiefstal": 10, "fietsdiefstal": 6,
        "bedreiging": 10, "mishandeling": 10, "online_bedreiging": 5, "inbraak": 3,
        "steekwapenbezit": 3, "straatroof": 2, "drugshandel": 1,
    },
    "crimineel": {
        "overlast": 6, "vernieling": 4, "drugsbezit": 6, "winkeldiefstal": 4, "fietsdiefstal": 1,
        "bedreiging": 10, "mishandeling": 8, "inbraak": 8, "online_bedreiging": 6, "drugshandel": 18,
        "steekwapenbezit": 10, "straatroof": 9, "zware_mishandeling": 4, "vuurwapenbezit": 3,
        "explosieven": 3,
    },
}  # fmt: skip

# Relative frequency of each category in registrations without a group member as suspect.
BACKGROUND_WEIGHTS: dict[str, float] = {
    "overlast": 20, "fietsdiefstal": 15, "winkeldiefstal": 15, "vernieling": 12, "inbraak": 10,
    "mishandeling": 8, "bedreiging": 6, "drugsbezit": 6, "online_bedreiging": 3, "straatroof": 2,
    "drugshandel": 1.5, "steekwapenbezit": 1.5, "zware_mishandeling": 1, "vuurwapenbezit": 0.5,
    "explosieven": 0.5,
}  # fmt: skip

# Chance that a registration of this category names a victim.
VICTIM_CHANCE: dict[str, float] = {
    "overlast": 0.1, "fietsdiefstal": 0.9, "drugsbezit": 0.0, "vernieling": 0.5, "winkeldiefstal": 0.2,
    "bedreiging": 0.95, "inbraak": 0.9, "online_bedreiging": 0.95, "mishandeling": 0.98,
    "drugshandel": 0.0, "steekwapenbezit": 0.05, "straatroof": 0.98, "explosieven": 0.4,
    "zware_mishandeling": 0.99, "vuurwapenbezit": 0.05,
}  # fmt: skip


def build_category_columns() -> Columns:
    """delictcategorieen.csv."""
    columns = new_columns("delictcategorieen.csv")
    for code, naam, gewicht in CATEGORIES:
        columns["categorie_code"].append(code)
        columns["naam"].append(naam)
        columns["ernstgewicht"].append(f"{gewicht:.1f}")
    return columns
