"""Vectorised checks: types, Dutch formats, duplicates and the rules of each kind (no database)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dashboard.imports import KINDS
from dashboard.imports.checks import check_duplicates, check_rules, parse_columns
from dashboard.imports.reading import ROW, read_export

HEADER = "registratienummer;datum;categorie_code;gemeente_code;lat;lon;persoon_id;rol"


def _parse(kind: str, lines: list[str], header: str = HEADER) -> tuple[pl.DataFrame, pl.DataFrame]:
    raw = read_export("\n".join([header, *lines]).encode(), KINDS[kind])  # type: ignore[index]
    return parse_columns(raw.frame, KINDS[kind])  # type: ignore[index]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        pytest.param("R1;31-03-2025;diefstal;GM0344;52,09071;5,12;P1;Verdachte", None, id="dutch"),
        pytest.param("R1;2025-03-31;diefstal;344;52.09071;5.12;P1;verdachte", None, id="iso-and-cbs-number"),
        pytest.param("R1;31/03/2025 14:22;diefstal;gm0344;52,09071;5,12;P1;VERDACHTE", None, id="time-slash"),
    ],
)
def test_dutch_and_iso_values_parse_to_the_same_record(cells: str, expected: None) -> None:
    typed, errors = _parse("registraties", [cells])
    assert errors.is_empty(), errors.to_dicts()
    assert typed.drop(ROW).row(0) == (
        "R1",
        dt.date(2025, 3, 31),
        "diefstal",
        "GM0344",
        52.09071,
        5.12,
        "P1",
        "verdachte",
    )
    assert expected is None


@pytest.mark.parametrize(
    ("cells", "kolom", "message"),
    [
        ("R1;31-02-2025;d;GM0344;52;5;;", "datum", "'31-02-2025' is geen geldige datum (verwacht dd-mm-jjjj"),
        ("R1;;d;GM0344;52;5;;", "datum", "is verplicht, maar leeg"),
        ("R 1;01-01-2025;d;GM0344;52;5;;", "registratienummer", "'R 1' heeft niet de juiste vorm"),
        ("R1;01-01-2025;d;Utrecht;52;5;;", "gemeente_code", "'Utrecht' is geen CBS-gemeentecode"),
        ("R1;01-01-2025;d;GM0344;52,0,1;5;;", "lat", "'52,0,1' is geen getal"),
        (
            "R1;01-01-2025;d;GM0344;48,5;5;;",
            "lat",
            "'48,5' ligt buiten Nederland (breedtegraad tussen 50,5 en 53,7)",
        ),
        (
            "R1;01-01-2025;d;GM0344;52;5;P1;dader",
            "rol",
            "'dader' is geen toegestane waarde; kies uit verdachte",
        ),
        ("R1;01-01-2025;d;GM0344;52;5;P1;", "rol", "is leeg; geef de rol van de betrokkene"),
        ("R1;01-01-2025;d;GM0344;52;5;;getuige", "persoon_id", "is leeg, maar er staat wel een rol"),
    ],
)
def test_each_bad_cell_gets_a_dutch_message_with_row_and_column(cells: str, kolom: str, message: str) -> None:
    kind = KINDS["registraties"]
    raw = read_export(f"{HEADER}\n{cells}".encode(), kind)
    typed, errors = parse_columns(raw.frame, kind)
    errors = pl.concat([errors, *check_rules(raw.frame, typed, kind)])
    assert errors.height == 1, errors.to_dicts()
    row = errors.row(0, named=True)
    assert (row["rij"], row["kolom"]) == (2, kolom)
    assert row["melding"].startswith(message)


def test_duplicates_name_the_earlier_row() -> None:
    typed, _ = _parse(
        "meldingen",
        ["M1;01-01-2025;GM0344;52;5", "M2;01-01-2025;GM0344;52;5", "M1;02-01-2025;GM0344;52;5"],
        "melding_id;datum;gemeente_code;lat;lon",
    )
    errors = check_duplicates(typed, ("melding_id",), "melding_id")
    assert errors.to_dicts() == [
        {
            "rij": 4,
            "kolom": "melding_id",
            "waarde": "M1",
            "melding": "dubbel: dezelfde sleutel (melding_id) staat al op rij 2",
        }
    ]
    assert check_duplicates(typed.filter(pl.col(ROW) < 4), ("melding_id",), "melding_id").is_empty()


def test_rows_of_one_registration_must_agree() -> None:
    kind = KINDS["registraties"]
    raw = read_export(
        f"{HEADER}\nR1;01-01-2025;d;GM0344;52;5;P1;verdachte\nR1;02-01-2025;d;GM0344;52;5;P2;getuige".encode(),
        kind,
    )
    typed, _ = parse_columns(raw.frame, kind)
    errors = pl.concat(check_rules(raw.frame, typed, kind))
    assert errors.select("rij", "kolom").rows() == [(3, "datum")]
    assert "wijkt af van rij 2" in errors["melding"][0]


def test_a_membership_cannot_end_before_it_starts() -> None:
    kind = KINDS["leden"]
    header = "persoon_id;groep_id;rol;van;tot;bron"
    raw = read_export(f"{header}\nP1;G1;Kern;01-02-2025;01-01-2025;wijkagent".encode(), kind)
    typed, errors = parse_columns(raw.frame, kind)
    assert errors.is_empty()
    assert pl.concat(check_rules(raw.frame, typed, kind))["melding"].to_list() == [
        "de einddatum (tot) ligt voor de begindatum (van)"
    ]
