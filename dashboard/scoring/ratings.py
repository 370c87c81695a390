"""The groepsscan ratings that count at a peildatum: the latest scan and the one before it."""

from __future__ import annotations

import polars as pl

__all__ = ["KEY", "latest_scans", "rating_table"]

KEY = ["groep_id", "peildatum"]
"""Every scoring frame is keyed by group and peildatum, so one pass scores many dates at once."""


def latest_scans(scans: pl.DataFrame, targets: pl.DataFrame) -> pl.DataFrame:
    """Per target, the latest scan on or before the peildatum and the one before it.

    Needs scans (scan_id, groep_id, datum) and targets (groep_id, peildatum). Produces groep_id,
    peildatum, scan_id, scan_datum, vorige_scan_id, vorige_scan_datum (null when absent); only targets
    that have a scan.
    """
    ranked = (
        targets.join(scans, on="groep_id")
        .filter(pl.col("datum") <= pl.col("peildatum"))
        .sort([*KEY, "datum", "scan_id"], descending=[False, False, True, True])
        .with_columns(volgnummer=pl.int_range(pl.len()).over(KEY))
        .filter(pl.col("volgnummer") < 2)  # noqa: PLR2004  (the latest scan and the one before it)
    )
    current = ranked.filter(pl.col("volgnummer") == 0).select(
        *KEY, "scan_id", pl.col("datum").alias("scan_datum")
    )
    previous = ranked.filter(pl.col("volgnummer") == 1).select(
        *KEY, pl.col("scan_id").alias("vorige_scan_id"), pl.col("datum").alias("vorige_scan_datum")
    )
    return current.join(previous, on=KEY, how="left")


def rating_table(beoordelingen: pl.DataFrame, scans: pl.DataFrame) -> pl.DataFrame:
    """The ratings of each target's latest scan, with the previous scan's score of the same dimension.

    Needs beoordelingen (scan_id, dimensie, score, bronnen, laatst_waargenomen) and the output of
    latest_scans. Produces groep_id, peildatum, scan_datum, dimensie, score, bronnen, aantal_bronnen,
    laatst_waargenomen, vorige_score (null without a previous scan or rating).
    """
    previous = beoordelingen.select(
        pl.col("scan_id").alias("vorige_scan_id"), "dimensie", pl.col("score").alias("vorige_score")
    )
    sources = pl.col("bronnen").str.split(";").list.eval(pl.element().str.strip_chars())
    return (
        scans.join(beoordelingen, on="scan_id")
        .join(previous, on=["vorige_scan_id", "dimensie"], how="left")
        .select(
            *KEY,
            "scan_datum",
            "dimensie",
            "score",
            "bronnen",
            aantal_bronnen=sources.list.eval(pl.element().filter(pl.element() != "")).list.len(),
            laatst_waargenomen="laatst_waargenomen",
            vorige_score="vorige_score",
        )
    )
