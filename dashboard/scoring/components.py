"""The components of the sub-scores: points per piece of evidence, with the evidence in Dutch."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from dashboard.domain import DIMENSIE_LABELS
from dashboard.scoring.ratings import KEY

if TYPE_CHECKING:
    from dashboard.scoring.config import ScoringConfig

__all__ = [
    "COMPONENT_COLUMNS",
    "NIVEAUS",
    "development_components",
    "fmt",
    "impact_components",
    "rating_components",
    "registration_components",
    "risk_components",
]

COMPONENT_COLUMNS = [*KEY, "deelscore", "component", "bewijs", "punten"]
NIVEAUS = {0: "niet", 1: "incidenteel", 2: "regelmatig", 3: "structureel"}


def fmt(expr: pl.Expr, decimals: int = 1) -> pl.Expr:
    """A number as Dutch text: rounded, decimal comma, no trailing ',0'."""
    text = expr.round(decimals).cast(pl.String).str.replace(r"\.0$", "").str.replace(r"\.", ",")
    return pl.when(expr.is_null()).then(pl.lit("?")).otherwise(text)


def _lit(value: pl.Expr | str) -> pl.Expr:
    return pl.lit(value) if isinstance(value, str) else value


def _component(
    deelscore: pl.Expr | str, component: pl.Expr | str, bewijs: pl.Expr, punten: pl.Expr
) -> list[pl.Expr]:
    """The select list of one component frame (COMPONENT_COLUMNS)."""
    return [*(pl.col(k) for k in KEY), _lit(deelscore).alias("deelscore"), _lit(component).alias("component"),
            bewijs.alias("bewijs"), punten.cast(pl.Float64).alias("punten")]  # fmt: skip


def rating_components(ratings: pl.DataFrame, config: ScoringConfig) -> pl.DataFrame:
    """Points for ratings: score × weight per dimension, for each sub-score that weighs the dimension."""
    weights = pl.DataFrame(
        [
            (deelscore, dimensie, gewicht)
            for deelscore, table in (
                ("ernst", config.ernst.gewichten),
                ("risico", config.risico.gewichten),
                ("impact", config.impact.gewichten),
            )
            for dimensie, gewicht in table.items()
        ],
        schema={"deelscore": pl.String, "dimensie": pl.String, "gewicht": pl.Float64},
        orient="row",
    )
    label = pl.col("dimensie").replace_strict(DIMENSIE_LABELS, default=pl.col("dimensie"))
    niveau = pl.col("score").replace_strict(NIVEAUS, return_dtype=pl.String)
    bewijs = pl.format(
        "{}: {} ({}) × {} punten per stap; bronnen: {}; laatst waargenomen {}",
        label, niveau, "score", fmt(pl.col("gewicht")), pl.col("bronnen").str.replace_all(";", ", "),
        pl.col("laatst_waargenomen").dt.strftime("%d-%m-%Y").fill_null("onbekend"),
    )  # fmt: skip
    points = pl.col("score") * pl.col("gewicht")
    return (
        ratings.filter(pl.col("score") > 0)
        .join(weights.filter(pl.col("gewicht") > 0), on="dimensie")
        .select(_component(pl.col("deelscore"), pl.format("beoordeling {}", label), bewijs, points))
    )


def registration_components(
    events: pl.DataFrame, categorieen: pl.DataFrame, config: ScoringConfig
) -> pl.DataFrame:
    """Ernst points for suspect registrations in the window, saturating, split over categories.

    Needs the group's suspect events in the current window (one row per registration: KEY,
    registratienummer, categorie_code, ernstgewicht, verval).
    """
    cfg = config.ernst
    per_category = (
        events.sort([*KEY, "registratienummer"])  # a fixed order keeps float sums identical run to run
        .group_by([*KEY, "categorie_code", "ernstgewicht"], maintain_order=True)
        .agg(aantal=pl.len(), som=(pl.col("ernstgewicht") * pl.col("verval")).sum())
        .with_columns(totaal=pl.col("som").sum().over(KEY))
        .join(categorieen.select("categorie_code", "naam"), on="categorie_code", how="left")
    )
    total_points = cfg.registraties_max * (1 - (-pl.col("totaal") / cfg.registraties_schaal).exp())
    points = (
        pl.when(pl.col("totaal") > 0).then(total_points * pl.col("som") / pl.col("totaal")).otherwise(0.0)
    )
    bewijs = pl.format(
        "{} registratie(s) '{}' als verdachte in {} maanden, ernstgewicht {}, na tijdsverval {} "
        "(van in totaal {}; verzadigend tot {} punten)",
        "aantal",
        pl.col("naam").fill_null(pl.col("categorie_code")),
        pl.lit(config.vensters.maanden),
        fmt(pl.col("ernstgewicht")),
        fmt(pl.col("som")),
        fmt(pl.col("totaal")),
        fmt(pl.lit(cfg.registraties_max)),
    )
    name = pl.format("registraties {}", pl.col("naam").fill_null(pl.col("categorie_code")))
    return per_category.select(_component("ernst", name, bewijs, points))


def _share(part: str, whole: str) -> pl.Expr:
    return pl.when(pl.col(whole) > 0).then(pl.col(part) / pl.col(whole)).otherwise(0.0)


def risk_components(features: pl.DataFrame, config: ScoringConfig) -> pl.DataFrame:
    """Risico points for structure: size, leadership, core, overlap with other groups, suspect members.

    Needs features with leden, leiders, kern, overlap_leden, verdachte_leden.
    """
    cfg, months = config.risico, config.vensters.maanden
    parts = [
        ("grootte", pl.format("{} actieve leden (volle punten vanaf {})", "leden", pl.lit(cfg.grootte_vol)),
         cfg.grootte_max * (pl.col("leden") / cfg.grootte_vol).clip(upper_bound=1)),
        ("leiderschap", pl.format("{} leider(s) in de groep", "leiders"),
         pl.when(pl.col("leiders") > 0).then(cfg.leider).otherwise(0.0)),
        ("kern", pl.format("{} van {} leden kern of leider ({} %)", "kern", "leden",
                           fmt(100 * _share("kern", "leden"), 0)),
         cfg.kern_max * _share("kern", "leden")),
        ("overlap met andere groepen", pl.format("{} leden ook actief in een andere groep", "overlap_leden"),
         (cfg.overlap_per_lid * pl.col("overlap_leden")).clip(upper_bound=cfg.overlap_max)),
        ("leden met verdenking",
         pl.format("{} van {} leden verdachte in de laatste {} maanden ({} %)", "verdachte_leden", "leden",
                   pl.lit(months), fmt(100 * _share("verdachte_leden", "leden"), 0)),
         cfg.verdachte_leden_max * _share("verdachte_leden", "leden")),
    ]  # fmt: skip
    return pl.concat(
        [features.select(_component("risico", name, bewijs, punten)) for name, bewijs, punten in parts]
    )


def development_components(features: pl.DataFrame, config: ScoringConfig) -> pl.DataFrame:
    """Ontwikkeling points: net rise of the ratings since the previous scan, rise of registration weight.

    Needs features with vorige_scan_datum, beoordeling_delta, gewicht_huidig, gewicht_vorig.
    """
    cfg, months = config.ontwikkeling, pl.lit(config.vensters.maanden)
    rating_text = pl.format(
        "netto {} stap(pen) op de schaal 0-3 sinds de scan van {} (alleen een stijging telt, {} per stap)",
        "beoordeling_delta",
        pl.col("vorige_scan_datum").cast(pl.String),
        fmt(pl.lit(cfg.beoordeling_per_stap)),
    )
    rating_points = cfg.beoordeling_per_stap * pl.col("beoordeling_delta").clip(lower_bound=0)
    ratings = features.filter(pl.col("vorige_scan_datum").is_not_null()).select(
        _component(
            "ontwikkeling",
            "beoordelingen sinds vorige scan",
            rating_text,
            rating_points.clip(upper_bound=cfg.beoordeling_max),
        )
    )
    registration_text = pl.format(
        "ernstgewicht van de verdachtregistraties {} in de laatste {} maanden, {} in de {} maanden daarvoor",
        fmt(pl.col("gewicht_huidig")),
        months,
        fmt(pl.col("gewicht_vorig")),
        months,
    )
    rise = (pl.col("gewicht_huidig") - pl.col("gewicht_vorig")).clip(lower_bound=0)
    registrations = features.select(
        _component(
            "ontwikkeling",
            "registraties t.o.v. vorige periode",
            registration_text,
            (cfg.registraties_per_gewicht * rise).clip(upper_bound=cfg.registraties_max),
        )
    )
    return pl.concat([ratings, registrations])


def impact_components(features: pl.DataFrame, config: ScoringConfig) -> pl.DataFrame:
    """Impact points for meldingen near the hangplekken, normalised to the municipality's youths.

    Needs features with meldingen, hangplekken, jongeren_12_23 (null when unknown).
    """
    cfg = config.impact
    youths = pl.col("jongeren_12_23").cast(pl.Float64)
    factor = (cfg.referentie_jongeren / youths.fill_null(cfg.referentie_jongeren).clip(lower_bound=1)).pow(
        cfg.normalisatie_exponent
    )
    normalised = pl.col("meldingen") * factor
    population = (
        pl.when(youths.is_null())
        .then(pl.format("aantal jongeren onbekend, referentie {} gebruikt", pl.lit(cfg.referentie_jongeren)))
        .otherwise(
            pl.format(
                "{} jongeren in de gemeente (referentie {})",
                "jongeren_12_23",
                pl.lit(cfg.referentie_jongeren),
            )
        )
    )
    bewijs = pl.format(
        "{} meldingen jeugdoverlast binnen {} m van {} hangplek(ken) in {} maanden; {}; genormaliseerd {}",
        "meldingen", fmt(pl.lit(cfg.straal_m), 0), "hangplekken", pl.lit(config.vensters.maanden), population,
        fmt(normalised),
    )  # fmt: skip
    points = cfg.meldingen_max * (1 - (-normalised / cfg.meldingen_schaal).exp())
    return features.filter(pl.col("hangplekken") > 0).select(
        _component("impact", "meldingen bij hangplekken", bewijs, points)
    )
