"""Checks against the database: unknown codes and rows outside the user's scope are row errors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl
from sqlalchemy import select

from dashboard.access import Scope, scope_expr
from dashboard.imports.checks import errors_where
from dashboard.imports.current import read_columns
from dashboard.imports.reading import ROW
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy import Connection, Select

    from dashboard.imports.kinds import ImportKind

__all__ = ["check_references", "frame_of"]

T = metadata.tables
OUTSIDE = "valt buiten uw gebied ({gebied}); u kunt alleen gegevens in uw eigen gebied importeren"


def frame_of(connection: Connection, statement: Select[Any], schema: dict[str, Any]) -> pl.DataFrame:
    """Run a select on the connection and return a frame with the given schema."""
    rows = connection.execute(statement).all()
    return pl.DataFrame(rows, schema=schema, orient="row")


def _codes(connection: Connection, table: str, column: str) -> pl.Series:
    return read_columns(connection, table, {column: pl.String()})[column]


def _gemeenten(connection: Connection) -> pl.DataFrame:
    gemeente = T["gemeente"]
    statement = select(gemeente.c.gemeente_code, gemeente.c.eenheid_code)
    return frame_of(connection, statement, {"gemeente_code": pl.String, "eenheid_code": pl.String})


def _groups(connection: Connection) -> pl.DataFrame:
    groep, gemeente = T["groep"], T["gemeente"]
    statement = select(
        groep.c.groep_id, groep.c.gemeente_code, groep.c.basisteam_code, gemeente.c.eenheid_code
    ).join(gemeente, gemeente.c.gemeente_code == groep.c.gemeente_code)
    names = ("groep_id", "gemeente_code", "basisteam_code", "eenheid_code")
    return frame_of(connection, statement, dict.fromkeys(names, pl.String))


def _scope_gemeenten(connection: Connection, scope: Scope) -> pl.Series | None:
    """The municipalities in a scope (None: all); a basisteam covers the municipalities of its groups."""
    if scope.type == "land":
        return None
    codes = sorted(scope.codes)
    if scope.type == "gemeente":
        return pl.Series(codes, dtype=pl.String)
    if scope.type == "eenheid":
        return _gemeenten(connection).filter(pl.col("eenheid_code").is_in(codes))["gemeente_code"]
    return _groups(connection).filter(pl.col("basisteam_code").is_in(codes))["gemeente_code"].unique()


def _unknown(typed: pl.DataFrame, column: str, known: pl.Series, what: str) -> pl.DataFrame:
    missing = pl.col(column).is_not_null() & ~pl.col(column).is_in(known.implode())
    return errors_where(typed, missing, column, pl.format("'{}' is een onbekende " + what, pl.col(column)))


def _outside_gemeente(
    typed: pl.DataFrame, known: pl.Series, allowed: pl.Series | None, gebied: str
) -> list[pl.DataFrame]:
    """Known municipalities outside the scope (an unknown one has its own error already)."""
    if allowed is None:
        return []
    code = pl.col("gemeente_code")
    outside = code.is_in(known.implode()) & ~code.is_in(allowed.implode())
    message = pl.format("gemeente '{}' " + OUTSIDE.format(gebied=gebied), pl.col("gemeente_code"))
    return [errors_where(typed, outside, "gemeente_code", message)]


def _outside_group(rows: pl.DataFrame, scope: Scope, column: str, gebied: str) -> pl.DataFrame:
    """Rows (with gemeente_code, basisteam_code, eenheid_code) whose group lies outside the scope."""
    outside = pl.col("gemeente_code").is_not_null() & ~scope_expr(scope).fill_null(value=False)
    message = pl.format("groep '{}' " + OUTSIDE.format(gebied=gebied), pl.col("groep_id"))
    return errors_where(rows, outside, column, message)


def check_references(
    connection: Connection, typed: pl.DataFrame, kind: ImportKind, scope: Scope, gebied: str
) -> list[pl.DataFrame]:
    """Unknown categories, municipalities, basic teams, persons and groups; rows outside the scope."""
    errors: list[pl.DataFrame] = []
    gemeenten = _gemeenten(connection)
    if "gemeente_code" in typed.columns:
        errors.append(_unknown(typed, "gemeente_code", gemeenten["gemeente_code"], "gemeentecode"))
    if kind.naam == "registraties":
        errors.append(
            _unknown(
                typed,
                "categorie_code",
                _codes(connection, "delictcategorie", "categorie_code"),
                "delictcategorie",
            )
        )
    if "persoon_id" in typed.columns:
        errors.append(
            _unknown(typed, "persoon_id", _codes(connection, "persoon", "persoon_id"), "persoon (persoon_id)")
        )
    if kind.naam in {"registraties", "meldingen"}:
        known = gemeenten["gemeente_code"]
        errors += _outside_gemeente(typed, known, _scope_gemeenten(connection, scope), gebied)
    if kind.naam == "leden":
        groups = _groups(connection)
        errors.append(_unknown(typed, "groep_id", groups["groep_id"], "groep (groep_id)"))
        errors.append(
            _outside_group(typed.join(groups, on="groep_id", how="left"), scope, "groep_id", gebied)
        )
    if kind.naam == "groepen":
        errors.append(
            _unknown(
                typed, "basisteam_code", _codes(connection, "basisteam", "basisteam_code"), "basisteamcode"
            )
        )
        with_unit = typed.join(gemeenten, on="gemeente_code", how="left")
        errors.append(_outside_group(with_unit, scope, "gemeente_code", gebied))
        current = typed.select(ROW, "groep_id").join(_groups(connection), on="groep_id", how="inner")
        errors.append(_outside_group(current, scope, "groep_id", gebied))
    return errors
