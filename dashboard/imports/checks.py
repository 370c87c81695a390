"""Vectorised checks of an export: every cell parsed to its type, every problem a Dutch row error.

The error frame has the columns of ERROR_SCHEMA: rij (spreadsheet row), kolom, waarde (as in the
file) and melding (what is wrong). Checking a column never stops at the first bad row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from dashboard.imports.reading import ROW

if TYPE_CHECKING:
    from dashboard.imports.kinds import ImportKind, Kolom

__all__ = ["ERROR_SCHEMA", "check_duplicates", "check_rules", "errors_where", "parse_columns"]

ERROR_SCHEMA = {"rij": pl.Int64, "kolom": pl.String, "waarde": pl.String, "melding": pl.String}
CODE_PATTERN = r"^[A-Za-z0-9._-]{1,32}$"
DATE_FORMATS = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")
FEW_VALUES = frozenset({"datum", "gemeente", "keuze"})
BOUNDS = {"breedte": (50.5, 53.7, "breedtegraad"), "lengte": (3.2, 7.3, "lengtegraad")}


def errors_where(frame: pl.DataFrame, condition: pl.Expr, kolom: str, melding: pl.Expr | str) -> pl.DataFrame:
    """One error row per row of frame where condition holds (value: the raw text of kolom, if any)."""
    value = pl.col(kolom) if kolom in frame.columns else pl.lit(None, dtype=pl.String)
    message = pl.lit(melding) if isinstance(melding, str) else melding
    columns = (pl.col(ROW).alias("rij"), pl.lit(kolom).alias("kolom"), value.cast(pl.String).alias("waarde"))
    # Lazy, so only the four columns are copied for the (usually few) failing rows.
    return frame.lazy().filter(condition).select(*columns, message.alias("melding")).collect()


def _quoted(name: str, text: str) -> pl.Expr:
    """The message "'<value>' <text>" for the raw value of a column."""
    return pl.format("'{}' " + text.replace("{", "{{").replace("}", "}}"), pl.col(name))


def _parse(kolom: Kolom) -> tuple[pl.Expr, str]:
    """The expression that turns the raw text into the typed value (null when invalid), and the error."""
    raw = pl.col(kolom.naam)
    if kolom.soort == "datum":
        day = raw.str.split(" ").list.first().str.split("T").list.first()
        value = pl.coalesce(day.str.to_date(fmt, strict=False) for fmt in DATE_FORMATS)
        return value, "is geen geldige datum (verwacht dd-mm-jjjj, bijvoorbeeld 31-03-2025)"
    if kolom.soort in BOUNDS:
        text = pl.when(raw.str.contains(",")).then(
            raw.str.replace_all(r"\.", "").str.replace(",", ".", literal=True)
        )
        return text.otherwise(raw).cast(pl.Float64, strict=False), "is geen getal (bijvoorbeeld 52,0907)"
    if kolom.soort == "gemeente":
        upper = raw.str.to_uppercase()
        digits = (
            pl.when(upper.str.contains(r"^\d{1,4}$")).then(pl.lit("GM") + upper.str.zfill(4)).otherwise(upper)
        )
        value = pl.when(digits.str.contains(r"^GM\d{4}$")).then(digits)
        return value, "is geen CBS-gemeentecode (bijvoorbeeld GM0344 of 344)"
    if kolom.soort == "keuze":
        lower = raw.str.to_lowercase().str.replace_all(" ", "_")
        return pl.when(lower.is_in(list(kolom.keuzes))).then(lower), (
            f"is geen toegestane waarde; kies uit {', '.join(kolom.keuzes)}"
        )
    if kolom.soort == "code":
        return pl.when(raw.str.contains(CODE_PATTERN)).then(raw), (
            "heeft niet de juiste vorm: alleen letters, cijfers, punt, streepje en liggend streepje, "
            "ten hoogste 32 tekens"
        )
    return pl.when(raw.str.len_chars() <= kolom.max_lengte).then(
        raw
    ), f"is langer dan {kolom.max_lengte} tekens"


def _typed(raw: pl.DataFrame, kolom: Kolom) -> pl.Expr:
    """The typed column; columns with few distinct values (dates, codes, choices) parse each value once."""
    expr = _parse(kolom)[0]
    if kolom.soort not in FEW_VALUES:
        return expr
    values = raw.select(pl.col(kolom.naam).unique().drop_nulls()).with_columns(expr.alias("__getypt"))
    return pl.col(kolom.naam).replace_strict(
        values[kolom.naam], values["__getypt"], default=None, return_dtype=values.schema["__getypt"]
    )


def parse_columns(raw: pl.DataFrame, kind: ImportKind) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The typed frame (ROW + the kind's columns) and the errors of empty required and invalid cells."""
    both = raw.with_columns(_typed(raw, k).alias(f"{k.naam}__getypt") for k in kind.kolommen)
    errors = []
    for kolom in kind.kolommen:
        parsed = pl.col(f"{kolom.naam}__getypt")
        raw_value = pl.col(kolom.naam)
        if kolom.verplicht:
            errors.append(errors_where(both, raw_value.is_null(), kolom.naam, "is verplicht, maar leeg"))
        invalid = raw_value.is_not_null() & parsed.is_null()
        errors.append(errors_where(both, invalid, kolom.naam, _quoted(kolom.naam, _parse(kolom)[1])))
        if kolom.soort in BOUNDS:
            low, high, label = BOUNDS[kolom.soort]
            outside = parsed.is_not_null() & ~parsed.is_between(low, high)
            text = f"ligt buiten Nederland ({label} tussen {low:g} en {high:g})".replace(".", ",")
            errors.append(errors_where(both, outside, kolom.naam, _quoted(kolom.naam, text)))
    typed = both.select(ROW, *(pl.col(f"{k.naam}__getypt").alias(k.naam) for k in kind.kolommen))
    return typed, pl.concat(errors)


def check_duplicates(typed: pl.DataFrame, key: tuple[str, ...], kolom: str) -> pl.DataFrame:
    """Rows whose key repeats an earlier row's key, naming that earlier row."""
    if not typed.select(pl.struct(list(key)).is_duplicated().any()).item():
        return pl.DataFrame(schema=ERROR_SCHEMA)
    first = pl.col(ROW).min().over(list(key)).alias("__eerste")
    repeats = typed.with_columns(first).filter(pl.col(ROW) != pl.col("__eerste"))
    message = pl.format(
        "dubbel: dezelfde sleutel ({}) staat al op rij {}", pl.lit(", ".join(key)), pl.col("__eerste")
    )
    return errors_where(repeats, pl.lit(value=True), kolom, message)


def check_rules(raw: pl.DataFrame, typed: pl.DataFrame, kind: ImportKind) -> list[pl.DataFrame]:
    """The checks across columns and rows that belong to one kind (raw text and typed values)."""
    if kind.naam == "registraties":
        return _registration_rules(raw, typed)
    if kind.naam == "leden":
        before = pl.col("tot").is_not_null() & (pl.col("tot") < pl.col("van"))
        return [errors_where(typed, before, "tot", "de einddatum (tot) ligt voor de begindatum (van)")]
    return []


def _registration_rules(raw: pl.DataFrame, typed: pl.DataFrame) -> list[pl.DataFrame]:
    """persoon_id and rol come together; every row of one registration repeats the same facts."""
    person, role = pl.col("persoon_id"), pl.col("rol")
    errors = [
        errors_where(
            raw, person.is_not_null() & role.is_null(), "rol", "is leeg; geef de rol van de betrokkene"
        ),
        errors_where(
            raw, person.is_null() & role.is_not_null(), "persoon_id", "is leeg, maar er staat wel een rol"
        ),
    ]
    facts = ("datum", "categorie_code", "gemeente_code", "lat", "lon")
    combinations = typed.select("registratienummer", pl.struct(facts).hash()).n_unique()
    if combinations == typed["registratienummer"].n_unique():
        return errors  # the usual case: every registration's rows agree
    first = typed.sort(ROW).group_by("registratienummer", maintain_order=True).first()
    joined = typed.join(
        first.select("registratienummer", *facts, pl.col(ROW).alias("__eerste")),
        on="registratienummer",
        suffix="__eerste",
    )
    for name in facts:
        other = pl.col(f"{name}__eerste")
        differs = pl.col(name).is_not_null() & other.is_not_null() & (pl.col(name) != other)
        message = pl.format(
            "wijkt af van rij {} van dezelfde registratie; elke rij moet dezelfde gegevens hebben",
            pl.col("__eerste"),
        )
        errors.append(errors_where(joined, differs, name, message))
    return errors
