"""The scoring configuration: shipped defaults load; a bad file fails with a Dutch message naming the key."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from dashboard.scoring.config import DEFAULT_CONFIG_PATH, ConfigError, load_config, parse_config


def _defaults() -> dict[str, Any]:
    return tomllib.loads(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))


def test_the_shipped_defaults_load() -> None:
    config = load_config()
    assert config.vensters.maanden == 12
    assert config.vensters.halfwaarde_maanden == 6
    assert config.impact.straal_m == 250
    assert config.model_config["frozen"] is True


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        pytest.param(
            ("ernst", "gewichten", "geweld"),
            -1,
            "'ernst.gewichten.geweld' moet een getal ≥ 0 zijn",
            id="negatief",
        ),
        pytest.param(
            ("ernst", "gewichten", "geweld"),
            "veel",
            "'ernst.gewichten.geweld' moet een getal ≥ 0 zijn",
            id="tekst",
        ),
        pytest.param(
            ("vensters", "maanden"),
            1.5,
            "'vensters.maanden' moet een geheel getal van 1 tot en met 120 zijn",
            id="geen-geheel-getal",
        ),
        pytest.param(
            ("ernst", "gewichten", "ruzie"),
            1,
            "'ernst.gewichten.ruzie' is geen bekende dimensie",
            id="onbekende-dimensie",
        ),
        pytest.param(
            ("vensters", "jaren"), 1, "'vensters.jaren' is geen bekende sleutel", id="onbekende-sleutel"
        ),
        pytest.param(
            ("prioriteit", "ernst"),
            0.5,
            "'prioriteit' klopt niet: de gewichten moeten samen 1 zijn",
            id="som",
        ),
        pytest.param(
            ("banden", "laag"), 70, "'banden' klopt niet: moet gelden: hoog > midden > laag", id="volgorde"
        ),
        pytest.param(
            ("type", "crimineel_aandeel_verdachte_leden"),
            2,
            "moet een getal van 0 tot en met 1 zijn",
            id="aandeel",
        ),
    ],
)
def test_a_bad_value_names_its_key_in_dutch(path: tuple[str, ...], value: object, message: str) -> None:
    data = _defaults()
    table = data
    for part in path[:-1]:
        table = table[part]
    table[path[-1]] = value
    with pytest.raises(ConfigError) as caught:
        parse_config(data)
    assert message in str(caught.value)
    assert str(caught.value).startswith("scoring.toml: ")


def test_a_missing_key_is_named() -> None:
    data = _defaults()
    del data["banden"]["hoog"]
    with pytest.raises(ConfigError, match=r"'banden\.hoog' ontbreekt"):
        parse_config(data)


def test_a_custom_file_loads_and_a_broken_one_is_refused(tmp_path: Path) -> None:
    custom = tmp_path / "regio.toml"
    custom.write_text(
        DEFAULT_CONFIG_PATH.read_text(encoding="utf-8").replace("straal_m = 250.0", "straal_m = 400.0")
    )
    assert load_config(custom).impact.straal_m == 400
    custom.write_text("[vensters\nmaanden = 12")
    with pytest.raises(ConfigError, match=r"regio\.toml: geen geldige TOML"):
        load_config(custom)
    with pytest.raises(ConfigError, match="bestand niet gevonden"):
        load_config(tmp_path / "weg.toml")
