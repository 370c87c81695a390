"""Several servers starting together on an empty database: the migrations run once, nobody fails."""

from __future__ import annotations

import threading

from sqlalchemy import inspect, text

from dashboard.storage.engine import create_db_engine, migrate
from dashboard.storage.schema import metadata


def test_servers_starting_together_migrate_once(db_url: str) -> None:
    engines = [create_db_engine(db_url) for _ in range(3)]
    errors: list[BaseException] = []
    start = threading.Barrier(len(engines))

    def start_server(index: int) -> None:
        start.wait()
        try:
            migrate(engines[index])
        except Exception as error:  # noqa: BLE001  (collected and reported by the test)
            errors.append(error)

    threads = [threading.Thread(target=start_server, args=(i,)) for i in range(len(engines))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert set(inspect(engines[0]).get_table_names()) >= set(metadata.tables)
    with engines[0].connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
        assert connection.execute(text("SELECT count(*) FROM auditkop")).scalar_one() == 1
    for engine in engines:
        engine.dispose()
