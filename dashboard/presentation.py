"""How values look to users: band colours and symbols, Dutch labels, Dutch number and date formats.

One place for these, so the map, the tables, the charts and the reports all agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import polars as pl

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

__all__ = [
    "BAND_COLOURS",
    "BAND_ORDER",
    "BAND_SYMBOLS",
    "DEELSCORE_HELP",
    "DEELSCORE_LABELS",
    "band_descriptions",
    "band_label",
    "format_date",
    "format_number",
    "format_trend",
    "leden",
    "text_of",
]

BAND_ORDER: Final = ("hoog", "midden", "laag", "geen groepsaanpak", "onvoldoende gegevens")

# Okabe-Ito colours (distinguishable with the common colour-vision deficiencies); every use also shows
# the symbol and the word, so colour is never the only carrier of meaning.
BAND_COLOURS: Final = {
    "hoog": "#D55E00",
    "midden": "#E69F00",
    "laag": "#56B4E9",
    "geen groepsaanpak": "#999999",
    "onvoldoende gegevens": "#FFFFFF",
}
BAND_SYMBOLS: Final = {
    "hoog": "▲",
    "midden": "◆",
    "laag": "●",
    "geen groepsaanpak": "○",
    "onvoldoende gegevens": "?",
}


def band_descriptions(hoog: float, midden: float, laag: float) -> dict[str, str]:
    """What each band means, with the thresholds of the scoring configuration in use."""
    h, m, low = (format_number(value) for value in (hoog, midden, laag))
    return {
        "hoog": f"Prioriteitsscore {h} of hoger: groepsaanpak met voorrang.",
        "midden": f"Prioriteitsscore {m} tot {h}: groepsaanpak.",
        "laag": f"Prioriteitsscore {low} tot {m}: lichte interventies, volgen.",
        "geen groepsaanpak": f"Prioriteitsscore onder {low}, of in stap 2A niet problematisch bevonden.",
        "onvoldoende gegevens": "Geen beoordeling en geen registraties: de gegevens dragen geen band.",
    }


DEELSCORE_LABELS: Final = {
    "ernst": "Ernst",
    "risico": "Risico",
    "ontwikkeling": "Ontwikkeling",
    "impact": "Impact",
    "prioriteit": "Prioriteit",
}
DEELSCORE_HELP: Final = {
    "ernst": "Hoe ernstig is het gedrag? Beoordelingen en registraties als verdachte (0-100).",
    "risico": "Kans op escalatie: wapens, drugshandel, structuur, overlap met andere groepen (0-100).",
    "ontwikkeling": "Verergert het? Stijging sinds de vorige scan en het vorige jaar (0-100).",
    "impact": "Wat merkt de buurt? Meldingen jeugdoverlast rond de hangplekken (0-100).",
    "prioriteit": "Gewogen som van de vier deelscores (0-100); bepaalt de band. Zie docs/methode.md.",
}


def band_label(band: str) -> str:
    """The band with its symbol, e.g. '▲ hoog'."""
    return f"{BAND_SYMBOLS.get(band, '')} {band}".strip()


def format_number(value: float | None, decimals: int = 0) -> str:
    """Dutch number format: 1.234,5; an em dash for unknown."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def format_trend(change: float | None) -> str:
    """A change in score with an arrow: '↑ +4', '↓ -3', '→ 0'; unknown as em dash."""
    if change is None:
        return "—"
    rounded = round(change)
    arrow = "↑" if rounded > 0 else "↓" if rounded < 0 else "→"
    return f"{arrow} {rounded:+d}".replace("+0", "0")


_MONTHS: Final = (
    "jan.",
    "feb.",
    "mrt.",
    "apr.",
    "mei",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
)


def format_date(value: dt.date | None, *, short: bool = False) -> str:
    """Dutch date: '30 nov. 2026', or '30-11-2026' when short; unknown as em dash."""
    if value is None:
        return "—"
    if short:
        return value.strftime("%d-%m-%Y")
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def leden(aantal: int) -> str:
    """A count of members in Dutch: '1 lid', '18 leden'."""
    return f"{aantal} {'lid' if aantal == 1 else 'leden'}"


def text_of(values: pl.Series, func: Callable[[Any], str | None], *, skip_nulls: bool = True) -> pl.Series:
    """Each value turned into text by a Python function, in the calling thread.

    Never `map_elements`: polars runs that in its own worker threads, which then hold the GIL; with
    several Streamlit sessions calling polars at once, the app server deadlocked (docs/performance.md).
    """
    texts = [None if v is None and skip_nulls else func(v) for v in values.to_list()]
    return pl.Series(values.name, texts, dtype=pl.String)
