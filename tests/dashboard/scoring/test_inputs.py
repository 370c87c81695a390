"""Loading the scoring inputs from the database, per scope and up to a peildatum."""

from __future__ import annotations

import datetime as dt

import polars as pl

from dashboard.access import Scope
from dashboard.scoring.inputs import dataset_peildatum, load_inputs


def test_inputs_of_the_whole_sample(sample_engine) -> None:
    inputs = load_inputs(sample_engine, Scope(type="land"))
    assert inputs.groepen.height > 0
    assert set(inputs.registraties["rol"].unique()) > {"verdachte"}  # every role; scoring filters
    assert "radicaliseringssignaal" not in inputs.scans.columns
    assert dataset_peildatum(sample_engine) == dt.date(2026, 11, 30)


def test_a_gemeente_scope_keeps_its_own_groups_only(sample_engine) -> None:
    inputs = load_inputs(sample_engine, Scope(type="gemeente", codes=frozenset({"GM0307"})))
    assert set(inputs.groepen["gemeente_code"]) == {"GM0307"}
    assert set(inputs.hangplekken["groep_id"]) <= set(inputs.groepen["groep_id"])
    assert inputs.gemeenten["gemeente_code"].to_list() == ["GM0307"]


def test_a_peildatum_drops_later_events(sample_engine) -> None:
    peildatum = dt.date(2025, 6, 30)
    inputs = load_inputs(sample_engine, Scope(type="land"), peildatum)
    for frame in (inputs.scans, inputs.registraties, inputs.meldingen):
        assert frame.filter(pl.col("datum") > peildatum).is_empty()
