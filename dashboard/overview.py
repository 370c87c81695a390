"""Key figures of a scope for the overview page: bands now and a quarter ago, overdue scans, decisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

from dashboard.domain import STAP_LABELS, STAPPEN
from dashboard.scoring.trends import band_counts

if TYPE_CHECKING:
    import datetime as dt

    from dashboard.scoring.service import ScopeScores

__all__ = ["OVERDUE_FLAGS", "ScopeOverview", "quarter_before", "summarise_scope"]

OVERDUE_FLAGS = ("geen_scan", "scan_verouderd")
AWAITING_DECISION = "4"  # stap 4: advies ligt bij de driehoek


@dataclass(frozen=True)
class ScopeOverview:
    """Key figures; per_band has band, nu, vorig_kwartaal, verschil; per_stap has stap (label), groepen."""

    peildatum: dt.date
    vorige_peildatum: dt.date
    groepen: int
    problematisch: int
    scan_achterstallig: int
    besluit_nodig: int
    per_band: pl.DataFrame
    per_stap: pl.DataFrame


def quarter_before(day: dt.date) -> dt.date:
    """The same day three months earlier (month end when that day does not exist)."""
    return pl.Series([day]).dt.offset_by("-3mo").item()  # type: ignore[no-any-return]


def _per_stap(groups: pl.DataFrame) -> pl.DataFrame:
    order = pl.DataFrame({"stap": list(STAPPEN), "label": [STAP_LABELS[s] for s in STAPPEN]})
    return (
        order.join(groups.group_by("stap").len("groepen"), on="stap", how="left")
        .with_columns(pl.col("groepen").fill_null(0))
        .select(pl.col("label").alias("stap"), "groepen")
    )


def _per_band(scores: ScopeScores, previous: dt.date) -> pl.DataFrame:
    counts = band_counts(scores.inputs, [previous, scores.peildatum], scores.config)
    wide = counts.pivot(on="peildatum", index="band", values="groepen", sort_columns=True)
    old, new = wide.columns[1], wide.columns[2]
    return wide.select(
        "band",
        nu=pl.col(new).cast(pl.Int64),
        vorig_kwartaal=pl.col(old).cast(pl.Int64),
        verschil=pl.col(new).cast(pl.Int64) - pl.col(old).cast(pl.Int64),
    )


def summarise_scope(scores: ScopeScores, agenda: pl.DataFrame | None = None) -> ScopeOverview:
    """Count groups, overdue scans of problematic groups and groups awaiting the driehoek's decision.

    agenda: the driehoek's agenda (process.agenda.load_agenda); without it, the groups in step 4 count.
    """
    groups = scores.groepen
    problematic = groups.filter(pl.col("beoordeling_2a") == "problematisch")
    overdue = scores.vlaggen.filter(pl.col("code").is_in(OVERDUE_FLAGS)).select("groep_id").unique()
    previous = quarter_before(scores.peildatum)
    return ScopeOverview(
        peildatum=scores.peildatum,
        vorige_peildatum=previous,
        groepen=groups.height,
        problematisch=problematic.height,
        scan_achterstallig=problematic.join(overdue, on="groep_id", how="semi").height,
        besluit_nodig=(
            agenda.height if agenda is not None else groups.filter(pl.col("stap") == AWAITING_DECISION).height
        ),
        per_band=_per_band(scores, previous),
        per_stap=_per_stap(groups),
    )
