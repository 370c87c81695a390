"""Accessibility (WCAG 2.1 AA): axe-core on every page a role can open; no serious or critical violations.

axe-core is fetched from the npm registry at test time with the same pinned, checksummed route as the
map scripts (dashboard/maps/assets.py) and injected into the page; nothing is loaded from a CDN.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from components.navigation import PAGES
from dashboard.access import has_permission
from dashboard.maps.assets import NpmAsset, VendorManifest, install_assets

if TYPE_CHECKING:
    from collections.abc import Callable

    from dashboard.access import Identity
    from tests.browser.conftest import AppPage

ROOT = Path(__file__).resolve().parent.parent.parent
AXE = NpmAsset(
    naam="axe-core",
    versie="4.14.1",
    integrity="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
    bestanden=("axe.min.js",),
)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = {"serious", "critical"}
# The menu changes the address without a page load; the start page (Overzicht) lives at "/".
ON_PAGE = (
    "path => location.pathname.endsWith('/' + path) || (path === 'overzicht' && location.pathname === '/')"
)
# One user per role that, together, opens every page of the registry.
USERS = (
    "specialist-mnl",
    "procesregisseur-utrecht",
    "burgemeester-utrecht",
    "beheerder",
    "privacyfunctionaris-mnl",
)


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core's script, fetched once (pinned version, checked sha512) into test-output/vendor."""
    target = ROOT / "test-output" / "vendor"
    manifest = VendorManifest(npm=(AXE,), python=())
    script = target / AXE.naam / "axe.min.js"
    if not script.is_file():
        install_assets(target, manifest)
    return script.read_text(encoding="utf-8")


def _violations(app_page: AppPage, axe_script: str) -> list[dict[str, Any]]:
    page = app_page.page
    page.add_script_tag(content=axe_script)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [v for v in result["violations"] if v["impact"] in SERIOUS]


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) bij {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("gebruiker_id", USERS)
def test_every_page_has_no_serious_accessibility_violations(
    gebruiker_id: str,
    signed_in: Callable[..., AppPage],
    demo_users: dict[str, Identity],
    axe_script: str,
) -> None:
    if gebruiker_id not in demo_users:
        pytest.skip(f"geen demo-gebruiker {gebruiker_id} in de voorbeeldgegevens")
    app_page = signed_in(gebruiker_id)
    identity = demo_users[gebruiker_id]
    failures = {}
    for spec in PAGES:
        if not has_permission(identity, spec.permissie):
            continue
        app_page.page.get_by_test_id("stSidebarNav").get_by_role("link", name=spec.title, exact=True).click()
        app_page.page.wait_for_function(ON_PAGE, arg=spec.url_path)
        app_page.wait_until_idle()
        if found := _problems(app_page, axe_script):
            failures[spec.url_path] = found
    assert not failures, "\n".join(f"{page}:\n{text}" for page, text in failures.items())


def _problems(app_page: AppPage, axe_script: str) -> str:
    found = _describe(_violations(app_page, axe_script))
    if app_page.page.evaluate("document.documentElement.lang") != "nl":
        found += "\ntaal van de pagina is niet nl"
    return found.strip()


def test_the_sign_in_page_has_no_serious_accessibility_violations(app_page: AppPage, axe_script: str) -> None:
    app_page.open("/")
    app_page.page.get_by_role("button", name="Inloggen", exact=True).wait_for()
    app_page.wait_until_idle()
    assert not _problems(app_page, axe_script)


def test_an_opened_group_has_no_serious_accessibility_violations(
    signed_in: Callable[..., AppPage], group_names: dict[str, str], axe_script: str
) -> None:
    app_page = signed_in("specialist-mnl")
    app_page.open_group("G-00014", group_names["G-00014"])  # band hoog: every section of the page is filled
    assert not _problems(app_page, axe_script)
