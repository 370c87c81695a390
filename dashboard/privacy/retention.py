"""Retention: the purge date (verwijderdatum) of every person record, by one documented rule.

The rule (docs/privacy.md, "Bewaartermijnen"):

- A membership ends at its own end date (tot) or when the group's approach ends (aanpak_beeindigd),
  whichever comes first. It is due `bewaartermijn` months after that end.
- A member's purge date is the latest due date over all their memberships (in any group); while one
  membership still runs, the purge date is the legal maximum ("uiterlijk", lopend = True).
- Never later than the legal maximum: `maximale termijn` years after the first membership began.
- A person who is in no group (only a party in a police registration) is due `bewaartermijn` months
  after their latest registration, and never later than the legal maximum after their first one.
- A person with neither a membership nor a registration has no purpose here: due at once (no date).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import polars as pl
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from dashboard.settings import Settings
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from sqlalchemy import ColumnElement, Connection, Select
    from sqlalchemy.engine import Engine

__all__ = [
    "PURGE_COLUMNS",
    "RetentionInputs",
    "RetentionRule",
    "compute_purge_dates",
    "due_for_purge",
    "load_purge_dates",
    "read_retention_inputs",
    "with_purge_dates",
]

T = metadata.tables
PURGE_COLUMNS = ("persoon_id", "verwijderdatum", "grond", "lopend")
_DATE = pl.Date()


class RetentionRule(BaseModel):
    """How long person records are kept: months after the approach ends, and a legal maximum in years."""

    model_config = ConfigDict(frozen=True)

    bewaartermijn_maanden: int = Field(default=12, ge=1, le=60)
    maximale_jaren: int = Field(default=5, ge=1, le=5)  # Wpg: removed after at most 5 years

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> RetentionRule:
        """The rule configured by BEWAARTERMIJN_MAANDEN and MAXIMALE_BEWAARTERMIJN_JAREN."""
        settings = settings or Settings()
        return cls(
            bewaartermijn_maanden=settings.bewaartermijn_maanden,
            maximale_jaren=settings.maximale_bewaartermijn_jaren,
        )


@dataclass(frozen=True)
class RetentionInputs:
    """The rule's inputs.

    personen: persoon_id. leden: persoon_id, groep_id, van, tot. groepen: groep_id, aanpak_beeindigd.
    registraties: persoon_id, datum (every registration they are a party in).
    """

    personen: pl.DataFrame
    leden: pl.DataFrame
    groepen: pl.DataFrame
    registraties: pl.DataFrame


def _grond(rule: RetentionRule) -> pl.Expr:
    """The reason for each purge date, in Dutch."""
    m, j = rule.bewaartermijn_maanden, rule.maximale_jaren
    lid = pl.col("eerste_van").is_not_null()
    capped = pl.col("gewoon") > pl.col("maximum")
    return (
        pl.when(pl.col("lopend"))
        .then(pl.lit(f"aanpak loopt nog: uiterlijk {j} jaar na het eerste lidmaatschap (wettelijk maximum)"))
        .when(lid & capped)
        .then(pl.lit(f"wettelijk maximum: {j} jaar na het eerste lidmaatschap"))
        .when(lid)
        .then(pl.lit(f"{m} maanden na het einde van het laatste lidmaatschap of van de aanpak"))
        .when(pl.col("eerste_reg").is_null())
        .then(pl.lit("geen lidmaatschap en geen registratie: direct verwijderen"))
        .when(capped)
        .then(pl.lit(f"geen groepslid; wettelijk maximum: {j} jaar na de eerste registratie"))
        .otherwise(pl.lit(f"geen groepslid: {m} maanden na de laatste registratie"))
    )


def compute_purge_dates(inputs: RetentionInputs, rule: RetentionRule) -> pl.DataFrame:
    """persoon_id, verwijderdatum (Date; null = due at once), grond, lopend, one row per person."""
    months, years = f"{rule.bewaartermijn_maanden}mo", f"{rule.maximale_jaren}y"
    leden = inputs.leden.join(
        inputs.groepen.select("groep_id", "aanpak_beeindigd"), on="groep_id", how="left"
    )
    per_persoon = (
        leden.with_columns(einde=pl.min_horizontal("tot", "aanpak_beeindigd"))
        .group_by("persoon_id")
        .agg(
            lopend=pl.col("einde").is_null().any(),
            laatste_einde=pl.col("einde").max(),
            eerste_van=pl.col("van").min(),
        )
    )
    regs = inputs.registraties.group_by("persoon_id").agg(
        eerste_reg=pl.col("datum").min(), laatste_reg=pl.col("datum").max()
    )
    lid = pl.col("eerste_van").is_not_null()
    return (
        inputs.personen.select("persoon_id")
        .unique()
        .join(per_persoon, on="persoon_id", how="left")
        .join(regs, on="persoon_id", how="left")
        .with_columns(lopend=pl.col("lopend").fill_null(value=False))
        .with_columns(
            maximum=pl.when(lid).then("eerste_van").otherwise("eerste_reg").dt.offset_by(years),
            gewoon=pl.when(pl.col("lopend"))
            .then(None)
            .when(lid)
            .then(pl.col("laatste_einde").dt.offset_by(months))
            .otherwise(pl.col("laatste_reg").dt.offset_by(months)),
        )
        .with_columns(
            verwijderdatum=pl.when(pl.col("lopend"))
            .then("maximum")
            .otherwise(pl.min_horizontal("gewoon", "maximum"))
            .cast(_DATE),
            grond=_grond(rule),
        )
        .select(PURGE_COLUMNS)
        .sort("persoon_id")
    )


def due_for_purge(dates: pl.DataFrame, peildatum: dt.date) -> pl.DataFrame:
    """The rows of compute_purge_dates that are due on the peildatum (date reached, or no date at all)."""
    return dates.filter(pl.col("verwijderdatum").is_null() | (pl.col("verwijderdatum") <= peildatum))


def _frame(connection: Connection, statement: Select[Any], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    rows = connection.execute(statement).all()
    return pl.DataFrame(rows, schema=schema, orient="row")


def read_retention_inputs(
    connection: Connection, persoon_ids: Iterable[str] | None = None
) -> RetentionInputs:
    """What the rule needs, for the given persons (all persons when None), over all their memberships."""
    persoon, lid, groep = T["persoon"], T["lidmaatschap"], T["groep"]
    betrokkene, registratie = T["betrokkene"], T["registratie"]
    ids = None if persoon_ids is None else sorted(set(persoon_ids))

    def only(column: ColumnElement[str]) -> list[ColumnElement[bool]]:
        return [] if ids is None else [column.in_(ids)]

    text = pl.String()
    personen = _frame(
        connection, select(persoon.c.persoon_id).where(*only(persoon.c.persoon_id)), {"persoon_id": text}
    )
    leden = _frame(
        connection,
        select(lid.c.persoon_id, lid.c.groep_id, lid.c.van, lid.c.tot).where(*only(lid.c.persoon_id)),
        {"persoon_id": text, "groep_id": text, "van": _DATE, "tot": _DATE},
    )
    groepen = _frame(
        connection,
        select(groep.c.groep_id, groep.c.aanpak_beeindigd).where(
            groep.c.groep_id.in_(select(lid.c.groep_id).where(*only(lid.c.persoon_id)))
        ),
        {"groep_id": text, "aanpak_beeindigd": _DATE},
    )
    registraties = _frame(
        connection,
        select(betrokkene.c.persoon_id, registratie.c.datum)
        .join(registratie, registratie.c.registratienummer == betrokkene.c.registratienummer)
        .where(*only(betrokkene.c.persoon_id)),
        {"persoon_id": text, "datum": _DATE},
    )
    return RetentionInputs(personen=personen, leden=leden, groepen=groepen, registraties=registraties)


def load_purge_dates(
    engine: Engine, persoon_ids: Iterable[str] | None = None, rule: RetentionRule | None = None
) -> pl.DataFrame:
    """persoon_id, verwijderdatum, grond, lopend for the given persons (all when None)."""
    with engine.connect() as connection:
        inputs = read_retention_inputs(connection, persoon_ids)
    return compute_purge_dates(inputs, rule or RetentionRule.from_settings())


def with_purge_dates(
    engine: Engine, persons: pl.DataFrame, rule: RetentionRule | None = None
) -> pl.DataFrame:
    """The frame (with persoon_id) plus its persons' verwijderdatum as the last column."""
    dates = load_purge_dates(engine, persons["persoon_id"].to_list(), rule)
    return persons.join(dates.select("persoon_id", "verwijderdatum"), on="persoon_id", how="left")
