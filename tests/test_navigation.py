"""Navigation per role: a page the role may not open is not in its navigation at all."""

from __future__ import annotations

import pytest

from components.navigation import PAGES, allowed_specs
from dashboard.access import Identity, Scope
from dashboard.domain import ROLLEN

BASE = ["overzicht", "kaart", "prioritering", "trends"]
EXPECTED = {
    "politie_specialist": [*BASE, "groep", "groepsscan", "driehoek", "importeren"],
    "wijkagent": [*BASE, "groep", "groepsscan"],
    "procesregisseur": [*BASE, "groep", "driehoek", "plan"],
    "burgemeester": [*BASE, "groep", "driehoek"],
    "officier_van_justitie": [*BASE, "groep", "driehoek"],
    "beheerder": [*BASE, "importeren", "beheer", "auditlog"],
    "privacyfunctionaris": [*BASE, "auditlog", "betrokkenen"],
}


@pytest.mark.parametrize("rol", ROLLEN)
def test_each_role_gets_exactly_its_pages(rol: str) -> None:
    identity = Identity(gebruiker_id="u", naam="T", email="t@demo.example", rol=rol, scope=Scope(type="land"))
    assert [spec.url_path for spec in allowed_specs(identity)] == EXPECTED[rol]


def test_url_paths_are_unique() -> None:
    paths = [spec.url_path for spec in PAGES]
    assert len(paths) == len(set(paths))
