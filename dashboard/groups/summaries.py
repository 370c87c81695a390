"""Pure summaries for the group page: hangplek times in Dutch, members by role and age, overlaps."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Final

import polars as pl

from dashboard.scoring.members import active_members

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence

__all__ = [
    "AGE_BANDS",
    "LID_ROL_LABELS",
    "format_times",
    "member_names",
    "summarise_members",
    "summarise_overlap",
    "summarise_times",
]

WEEKDAGEN: Final = ("ma", "di", "wo", "do", "vr", "za", "zo")  # weekdag 1 = maandag
LID_ROL_LABELS: Final = {"leider": "Leider", "kern": "Kern", "meeloper": "Meeloper", "aanhang": "Aanhang"}
# (lowest age, label); ages 12-23 are the werkproces' range, the outer bands catch the rest.
AGE_BANDS: Final = ((0, "onder 12"), (12, "12-14"), (15, "15-17"), (18, "18-20"), (21, "21-23"), (24, "24+"))

Interval = tuple[int, int]


def _merge(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Overlapping or touching hour ranges of one day merged, in order."""
    merged: list[Interval] = []
    for van, tot in sorted(intervals):
        if merged and van <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], tot))
        else:
            merged.append((van, tot))
    return tuple(merged)


def _day_ranges(days: Sequence[int]) -> str:
    """Weekdays as short Dutch ranges: [1, 2, 3, 5] -> 'ma-wo, vr'."""
    parts = []
    for _, run in groupby(enumerate(sorted(days)), key=lambda pair: pair[1] - pair[0]):
        members = [day for _, day in run]
        first, last = WEEKDAGEN[members[0] - 1], WEEKDAGEN[members[-1] - 1]
        parts.append(first if len(members) == 1 else f"{first}-{last}")
    return ", ".join(parts)


def format_times(rows: Iterable[tuple[int, int, int]]) -> str:
    """(weekdag, uur_van, uur_tot) rows in Dutch, e.g. 'vr-za 20-24 u; zo 15-18 u'; '—' without rows."""
    per_day: dict[int, list[Interval]] = {}
    for weekdag, van, tot in rows:
        per_day.setdefault(weekdag, []).append((van, tot))
    if not per_day:
        return "—"
    by_hours: dict[tuple[Interval, ...], list[int]] = {}
    for day in sorted(per_day):
        by_hours.setdefault(_merge(per_day[day]), []).append(day)
    parts = sorted(by_hours.items(), key=lambda item: item[1][0])
    return "; ".join(
        f"{_day_ranges(days)} {' en '.join(f'{van}-{tot}' for van, tot in hours)} u" for hours, days in parts
    )


def summarise_times(tijden: pl.DataFrame) -> pl.DataFrame:
    """hangplek_id, tijden (Dutch text) from hangplek_id, weekdag, uur_van, uur_tot."""
    rows: dict[str, list[tuple[int, int, int]]] = {}
    for row in tijden.iter_rows(named=True):
        rows.setdefault(row["hangplek_id"], []).append((row["weekdag"], row["uur_van"], row["uur_tot"]))
    return pl.DataFrame(
        {"hangplek_id": list(rows), "tijden": [format_times(value) for value in rows.values()]},
        schema={"hangplek_id": pl.String, "tijden": pl.String},
    )


def _age(peildatum: dt.date) -> pl.Expr:
    """Whole years between geboortedatum and the peildatum."""
    before_birthday = (pl.col("geboortedatum").dt.month() > peildatum.month) | (
        (pl.col("geboortedatum").dt.month() == peildatum.month)
        & (pl.col("geboortedatum").dt.day() > peildatum.day)
    )
    return (peildatum.year - pl.col("geboortedatum").dt.year() - before_birthday.cast(pl.Int32)).cast(
        pl.Int64
    )


def _age_band() -> pl.Expr:
    """The AGE_BANDS label of the leeftijd column (null stays null)."""
    label = pl.lit(AGE_BANDS[0][1])
    for low, name in AGE_BANDS[1:]:
        label = pl.when(pl.col("leeftijd") >= low).then(pl.lit(name)).otherwise(label)
    return pl.when(pl.col("leeftijd").is_not_null()).then(label)


def _active(leden: pl.DataFrame, groep_id: str, peildatum: dt.date) -> pl.DataFrame:
    targets = pl.DataFrame({"groep_id": [groep_id], "peildatum": [peildatum]})
    return active_members(leden, targets)


def summarise_members(
    leden: pl.DataFrame, birthdates: pl.DataFrame, groep_id: str, peildatum: dt.date
) -> pl.DataFrame:
    """rol, leeftijdsgroep, leden: active members at the peildatum counted by role and age band (no ids).

    Needs leden (persoon_id, groep_id, rol, van, tot) and birthdates (persoon_id, geboortedatum); every
    role and age band with members appears, in role order then age order.
    """
    members = _active(leden, groep_id, peildatum).join(birthdates, on="persoon_id", how="left")
    order = {label: index for index, (_, label) in enumerate(AGE_BANDS)}
    roles = {rol: index for index, rol in enumerate(LID_ROL_LABELS)}
    return (
        members.with_columns(leeftijd=_age(peildatum))
        .with_columns(leeftijdsgroep=_age_band().fill_null("onbekend"))
        .group_by("rol", "leeftijdsgroep")
        .agg(leden=pl.len())
        .sort(
            pl.col("rol").replace_strict(roles, default=len(roles)),
            pl.col("leeftijdsgroep").replace_strict(order, default=len(order)),
        )
    )


def member_names(
    leden: pl.DataFrame, names: pl.DataFrame, birthdates: pl.DataFrame, groep_id: str, peildatum: dt.date
) -> pl.DataFrame:
    """persoon_id, naam, rol, leeftijd, lid_sinds of the members active at the peildatum, by role and name."""
    members = _active(leden, groep_id, peildatum)
    since = (
        leden.filter(pl.col("groep_id") == groep_id, pl.col("van") <= peildatum)
        .group_by("persoon_id")
        .agg(lid_sinds=pl.col("van").min())
    )
    roles = {rol: index for index, rol in enumerate(LID_ROL_LABELS)}
    return (
        members.join(names, on="persoon_id", how="left")
        .join(birthdates, on="persoon_id", how="left")
        .join(since, on="persoon_id", how="left")
        .with_columns(naam=pl.concat_str("voornaam", "achternaam", separator=" "), leeftijd=_age(peildatum))
        .sort(pl.col("rol").replace_strict(roles, default=len(roles)), "naam")
        .select("persoon_id", "naam", "rol", "leeftijd", "lid_sinds")
    )


def summarise_overlap(leden: pl.DataFrame, groep_id: str, peildatum: dt.date) -> pl.DataFrame:
    """ander_groep_id, gedeelde_leden, personen (list): other groups its active members are also active in.

    Needs leden with every membership of the group's members; sorted by gedeelde_leden, then id.
    """
    members = _active(leden, groep_id, peildatum).select("persoon_id")
    active = (pl.col("van") <= peildatum) & (pl.col("tot").is_null() | (pl.col("tot") >= peildatum))
    return (
        leden.filter(active, pl.col("groep_id") != groep_id)
        .join(members, on="persoon_id", how="semi")
        .group_by(ander_groep_id="groep_id")
        .agg(gedeelde_leden=pl.col("persoon_id").n_unique(), personen=pl.col("persoon_id").unique())
        .sort("gedeelde_leden", "ander_groep_id", descending=[True, False])
    )
