"""The retention rule: one purge date per person, table-driven over the cases in docs/privacy.md."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dashboard.privacy.retention import (
    PURGE_COLUMNS,
    RetentionInputs,
    RetentionRule,
    compute_purge_dates,
    due_for_purge,
    load_purge_dates,
)

D = dt.date
RULE = RetentionRule()  # 12 months, legal maximum 5 years


def _inputs(
    leden: list[tuple[str, str, dt.date, dt.date | None]],
    groepen: dict[str, dt.date | None],
    registraties: list[tuple[str, dt.date]] = (),  # type: ignore[assignment]
    extra: tuple[str, ...] = (),
) -> RetentionInputs:
    ids = sorted({p for p, *_ in leden} | {p for p, _ in registraties} | set(extra))
    return RetentionInputs(
        personen=pl.DataFrame({"persoon_id": ids}, schema={"persoon_id": pl.String}),
        leden=pl.DataFrame(
            leden, schema={"persoon_id": pl.String, "groep_id": pl.String, "van": pl.Date, "tot": pl.Date},
            orient="row",
        ),
        groepen=pl.DataFrame(
            list(groepen.items()), schema={"groep_id": pl.String, "aanpak_beeindigd": pl.Date}, orient="row"
        ),
        registraties=pl.DataFrame(
            registraties, schema={"persoon_id": pl.String, "datum": pl.Date}, orient="row"
        ),
    )  # fmt: skip


CASES = [
    pytest.param(
        [("P", "G1", D(2024, 1, 1), D(2025, 3, 31))], {"G1": None}, [], (D(2026, 3, 31), False, "12 maanden"),
        id="lidmaatschap-beeindigd",
    ),
    pytest.param(
        [("P", "G1", D(2024, 1, 1), None)], {"G1": D(2025, 6, 30)}, [], (D(2026, 6, 30), False, "12 maanden"),
        id="aanpak-beeindigd",
    ),
    pytest.param(
        [("P", "G1", D(2024, 1, 1), D(2025, 9, 1))], {"G1": D(2025, 6, 30)}, [],
        (D(2026, 6, 30), False, "12 maanden"),
        id="aanpak-eindigt-voor-lidmaatschap",
    ),
    pytest.param(
        [("P", "G1", D(2024, 1, 1), D(2024, 6, 1)), ("P", "G2", D(2024, 3, 1), D(2025, 2, 1))],
        {"G1": None, "G2": None}, [], (D(2026, 2, 1), False, "12 maanden"),
        id="laatste-lidmaatschap-telt",
    ),
    pytest.param(
        [("P", "G1", D(2024, 1, 1), D(2024, 6, 1)), ("P", "G2", D(2024, 3, 1), None)],
        {"G1": None, "G2": None}, [], (D(2029, 1, 1), True, "aanpak loopt nog"),
        id="lopend-uiterlijk-wettelijk-maximum",
    ),
    pytest.param(
        [("P", "G1", D(2020, 1, 1), D(2024, 12, 31))], {"G1": None}, [],
        (D(2025, 1, 1), False, "wettelijk maximum"),
        id="nooit-na-wettelijk-maximum",
    ),
    pytest.param(
        [("P", "G1", D(2020, 1, 1), None)], {"G1": None}, [], (D(2025, 1, 1), True, "wettelijk maximum"),
        id="lopend-maar-maximum-verstreken",
    ),
    pytest.param(
        [], {}, [("P", D(2025, 2, 1)), ("P", D(2025, 5, 10))], (D(2026, 5, 10), False, "geen groepslid"),
        id="geen-lid-laatste-registratie",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("leden", "groepen", "registraties", "expected"), CASES)
def test_the_purge_date_follows_the_rule(
    leden: list[tuple[str, str, dt.date, dt.date | None]],
    groepen: dict[str, dt.date | None],
    registraties: list[tuple[str, dt.date]],
    expected: tuple[dt.date, bool, str],
) -> None:
    result = compute_purge_dates(_inputs(leden, groepen, registraties), RULE)
    assert result.columns == list(PURGE_COLUMNS)
    row = result.row(0, named=True)
    datum, lopend, grond = expected
    assert (row["verwijderdatum"], row["lopend"]) == (datum, lopend)
    assert grond in row["grond"]


def test_a_person_without_membership_or_registration_is_due_at_once() -> None:
    result = compute_purge_dates(_inputs([], {}, [], extra=("P",)), RULE)
    assert result["verwijderdatum"].to_list() == [None]
    assert due_for_purge(result, D(2000, 1, 1))["persoon_id"].to_list() == ["P"]


def test_the_rule_is_configurable() -> None:
    inputs = _inputs([("P", "G1", D(2024, 1, 1), D(2025, 3, 31))], {"G1": None})
    rule = RetentionRule(bewaartermijn_maanden=6, maximale_jaren=1)
    row = compute_purge_dates(inputs, rule).row(0, named=True)
    assert row["verwijderdatum"] == D(2025, 1, 1)  # 6 months after the end, capped at 1 year after start
    assert "1 jaar" in row["grond"]


@pytest.mark.parametrize(
    ("peildatum", "due"),
    [(D(2026, 3, 30), False), (D(2026, 3, 31), True), (D(2026, 4, 1), True)],
    ids=["dag-ervoor", "op-de-dag", "dag-erna"],
)
def test_a_person_is_due_from_the_purge_date_on(peildatum: dt.date, due: bool) -> None:  # noqa: FBT001
    dates = compute_purge_dates(_inputs([("P", "G1", D(2024, 1, 1), D(2025, 3, 31))], {"G1": None}), RULE)
    assert (due_for_purge(dates, peildatum).height == 1) is due


def test_settings_configure_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BEWAARTERMIJN_MAANDEN", "18")
    monkeypatch.setenv("MAXIMALE_BEWAARTERMIJN_JAREN", "3")
    assert RetentionRule.from_settings() == RetentionRule(bewaartermijn_maanden=18, maximale_jaren=3)


def test_every_person_of_the_sample_gets_one_purge_date(sample_engine: object) -> None:
    dates = load_purge_dates(sample_engine)  # type: ignore[arg-type]
    assert dates["persoon_id"].is_unique().all()
    assert dates["verwijderdatum"].null_count() == 0
    members = dates.filter(pl.col("grond").str.contains("lidmaatschap"))
    assert members.height > 0
    assert dates.filter(pl.col("lopend"))["grond"].str.contains("uiterlijk").all()
