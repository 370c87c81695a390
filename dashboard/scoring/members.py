"""Members at a peildatum: structure, overlap with other groups and their registrations as suspect."""

from __future__ import annotations

import polars as pl

from dashboard.scoring.ratings import KEY

__all__ = ["DAYS_PER_MONTH", "active_members", "member_events", "structure"]

DAYS_PER_MONTH = 30.436875
_ROLE_RANK = {"leider": 0, "kern": 1, "meeloper": 2, "aanhang": 3}


def _active_at(column: str = "peildatum") -> pl.Expr:
    """A membership (van, tot) that holds on the date in `column`."""
    return (pl.col("van") <= pl.col(column)) & (pl.col("tot").is_null() | (pl.col("tot") >= pl.col(column)))


def active_members(leden: pl.DataFrame, targets: pl.DataFrame) -> pl.DataFrame:
    """Per target, each member active at the peildatum once, in their highest role.

    Needs leden (persoon_id, groep_id, rol, van, tot) and targets (groep_id, peildatum).
    Produces groep_id, peildatum, persoon_id, rol, andere_groepen (other groups the person is active in).
    """
    members = (
        targets.join(leden, on="groep_id")
        .filter(_active_at())
        .with_columns(rang=pl.col("rol").replace_strict(_ROLE_RANK, return_dtype=pl.Int8))
        .group_by([*KEY, "persoon_id"])
        .agg(pl.col("rol").sort_by("rang").first())
    )
    elsewhere = (
        members.select(*KEY, "persoon_id")
        .join(leden.rename({"groep_id": "ander"}), on="persoon_id")
        .filter(_active_at(), pl.col("ander") != pl.col("groep_id"))
        .group_by([*KEY, "persoon_id"])
        .agg(andere_groepen=pl.col("ander").n_unique())
    )
    return members.join(elsewhere, on=[*KEY, "persoon_id"], how="left").with_columns(
        pl.col("andere_groepen").fill_null(0)
    )


def structure(members: pl.DataFrame) -> pl.DataFrame:
    """Per target: leden, leiders, kern (incl. leiders), overlap_leden (also active in another group)."""
    return members.group_by(KEY).agg(
        leden=pl.len(),
        leiders=(pl.col("rol") == "leider").sum(),
        kern=pl.col("rol").is_in(["leider", "kern"]).sum(),
        overlap_leden=(pl.col("andere_groepen") > 0).sum(),
    )


def member_events(
    members: pl.DataFrame,
    registraties: pl.DataFrame,
    categorieen: pl.DataFrame,
    *,
    maanden: int,
    halfwaarde_maanden: float,
) -> pl.DataFrame:
    """The registrations of active members up to each peildatum, in every role, with weight and decay.

    Produces groep_id, peildatum, persoon_id, registratienummer, rol, datum, categorie_code,
    ernstgewicht, venster ('huidig' = the window before the peildatum, 'vorig' = the window before
    that, null = older), verval (0.5 ** (age / half-life)).
    """
    start = pl.col("peildatum").dt.offset_by(f"-{maanden}mo")
    previous_start = pl.col("peildatum").dt.offset_by(f"-{2 * maanden}mo")
    age = (pl.col("peildatum") - pl.col("datum")).dt.total_days()
    return (
        members.select(*KEY, "persoon_id")
        .join(registraties, on="persoon_id")
        .filter(pl.col("datum") <= pl.col("peildatum"))
        .join(categorieen.select("categorie_code", "ernstgewicht"), on="categorie_code", how="left")
        .with_columns(
            pl.col("ernstgewicht").fill_null(0.0),
            venster=pl.when(pl.col("datum") > start)
            .then(pl.lit("huidig"))
            .when(pl.col("datum") > previous_start)
            .then(pl.lit("vorig")),
            verval=pl.lit(0.5).pow(age / (halfwaarde_maanden * DAYS_PER_MONTH)),
        )
    )
