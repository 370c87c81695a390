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

    # Each description is the configuration reference in docs/deployment.md (python -m
    # dashboard.settings_reference); a test keeps that document complete.
    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        alias="DATABASE_URL",
        description="SQLAlchemy-URL van de database: SQLite (ingebouwd, map data/) of PostgreSQL, "
        "bijv. postgresql+psycopg://gebruiker@host:5432/groepsbeeld voor een gedeelde server.",
    )
    database_verbindingen: int = Field(
        default=25,
        ge=1,
        le=500,
        alias="DATABASE_VERBINDINGEN",
        description="Databaseverbindingen per app-server (plus 10 in pieken). Elke sessie die een pagina "
        "bouwt, houdt er een vast: kies minstens het aantal gelijktijdige gebruikers per server; "
        "PostgreSQL's max_connections moet groter zijn dan servers × (dit getal + 10).",
    )
    kaart_tiles: str = Field(
        default=PDOK_BRT,
        alias="KAART_TILES",
        description="URL-sjabloon van de achtergrondkaart (standaard de BRT-Achtergrondkaart van PDOK, "
        "gratis, zonder sleutel). 'none' = geen achtergrond: dan verlaat geen enkel verzoek de machine. "
        "De tegelserver ziet welke gebieden worden bekeken.",
    )
    kaart_attributie: str = Field(
        default="Kaartgegevens © Kadaster (BRT-Achtergrondkaart)",
        alias="KAART_ATTRIBUTIE",
        description="Bronvermelding van de achtergrondkaart.",
    )
    kaart_grenzen: str | None = Field(
        default=None,
        alias="KAART_GRENZEN",
        description="Pad naar een GeoJSON-bestand met grenzen (wijken, gemeenten) als kaartlaag.",
    )
    rapport_sjabloon: str | None = Field(
        default=None,
        alias="RAPPORT_SJABLOON",
        description="Word-sjabloon (.docx) met het eigen briefpapier en de eigen stijlen voor DOCX-exports.",
    )
    deelbeleid: str | None = Field(
        default=None,
        alias="DEELBELEID",
        description="Het deelbeleid (art. 20 Wpg-besluit) als TOML; leeg = het strikte "
        "dashboard/deelbeleid.toml. Wordt eenmaal per serverproces gelezen: herstart na een wijziging. "
        "Zie docs/deelbeleid.md.",
    )
    sessie_timeout_minuten: int = Field(
        default=30,
        ge=1,
        le=24 * 60,
        alias="SESSIE_TIMEOUT_MINUTEN",
        description="Na zoveel minuten zonder activiteit wordt een sessie afgemeld (docs/inloggen.md).",
    )
    bewaartermijn_maanden: int = Field(
        default=12,
        ge=1,
        le=60,
        alias="BEWAARTERMIJN_MAANDEN",
        description="Bewaartermijn: een persoon wordt zoveel maanden na het einde van het lidmaatschap "
        "of van de groepsaanpak verwijderd (docs/privacy.md).",
    )
    maximale_bewaartermijn_jaren: int = Field(
        default=5,
        ge=1,
        le=5,
        alias="MAXIMALE_BEWAARTERMIJN_JAREN",
        description="Wettelijk maximum (Wpg): nooit langer dan zoveel jaar na de eerste opname.",
    )
