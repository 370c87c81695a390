"""The scored picture of one scope at a peildatum: what every dashboard page starts from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

from dashboard.scoring.config import ScoringConfig, default_config
from dashboard.scoring.flags import data_quality_flags
from dashboard.scoring.inputs import ScoringInputs, dataset_peildatum, load_inputs
from dashboard.scoring.scores import DEELSCORES, score_groups
from dashboard.scoring.trends import score_history
from dashboard.storage.queries import load_groups

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from dashboard.access import Scope

__all__ = ["GROEP_COLUMNS", "ScopeScores", "score_scope", "summarise_locations"]

GROEP_COLUMNS = [
    "groep_id",
    "werknaam",
    "gemeente_code",
    "gemeente_naam",
    "basisteam_code",
    "eenheid_code",
    "wijk",
    "buurt",
    "stap",
    "beoordeling_2a",
    "eerste_signaal",
    "aanpak_beeindigd",
    "leden",
    "lat",
    "lon",
    *DEELSCORES,
    "prioriteit",
    "band",
    "type",
    "scan_datum",
    "vorige_prioriteit",
    "trend",
    "vlaggen",
]


@dataclass(frozen=True)
class ScopeScores:
    """Scores of every group in a scope, with what explains them.

    groepen: GROEP_COLUMNS, one row per group in the scope that is active at the peildatum (signalled
        on or before it, approach not ended before it), highest priority first; lat/lon is the mean
        of its hangplekken (else the municipality's centroid); trend = prioriteit minus vorige_prioriteit
        (the score at the scan before the latest); vlaggen = number of data-quality flags.
    bijdragen: groep_id, deelscore, component, bewijs, punten, punten_deelscore.
    vlaggen: groep_id, code, tekst. geschiedenis: scores at each scan date (trends.HISTORY_COLUMNS).
    """

    peildatum: dt.date
    groepen: pl.DataFrame
    bijdragen: pl.DataFrame
    vlaggen: pl.DataFrame
    geschiedenis: pl.DataFrame
    inputs: ScoringInputs
    config: ScoringConfig


def summarise_locations(groups: pl.DataFrame, hangplekken: pl.DataFrame) -> pl.DataFrame:
    """groep_id, lat, lon: the mean of a group's hangplekken, else its municipality's centroid."""
    means = hangplekken.group_by("groep_id").agg(pl.col("lat").mean(), pl.col("lon").mean())
    return (
        groups.select("groep_id", "gemeente_lat", "gemeente_lon")
        .join(means, on="groep_id", how="left")
        .select(
            "groep_id",
            lat=pl.coalesce("lat", "gemeente_lat"),
            lon=pl.coalesce("lon", "gemeente_lon"),
        )
    )


def _previous(history: pl.DataFrame) -> pl.DataFrame:
    """groep_id, vorige_prioriteit: the priority at the second-latest scan date."""
    return (
        history.sort("groep_id", "peildatum")
        .group_by("groep_id", maintain_order=True)
        .agg(vorige_prioriteit=pl.col("prioriteit").tail(2).head(1))
        .explode("vorige_prioriteit")
        .join(history.group_by("groep_id").len("scans"), on="groep_id")
        .with_columns(pl.when(pl.col("scans") > 1).then(pl.col("vorige_prioriteit")))
        .select("groep_id", "vorige_prioriteit")
    )


def score_scope(
    engine: Engine, scope: Scope, peildatum: dt.date | None = None, config: ScoringConfig | None = None
) -> ScopeScores:
    """Score every group of a scope at the peildatum (default: the data set's, else today)."""
    config = config or default_config()
    peildatum = peildatum or dataset_peildatum(engine) or dt.datetime.now(tz=dt.UTC).date()
    inputs = load_inputs(engine, scope, peildatum)
    scored = score_groups(inputs, peildatum, config)
    history = score_history(inputs, config)
    flags = data_quality_flags(scored.evidence, config).drop("peildatum")
    groups = load_groups(engine, scope)
    scores = scored.scores.select("groep_id", *DEELSCORES, "prioriteit", "band", "type", "scan_datum")
    table = (
        groups.join(summarise_locations(groups, inputs.hangplekken), on="groep_id", how="left")
        .join(scores, on="groep_id", how="inner")
        .join(_previous(history), on="groep_id", how="left")
        .join(flags.group_by("groep_id").len("vlaggen"), on="groep_id", how="left")
        .with_columns(
            band=pl.col("band").fill_null("onvoldoende gegevens"),
            trend=pl.col("prioriteit") - pl.col("vorige_prioriteit"),
            vlaggen=pl.col("vlaggen").fill_null(0).cast(pl.Int64),
        )
        .select(GROEP_COLUMNS)
        .sort("prioriteit", "groep_id", descending=[True, False], nulls_last=True)
    )
    return ScopeScores(
        peildatum=peildatum,
        groepen=table,
        bijdragen=scored.bijdragen.drop("peildatum"),
        vlaggen=flags,
        geschiedenis=history,
        inputs=inputs,
        config=config,
    )
