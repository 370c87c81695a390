"""The record models: what they accept, what they refuse, and what they can never hold."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dashboard import models
from dashboard.loading.files import IMPORT_FILES
from dashboard.loading.issues import describe_error

FORBIDDEN = ("etnic", "ethnic", "afkomst", "herkomst", "nationalit", "religie", "geloof", "politiek")


@pytest.mark.parametrize("spec", IMPORT_FILES, ids=lambda spec: spec.bestand)
def test_no_model_can_hold_special_categories(spec) -> None:
    for name in spec.model.model_fields:
        assert not any(word in name.lower() for word in FORBIDDEN), name


def test_records_refuse_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        models.PersoonCreate.model_validate(
            {
                "persoon_id": "P1",
                "voornaam": "A",
                "achternaam": "B",
                "geboortedatum": "2009-01-01",
                "geslacht": "m",
                "etniciteit": "x",
            }
        )


def _error(model, data: dict[str, object]) -> str:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return describe_error(caught.value.errors()[0])


TIJD = {"hangplek_id": "H1", "weekdag": 5, "uur_van": 20, "uur_tot": 23}
BEOORDELING = {"scan_id": "S1", "dimensie": "geweld", "score": 2, "bronnen": "wijkagent"}


@pytest.mark.parametrize(
    ("model", "data", "message"),
    [
        (models.HangplekTijdCreate, TIJD | {"uur_tot": 2}, "uur_tot moet na uur_van liggen"),
        (models.HangplekTijdCreate, TIJD | {"weekdag": 8}, "'8' is groter dan het maximum 7"),
        (models.BeoordelingCreate, BEOORDELING, "een score boven 0 vraagt een datum laatst_waargenomen"),
        (
            models.BeoordelingCreate,
            BEOORDELING | {"dimensie": "racisme"},
            "'racisme' is geen toegestane waarde",
        ),
        (
            models.GroepsscanCreate,
            {
                "scan_id": "S1",
                "groep_id": "G1",
                "datum": "2025-01-01",
                "auteur": "X",
                "radicaliseringssignaal": "misschien",
            },
            "'misschien' is geen 'ja' of 'nee'",
        ),
    ],
    ids=["middernacht", "weekdag", "laatst-waargenomen", "dimensie", "ja-nee"],
)
def test_invalid_records_get_dutch_messages(model, data: dict[str, object], message: str) -> None:
    assert message in _error(model, data)


@pytest.mark.parametrize(("value", "expected"), [("ja", True), ("Nee", False), ("JA ", True)])
def test_ja_nee_is_read_as_boolean(value: str, expected: bool) -> None:  # noqa: FBT001
    scan = models.GroepsscanCreate.model_validate(
        {
            "scan_id": "S1",
            "groep_id": "G1",
            "datum": "2025-01-01",
            "auteur": "X",
            "radicaliseringssignaal": value,
        }
    )
    assert scan.radicaliseringssignaal is expected


def test_a_zero_rating_needs_no_observation_date() -> None:
    rating = models.BeoordelingCreate.model_validate(BEOORDELING | {"score": 0})
    assert rating.laatst_waargenomen is None
