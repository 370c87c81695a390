"""The database tables (SQLAlchemy Core); columns mirror the record models in dashboard.models."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = ["metadata"]

# Stable constraint names, so migrations can refer to them on every database.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

CODE = 32
NAAM = 200

Table(
    "dataset",
    metadata,
    Column("sleutel", String(CODE), primary_key=True),
    Column("waarde", String(NAAM), nullable=False),
)

Table(
    "eenheid",
    metadata,
    Column("eenheid_code", String(CODE), primary_key=True),
    Column("naam", String(NAAM), nullable=False),
)

Table(
    "basisteam",
    metadata,
    Column("basisteam_code", String(CODE), primary_key=True),
    Column("naam", String(NAAM), nullable=False),
    Column("eenheid_code", ForeignKey("eenheid.eenheid_code"), nullable=False, index=True),
)

Table(
    "gemeente",
    metadata,
    Column("gemeente_code", String(6), primary_key=True),
    Column("naam", String(NAAM), nullable=False),
    Column("eenheid_code", ForeignKey("eenheid.eenheid_code"), nullable=False, index=True),
    Column("inwoners", Integer),
    Column("jongeren_12_23", Integer),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
)

Table(
    "groep",
    metadata,
    Column("groep_id", String(CODE), primary_key=True),
    Column("werknaam", String(NAAM), nullable=False),
    Column("gemeente_code", ForeignKey("gemeente.gemeente_code"), nullable=False, index=True),
    Column("wijk", String(NAAM)),
    Column("buurt", String(NAAM)),
    Column("basisteam_code", ForeignKey("basisteam.basisteam_code"), nullable=False, index=True),
    Column("stap", String(2), nullable=False),
    Column("beoordeling_2a", String(CODE), nullable=False),
    Column("eerste_signaal", Date, nullable=False),
    Column("online_platforms", String(500)),
    Column("aanpak_beeindigd", Date),
)

Table(
    "hangplek",
    metadata,
    Column("hangplek_id", String(CODE), primary_key=True),
    Column("groep_id", ForeignKey("groep.groep_id"), nullable=False, index=True),
    Column("naam", String(NAAM), nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
)

Table(
    "hangplek_tijd",
    metadata,
    Column("hangplek_id", ForeignKey("hangplek.hangplek_id"), primary_key=True),
    Column("weekdag", Integer, primary_key=True),
    Column("uur_van", Integer, primary_key=True),
    Column("uur_tot", Integer, nullable=False),
)

Table(
    "persoon",
    metadata,
    Column("persoon_id", String(CODE), primary_key=True),
    Column("voornaam", String(NAAM), nullable=False),
    Column("achternaam", String(NAAM), nullable=False),
    Column("geboortedatum", Date, nullable=False),
    Column("geslacht", String(1), nullable=False),
)

Table(
    "lidmaatschap",
    metadata,
    Column("persoon_id", ForeignKey("persoon.persoon_id"), primary_key=True),
    Column("groep_id", ForeignKey("groep.groep_id"), primary_key=True, index=True),
    Column("rol", String(CODE), nullable=False),
    Column("van", Date, primary_key=True),
    Column("tot", Date),
    Column("bron", String(NAAM), nullable=False),
)

Table(
    "delictcategorie",
    metadata,
    Column("categorie_code", String(CODE), primary_key=True),
    Column("naam", String(NAAM), nullable=False),
    Column("ernstgewicht", Float, nullable=False),
)

Table(
    "registratie",
    metadata,
    Column("registratienummer", String(CODE), primary_key=True),
    Column("datum", Date, nullable=False, index=True),
    Column("categorie_code", ForeignKey("delictcategorie.categorie_code"), nullable=False),
    Column("gemeente_code", ForeignKey("gemeente.gemeente_code"), nullable=False, index=True),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
)

Table(
    "betrokkene",
    metadata,
    Column("registratienummer", ForeignKey("registratie.registratienummer"), primary_key=True),
    Column("persoon_id", ForeignKey("persoon.persoon_id"), primary_key=True),
    Column("rol", String(CODE), nullable=False),
    Index("ix_betrokkene_persoon_id", "persoon_id"),
)

Table(
    "melding",
    metadata,
    Column("melding_id", String(CODE), primary_key=True),
    Column("datum", Date, nullable=False, index=True),
    Column("gemeente_code", ForeignKey("gemeente.gemeente_code"), nullable=False, index=True),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
)

Table(
    "groepsscan",
    metadata,
    Column("scan_id", String(CODE), primary_key=True),
    Column("groep_id", ForeignKey("groep.groep_id"), nullable=False, index=True),
    Column("datum", Date, nullable=False),
    Column("auteur", String(NAAM), nullable=False),
    Column("narratief", Text, nullable=False),
    Column("radicaliseringssignaal", Boolean, nullable=False),
)

Table(
    "beoordeling",
    metadata,
    Column("scan_id", ForeignKey("groepsscan.scan_id"), primary_key=True),
    Column("dimensie", String(CODE), primary_key=True),
    Column("score", Integer, nullable=False),
    Column("bronnen", String(500), nullable=False),
    Column("laatst_waargenomen", Date),
)

Table(
    "gebruiker",
    metadata,
    Column("gebruiker_id", String(CODE), primary_key=True),
    Column("naam", String(NAAM), nullable=False),
    Column("email", String(NAAM), nullable=False, unique=True),
    Column("rol", String(CODE), nullable=False),
    Column("scope_type", String(CODE), nullable=False),
    Column("scope_codes", String(500), nullable=False),
)

# Append-only: one row per successful export of a report (issue 5); the tamper-evident audit trail follows.
Table(
    "exportlog",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("tijdstip", DateTime(timezone=True), nullable=False, index=True),
    Column("gebruiker_id", String(CODE), nullable=False, index=True),
    Column("rol", String(CODE), nullable=False),
    Column("product", String(CODE), nullable=False),
    Column("groep_id", String(CODE), nullable=False, index=True),
    Column("ontvanger", String(NAAM), nullable=False),
    Column("documentnummer", String(64), nullable=False, unique=True),
    Column("formaat", String(8), nullable=False),
)
