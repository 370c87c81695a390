"""Two app servers on one PostgreSQL database, as behind a load balancer.

Both servers start on an empty schema at the same time: the migrations run once. A decision recorded
on one server is on the other's group page after a reload. Two users changing the same group's step,
one on each server: the second is refused with the Dutch message and nothing is overwritten.
Needs PostgreSQL (TEST_DATABASE_URL, always set by .ci/run).
"""

from __future__ import annotations

import os
import re
import time
import uuid
from contextlib import ExitStack
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from components.data import VERSION_TTL_S
from dashboard.loading.load import load_folder
from dashboard.storage.engine import create_db_engine
from dashboard.storage.schema import metadata
from tests.browser.conftest import SAMPLE_DIR, _serve, choose_option

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from sqlalchemy.engine import Engine

    from tests.browser.conftest import AppPage

REGISSEUR = "procesregisseur-utrecht"
DECISION_GROUP = "G-00006"  # Utrecht, step 4: waiting for the driehoek
STEP_GROUP = "G-00008"  # Utrecht, step 2B
CONFLICT = "Iemand anders heeft dit intussen gewijzigd"


@pytest.fixture
def shared_database_url() -> Iterator[str]:
    """An empty schema of its own in the PostgreSQL test database."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is niet gezet (.ci/run zet hem altijd)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_db_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def two_servers(shared_database_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two Streamlit servers on the same database, each on its own port."""
    with ExitStack() as stack:
        first = stack.enter_context(_serve(shared_database_url, tmp_path))
        second = stack.enter_context(_serve(shared_database_url, tmp_path))
        yield first, second


def _open_step_form(app_page: AppPage, werknaam: str) -> None:
    app_page.open_group(STEP_GROUP, werknaam)
    app_page.page.get_by_text(re.compile(r"^Werkproces: geschiedenis van de stappen")).click()
    choose_option(app_page.page, "Naar stap", "3 Groepsduiding")
    app_page.page.get_by_role("textbox", name="Reden").fill("Groepsscan klaar; door naar duiding.")


def test_two_servers_share_one_database(
    two_servers: tuple[str, str],
    shared_database_url: str,
    app_page_factory: Callable[[str], AppPage],
    signed_in: Callable[..., AppPage],
    group_names: dict[str, str],
) -> None:
    first_url, second_url = two_servers
    # Both servers get their first visitor at once: each migrates the empty schema, under the lock.
    visitors = [app_page_factory(first_url), app_page_factory(second_url)]
    for visitor in visitors:
        visitor.page.goto(visitor.base_url + "/")
    for visitor in visitors:
        visitor.wait_until_idle()
        visitor.assert_no_exception()
    engine = create_db_engine(shared_database_url)
    try:
        _decide_on_one_and_refuse_on_the_other(engine, first_url, second_url, signed_in, group_names)
    finally:
        engine.dispose()


def _decide_on_one_and_refuse_on_the_other(
    engine: Engine,
    first_url: str,
    second_url: str,
    signed_in: Callable[..., AppPage],
    group_names: dict[str, str],
) -> None:
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    load_folder(engine, SAMPLE_DIR)  # the data arrives while both servers run
    # Each server reads the data version at most once per VERSION_TTL_S: the documented lag after
    # which another process's change (here: the load) shows; only then is this a sample data set.
    time.sleep(VERSION_TTL_S + 0.5)

    first = signed_in(REGISSEUR, base_url=first_url)
    second = signed_in(REGISSEUR, base_url=second_url)

    # A decision recorded on the first server ...
    first.go_to("Driehoeksoverleg")
    page = first.page
    page.get_by_role("tab", name="Besluit vastleggen").click()
    choose_option(page, "Groep", group_names[DECISION_GROUP])
    expect(page.locator(f".st-key-besluit_{DECISION_GROUP}_n_prioriteit")).to_be_visible()
    first.wait_until_idle()
    choose_option(page, "Prioriteit", "Hoog")
    page.get_by_test_id("stMain").get_by_role("button", name="Besluit vastleggen").click()
    first.wait_until_idle()
    expect(page.get_by_text("Het besluit is vastgelegd")).to_be_visible()

    # ... is on the second server's group page.
    second.open_group(DECISION_GROUP, group_names[DECISION_GROUP])
    decision = second.page.locator(".st-key-laatste_besluit")
    expect(decision.get_by_test_id("stMetricValue").first).to_have_text("Geprioriteerd")

    # The same step change, started on both servers: the first wins, the second is refused.
    _open_step_form(first, group_names[STEP_GROUP])
    _open_step_form(second, group_names[STEP_GROUP])
    first.page.get_by_role("button", name="Stap wijzigen").click()
    first.wait_until_idle()
    expect(first.page.get_by_text("De groep staat nu in stap 3 Groepsduiding.")).to_be_visible()
    second.page.get_by_role("button", name="Stap wijzigen").click()
    second.wait_until_idle()
    expect(second.page.get_by_text(re.compile(CONFLICT))).to_be_visible()
    second.screenshot_whole("twee-servers-conflict")
    for app_page in (first, second):
        app_page.assert_no_exception()

    changes = metadata.tables["stapwijziging"]
    with engine.connect() as connection:
        rows = connection.execute(select(changes).where(changes.c.groep_id == STEP_GROUP)).all()
    assert len(rows) == 1, "precies één stapwijziging: de tweede werd geweigerd, niets overschreven"
