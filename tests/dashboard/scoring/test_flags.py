"""Data-quality flags of hand-made groups."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.scoring.config import ScoringConfig
from dashboard.scoring.flags import data_quality_flags
from dashboard.scoring.scores import score_groups
from tests.dashboard.scoring.conftest import PEIL, Group, make_inputs

RECENT = PEIL - dt.timedelta(days=10)


@pytest.mark.parametrize(
    ("group", "code"),
    [
        pytest.param(Group(), "geen_scan", id="geen-scan"),
        pytest.param(
            Group(scans=[(dt.date(2025, 11, 1), {"overlast": 1}, "a;b")]), "scan_verouderd", id="verouderd"
        ),
        pytest.param(Group(scans=[(PEIL, {"overlast": 2}, "wijkagent")]), "enkele_bron", id="een-bron"),
        pytest.param(
            Group(
                scans=[(PEIL, {"geweld": 0}, "a;b")],
                leden=[("P1", "kern")],
                registraties=[("P1", RECENT, "mishandeling", "verdachte")] * 2,
            ),
            "tegengesproken",
            id="tegengesproken",
        ),
        pytest.param(Group(scans=[(PEIL, {}, "a;b")]), "geen_leden", id="geen-leden"),
        pytest.param(
            Group(scans=[(PEIL, {}, "a;b")], leden=[("P1", "kern"), ("P2", "meeloper")]),
            "leden_zonder_gegevens",
            id="leden-zonder-gegevens",
        ),
    ],
)
def test_each_flag_is_raised(group: Group, code: str, config: ScoringConfig) -> None:
    flags = data_quality_flags(score_groups(make_inputs([group]), PEIL, config).evidence, config)
    assert code in flags["code"].to_list()


def test_a_recent_well_sourced_scan_raises_no_scan_flags(config: ScoringConfig) -> None:
    group = Group(scans=[(PEIL, {"overlast": 2}, "wijkagent;boa")], leden=[("P1", "kern")])
    group.registraties.append(("P1", RECENT, "overlast", "getuige"))
    flags = data_quality_flags(score_groups(make_inputs([group]), PEIL, config).evidence, config)
    assert flags.is_empty()
