"""Storage on SQLite and PostgreSQL with the same test code."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select

from dashboard.access import Scope
from dashboard.loading.files import IMPORT_FILES
from dashboard.loading.load import load_folder
from dashboard.storage.engine import create_db_engine, is_empty, migrate
from dashboard.storage.queries import load_dataset_info, load_groups, load_identities
from dashboard.storage.schema import APP_COLUMNS, metadata

pytestmark = pytest.mark.postgres


def test_migrations_build_exactly_the_declared_schema(engine) -> None:
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), metadata)
    assert diff == []


def test_migrating_twice_changes_nothing(engine) -> None:
    migrate(engine)
    assert set(inspect(engine).get_table_names()) >= set(metadata.tables)


@pytest.mark.parametrize("spec", IMPORT_FILES, ids=lambda spec: spec.tabel)
def test_table_columns_mirror_the_record_model(spec) -> None:
    table = metadata.tables[spec.tabel]
    columns = [column.name for column in table.columns if column.name not in APP_COLUMNS]
    assert columns == list(spec.model.model_fields)
    # The app's own columns must fill themselves when an import leaves them out.
    for column in table.columns:
        if column.name in APP_COLUMNS:
            assert column.nullable or column.server_default is not None, column.name


def test_sqlite_has_foreign_keys_and_wal(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'los.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_loading_the_sample_fills_every_table(engine, sample_dir: Path) -> None:
    assert is_empty(engine)
    summary = load_folder(engine, sample_dir)
    assert not is_empty(engine)
    with engine.connect() as connection:
        for spec in IMPORT_FILES:
            table = metadata.tables[spec.tabel]
            count = connection.execute(select(func.count()).select_from(table)).scalar_one()
            assert count == summary.rijen[spec.tabel] > 0, spec.tabel


def test_sample_dataset_is_marked_fictitious(engine, sample_dir: Path) -> None:
    load_folder(engine, sample_dir)
    assert load_dataset_info(engine)["fictief"] == "ja"


def test_scope_limits_groups_on_every_backend(engine, sample_dir: Path) -> None:
    load_folder(engine, sample_dir)
    everything = load_groups(engine, Scope(type="land"))
    utrecht = load_groups(engine, Scope(type="gemeente", codes=frozenset({"GM0344"})))
    unit = load_groups(engine, Scope(type="eenheid", codes=frozenset({"MNL"})))
    nothing = load_groups(engine, Scope(type="gemeente", codes=frozenset()))
    assert 40 <= everything.height <= 60
    assert 0 < utrecht.height < everything.height
    assert set(utrecht["gemeente_code"]) == {"GM0344"}
    assert unit.height == everything.height
    assert nothing.is_empty()
    assert nothing.columns == everything.columns


def test_identities_carry_role_and_scope(engine, sample_dir: Path) -> None:
    load_folder(engine, sample_dir)
    identities = load_identities(engine)
    roles = {identity.rol for identity in identities}
    assert roles == {
        "politie_specialist",
        "wijkagent",
        "procesregisseur",
        "burgemeester",
        "officier_van_justitie",
        "beheerder",
        "privacyfunctionaris",
    }
    mayors = [identity for identity in identities if identity.rol == "burgemeester"]
    assert len({mayor.scope for mayor in mayors}) == len(mayors) >= 2
