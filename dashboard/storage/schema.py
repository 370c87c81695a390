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
    UniqueConstraint,
    true,
)

__all__ = ["APP_COLUMNS", "PROCESS_TABLES", "metadata"]

# Columns the app keeps itself (versions, drafts, blocking); imports leave them to their defaults.
APP_COLUMNS = frozenset({"status", "concept", "versie", "gewijzigd_door", "gewijzigd_op", "actief"})

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
    # Optimistic locking: every change in the app raises it; a stale edit is refused, never overwrites.
    Column("versie", Integer, nullable=False, server_default="1"),
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
    # Entered in the app (issue 7): a draft ('concept') does not count until it is 'definitief'. The
    # draft's form state (hangplekken, members, platforms) waits as JSON until the scan is finished.
    Column("status", String(16), nullable=False, server_default="definitief"),
    Column("concept", Text),
    Column("versie", Integer, nullable=False, server_default="1"),
    Column("gewijzigd_door", String(CODE)),
    Column("gewijzigd_op", DateTime(timezone=True)),
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
    # Managed by the beheerder in the app (issue 6): a blocked user cannot log in.
    Column("actief", Boolean, nullable=False, server_default=true()),
    Column("versie", Integer, nullable=False, server_default="1"),
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

# ---- The process (issue 7): not import tables, but they refer to groups, so a full reload clears them.

Table(
    "stapwijziging",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("groep_id", ForeignKey("groep.groep_id"), nullable=False, index=True),
    Column("van_stap", String(2), nullable=False),
    Column("naar_stap", String(2), nullable=False),
    Column("tijdstip", DateTime(timezone=True), nullable=False),
    Column("gebruiker_id", String(CODE), nullable=False),
    Column("reden", Text, nullable=False),
)

Table(
    "besluit",
    metadata,
    Column("besluit_id", String(CODE), primary_key=True),
    Column("groep_id", ForeignKey("groep.groep_id"), nullable=False, index=True),
    Column("vergaderdatum", Date, nullable=False),
    Column("uitkomst", String(CODE), nullable=False),
    Column("prioriteit", String(CODE)),
    Column("regie_groepsgericht", String(NAAM)),
    Column("regie_domeingericht", String(NAAM)),
    Column("regie_persoonsgericht", String(NAAM)),
    Column("volgende_evaluatie", Date),
    Column("aanwezigen", Text, nullable=False),
    Column("toelichting", Text, nullable=False),
    Column("vastgelegd_door", String(CODE), nullable=False),
    Column("vastgelegd_op", DateTime(timezone=True), nullable=False),
    Column("versie", Integer, nullable=False, server_default="1"),
)

Table(
    "interventie",
    metadata,
    Column("interventie_id", String(CODE), primary_key=True),
    Column("groep_id", ForeignKey("groep.groep_id"), nullable=False, index=True),
    Column("spoor", String(CODE), nullable=False),
    Column("partner", String(NAAM), nullable=False),
    Column("omschrijving", Text, nullable=False),
    Column("eigenaar", String(NAAM), nullable=False),
    Column("deadline", Date),
    Column("status", String(CODE), nullable=False),
    Column("versie", Integer, nullable=False, server_default="1"),
    Column("gewijzigd_door", String(CODE), nullable=False),
    Column("gewijzigd_op", DateTime(timezone=True), nullable=False),
)

# Children first: the order in which a full reload (load --vervang) deletes them.
PROCESS_TABLES: tuple[str, ...] = ("interventie", "besluit", "stapwijziging")

# ---- The audit trail (issue 6): append-only and hash-chained; never cleared by a reload or a purge.

Table(
    "auditlog",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("tijdstip", DateTime(timezone=True), nullable=False, index=True),
    Column("gebruiker_id", String(NAAM), nullable=False, index=True),
    Column("rol", String(CODE), nullable=False),
    Column("categorie", String(16), nullable=False),
    Column("actie", String(CODE), nullable=False, index=True),
    Column("object_type", String(CODE), nullable=False),
    Column("object_id", String(NAAM), nullable=False),
    Column("groep_id", String(CODE), index=True),
    Column("reden", String(500), nullable=False),
    Column("details", Text, nullable=False),
    Column("vorige_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("hash", name="uq_auditlog_hash"),
)

# One row (id 1): the chain's head. Updating it first serialises appends on every database, and its
# counter of changes is the data version that keys the UI's caches (other servers see changes too).
Table(
    "auditkop",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("laatste_hash", String(64), nullable=False),
    Column("aantal", Integer, nullable=False),
    Column("wijzigingen", Integer, nullable=False),
)
