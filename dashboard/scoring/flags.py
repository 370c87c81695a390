"""Data-quality flags: what a reader of a score should check before trusting it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from dashboard.domain import DIMENSIE_LABELS
from dashboard.scoring.components import NIVEAUS, fmt
from dashboard.scoring.ratings import KEY

if TYPE_CHECKING:
    from dashboard.scoring.config import ScoringConfig
    from dashboard.scoring.features import Evidence

__all__ = ["FLAG_COLUMNS", "VLAG_CODES", "data_quality_flags"]

FLAG_COLUMNS = [*KEY, "code", "tekst"]
VLAG_CODES = (
    "geen_scan",
    "scan_verouderd",
    "enkele_bron",
    "tegengesproken",
    "geen_leden",
    "leden_zonder_gegevens",
)


def _label() -> pl.Expr:
    return pl.col("dimensie").replace_strict(DIMENSIE_LABELS, default=pl.col("dimensie"))


def _flag(code: str, tekst: pl.Expr) -> list[pl.Expr]:
    return [pl.col("groep_id"), pl.col("peildatum"), pl.lit(code).alias("code"), tekst.alias("tekst")]


def _scan_flags(features: pl.DataFrame, config: ScoringConfig) -> list[pl.DataFrame]:
    months = config.vlaggen.scan_max_maanden
    old = pl.col("scan_datum") < pl.col("peildatum").dt.offset_by(f"-{months}mo")
    return [
        features.filter(pl.col("scan_datum").is_null()).select(
            _flag("geen_scan", pl.lit("Geen groepsscan op of voor de peildatum"))
        ),
        features.filter(old).select(
            _flag(
                "scan_verouderd",
                pl.format("Groepsscan van {} is ouder dan {} maanden", pl.col("scan_datum"), pl.lit(months)),
            )
        ),
    ]


def _single_source(ratings: pl.DataFrame) -> pl.DataFrame:
    """Ratings above 0 that rest on one source, one flag per target listing the dimensions."""
    return (
        ratings.filter(pl.col("score") > 0, pl.col("aantal_bronnen") <= 1)
        .sort([*KEY, "dimensie"])
        .group_by(KEY, maintain_order=True)
        .agg(dims=_label())
        .select(
            _flag("enkele_bron", pl.format("Beoordeling met één bron: {}", pl.col("dims").list.join(", ")))
        )
    )


def _contradicted(evidence: Evidence, config: ScoringConfig) -> pl.DataFrame:
    """Dimensions rated at most the threshold while suspect registrations of matching categories abound."""
    cfg = config.vlaggen
    mapping = pl.DataFrame(
        list(cfg.categorie_dimensie.items()),
        schema={"categorie_code": pl.String, "dimensie": pl.String},
        orient="row",
    )
    counts = (
        evidence.suspect_events.filter(pl.col("venster") == "huidig")
        .join(mapping, on="categorie_code")
        .group_by([*KEY, "dimensie"])
        .agg(aantal=pl.len())
        .filter(pl.col("aantal") >= cfg.tegenspraak_min_registraties)
    )
    scanned = evidence.features.filter(pl.col("scan_datum").is_not_null()).select(KEY)
    ratings = evidence.ratings.select(*KEY, "dimensie", "score")
    text = pl.format(
        "{} beoordeeld als {} ({}), maar {} verdachtregistraties in {} maanden",
        _label(), pl.col("score").replace_strict(NIVEAUS, return_dtype=pl.String), "score", "aantal",
        pl.lit(config.vensters.maanden),
    )  # fmt: skip
    return (
        counts.join(scanned, on=KEY, how="semi")
        .join(ratings, on=[*KEY, "dimensie"], how="left")
        .with_columns(pl.col("score").fill_null(0))
        .filter(pl.col("score") <= cfg.tegenspraak_max_score)
        .sort([*KEY, "dimensie"])
        .group_by(KEY, maintain_order=True)
        .agg(regels=text)
        .select(
            _flag(
                "tegengesproken",
                pl.format("Beoordeling tegengesproken: {}", pl.col("regels").list.join("; ")),
            )
        )
    )


def _member_flags(features: pl.DataFrame, config: ScoringConfig) -> list[pl.DataFrame]:
    without = pl.col("leden") - pl.col("leden_met_gegevens")
    share = config.vlaggen.aandeel_leden_zonder_gegevens
    text = pl.format(
        "{} van {} leden zonder enige registratie ({} %): controleer de namenlijst",
        without, "leden", fmt(100 * without / pl.col("leden"), 0),
    )  # fmt: skip
    return [
        features.filter(pl.col("leden") == 0).select(
            _flag("geen_leden", pl.lit("Geen actieve leden op de peildatum"))
        ),
        features.filter(pl.col("leden") > 0, without >= share * pl.col("leden"), without > 0).select(
            _flag("leden_zonder_gegevens", text)
        ),
    ]


def data_quality_flags(evidence: Evidence, config: ScoringConfig) -> pl.DataFrame:
    """Every flag of every target: groep_id, peildatum, code (VLAG_CODES), tekst (Dutch)."""
    features = evidence.features
    frames = [
        *_scan_flags(features, config),
        _single_source(evidence.ratings),
        _contradicted(evidence, config),
        *_member_flags(features, config),
    ]
    order = pl.col("code").replace_strict(
        {code: i for i, code in enumerate(VLAG_CODES)}, return_dtype=pl.Int8
    )
    return (
        pl.concat([frame.select(FLAG_COLUMNS) for frame in frames]).sort([*KEY, order]).select(FLAG_COLUMNS)
    )
