"""Key figures of a set of groups, for the overview page and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from dashboard.domain import STAP_LABELS, STAPPEN

__all__ = ["GroupSummary", "summarise_groups"]

IN_AANPAK = ("5", "6")


@dataclass(frozen=True)
class GroupSummary:
    """Counts over a frame of groups; per_stap has columns stap (Dutch label) and groepen."""

    groepen: int
    problematisch: int
    in_aanpak: int
    gemeenten: int
    per_stap: pl.DataFrame


def summarise_groups(groups: pl.DataFrame) -> GroupSummary:
    """Count groups, problematic ones, those in approach, municipalities.

    Needs columns stap, beoordeling_2a and gemeente_code.
    """
    order = pl.DataFrame({"stap": list(STAPPEN), "label": [STAP_LABELS[s] for s in STAPPEN]})
    per_stap = (
        order.join(groups.group_by("stap").len("groepen"), on="stap", how="left")
        .with_columns(pl.col("groepen").fill_null(0))
        .select(pl.col("label").alias("stap"), "groepen")
    )
    return GroupSummary(
        groepen=groups.height,
        problematisch=groups.filter(pl.col("beoordeling_2a") == "problematisch").height,
        in_aanpak=groups.filter(pl.col("stap").is_in(IN_AANPAK)).height,
        gemeenten=groups.get_column("gemeente_code").n_unique(),
        per_stap=per_stap,
    )
