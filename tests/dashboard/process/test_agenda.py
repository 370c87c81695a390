"""The driehoek's agenda: which groups need a decision and why, highest priority first."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dashboard.access import Identity, Scope
from dashboard.overview import summarise_scope
from dashboard.process.agenda import AGENDA_COLUMNS, build_agenda, load_agenda
from dashboard.process.decisions import BESLUIT_COLUMNS, BesluitCreate, record_decision
from dashboard.process.sample_decisions import seed_demo_decisions
from dashboard.scoring.service import score_scope

PEILDATUM = dt.date(2026, 11, 30)
D = dt.date


def _groups(*rows: tuple[str, str, float | None, dt.date | None]) -> pl.DataFrame:
    """groep_id, stap, prioriteit, scan_datum (+ the other columns the agenda shows)."""
    frame = pl.DataFrame(
        rows,
        schema={"groep_id": pl.String, "stap": pl.String, "prioriteit": pl.Float64, "scan_datum": pl.Date},
        orient="row",
    )
    return frame.with_columns(
        werknaam=pl.format("Groep {}", "groep_id"),
        gemeente_naam=pl.lit("Utrecht"),
        band=pl.lit("midden"),
        trend=pl.lit(None, dtype=pl.Float64),
    )


def _decisions(*rows: tuple[str, dt.date, str, dt.date | None]) -> pl.DataFrame:
    """groep_id, vergaderdatum, uitkomst, volgende_evaluatie (+ the other decision columns)."""
    schema = dict.fromkeys(BESLUIT_COLUMNS, pl.String) | {
        "vergaderdatum": pl.Date,
        "volgende_evaluatie": pl.Date,
        "vastgelegd_op": pl.Datetime("us", "UTC"),
        "versie": pl.Int64,
    }
    data = [
        {"groep_id": g, "vergaderdatum": v, "uitkomst": u, "volgende_evaluatie": e, "besluit_id": f"B{i}"}
        for i, (g, v, u, e) in enumerate(rows)
    ]
    return pl.DataFrame(data, schema=schema).with_columns(
        vastgelegd_op=pl.col("vergaderdatum").cast(pl.Datetime("us", "UTC"))
    )


@pytest.mark.parametrize(
    ("group", "decisions", "reason"),
    [
        pytest.param(("A", "4", 50.0, D(2026, 10, 1)), [], "Nieuw advies", id="stap-4-zonder-besluit"),
        pytest.param(
            ("A", "4", 50.0, D(2026, 10, 1)),
            [("A", D(2026, 10, 15), "monitoren", D(2027, 4, 1))],
            None,
            id="stap-4-al-besloten-na-de-scan",
        ),
        pytest.param(
            ("A", "4", 50.0, D(2026, 11, 1)),
            [("A", D(2026, 10, 15), "monitoren", D(2027, 4, 1))],
            "Nieuw advies; Nieuwe groepsscan (1 nov. 2026)",
            id="stap-4-nieuwe-scan-na-besluit",
        ),
        pytest.param(
            ("A", "6", 50.0, D(2026, 5, 1)),
            [("A", D(2026, 6, 1), "geprioriteerd", D(2026, 12, 10))],
            "Evaluatie verloopt op 10 dec. 2026",
            id="evaluatie-binnen-14-dagen",
        ),
        pytest.param(
            ("A", "6", 50.0, D(2026, 5, 1)),
            [("A", D(2026, 6, 1), "geprioriteerd", D(2026, 12, 15))],
            None,
            id="evaluatie-over-15-dagen",
        ),
        pytest.param(
            ("A", "6", 50.0, D(2026, 5, 1)),
            [("A", D(2026, 6, 1), "geprioriteerd", D(2026, 9, 1))],
            "Evaluatie verlopen sinds 1 sep. 2026",
            id="evaluatie-verlopen",
        ),
        pytest.param(
            ("A", "6", 50.0, D(2026, 5, 1)),
            [
                ("A", D(2026, 1, 1), "monitoren", D(2026, 3, 1)),
                ("A", D(2026, 6, 1), "geprioriteerd", D(2027, 6, 1)),
            ],
            None,
            id="alleen-het-laatste-besluit-telt",
        ),
        pytest.param(
            ("A", "7", 50.0, D(2026, 11, 1)),
            [("A", D(2026, 6, 1), "afschalen", None)],
            "Nieuwe groepsscan (1 nov. 2026)",
            id="nieuwe-scan-na-afschalen",
        ),
        pytest.param(("A", "3", 50.0, D(2026, 11, 1)), [], None, id="stap-3-zonder-besluit"),
    ],
)
def test_reasons(group: tuple, decisions: list[tuple], reason: str | None) -> None:
    agenda = build_agenda(_groups(group), _decisions(*decisions), PEILDATUM)
    assert agenda.columns == AGENDA_COLUMNS
    assert agenda["reden"].to_list() == ([reason] if reason else [])


def test_highest_priority_first_with_the_last_decision() -> None:
    groups = _groups(
        ("A", "4", 20.0, None),
        ("B", "4", None, None),
        ("C", "4", 80.0, None),
        ("D", "6", 60.0, D(2026, 1, 1)),
    )
    decisions = _decisions(("D", D(2026, 2, 1), "geprioriteerd", D(2026, 3, 1)))
    agenda = build_agenda(groups, decisions, PEILDATUM)
    assert agenda["groep_id"].to_list() == ["C", "D", "A", "B"]
    assert agenda.filter(groep_id="D").select("laatste_besluit", "laatste_vergadering").row(0) == (
        "Geprioriteerd",
        D(2026, 2, 1),
    )


def test_load_agenda_takes_a_decided_group_off(loaded_engine) -> None:
    scope = Scope(type="gemeente", codes=frozenset({"GM0344"}))
    identity = Identity(
        gebruiker_id="pr", naam="PR", email="pr@x.example", rol="procesregisseur", scope=scope
    )
    scores = score_scope(loaded_engine, scope, PEILDATUM)
    before = load_agenda(loaded_engine, scope, scores)
    in_step_4 = scores.groepen.filter(stap="4")["groep_id"].to_list()
    assert sorted(before["groep_id"]) == sorted(in_step_4)
    assert set(before["reden"]) == {"Nieuw advies"}
    besluit = BesluitCreate.model_validate(
        {
            "groep_id": in_step_4[0],
            "vergaderdatum": PEILDATUM,
            "uitkomst": "monitoren",
            "volgende_evaluatie": D(2027, 3, 1),
            "aanwezigen": {"gemeente": "Burgemeester", "om": "OvJ", "politie": "Teamchef"},
        }
    )
    record_decision(loaded_engine, identity, besluit)
    after = load_agenda(loaded_engine, scope, scores)
    assert in_step_4[0] not in after["groep_id"].to_list()
    assert after.height == before.height - 1


def test_the_overview_counts_the_agenda(loaded_engine) -> None:
    scope = Scope(type="gemeente", codes=frozenset({"GM0344"}))
    seed_demo_decisions(loaded_engine, PEILDATUM)
    scores = score_scope(loaded_engine, scope, PEILDATUM)
    agenda = load_agenda(loaded_engine, scope, scores)
    reasons = " ".join(agenda["reden"])
    assert "Nieuw advies" in reasons
    assert "Evaluatie" in reasons, "de demobesluiten zetten evaluaties op de agenda"
    assert summarise_scope(scores, agenda).besluit_nodig == agenda.height
    assert agenda.height > scores.groepen.filter(stap="4").height
