"""Runtime settings, read from the environment (and a .env file), validated once."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["DEFAULT_DATABASE_URL", "Settings"]

DEFAULT_DATABASE_URL = "sqlite:///data/groepsbeeld.db"


class Settings(BaseSettings):
    """Where the data lives; secrets never have defaults here."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    # SQLAlchemy URL; SQLite (embedded, under the git-ignored data/ folder) unless set,
    # e.g. postgresql+psycopg://user@host:5432/groepsbeeld for a shared server.
    database_url: str = Field(default=DEFAULT_DATABASE_URL, alias="DATABASE_URL")
