"""Crash safety of the app server itself: the Streamlit process killed (SIGKILL) mid-import and mid-save.

A user works in the browser; the test kills the server process as a power cut or the OOM killer
would, starts a new server on the same database and checks: the database is sound, the audit chain
verifies, the import is entirely absent (never half there), every decision and step change has its
audit record and the reverse, and the restarted app serves the group page. On SQLite and PostgreSQL.
tests/test_crash_safety.py kills a CLI or worker process running the same core functions.
"""

from __future__ import annotations

import os
import re
import signal
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from benchmarks.imports import codes_of, registrations_csv
from dashboard.presentation import format_number
from dashboard.storage.schema import metadata
from tests.browser.conftest import STOP_TIMEOUT_S, choose_option, serve_app
from tests.consistency import assert_consistent, assert_decisions_audited, assert_steps_audited, count_rows

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sqlalchemy.engine import Engine

    from tests.browser.conftest import AppPage, Server

pytestmark = pytest.mark.postgres

T = metadata.tables
SPECIALIST = "specialist-mnl"  # may import, and open group pages, across Midden-Nederland
REGISSEUR = "procesregisseur-utrecht"  # records driehoek decisions for Utrecht
GROUP = "G-00006"  # Utrecht, step 4: waiting for the driehoek
# Big enough that writing takes seconds on both databases (SQLite is the quicker): the kill, which
# follows the first progress message by at most one expect() poll (0.5 s), falls well before the commit.
REGISTRATIES = 150_000
PREFIX = "PL8888"  # the import's registration numbers, and no others, start with this
WRITING = re.compile(r"^Registraties \(politie\): \S+ van \S+ opgeslagen$")
SAVED = "Het besluit is vastgelegd en staat op de groepspagina."


def _kill(server: Server) -> None:
    """SIGKILL the server process: no handler runs, no transaction is closed; wait until it is gone."""
    os.kill(server.process.pid, signal.SIGKILL)
    assert server.process.wait(timeout=STOP_TIMEOUT_S) == -signal.SIGKILL


def _imported(engine: Engine) -> tuple[int, int, int]:
    """The test import's registrations, their persons involved, and all import audit records."""
    registratie, betrokkene = T["registratie"], T["betrokkene"]
    return (
        count_rows(engine, "registratie", registratie.c.registratienummer.startswith(f"{PREFIX}-")),
        count_rows(engine, "betrokkene", betrokkene.c.registratienummer.startswith(f"{PREFIX}-")),
        count_rows(engine, "auditlog", T["auditlog"].c.actie == "import"),
    )


def _assert_serves_the_group_page(app_page: AppPage, werknaam: str) -> None:
    app_page.open_group(GROUP, werknaam)
    expect(app_page.page.get_by_test_id("stMain").get_by_test_id("stMetric").first).to_be_visible()
    app_page.assert_no_exception()


def test_an_import_killed_in_the_app_while_writing_is_absent_after_restart(
    loaded_engine: Engine,
    db_url: str,
    tmp_path: Path,
    signed_in: Callable[..., AppPage],
    group_names: dict[str, str],
) -> None:
    content = registrations_csv(codes_of(db_url), REGISTRATIES, prefix=PREFIX)
    export = tmp_path / "registraties.csv"
    export.write_bytes(content)
    persons = len(content.splitlines()) - 1  # one row per registration and person involved
    imports_before = _imported(loaded_engine)[2]
    assert _imported(loaded_engine)[:2] == (0, 0)

    with serve_app(db_url, tmp_path) as server:
        app_page = signed_in(SPECIALIST, base_url=server.url)
        app_page.go_to("Importeren")
        main = app_page.page.get_by_test_id("stMain")
        main.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(export)
        expect(main.get_by_test_id("stMetricValue").first).to_have_text(format_number(REGISTRATIES))
        app_page.wait_until_idle()
        main.get_by_role("button", name="Importeren", exact=True).click()
        expect(main.get_by_text(WRITING).first).to_be_visible()  # inside the write transaction
        _kill(server)

    found = _imported(loaded_engine)
    assert found in {(0, 0, imports_before), (REGISTRATIES, persons, imports_before + 1)}, (
        f"half opgeslagen import: {found}"
    )
    assert found == (0, 0, imports_before), "de server werd voor de commit gestopt: er mag niets staan"
    assert_consistent(loaded_engine)

    with serve_app(db_url, tmp_path) as restarted:
        _assert_serves_the_group_page(signed_in(SPECIALIST, base_url=restarted.url), group_names[GROUP])
    assert _imported(loaded_engine) == (0, 0, imports_before)
    assert_consistent(loaded_engine)


def _once_the_run_started(app_page: AppPage) -> None:
    """Kill right after the click, once the server has started the run: before, in or after the save."""
    running = app_page.page.locator("[data-testid='stApp'][data-test-script-state='running']")
    expect(running).to_be_attached()


def _once_confirmed(app_page: AppPage) -> None:
    """Kill once the app confirms the save: committed, while the move to step 5 may still be going."""
    expect(app_page.page.get_by_test_id("stMain").get_by_text(SAVED)).to_be_visible()


# (group, when to kill, whether the decision must be stored). Both Utrecht groups wait in step 4, so
# a prioritising decision is followed by the move to step 5, a transaction of its own.
ROUNDS: tuple[tuple[str, Callable[[AppPage], None], bool], ...] = (
    ("G-00006", _once_the_run_started, False),
    ("G-00001", _once_confirmed, True),
)


def _record_decision(app_page: AppPage, groep_id: str, werknaam: str, toelichting: str) -> None:
    """Fill in the driehoek's decision form for the group and press save (returns right after)."""
    page = app_page.page
    main = page.get_by_test_id("stMain")
    app_page.go_to("Driehoeksoverleg")
    page.get_by_role("tab", name="Besluit vastleggen").click()
    choose_option(page, "Groep", werknaam)
    # The form of the chosen group (its widget keys name the group): wait for it before filling it in.
    expect(page.locator(f".st-key-besluit_{groep_id}_n_prioriteit")).to_be_visible()
    app_page.wait_until_idle()
    choose_option(page, "Prioriteit", "Hoog")
    main.get_by_role("textbox", name="Toelichting").fill(toelichting)
    main.get_by_role("button", name="Besluit vastleggen").click()


def test_a_decision_save_killed_in_the_app_leaves_no_half_decision(
    loaded_engine: Engine,
    db_url: str,
    tmp_path: Path,
    signed_in: Callable[..., AppPage],
    group_names: dict[str, str],
) -> None:
    toelichting = T["besluit"].c.toelichting
    for ronde, (groep_id, moment, must_be_stored) in enumerate(ROUNDS, start=1):
        marker = f"Crashtest ronde {ronde}"
        with serve_app(db_url, tmp_path) as server:  # from round 2 on: the restart after a kill
            app_page = signed_in(REGISSEUR, base_url=server.url)
            _record_decision(app_page, groep_id, group_names[groep_id], marker)
            moment(app_page)
            _kill(server)
        stored = count_rows(loaded_engine, "besluit", toelichting == marker)
        assert stored in {0, 1}
        if must_be_stored:
            assert stored == 1, "de app meldde het besluit als vastgelegd: het moet er na de crash staan"
        assert_decisions_audited(loaded_engine)
        assert_steps_audited(loaded_engine)
        assert_consistent(loaded_engine)

    last_group = ROUNDS[-1][0]
    with serve_app(db_url, tmp_path) as restarted:
        app_page = signed_in(REGISSEUR, base_url=restarted.url)
        app_page.open_group(last_group, group_names[last_group])
        decision = app_page.page.get_by_test_id("stMain").locator(".st-key-laatste_besluit")
        expect(decision.get_by_test_id("stMetricValue").first).to_have_text("Geprioriteerd")
        app_page.assert_no_exception()
    assert_decisions_audited(loaded_engine)
    assert_steps_audited(loaded_engine)
    assert_consistent(loaded_engine)
