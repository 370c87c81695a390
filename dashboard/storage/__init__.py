"""Storage: SQLAlchemy Core tables, the engine for SQLite or PostgreSQL, migrations and queries."""
