"""A real OpenID Connect login in chromium against a local test provider (oidc-provider-mock).

The provider runs in a thread of the test process; Streamlit reads its [auth] section from a
temporary secrets file (`--secrets.files`). Everything stays on localhost.
"""

from __future__ import annotations

import re
import secrets
import warnings
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _serve

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from dashboard.access import Identity
    from tests.browser.conftest import AppPage

LOGIN_BUTTON = "Inloggen met uw organisatieaccount"
FIRST_RUN_MS = 90_000
# The mock provider's own form asks a CDN for its stylesheet; the browser blocks that (not the app's).
PROVIDER_CSS = re.compile(r"^https://cdn\.jsdelivr\.net/npm/@picocss/")
# The provider runs in this process, so pytest's warnings-as-errors reach its token endpoint; these are
# deprecations inside oidc-provider-mock 0.3.4's use of Authlib, not in Groepsbeeld.
pytestmark = [
    pytest.mark.filterwarnings("ignore:get_jwt_config:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::authlib.deprecate.AuthlibDeprecationWarning"),
]


@pytest.fixture(scope="module")
def provider_url() -> Iterator[str]:
    """A local OIDC provider that signs in whoever's e-mail is typed into its form (sub = e-mail claim)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # Authlib deprecations on import
        from oidc_provider_mock import run_server_in_thread  # noqa: PLC0415
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # plain http on localhost, in this test only
        with run_server_in_thread() as server:
            yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def oidc_server_url(
    provider_url: str, app_database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A Streamlit server on the sample whose [auth] section points at the local provider."""
    folder = tmp_path_factory.mktemp("oidc")
    secrets_file: Path = folder / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'  # Streamlit fills in its port
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
        'client_id = "groepsbeeld"\n'
        'client_secret = "test-geheim"\n'
        f'server_metadata_url = "{provider_url}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    with _serve(app_database_url, folder, ("--secrets.files", str(secrets_file))) as url:
        yield url


def _outside(app_page: AppPage) -> list[str]:
    """Blocked requests other than the mock provider's stylesheet: should be none."""
    return [url for url in app_page.unexpected_requests() if not PROVIDER_CSS.match(url)]


def _sign_in_at_provider(app_page: AppPage, email: str) -> None:
    """Open the app, click the OIDC button, type the e-mail on the provider's form, come back."""
    page = app_page.page
    page.goto(app_page.base_url + "/")
    # The first run on this module's fresh server imports the whole app: allow a busy machine more time.
    expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible(timeout=FIRST_RUN_MS)
    app_page.wait_until_idle()
    page.get_by_role("button", name=LOGIN_BUTTON).click()
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()
    assert page.url.startswith("http://localhost:"), page.url
    page.locator("input[name='sub']").fill(email)
    app_page.screenshot("oidc-provider-formulier")
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(re.compile(r"^http://127\.0\.0\.1:\d+/"))
    app_page.wait_until_idle()


def test_a_known_user_signs_in_with_the_provider(
    app_page_factory: Callable[[str], AppPage], oidc_server_url: str, demo_users: dict[str, Identity]
) -> None:
    regisseur = demo_users["procesregisseur-utrecht"]
    app_page = app_page_factory(oidc_server_url)
    _sign_in_at_provider(app_page, regisseur.email.upper())  # the provider's spelling may differ

    page = app_page.page
    expect(page.get_by_role("heading", name="Overzicht", level=1)).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_contain_text(regisseur.naam)
    expect(sidebar).to_contain_text(regisseur.rol_label)
    expect(sidebar.get_by_role("link", name="Plan van aanpak", exact=True)).to_be_visible()
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    app_page.wait_until_idle()
    app_page.assert_no_exception()
    app_page.screenshot("oidc-ingelogd-procesregisseur")

    # Reloading starts a new session that the login cookie signs in: no second visit to the provider.
    page.goto(oidc_server_url + "/")
    app_page.wait_until_idle()
    expect(page.get_by_role("heading", name="Overzicht", level=1)).to_be_visible()
    assert _outside(app_page) == [], "de app vroeg iets op buiten localhost"


def test_an_unknown_user_is_refused(app_page_factory: Callable[[str], AppPage], oidc_server_url: str) -> None:
    app_page = app_page_factory(oidc_server_url)
    _sign_in_at_provider(app_page, "onbekende.medewerker@elders.example")

    page = app_page.page
    expect(page.get_by_role("heading", name="Geen toegang", level=1)).to_be_visible()
    expect(page.get_by_test_id("stAlert").filter(has_text="niet bekend in Groepsbeeld")).to_be_visible()
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    app_page.assert_no_exception()
    app_page.screenshot("oidc-geweigerd")
    assert _outside(app_page) == []


def test_signing_out_ends_the_login_at_the_provider_too(
    app_page_factory: Callable[[str], AppPage], oidc_server_url: str, demo_users: dict[str, Identity]
) -> None:
    app_page = app_page_factory(oidc_server_url)
    _sign_in_at_provider(app_page, demo_users["burgemeester-utrecht"].email)
    page = app_page.page
    expect(page.get_by_role("heading", name="Overzicht", level=1)).to_be_visible()

    page.get_by_test_id("stSidebar").get_by_role("button", name="Afmelden").click()
    expect(page.get_by_role("heading", name="End Session")).to_be_visible()  # the provider's page
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(re.compile(r"^http://127\.0\.0\.1:\d+/"))
    app_page.wait_until_idle()
    expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()

    app_page.open("/")  # the login cookie is gone: a reload does not sign in again
    expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    app_page.screenshot("oidc-afgemeld")
    assert _outside(app_page) == []
