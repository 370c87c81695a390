"""The policy in force as a table, for the beheerder and the privacy officer to read."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from dashboard.domain import ROL_LABELS

if TYPE_CHECKING:
    from dashboard.policy.model import Deelbeleid

__all__ = ["describe_policy"]


def describe_policy(policy: Deelbeleid) -> pl.DataFrame:
    """One row per role: Rol, Organisatie, Permissies, Producten (with restricted fields), Grondslag, Doel."""
    rows = []
    for rol, beleid in policy.rollen.items():
        producten = [
            f"{product} ({', '.join(regel.velden)})" if regel.velden is not None else product
            for product, regel in beleid.producten.items()
        ]
        rows.append(
            {
                "Rol": ROL_LABELS[rol],
                "Organisatie": beleid.organisatie,
                "Permissies": ", ".join(sorted(beleid.permissies)),
                "Producten": "; ".join(producten) or "geen",
                "Grondslag": beleid.grondslag,
                "Doel": beleid.doel,
            }
        )
    return pl.DataFrame(rows)
