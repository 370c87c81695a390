"""The hardening pins in .streamlit/config.toml, as docs/deployment.md and docs/inloggen.md promise them."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest
from streamlit import config as streamlit_config

from dashboard.cli import STATIC_VENDOR
from dashboard.maps.assets import STATIC_URL
from tests.conftest import APP

CONFIG = APP.parent / ".streamlit" / "config.toml"
DEPLOYMENT = APP.parent / "docs" / "deployment.md"

# (option, pinned value): a change here is a change of the privacy and security posture.
PINS = [
    pytest.param("server.enableXsrfProtection", True, id="xsrf-aan"),
    pytest.param("server.maxUploadSize", 100, id="uploadlimiet-100-mb"),
    pytest.param("browser.gatherUsageStats", False, id="geen-gebruiksstatistieken"),
    pytest.param("client.showErrorDetails", "none", id="geen-foutdetails"),
    pytest.param("client.toolbarMode", "viewer", id="toolbar-alleen-kijken"),
    pytest.param("server.enableStaticServing", True, id="statische-bestanden-voor-de-kaart"),
]


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, object]:
    """The TOML as Streamlit names its options: 'section.key' (and 'theme.light.key')."""
    flat: dict[str, object] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat |= _flatten(value, f"{prefix}{key}.")
        else:
            flat[f"{prefix}{key}"] = value
    return flat


@pytest.fixture(scope="module")
def options() -> dict[str, object]:
    """The committed config.toml, flattened."""
    return _flatten(tomllib.loads(CONFIG.read_text(encoding="utf-8")))


@pytest.mark.parametrize(("option", "expected"), PINS)
def test_the_config_pins_the_hardening(options: dict[str, object], option: str, expected: object) -> None:
    assert option in options, f"{option} staat niet in {CONFIG.name}: Streamlit valt terug op de standaard"
    value = options[option]
    assert value == expected
    assert type(value) is type(expected), f"{option} = {value!r}: verkeerd type"


def test_every_option_is_one_streamlit_knows(options: dict[str, object]) -> None:
    """A misspelt key is silently ignored by Streamlit, so a pin with a typo would pin nothing."""
    known = streamlit_config.get_config_options()
    assert sorted(set(options) - set(known)) == []


def test_the_maps_assets_are_served_where_static_serving_puts_them(options: dict[str, object]) -> None:
    """Streamlit serves <app dir>/static at /app/static; the maps load Leaflet from there, not a CDN."""
    assert options["server.enableStaticServing"] is True
    static = APP.parent / "static"
    assert STATIC_VENDOR.is_relative_to(static)
    served = "/app/static/" + STATIC_VENDOR.relative_to(static).as_posix()
    assert served == STATIC_URL


def test_the_proxy_example_accepts_exactly_the_upload_limit(options: dict[str, object]) -> None:
    text = DEPLOYMENT.read_text(encoding="utf-8")
    found = re.search(r"client_max_body_size\s+(\d+)m;", text)
    assert found, "the nginx example in docs/deployment.md sets client_max_body_size"
    assert int(found.group(1)) == options["server.maxUploadSize"]
