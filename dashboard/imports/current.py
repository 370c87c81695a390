"""Reading what the database holds now, fast: plain driver queries straight into polars columns.

The comparison of a large export needs whole key columns (hundreds of thousands of rows); going
through the driver's cursor without SQLAlchemy's per-row processing keeps that to about a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy import Connection

__all__ = ["read_columns", "read_rows_for_keys"]


def _frame(rows: Sequence[Sequence[object]], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Columns from driver rows; dates arrive as ISO text (SQLite) or as dates (PostgreSQL)."""
    names = list(schema)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    series = []
    for name, values in zip(names, columns, strict=True):
        target = schema[name]
        if target == pl.Date:
            text = pl.Series(name, [None if v is None else str(v) for v in values], dtype=pl.String)
            series.append(text.str.to_date("%Y-%m-%d"))
        else:
            series.append(pl.Series(name, values, dtype=target, strict=False))
    return pl.DataFrame(series)


def read_columns(connection: Connection, table: str, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """Whole columns of a table, typed by schema (names are schema columns, never user input)."""
    quote = connection.dialect.identifier_preparer.quote
    sql = f"SELECT {', '.join(map(quote, schema))} FROM {quote(table)}"  # noqa: S608  (names from the schema)
    return _frame(connection.exec_driver_sql(sql).fetchall(), schema)


def read_rows_for_keys(
    connection: Connection, table: str, schema: dict[str, pl.DataType], keys: pl.DataFrame
) -> pl.DataFrame:
    """The table's rows whose key (keys' columns) occurs in keys: only those are compared.

    Reading the key columns first makes a file of new records cheap: nothing else is read.
    """
    key_schema = {name: schema[name] for name in keys.columns}
    present = read_columns(connection, table, key_schema).join(keys, on=keys.columns, how="semi")
    if present.is_empty():
        return pl.DataFrame(schema=schema)
    return read_columns(connection, table, schema).join(present, on=keys.columns, how="semi")
