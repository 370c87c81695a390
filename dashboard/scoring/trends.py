"""Trends: score history per group, monthly series, groups per band over time, groups per 10,000 youths."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import polars as pl

from dashboard.scoring.members import active_members
from dashboard.scoring.nearby import meldingen_near
from dashboard.scoring.ratings import KEY
from dashboard.scoring.scores import BANDEN, DEELSCORES, score_targets, targets_at

if TYPE_CHECKING:
    from dashboard.scoring.config import ScoringConfig
    from dashboard.scoring.inputs import ScoringInputs

__all__ = ["band_counts", "groups_per_youth", "month_ends", "monthly_series", "score_history"]

HISTORY_COLUMNS = [*KEY, "werknaam", *DEELSCORES, "prioriteit", "band", "type"]


def score_history(inputs: ScoringInputs, config: ScoringConfig) -> pl.DataFrame:
    """Every group's scores at each of its scan dates: HISTORY_COLUMNS, sorted by group and date."""
    targets = inputs.scans.select("groep_id", peildatum=pl.col("datum")).unique()
    return score_targets(inputs, targets, config).scores.select(HISTORY_COLUMNS)


def month_ends(peildatum: dt.date, months: int) -> list[dt.date]:
    """The last day of each of the `months` months up to and including the peildatum's month, oldest first."""
    first = dt.date(peildatum.year, peildatum.month, 1)
    starts = pl.date_range(first, first, "1mo", eager=True).dt.offset_by(f"-{months - 1}mo")
    series = pl.date_range(starts[0], first, "1mo", eager=True).dt.month_end()
    return [min(day, peildatum) for day in series.to_list()]


def _month_grid(groups: pl.Series, peildatum: dt.date, months: int) -> pl.DataFrame:
    starts = pl.Series("maand", [dt.date(d.year, d.month, 1) for d in month_ends(peildatum, months)])
    return pl.DataFrame(groups.alias("groep_id")).join(pl.DataFrame(starts), how="cross")


def monthly_series(
    inputs: ScoringInputs, peildatum: dt.date, config: ScoringConfig, months: int = 24
) -> pl.DataFrame:
    """Per group and month: registraties (as suspect, of the members at the peildatum) and meldingen.

    Produces groep_id, maand (first day), registraties, meldingen; months without events hold 0.
    """
    targets = targets_at(inputs.groepen, peildatum)
    members = active_members(inputs.leden, targets).select("groep_id", "persoon_id")
    registrations = (
        members.join(inputs.registraties.filter(pl.col("rol") == "verdachte"), on="persoon_id")
        .unique(["groep_id", "registratienummer"])
        .group_by("groep_id", maand=pl.col("datum").dt.truncate("1mo"))
        .agg(registraties=pl.len())
    )
    pairs = meldingen_near(inputs.hangplekken, inputs.meldingen, config.impact.straal_m)
    meldingen = (
        pairs.select("groep_id", "melding_id", "datum")
        .unique(["groep_id", "melding_id"])
        .group_by("groep_id", maand=pl.col("datum").dt.truncate("1mo"))
        .agg(meldingen=pl.len())
    )
    grid = _month_grid(targets["groep_id"], peildatum, months)
    return (
        grid.join(registrations, on=["groep_id", "maand"], how="left")
        .join(meldingen, on=["groep_id", "maand"], how="left")
        .with_columns(pl.col("registraties", "meldingen").fill_null(0))
        .sort("groep_id", "maand")
    )


def band_counts(inputs: ScoringInputs, dates: list[dt.date], config: ScoringConfig) -> pl.DataFrame:
    """Per date and band, the number of active groups (every band present, 0 when empty), in one pass."""
    targets = pl.concat([targets_at(inputs.groepen, day) for day in dates])
    scores = score_targets(inputs, targets, config).scores
    grid = pl.DataFrame({"peildatum": dates}, schema={"peildatum": pl.Date}).join(
        pl.DataFrame({"band": list(BANDEN)}), how="cross"
    )
    counts = scores.group_by("peildatum", "band").agg(groepen=pl.len())
    return (
        grid.join(counts, on=["peildatum", "band"], how="left")
        .with_columns(pl.col("groepen").fill_null(0))
        .sort("peildatum", pl.col("band").replace_strict({b: i for i, b in enumerate(BANDEN)}))
    )


def groups_per_youth(scores: pl.DataFrame, gemeenten: pl.DataFrame) -> pl.DataFrame:
    """Per municipality: groepen, geprioriteerd (hoog or midden) and groepen per 10,000 youths (12-23).

    Needs scores (gemeente_code, band) and gemeenten (gemeente_code, naam, jongeren_12_23); the rate is
    null where the number of youths is unknown or zero.
    """
    counts = scores.group_by("gemeente_code").agg(
        groepen=pl.len(), geprioriteerd=pl.col("band").is_in(["hoog", "midden"]).sum()
    )
    youths = pl.col("jongeren_12_23")
    return (
        gemeenten.join(counts, on="gemeente_code", how="left")
        .with_columns(pl.col("groepen", "geprioriteerd").fill_null(0))
        .with_columns(
            groepen_per_10000=pl.when(youths > 0).then(10_000 * pl.col("groepen") / youths).otherwise(None)
        )
        .sort("gemeente_code")
    )
