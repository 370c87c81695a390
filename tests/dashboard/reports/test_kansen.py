"""The 'kansen' of the standaardrapportage follow from the data by the documented rules."""

from __future__ import annotations

import datetime as dt
import re

from dashboard.reports.build import build_namenlijst, build_rapportage
from dashboard.reports.layout import layout
from dashboard.reports.models import Aanvraag
from tests.dashboard.reports.conftest import GROEP, PEILDATUM

NOW = dt.datetime(2026, 12, 3, 13, 0, tzinfo=dt.UTC)


def _aanvraag(identity, product: str) -> Aanvraag:
    return Aanvraag(identity=identity, groep_id=GROEP, peildatum=PEILDATUM, product=product, aangemaakt=NOW)


def test_members_without_suspicion_match_the_namenlijst(db, users) -> None:
    specialist = next(i for i in users.values() if i.rol == "politie_specialist")
    rapport = build_rapportage(db, _aanvraag(specialist, "rapportage"))
    namen = build_namenlijst(db, _aanvraag(specialist, "namenlijst"))
    zonder = sum(1 for lid in namen.leden if lid.verdenkingen == 0)
    sentences = [k for k in rapport.kansen if "niet als verdachte geregistreerd" in k]
    if zonder == 0:
        assert sentences == []
    else:
        [sentence] = sentences
        assert re.match(rf"^{zonder} van de {len(namen.leden)} leden ", sentence)


def test_every_rapportage_has_a_kansen_section(db, users) -> None:
    mayor = next(i for i in users.values() if i.rol == "burgemeester" and "GM0344" in i.scope.codes)
    document = layout(build_rapportage(db, _aanvraag(mayor, "rapportage")))
    section = next(s for s in document.secties if s.titel == "Risico's en kansen")
    texts = [getattr(b, "tekst", "") for b in section.blokken]
    assert "Kansen" in texts
