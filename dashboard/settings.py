"""Runtime settings, read from the environment (and a .env file), validated once."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["DEFAULT_DATABASE_URL", "PDOK_BRT", "Settings"]

DEFAULT_DATABASE_URL = "sqlite:///data/groepsbeeld.db"
PDOK_BRT = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"


class Settings(BaseSettings):
    """Where the data lives; secrets never have defaults here."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", frozen=True)

    # SQLAlchemy URL; SQLite (embedded, under the git-ignored data/ folder) unless set,
    # e.g. postgresql+psycopg://user@host:5432/groepsbeeld for a shared server.
    database_url: str = Field(default=DEFAULT_DATABASE_URL, alias="DATABASE_URL")

    # Base map tiles: the Dutch government's BRT-Achtergrondkaart (free, no key). Set to "none" for no
    # base map: then no request leaves the machine at all. The tile server learns which areas are viewed.
    kaart_tiles: str = Field(default=PDOK_BRT, alias="KAART_TILES")
    kaart_attributie: str = Field(
        default="Kaartgegevens © Kadaster (BRT-Achtergrondkaart)", alias="KAART_ATTRIBUTIE"
    )
    # Optional GeoJSON file with area boundaries (wijken, gemeenten) shown as a map layer.
    kaart_grenzen: str | None = Field(default=None, alias="KAART_GRENZEN")
    # Optional Word template (.docx) with the organisation's own letterhead and styles for DOCX exports.
    rapport_sjabloon: str | None = Field(default=None, alias="RAPPORT_SJABLOON")
