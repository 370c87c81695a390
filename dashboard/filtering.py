"""Filters over the scored groups of a scope, shared by the map and the prioritisation pages."""

from __future__ import annotations

import polars as pl
from pydantic import BaseModel, ConfigDict

__all__ = ["GroupFilter", "apply_group_filter"]


class GroupFilter(BaseModel):
    """Chosen values per column; an empty set means 'all'."""

    model_config = ConfigDict(frozen=True)

    gemeenten: frozenset[str] = frozenset()
    basisteams: frozenset[str] = frozenset()
    banden: frozenset[str] = frozenset()
    stappen: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        """Whether nothing is filtered."""
        return not (self.gemeenten or self.basisteams or self.banden or self.stappen)


def apply_group_filter(groups: pl.DataFrame, chosen: GroupFilter) -> pl.DataFrame:
    """Keep the groups matching every non-empty choice; needs gemeente_code, basisteam_code, band, stap."""
    conditions = [
        pl.col(column).is_in(sorted(values))
        for column, values in (
            ("gemeente_code", chosen.gemeenten),
            ("basisteam_code", chosen.basisteams),
            ("band", chosen.banden),
            ("stap", chosen.stappen),
        )
        if values
    ]
    return groups.filter(*conditions) if conditions else groups
