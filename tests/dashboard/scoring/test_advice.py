"""Advice rules on hand-made groups."""

from __future__ import annotations

import datetime as dt

from dashboard.domain import DIMENSIES
from dashboard.scoring.config import ScoringConfig
from dashboard.scoring.results import score_report
from tests.dashboard.scoring.conftest import LAT, LON, PEIL, Group, make_inputs


def _serious_group() -> Group:
    recent = PEIL - dt.timedelta(days=15)
    return Group(
        scans=[(PEIL, dict.fromkeys(DIMENSIES, 3), "wijkagent;boa")],
        leden=[(f"P{i}", "kern") for i in range(10)],
        registraties=[("P0", recent, "vuurwapenbezit", "verdachte")]
        + [("P1", recent, "overlast", "verdachte")] * 3,
        hangplekken=[(LAT, LON), (LAT + 0.01, LON)],
        meldingen=[(recent, LAT, LON)] * 30,
    )


def test_a_serious_group_gets_all_three_approaches(config: ScoringConfig) -> None:
    (result,) = score_report(make_inputs([_serious_group()]), PEIL, config)
    advies = result.advies
    assert result.band == "hoog"
    soorten = {aanpak.soort: aanpak for aanpak in advies.aanpak}
    assert set(soorten) == {"groepsgericht", "domeingericht", "persoonsgericht"}
    assert soorten["domeingericht"].betreft[0] == "Plek G1-0 (30 meldingen)"
    assert [b.split(" ")[0] for b in soorten["persoonsgericht"].betreft] == ["P0", "P1"]
    assert "Openbaar Ministerie" in advies.partners
    assert any("Gebiedsverbod" in i for i in advies.interventies)
    assert advies.redenen[0].startswith("Prioriteitsscore")


def test_a_group_without_data_is_advised_to_get_a_scan(config: ScoringConfig) -> None:
    (result,) = score_report(make_inputs([Group()]), PEIL, config)
    assert result.band == "onvoldoende gegevens"
    assert result.advies.prioriteit.startswith("Nog niet te prioriteren")
    assert result.advies.aanpak == ()
