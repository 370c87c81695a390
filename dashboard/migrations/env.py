"""Alembic environment: runs migrations on the connection handed over by dashboard.storage.engine."""

from __future__ import annotations

from alembic import context

from dashboard.storage.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
