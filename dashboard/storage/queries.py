"""Reading from the database into polars; every query over groups takes the user's scope."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl
from sqlalchemy import Boolean, Date, Float, Integer, String, Text, false, func, select, true

from dashboard.access import Identity, Scope
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Select
    from sqlalchemy.engine import Engine

__all__ = [
    "load_area_names",
    "load_dataset_info",
    "load_groups",
    "load_identities",
    "read_frame",
    "scope_clause",
]

T = metadata.tables
_DTYPES: tuple[tuple[type[Any], pl.DataType], ...] = (
    (Boolean, pl.Boolean()),
    (Date, pl.Date()),
    (Integer, pl.Int64()),
    (Float, pl.Float64()),
    (Text, pl.String()),
    (String, pl.String()),
)


def _dtype(sql_type: object) -> pl.DataType:
    for kind, dtype in _DTYPES:
        if isinstance(sql_type, kind):
            return dtype
    return pl.String()


def read_frame(engine: Engine, statement: Select[Any]) -> pl.DataFrame:
    """Run a select and return a typed frame (typed even when it has no rows)."""
    schema = {column.name: _dtype(column.type) for column in statement.selected_columns}
    with engine.connect() as connection:
        rows = connection.execute(statement).all()
    return pl.DataFrame(rows, schema=schema, orient="row")


def scope_clause(scope: Scope) -> ColumnElement[bool]:
    """The SQL condition on groep (joined with gemeente) that keeps a scope's groups."""
    codes = sorted(scope.codes)
    if scope.type == "land":
        return true()
    if not codes:
        return false()
    column = {
        "gemeente": T["groep"].c.gemeente_code,
        "basisteam": T["groep"].c.basisteam_code,
        "eenheid": T["gemeente"].c.eenheid_code,
    }[scope.type]
    return column.in_(codes)


def load_dataset_info(engine: Engine) -> dict[str, str]:
    """The data set's key/value facts (such as fictief = ja); holds no personal data."""
    frame = read_frame(engine, select(T["dataset"]))
    return dict(zip(frame["sleutel"], frame["waarde"], strict=True))


def load_area_names(engine: Engine) -> dict[str, str]:
    """Names of every gemeente, basisteam and eenheid by code, for describing scopes."""
    names: dict[str, str] = {}
    for table, key in (
        ("eenheid", "eenheid_code"),
        ("basisteam", "basisteam_code"),
        ("gemeente", "gemeente_code"),
    ):
        frame = read_frame(engine, select(T[table].c[key], T[table].c.naam))
        names.update(zip(frame[key], frame["naam"], strict=True))
    return names


def load_identities(engine: Engine, *, only_active: bool = False) -> list[Identity]:
    """All users (or only those not blocked) with their role and scope, ordered by name."""
    gebruiker = T["gebruiker"]
    statement = select(gebruiker).order_by(gebruiker.c.naam)
    if only_active:
        statement = statement.where(gebruiker.c.actief.is_(True))
    frame = read_frame(engine, statement)
    return [
        Identity(
            gebruiker_id=row["gebruiker_id"],
            naam=row["naam"],
            email=row["email"],
            rol=row["rol"],
            scope=Scope(
                type=row["scope_type"],
                codes=frozenset(code for code in row["scope_codes"].split(";") if code),
            ),
        )
        for row in frame.to_dicts()
    ]


def load_groups(engine: Engine, scope: Scope) -> pl.DataFrame:
    """Groups inside a scope, with municipality name, unit and the number of current members.

    Columns: the groep table's, plus gemeente_naam, eenheid_code, gemeente_lat, gemeente_lon and leden
    (memberships without end).
    """
    groep, gemeente, lid = T["groep"], T["gemeente"], T["lidmaatschap"]
    leden = (
        select(func.count())
        .where(lid.c.groep_id == groep.c.groep_id, lid.c.tot.is_(None))
        .scalar_subquery()
        .label("leden")
    )
    statement = (
        select(
            groep,
            gemeente.c.naam.label("gemeente_naam"),
            gemeente.c.eenheid_code,
            gemeente.c.lat.label("gemeente_lat"),
            gemeente.c.lon.label("gemeente_lon"),
            leden,
        )
        .join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
        .where(scope_clause(scope))
        .order_by(groep.c.groep_id)
    )
    return read_frame(engine, statement)
