"""The measured facts per group and peildatum that the components turn into points."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

from dashboard.domain import DIMENSIES
from dashboard.scoring.members import active_members, member_events, structure
from dashboard.scoring.nearby import meldingen_near
from dashboard.scoring.ratings import KEY, latest_scans, rating_table

if TYPE_CHECKING:
    from dashboard.scoring.config import ScoringConfig
    from dashboard.scoring.inputs import ScoringInputs

__all__ = ["Evidence", "gather_evidence"]


@dataclass(frozen=True)
class Evidence:
    """The facts behind the scores of a set of targets (groep_id, peildatum).

    features: one row per target (see _features). ratings: see ratings.rating_table.
    suspect_events: one row per target and suspect registration in the two windows (venster,
    categorie_code, ernstgewicht, verval). members: active members with verdenkingen (current window),
    max_ernstgewicht. hangplekken: per target and hangplek, its meldingen in the window.
    """

    features: pl.DataFrame
    ratings: pl.DataFrame
    suspect_events: pl.DataFrame
    members: pl.DataFrame
    hangplekken: pl.DataFrame


def _levels(ratings: pl.DataFrame) -> pl.DataFrame:
    """Per target: heeft_beoordeling, beoordeling_delta and the score per dimension (niveau_<dim>)."""
    delta = pl.col("score") - pl.col("vorige_score").fill_null(0)
    return ratings.group_by(KEY).agg(
        heeft_beoordeling=pl.lit(value=True),
        beoordeling_delta=delta.sum(),
        **{f"niveau_{d}": pl.col("score").filter(pl.col("dimensie") == d).max() for d in DIMENSIES},
    )


def _registration_totals(suspects: pl.DataFrame) -> pl.DataFrame:
    """Per target: registraties (current window), gewicht_huidig and gewicht_vorig (undecayed)."""
    current = pl.col("venster") == "huidig"
    return suspects.group_by(KEY).agg(
        registraties=current.sum(),
        gewicht_huidig=pl.col("ernstgewicht").filter(current).sum(),
        gewicht_vorig=pl.col("ernstgewicht").filter(pl.col("venster") == "vorig").sum(),
    )


def _member_stats(members: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """Active members with verdenkingen and max_ernstgewicht (current window) and met_gegevens (any)."""
    current = events.filter(pl.col("rol") == "verdachte", pl.col("venster") == "huidig")
    per_member = current.group_by([*KEY, "persoon_id"]).agg(
        verdenkingen=pl.col("registratienummer").n_unique(), max_ernstgewicht=pl.col("ernstgewicht").max()
    )
    known = events.select(*KEY, "persoon_id").unique().with_columns(met_gegevens=pl.lit(value=True))
    return (
        members.join(per_member, on=[*KEY, "persoon_id"], how="left")
        .join(known, on=[*KEY, "persoon_id"], how="left")
        .with_columns(
            pl.col("verdenkingen").fill_null(0),
            pl.col("max_ernstgewicht").fill_null(0.0),
            pl.col("met_gegevens").fill_null(value=False),
        )
    )


def _hangplek_counts(inputs: ScoringInputs, targets: pl.DataFrame, config: ScoringConfig) -> pl.DataFrame:
    """Per target and hangplek: naam and meldingen within the radius in the window (distinct per group)."""
    pairs = meldingen_near(inputs.hangplekken, inputs.meldingen, config.impact.straal_m)
    start = pl.col("peildatum").dt.offset_by(f"-{config.vensters.maanden}mo")
    counts = (
        targets.select(KEY)
        .join(pairs, on="groep_id")
        .filter(pl.col("datum") <= pl.col("peildatum"), pl.col("datum") > start)
        .group_by([*KEY, "hangplek_id"])
        .agg(meldingen=pl.len(), melding_ids=pl.col("melding_id"))
    )
    return (
        targets.select(KEY)
        .join(inputs.hangplekken.select("hangplek_id", "groep_id", "naam"), on="groep_id")
        .join(counts, on=[*KEY, "hangplek_id"], how="left")
        .with_columns(pl.col("meldingen").fill_null(0))
    )


def _features(targets: pl.DataFrame, parts: list[pl.DataFrame]) -> pl.DataFrame:
    """Targets joined with every per-target part; counts without rows become 0."""
    features = targets
    for part in parts:
        features = features.join(part, on=KEY, how="left")
    counts = ["leden", "leiders", "kern", "overlap_leden", "registraties", "verdachte_leden", "meldingen"]
    counts += ["zwaar_verdachte_leden", "leden_met_gegevens", "hangplekken", "beoordeling_delta"]
    return features.with_columns(
        pl.col(counts).fill_null(0),
        pl.col("gewicht_huidig", "gewicht_vorig").fill_null(0.0),
        pl.col("heeft_beoordeling").fill_null(value=False),
    )


def gather_evidence(inputs: ScoringInputs, targets: pl.DataFrame, config: ScoringConfig) -> Evidence:
    """Measure everything scoring needs for each target; targets need groep_id and peildatum."""
    scans = latest_scans(inputs.scans, targets)
    ratings = rating_table(inputs.beoordelingen, scans).join(
        scans.select(*KEY, "vorige_scan_datum"), on=KEY, how="left"
    )
    members = active_members(inputs.leden, targets)
    events = member_events(
        members, inputs.registraties, inputs.categorieen,
        maanden=config.vensters.maanden, halfwaarde_maanden=config.vensters.halfwaarde_maanden,
    )  # fmt: skip
    suspects = (
        events.filter(pl.col("rol") == "verdachte", pl.col("venster").is_not_null())
        .unique([*KEY, "registratienummer"], keep="first")  # one registration counts once per group
        .drop("persoon_id", "rol")
    )
    member_stats = _member_stats(members, events)
    serious = (pl.col("verdenkingen") > 0) & (
        pl.col("max_ernstgewicht") >= config.type.crimineel_zwaar_ernstgewicht
    )
    per_member = member_stats.group_by(KEY).agg(
        verdachte_leden=(pl.col("verdenkingen") > 0).sum(),
        zwaar_verdachte_leden=serious.sum(),
        leden_met_gegevens=pl.col("met_gegevens").sum(),
    )
    hangplekken = _hangplek_counts(inputs, targets, config)
    melding_totals = hangplekken.group_by(KEY).agg(
        hangplekken=pl.len(), meldingen=pl.col("melding_ids").explode().drop_nulls().n_unique()
    )
    parts = [scans, structure(members), _registration_totals(suspects), per_member, melding_totals]
    features = _features(targets, [*parts, _levels(ratings)])
    return Evidence(features, ratings, suspects, member_stats, hangplekken.drop("melding_ids"))
