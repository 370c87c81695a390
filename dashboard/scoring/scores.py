"""Scores per group and peildatum: sub-scores, priority, band and legacy type, all from contributions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

import polars as pl

from dashboard.scoring.components import (
    COMPONENT_COLUMNS,
    development_components,
    impact_components,
    rating_components,
    registration_components,
    risk_components,
)
from dashboard.scoring.features import Evidence, gather_evidence
from dashboard.scoring.ratings import KEY

if TYPE_CHECKING:
    import datetime as dt

    from dashboard.domain import Dimensie
    from dashboard.scoring.config import ScoringConfig
    from dashboard.scoring.inputs import ScoringInputs

__all__ = [
    "BANDEN",
    "DEELSCORES",
    "TYPES",
    "Band",
    "ScoreSet",
    "score_groups",
    "score_targets",
    "targets_at",
]

Band = Literal["hoog", "midden", "laag", "geen groepsaanpak", "onvoldoende gegevens"]
BANDEN: tuple[Band, ...] = get_args(Band)
DEELSCORES = ("ernst", "risico", "ontwikkeling", "impact")
TYPES = ("hinderlijk", "overlastgevend", "crimineel")
_DIGITS = 9  # scores are exact to 1e-9, whatever the order of float additions


@dataclass(frozen=True)
class ScoreSet:
    """Scores of a set of targets with everything that explains them.

    scores: one row per target: groep_id, peildatum, werknaam, gemeente_code, the four sub-scores,
        prioriteit, band, type, and the features. bijdragen: COMPONENT_COLUMNS plus punten_deelscore
        (points inside the sub-score after capping) and punten (points in the priority score).
    """

    scores: pl.DataFrame
    bijdragen: pl.DataFrame
    evidence: Evidence


def targets_at(groepen: pl.DataFrame, peildatum: dt.date) -> pl.DataFrame:
    """The groups active at a peildatum (signalled on or before it, approach not ended) as targets."""
    ended = pl.col("aanpak_beeindigd").is_not_null() & (pl.col("aanpak_beeindigd") <= peildatum)
    return groepen.filter(pl.col("eerste_signaal") <= peildatum, ~ended).select(
        "groep_id", peildatum=pl.lit(peildatum, dtype=pl.Date)
    )


def _components(evidence: Evidence, inputs: ScoringInputs, config: ScoringConfig) -> pl.DataFrame:
    """Every component with points above zero, in a stable order."""
    current = evidence.suspect_events.filter(pl.col("venster") == "huidig")
    features = evidence.features
    frames = [
        rating_components(evidence.ratings, config),
        registration_components(current, inputs.categorieen, config),
        risk_components(features, config),
        development_components(features, config),
        impact_components(features, config),
    ]
    # A fixed order keeps float sums identical whatever else is in the frames.
    # Rounding to 1e-9 removes the last-bit noise of vectorised float arithmetic.
    components = pl.concat([frame.select(COMPONENT_COLUMNS) for frame in frames]).with_columns(
        pl.col("punten").round(_DIGITS)
    )
    return components.filter(pl.col("punten") > 0).sort([*KEY, "deelscore", "component", "bewijs"])


def _combine(components: pl.DataFrame, config: ScoringConfig) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Sub-scores (sum of points, capped at 100) and contributions scaled into the priority score."""
    weights = config.prioriteit.model_dump()
    raw = pl.col("punten").sum().over([*KEY, "deelscore"])
    bijdragen = components.with_columns(
        punten_deelscore=pl.col("punten") * pl.when(raw > 100).then(100 / raw).otherwise(1.0),  # noqa: PLR2004
    ).with_columns(punten=pl.col("punten_deelscore") * pl.col("deelscore").replace_strict(weights))
    subscores = bijdragen.group_by(KEY, maintain_order=True).agg(
        **{
            d: pl.col("punten_deelscore").filter(pl.col("deelscore") == d).sum().round(_DIGITS)
            for d in DEELSCORES
        }
    )
    return subscores, bijdragen


def _band(config: ScoringConfig) -> pl.Expr:
    """The band: by the priority score, or 'onvoldoende gegevens' without ratings and suspect data."""
    cfg = config.banden
    return (
        pl.when(~pl.col("heeft_gegevens") & (pl.col("beoordeling_2a") == "niet_problematisch"))
        .then(pl.lit("geen groepsaanpak"))
        .when(~pl.col("heeft_gegevens"))
        .then(pl.lit("onvoldoende gegevens"))
        .when(pl.col("prioriteit") >= cfg.hoog)
        .then(pl.lit("hoog"))
        .when(pl.col("prioriteit") >= cfg.midden)
        .then(pl.lit("midden"))
        .when(pl.col("prioriteit") >= cfg.laag)
        .then(pl.lit("laag"))
        .otherwise(pl.lit("geen groepsaanpak"))
    )


def _legacy_type(config: ScoringConfig) -> pl.Expr:
    """The shortlist type (hinderlijk / overlastgevend / crimineel) by the rule in docs/methode.md."""
    cfg = config.type

    def share(column: str) -> pl.Expr:
        return pl.when(pl.col("leden") > 0).then(pl.col(column) / pl.col("leden")).otherwise(0.0)

    def at_least(levels: dict[Dimensie, int], count: int) -> pl.Expr:
        tests = [(pl.col(f"niveau_{d}").fill_null(0) >= level).cast(pl.Int32) for d, level in levels.items()]
        return pl.sum_horizontal(tests) >= count if tests else pl.lit(value=False)

    criminal = (
        at_least(cfg.crimineel_dimensies, cfg.crimineel_min_dimensies)
        & (share("verdachte_leden") >= cfg.crimineel_aandeel_verdachte_leden)
    ) | (share("zwaar_verdachte_leden") >= cfg.crimineel_aandeel_zwaar_verdachte_leden)
    nuisance = at_least(cfg.overlastgevend_dimensies, cfg.overlastgevend_min_dimensies) | (
        pl.col("impact") >= cfg.overlastgevend_impact
    )
    return (
        pl.when(~pl.col("heeft_gegevens"))
        .then(None)
        .when(criminal)
        .then(pl.lit("crimineel"))
        .when(nuisance)
        .then(pl.lit("overlastgevend"))
        .otherwise(pl.lit("hinderlijk"))
    )


def score_targets(inputs: ScoringInputs, targets: pl.DataFrame, config: ScoringConfig) -> ScoreSet:
    """Score many (groep_id, peildatum) targets in one vectorised pass."""
    groups = inputs.groepen.select("groep_id", "werknaam", "gemeente_code", "beoordeling_2a")
    youths = inputs.gemeenten.select("gemeente_code", "jongeren_12_23")
    targets = (
        targets.select(KEY).unique().join(groups, on="groep_id").join(youths, on="gemeente_code", how="left")
    )
    evidence = gather_evidence(inputs, targets, config)
    subscores, bijdragen = _combine(_components(evidence, inputs, config), config)
    weights = config.prioriteit
    no_data = ~pl.col("heeft_gegevens")
    scores = (
        evidence.features.join(subscores, on=KEY, how="left")
        .with_columns(
            pl.col(DEELSCORES).fill_null(0.0),
            heeft_gegevens=pl.col("heeft_beoordeling") | (pl.col("registraties") > 0),
        )
        .with_columns(
            prioriteit=pl.sum_horizontal(pl.col(d) * getattr(weights, d) for d in DEELSCORES).round(_DIGITS)
        )
        .with_columns(band=_band(config), type=_legacy_type(config))
        .with_columns(
            pl.when(no_data).then(None).otherwise(pl.col(c)).alias(c)
            for c in ("ernst", "risico", "ontwikkeling", "prioriteit")
        )
        .sort(KEY)
    )
    bijdragen = bijdragen.join(scores.filter(pl.col("heeft_gegevens")).select(KEY), on=KEY, how="semi")
    return ScoreSet(scores, bijdragen.sort([*KEY, "punten"], descending=[False, False, True]), evidence)


def score_groups(inputs: ScoringInputs, peildatum: dt.date, config: ScoringConfig) -> ScoreSet:
    """Score every group active at the peildatum."""
    return score_targets(inputs.until(peildatum), targets_at(inputs.groepen, peildatum), config)
