"""Shared fixtures: the committed sample, and databases on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url
from streamlit.testing.v1 import AppTest, app_test

from benchmarks.apptest import NavigationPagesManager
from dashboard.loading.load import load_folder
from dashboard.storage.engine import create_db_engine, migrate

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
SAMPLE_DIR = ROOT / "sample_data"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The committed regional sample, which is also the import format's reference."""
    return SAMPLE_DIR


def _with_search_path(base: str, schema: str) -> str:
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty database URL: a SQLite file, or a fresh schema in the PostgreSQL test database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is niet gezet (.ci/run zet hem altijd)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_db_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _with_search_path(base, schema)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(db_url: str):
    """A migrated, empty database on each backend."""
    db = create_db_engine(db_url)
    migrate(db)
    yield db
    db.dispose()


@pytest.fixture
def loaded_engine(engine: Engine, sample_dir: Path) -> Engine:
    """A writable database with the committed sample, on each backend (for tests that change data)."""
    load_folder(engine, sample_dir)
    return engine


@pytest.fixture(scope="session")
def sample_db_url(tmp_path_factory: pytest.TempPathFactory, sample_dir: Path) -> str:
    """A SQLite database with the committed sample loaded, shared read-only by app tests."""
    url = f"sqlite:///{tmp_path_factory.mktemp('sample') / 'sample.db'}"
    db = create_db_engine(url)
    migrate(db)
    load_folder(db, sample_dir)
    db.dispose()
    return url


@pytest.fixture(scope="session")
def sample_engine(sample_db_url: str):
    """An engine on the loaded sample database."""
    db: Engine = create_db_engine(sample_db_url)
    yield db
    db.dispose()


@pytest.fixture
def navigation_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make AppTest rerun the entrypoint with st.navigation, like the real server."""
    monkeypatch.setattr(app_test, "PagesManager", NavigationPagesManager)


@pytest.fixture
def app(sample_db_url: str, monkeypatch: pytest.MonkeyPatch, navigation_mode: None) -> AppTest:  # noqa: ARG001
    """An AppTest of app.py on the sample database; tiles off, so nothing leaves the machine."""
    monkeypatch.setenv("DATABASE_URL", sample_db_url)
    monkeypatch.setenv("KAART_TILES", "none")
    return AppTest.from_file(str(APP), default_timeout=60)
