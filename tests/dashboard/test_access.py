"""The access model: permissions per role and scope filters."""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from dashboard.access import (
    PERMISSIES,
    ROL_PERMISSIES,
    AccessDeniedError,
    Identity,
    Scope,
    has_permission,
    may_export,
    require,
    require_product,
    scope_expr,
    verstrekking,
    visible_fields,
)
from dashboard.domain import ROLLEN
from dashboard.policy import BELEID_PRODUCTEN


def _identity(rol: str, scope: Scope | None = None) -> Identity:
    return Identity(
        gebruiker_id="u1",
        naam="Test",
        email="test@demo.example",
        rol=rol,
        scope=scope or Scope(type="land"),
    )


# Expected answers written out in full, so a change to the matrix must change this table too.
MATRIX = {
    "politie_specialist": {
        "aggregaten",
        "groepsdetail",
        "namenlijst",
        "groepsscan_intern",
        "rapportage",
        "groepsscan_invoer",
        "stap_wijzigen",
        "driehoek",
        "importeren",
    },
    "wijkagent": {"aggregaten", "groepsdetail", "namenlijst", "groepsscan_intern", "groepsscan_invoer"},
    "procesregisseur": {
        "aggregaten",
        "groepsdetail",
        "namenlijst",
        "rapportage",
        "stap_wijzigen",
        "driehoek",
        "besluiten",
        "plan_van_aanpak",
    },
    "burgemeester": {"aggregaten", "groepsdetail", "rapportage", "driehoek"},
    "officier_van_justitie": {"aggregaten", "groepsdetail", "namenlijst", "rapportage", "driehoek"},
    "beheerder": {"aggregaten", "beheer", "audit", "importeren"},
    "privacyfunctionaris": {"aggregaten", "audit", "inzage"},
}
# The products of the strict default policy, per role (gemeente and OM each get their own letter).
PRODUCTS = {
    "politie_specialist": {
        "rapportage",
        "namenlijst",
        "brief-gemeente",
        "brief-om",
        "groepsscan",
        "vergaderpakket",
    },
    "wijkagent": {"namenlijst", "groepsscan"},
    "procesregisseur": {"rapportage", "namenlijst", "brief-gemeente", "vergaderpakket"},
    "burgemeester": {"rapportage", "brief-gemeente", "vergaderpakket"},
    "officier_van_justitie": {"rapportage", "namenlijst", "brief-om", "vergaderpakket"},
    "beheerder": set(),
    "privacyfunctionaris": set(),
}


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("permissie", PERMISSIES)
def test_permission_matrix(rol: str, permissie: str) -> None:
    identity = _identity(rol)
    allowed = permissie in MATRIX[rol]
    assert has_permission(identity, permissie) is allowed
    if allowed:
        require(identity, permissie)
    else:
        with pytest.raises(AccessDeniedError, match="geeft geen toegang"):
            require(identity, permissie)


def test_every_role_has_a_row() -> None:
    assert set(ROL_PERMISSIES) == set(ROLLEN)
    assert {rol: set(rights) for rol, rights in ROL_PERMISSIES.items()} == MATRIX


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("product", BELEID_PRODUCTEN)
def test_product_matrix(rol: str, product: str) -> None:
    identity = _identity(rol)
    allowed = product in PRODUCTS[rol]
    assert may_export(identity, product) is allowed
    if allowed:
        require_product(identity, product)
        assert verstrekking(identity, product).regel.startswith("Verstrekt op grond van: ")
    else:
        with pytest.raises(AccessDeniedError, match="deelbeleid"):
            require_product(identity, product)


@pytest.mark.parametrize(
    ("rol", "expected"),
    [
        ("procesregisseur", ("naam", "geboortedatum", "leeftijd", "rol", "lid_sinds")),
        (
            "officier_van_justitie",
            ("naam", "persoon_id", "geboortedatum", "leeftijd", "rol", "lid_sinds", "verdenkingen"),
        ),
        ("burgemeester", ()),
    ],
    ids=["gemeente", "om", "geen-namenlijst"],
)
def test_the_om_sees_more_person_fields_than_the_gemeente(rol: str, expected: tuple[str, ...]) -> None:
    assert visible_fields(_identity(rol), "namenlijst") == expected


def test_only_police_see_the_internal_groepsscan() -> None:
    police = {rol for rol, rights in ROL_PERMISSIES.items() if "groepsscan_intern" in rights}
    assert police == {"politie_specialist", "wijkagent"}


GROUPS = pl.DataFrame(
    {
        "groep_id": ["A", "B", "C"],
        "gemeente_code": ["GM0344", "GM0307", "GM0344"],
        "basisteam_code": ["UTR-N", "AMF", "UTR-Z"],
        "eenheid_code": ["MNL", "MNL", "MNL"],
    }
)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (Scope(type="land"), ["A", "B", "C"]),
        (Scope(type="eenheid", codes=frozenset({"MNL"})), ["A", "B", "C"]),
        (Scope(type="eenheid", codes=frozenset({"NN"})), []),
        (Scope(type="gemeente", codes=frozenset({"GM0344"})), ["A", "C"]),
        (Scope(type="gemeente", codes=frozenset({"GM0307", "GM0344"})), ["A", "B", "C"]),
        (Scope(type="basisteam", codes=frozenset({"UTR-Z"})), ["C"]),
        (Scope(type="gemeente"), []),
    ],
    ids=["land", "eenheid", "andere-eenheid", "gemeente", "twee-gemeenten", "basisteam", "leeg"],
)
def test_scope_filters_groups(scope: Scope, expected: list[str]) -> None:
    result = GROUPS.filter(scope_expr(scope)).select("groep_id")
    assert_frame_equal(result, pl.DataFrame({"groep_id": expected}, schema={"groep_id": pl.String}))


NAMES = {"GM0344": "Utrecht", "GM0307": "Amersfoort", "MNL": "Midden-Nederland"}


@pytest.mark.parametrize(
    ("scope", "text"),
    [
        (Scope(type="land"), "heel Nederland"),
        (Scope(type="gemeente", codes=frozenset({"GM0344", "GM0307"})), "gemeente Amersfoort, Utrecht"),
        (Scope(type="eenheid", codes=frozenset({"MNL"})), "eenheid Midden-Nederland"),
        (Scope(type="basisteam", codes=frozenset({"X1"})), "basisteam X1"),
        (Scope(type="gemeente"), "gemeente (geen)"),
    ],
    ids=["land", "namen", "eenheid", "onbekende-code", "leeg"],
)
def test_scope_is_described_in_dutch(scope: Scope, text: str) -> None:
    assert scope.describe(NAMES) == text
