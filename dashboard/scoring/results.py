"""Per-group results as pydantic models: scores, contributions, flags and advice, ready for pages and JSON."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import polars as pl
from pydantic import BaseModel, ConfigDict

from dashboard.scoring.advice import AdviceFacts, Advies, advise
from dashboard.scoring.components import fmt
from dashboard.scoring.flags import data_quality_flags
from dashboard.scoring.ratings import KEY
from dashboard.scoring.scores import DEELSCORES, Band, score_groups

if TYPE_CHECKING:
    from dashboard.scoring.config import ScoringConfig
    from dashboard.scoring.features import Evidence
    from dashboard.scoring.inputs import ScoringInputs
    from dashboard.scoring.scores import ScoreSet

__all__ = ["Bijdrage", "GroepScore", "Vlag", "build_results", "qualifying_members", "score_report"]

_TOP = 3  # the largest contributions named in the advice's reasons


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Bijdrage(_Result):
    """One contribution: sub-score, component, evidence, points in the sub-score and in the priority."""

    deelscore: str
    component: str
    bewijs: str
    punten_deelscore: float
    punten: float


class Vlag(_Result):
    """A data-quality flag: code and Dutch text."""

    code: str
    tekst: str


class GroepScore(_Result):
    """The scores of one group at one peildatum with everything that explains them."""

    groep_id: str
    werknaam: str
    gemeente_code: str
    peildatum: dt.date
    ernst: float | None
    risico: float | None
    ontwikkeling: float | None
    impact: float | None
    prioriteit: float | None
    band: Band
    type: str | None
    vlaggen: tuple[Vlag, ...]
    bijdragen: tuple[Bijdrage, ...]
    advies: Advies


def qualifying_members(evidence: Evidence, config: ScoringConfig) -> pl.DataFrame:
    """Members who qualify for a persoonsgerichte aanpak: KEY, persoon_id, reden (Dutch)."""
    cfg = config.advies
    many = pl.col("verdenkingen") >= cfg.persoon_min_registraties
    serious = (pl.col("verdenkingen") > 0) & (pl.col("max_ernstgewicht") >= cfg.persoon_min_ernstgewicht)
    reden = (
        pl.when(many)
        .then(pl.format("{} verdenkingen in {} maanden", "verdenkingen", pl.lit(config.vensters.maanden)))
        .otherwise(pl.format("verdenking met ernstgewicht {}", fmt(pl.col("max_ernstgewicht"))))
    )
    return (
        evidence.members.filter(many | serious)
        .sort([*KEY, "persoon_id"])
        .select(*KEY, "persoon_id", reden=reden)
    )


Rows = list[dict[str, Any]]


def _grouped(frame: pl.DataFrame) -> dict[tuple[Any, ...], Rows]:
    """The rows of a frame per target, in frame order (one pass; per-target polars calls are slow)."""
    grouped: dict[tuple[Any, ...], Rows] = defaultdict(list)
    for row in frame.to_dicts():
        grouped[row["groep_id"], row["peildatum"]].append(row)
    return grouped


def _facts(score: dict[str, Any], parts: dict[str, Rows]) -> AdviceFacts:
    plekken = sorted(parts["hangplekken"], key=lambda h: (-h["meldingen"], h["naam"]))
    return AdviceFacts(
        score=score,
        hangplekken=[(h["naam"], h["meldingen"]) for h in plekken],
        personen=[(p["persoon_id"], p["reden"]) for p in parts["personen"]],
        vlaggen=[v["tekst"] for v in parts["vlaggen"]],
        top=[(b["component"], b["punten"]) for b in parts["bijdragen"][:_TOP]],
    )


def _rounded(value: object, digits: int = 1) -> float | None:
    return None if value is None else round(float(value), digits)  # type: ignore[arg-type]


def _result(row: dict[str, Any], parts: dict[str, Rows], config: ScoringConfig) -> GroepScore:
    """The full result of one target from its score row and its own slices of the other frames."""
    bijdragen = tuple(
        Bijdrage(
            deelscore=b["deelscore"],
            component=b["component"],
            bewijs=b["bewijs"],
            punten_deelscore=round(b["punten_deelscore"], 2),
            punten=round(b["punten"], 2),
        )
        for b in parts["bijdragen"]
    )
    numbers = {name: _rounded(row[name]) for name in (*DEELSCORES, "prioriteit")}
    return GroepScore(
        groep_id=row["groep_id"],
        werknaam=row["werknaam"],
        gemeente_code=row["gemeente_code"],
        peildatum=row["peildatum"],
        band=row["band"],
        type=row["type"],
        vlaggen=tuple(Vlag(code=v["code"], tekst=v["tekst"]) for v in parts["vlaggen"]),
        bijdragen=bijdragen,
        advies=advise(_facts(row, parts), config),
        **numbers,
    )


def build_results(scores: ScoreSet, config: ScoringConfig) -> list[GroepScore]:
    """One GroepScore per target, in the order of the scores frame."""
    frames = {
        "bijdragen": scores.bijdragen,
        "vlaggen": data_quality_flags(scores.evidence, config),
        "personen": qualifying_members(scores.evidence, config),
        "hangplekken": scores.evidence.hangplekken,
    }
    grouped = {name: _grouped(frame) for name, frame in frames.items()}
    results = []
    for row in scores.scores.to_dicts():
        key = (row["groep_id"], row["peildatum"])
        parts = {name: groups.get(key, []) for name, groups in grouped.items()}
        results.append(_result(row, parts, config))
    return results


def score_report(inputs: ScoringInputs, peildatum: dt.date, config: ScoringConfig) -> list[GroepScore]:
    """Score every group active at the peildatum and build its full result."""
    return build_results(score_groups(inputs, peildatum, config), config)
