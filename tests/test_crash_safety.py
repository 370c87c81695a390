"""Crash safety: a process killed (SIGKILL) in the middle of an import or a decision save.

Afterwards the database is consistent, the import is either fully present or absent, every saved
decision has its audit record (and no record lacks its decision), and the audit chain checks. On
SQLite and PostgreSQL. The work runs in a child process (the CLI, or a worker) through the same core
functions the app calls; tests/browser/test_crash_app.py kills the Streamlit server itself.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from benchmarks.imports import codes_of, registrations_csv
from dashboard.audit import verify_chain
from dashboard.storage.schema import metadata
from tests.consistency import assert_consistent, assert_decisions_audited, count_rows

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
T = metadata.tables
REGISTRATIES = 30_000
TIMEOUT_S = 240.0

DECISION_WORKER = """
import datetime as dt, sys
from dashboard.process.decisions import Aanwezigen, BesluitCreate, record_decision
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities
engine = create_db_engine(sys.argv[1])
user = next(i for i in load_identities(engine) if i.rol == "procesregisseur")
groep_id = sys.argv[2]
vandaag = dt.date(2026, 11, 30)
besluit = BesluitCreate(
    groep_id=groep_id, vergaderdatum=vandaag, uitkomst="monitoren",
    volgende_evaluatie=vandaag + dt.timedelta(days=90),
    aanwezigen=Aanwezigen(gemeente="burgemeester", om="officier", politie="teamchef"),
)
for number in range(100_000):
    record_decision(engine, user, besluit)
    print(f"opgeslagen {number}", flush=True)
"""


def _start(arguments: list[str], db_url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *arguments],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": db_url},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _kill_when(process: subprocess.Popen[str], marker: str) -> str:
    """Read the child's output until a line contains marker, then SIGKILL it; return what it said."""
    assert process.stdout is not None
    seen = []
    deadline = time.monotonic() + TIMEOUT_S
    for line in process.stdout:
        seen.append(line)
        if marker in line:
            process.send_signal(signal.SIGKILL)
            break
        if time.monotonic() > deadline:
            break
    process.kill()
    process.wait()
    process.stdout.close()
    assert process.returncode == -signal.SIGKILL, "".join(seen[-20:])
    return "".join(seen)


def test_an_import_killed_while_writing_is_absent_or_complete(
    loaded_engine: Engine, db_url: str, tmp_path: Path
) -> None:
    export = tmp_path / "registraties.csv"
    export.write_bytes(registrations_csv(codes_of(db_url), REGISTRATIES))
    before = count_rows(loaded_engine, "registratie")
    chain_before = verify_chain(loaded_engine).records
    loaded_engine.dispose()

    process = _start(
        ["-m", "dashboard", "--database-url", db_url, "import", "registraties", str(export)], db_url
    )
    said = _kill_when(process, "opgeslagen")  # the write phase has begun: rows are going in

    after = count_rows(loaded_engine, "registratie")
    assert after in {before, before + REGISTRATIES}, said[-2000:]
    assert after == before, "het proces werd gestopt voor de commit: er mag niets zijn opgeslagen"
    assert verify_chain(loaded_engine).records == chain_before
    assert_consistent(loaded_engine)

    # The same import afterwards goes through completely.
    finished = subprocess.run(
        [sys.executable, "-m", "dashboard", "--database-url", db_url, "import", "registraties", str(export)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert count_rows(loaded_engine, "registratie") == before + REGISTRATIES
    assert_consistent(loaded_engine)


@pytest.mark.parametrize("saves", [5])
def test_a_decision_save_killed_midway_leaves_no_half_decision(
    loaded_engine: Engine, db_url: str, saves: int
) -> None:
    with loaded_engine.connect() as connection:
        groep_id = connection.execute(
            select(T["groep"].c.groep_id).where(T["groep"].c.beoordeling_2a == "problematisch").limit(1)
        ).scalar_one()
    loaded_engine.dispose()

    process = _start(["-c", DECISION_WORKER, db_url, groep_id], db_url)
    _kill_when(process, f"opgeslagen {saves}")

    decisions = count_rows(loaded_engine, "besluit")
    assert decisions >= saves + 1
    assert_decisions_audited(loaded_engine)
    assert_consistent(loaded_engine)
