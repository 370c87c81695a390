"""The short texts the scan form uses: times at a hangplek ('di 19-21, vr 20-24') and people's names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import polars as pl
from sqlalchemy import select

from dashboard.access import require
from dashboard.storage.queries import read_frame
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy.engine import Engine

    from dashboard.access import Identity

__all__ = ["DAGEN", "format_times", "load_people", "parse_times"]

T = metadata.tables
DAGEN: Final = ("ma", "di", "wo", "do", "vr", "za", "zo")
_FULL: Final = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_SLOT = re.compile(r"^\s*([a-z]+)\.?\s+(\d{1,2})\s*(?:-|tot)\s*(\d{1,2})\s*(?:uur)?\s*$")


def format_times(times: Iterable[dict[str, int] | object]) -> str:
    """Times as 'di 19-21, vr 20-24' (weekdag 1 = maandag)."""
    parts = []
    for time in times:
        values = time if isinstance(time, dict) else vars(time)
        parts.append(f"{DAGEN[values['weekdag'] - 1]} {values['uur_van']}-{values['uur_tot']}")
    return ", ".join(parts)


def _weekday(word: str) -> int:
    for number, (short, full) in enumerate(zip(DAGEN, _FULL, strict=True), start=1):
        if word in {short, full}:
            return number
    msg = f"'{word}' is geen weekdag; gebruik ma, di, wo, do, vr, za of zo"
    raise ValueError(msg)


def parse_times(text: str) -> list[dict[str, int]]:
    """Read 'di 19-21, vr 20-24' (also 'dinsdag 19 tot 21 uur'; ',' or ';' between) into time dicts."""
    times = []
    for part in re.split(r"[,;]", text.lower()):
        if not part.strip():
            continue
        match = _SLOT.match(part)
        if match is None:
            msg = f"'{part.strip()}' is geen tijd; schrijf bijvoorbeeld 'di 19-21, vr 20-24'"
            raise ValueError(msg)
        times.append({"weekdag": _weekday(match[1]), "uur_van": int(match[2]), "uur_tot": int(match[3])})
    return times


def load_people(engine: Engine, identity: Identity, groep_id: str) -> pl.DataFrame:
    """persoon_id, naam, geboortedatum of everyone who ever was a member of the group ('namenlijst')."""
    require(identity, "namenlijst")
    persoon, lid = T["persoon"], T["lidmaatschap"]
    members = select(lid.c.persoon_id).where(lid.c.groep_id == groep_id).distinct()
    frame = read_frame(
        engine,
        select(persoon.c.persoon_id, persoon.c.voornaam, persoon.c.achternaam, persoon.c.geboortedatum).where(
            persoon.c.persoon_id.in_(members)
        ),
    )
    return frame.select(
        "persoon_id", pl.concat_str("voornaam", "achternaam", separator=" ").alias("naam"), "geboortedatum"
    ).sort("naam")
