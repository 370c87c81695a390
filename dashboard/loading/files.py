"""The files of the import format: which model validates each, its key and what it refers to."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from dashboard import models

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["IMPORT_FILES", "ImportFile", "Verwijzing"]


class Verwijzing(NamedTuple):
    """A column whose values must exist as the key of another file."""

    kolom: str
    bestand: str
    doelkolom: str


class ImportFile(NamedTuple):
    """One CSV file of the import format and the table it fills."""

    bestand: str
    model: type[BaseModel]
    tabel: str
    sleutel: tuple[str, ...]
    verwijzingen: tuple[Verwijzing, ...] = ()


# In load order: every file refers only to files above it.
IMPORT_FILES: tuple[ImportFile, ...] = (
    ImportFile("dataset.csv", models.DatasetCreate, "dataset", ("sleutel",)),
    ImportFile("eenheden.csv", models.EenheidCreate, "eenheid", ("eenheid_code",)),
    ImportFile(
        "basisteams.csv",
        models.BasisteamCreate,
        "basisteam",
        ("basisteam_code",),
        (Verwijzing("eenheid_code", "eenheden.csv", "eenheid_code"),),
    ),
    ImportFile(
        "gemeenten.csv",
        models.GemeenteCreate,
        "gemeente",
        ("gemeente_code",),
        (Verwijzing("eenheid_code", "eenheden.csv", "eenheid_code"),),
    ),
    ImportFile(
        "groepen.csv",
        models.GroepCreate,
        "groep",
        ("groep_id",),
        (
            Verwijzing("gemeente_code", "gemeenten.csv", "gemeente_code"),
            Verwijzing("basisteam_code", "basisteams.csv", "basisteam_code"),
        ),
    ),
    ImportFile(
        "hangplekken.csv",
        models.HangplekCreate,
        "hangplek",
        ("hangplek_id",),
        (Verwijzing("groep_id", "groepen.csv", "groep_id"),),
    ),
    ImportFile(
        "hangplek_tijden.csv",
        models.HangplekTijdCreate,
        "hangplek_tijd",
        ("hangplek_id", "weekdag", "uur_van"),
        (Verwijzing("hangplek_id", "hangplekken.csv", "hangplek_id"),),
    ),
    ImportFile("personen.csv", models.PersoonCreate, "persoon", ("persoon_id",)),
    ImportFile(
        "lidmaatschappen.csv",
        models.LidmaatschapCreate,
        "lidmaatschap",
        ("persoon_id", "groep_id", "van"),
        (
            Verwijzing("persoon_id", "personen.csv", "persoon_id"),
            Verwijzing("groep_id", "groepen.csv", "groep_id"),
        ),
    ),
    ImportFile(
        "delictcategorieen.csv",
        models.DelictcategorieCreate,
        "delictcategorie",
        ("categorie_code",),
    ),
    ImportFile(
        "registraties.csv",
        models.RegistratieCreate,
        "registratie",
        ("registratienummer",),
        (
            Verwijzing("categorie_code", "delictcategorieen.csv", "categorie_code"),
            Verwijzing("gemeente_code", "gemeenten.csv", "gemeente_code"),
        ),
    ),
    ImportFile(
        "betrokkenen.csv",
        models.BetrokkeneCreate,
        "betrokkene",
        ("registratienummer", "persoon_id"),
        (
            Verwijzing("registratienummer", "registraties.csv", "registratienummer"),
            Verwijzing("persoon_id", "personen.csv", "persoon_id"),
        ),
    ),
    ImportFile(
        "meldingen.csv",
        models.MeldingCreate,
        "melding",
        ("melding_id",),
        (Verwijzing("gemeente_code", "gemeenten.csv", "gemeente_code"),),
    ),
    ImportFile(
        "groepsscans.csv",
        models.GroepsscanCreate,
        "groepsscan",
        ("scan_id",),
        (Verwijzing("groep_id", "groepen.csv", "groep_id"),),
    ),
    ImportFile(
        "beoordelingen.csv",
        models.BeoordelingCreate,
        "beoordeling",
        ("scan_id", "dimensie"),
        (Verwijzing("scan_id", "groepsscans.csv", "scan_id"),),
    ),
    ImportFile("gebruikers.csv", models.GebruikerCreate, "gebruiker", ("gebruiker_id",)),
)
