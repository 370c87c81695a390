"""The import kinds: which columns each export has, their aliases and types, and the key per kind.

Column names are compared after normalising (trimmed, lower case, spaces and hyphens as '_'), so
'Registratie nummer', 'REGISTRATIENUMMER' and 'registratienummer' are the same column.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from dashboard.domain import BEOORDELING_2A, BETROKKENE_ROLLEN, LID_ROLLEN, STAPPEN

__all__ = ["KINDS", "ImportKind", "Kind", "Kolom", "Soort", "normalise_name"]

Kind = Literal["registraties", "meldingen", "leden", "groepen"]
Soort = Literal["code", "gemeente", "datum", "breedte", "lengte", "keuze", "tekst"]


class Kolom(BaseModel):
    """One column of an export: its name in the database, the names systems use, and its type."""

    model_config = ConfigDict(frozen=True)

    naam: str
    soort: Soort
    verplicht: bool = True
    aliassen: tuple[str, ...] = ()
    keuzes: tuple[str, ...] = ()
    max_lengte: int = 32


class ImportKind(BaseModel):
    """One kind of import: its columns, its key and the table it updates."""

    model_config = ConfigDict(frozen=True)

    naam: Kind
    label: str
    tabel: str
    sleutel: tuple[str, ...]
    kolommen: tuple[Kolom, ...]
    uitleg: str

    @property
    def verplicht(self) -> tuple[str, ...]:
        """The names of the required columns."""
        return tuple(k.naam for k in self.kolommen if k.verplicht)

    def kolom(self, naam: str) -> Kolom:
        """The column called naam."""
        return next(k for k in self.kolommen if k.naam == naam)


def normalise_name(name: str) -> str:
    """A column header as compared: no BOM, trimmed, lower case, runs of spaces/hyphens/dots as '_'."""
    return re.sub(r"[\s\-.]+", "_", name.replace("\ufeff", "").strip().lower()).strip("_")


_GEMEENTE = Kolom(naam="gemeente_code", soort="gemeente", aliassen=("gemeentecode", "gemeente", "cbs_code"))
_DATUM = Kolom(naam="datum", soort="datum", aliassen=("pleegdatum", "registratiedatum", "meldingsdatum"))
_LAT = Kolom(naam="lat", soort="breedte", aliassen=("breedtegraad", "breedte_graad", "latitude", "y_wgs84"))
_LON = Kolom(naam="lon", soort="lengte", aliassen=("lengtegraad", "longitude", "lng", "x_wgs84"))
_PERSOON = ("persoonid", "persoon", "persoonsnummer", "persoon_nummer")

KINDS: dict[Kind, ImportKind] = {
    "registraties": ImportKind(
        naam="registraties",
        label="Registraties (politie)",
        tabel="registratie",
        sleutel=("registratienummer",),
        kolommen=(
            Kolom(
                naam="registratienummer",
                soort="code",
                aliassen=("registratie_nummer", "regnr", "bvh_nummer", "mutatienummer", "nummer"),
            ),
            _DATUM,
            Kolom(naam="categorie_code", soort="code", aliassen=("categorie", "delictcategorie", "delict")),
            _GEMEENTE,
            _LAT,
            _LON,
            Kolom(naam="persoon_id", soort="code", verplicht=False, aliassen=_PERSOON),
            Kolom(
                naam="rol",
                soort="keuze",
                verplicht=False,
                aliassen=("rol_betrokkene", "betrokkenheid", "hoedanigheid"),
                keuzes=BETROKKENE_ROLLEN,
            ),
        ),
        uitleg=(
            "Eén rij per registratie en betrokkene, zoals politiesystemen exporteren: de gegevens van de "
            "registratie staan op elke rij van die registratie. Een registratie zonder betrokkenen heeft "
            "één rij met persoon_id en rol leeg. Per registratie vervangt de import de betrokkenen."
        ),
    ),
    "meldingen": ImportKind(
        naam="meldingen",
        label="Meldingen jeugdoverlast (gemeente, politie)",
        tabel="melding",
        sleutel=("melding_id",),
        kolommen=(
            Kolom(naam="melding_id", soort="code", aliassen=("meldingnummer", "melding_nummer", "melding")),
            _DATUM,
            _GEMEENTE,
            _LAT,
            _LON,
        ),
        uitleg="Eén rij per melding: plaats en datum, nooit personen.",
    ),
    "leden": ImportKind(
        naam="leden",
        label="Groepsleden (lidmaatschappen)",
        tabel="lidmaatschap",
        sleutel=("persoon_id", "groep_id", "van"),
        kolommen=(
            Kolom(naam="persoon_id", soort="code", aliassen=_PERSOON),
            Kolom(naam="groep_id", soort="code", aliassen=("groepid", "groep", "groepsnummer")),
            Kolom(naam="rol", soort="keuze", aliassen=("rol_in_groep", "positie"), keuzes=LID_ROLLEN),
            Kolom(naam="van", soort="datum", aliassen=("vanaf", "begindatum", "datum_van", "lid_sinds")),
            Kolom(
                naam="tot", soort="datum", verplicht=False, aliassen=("einddatum", "datum_tot", "tot_en_met")
            ),
            Kolom(naam="bron", soort="tekst", aliassen=("informatiebron",), max_lengte=200),
        ),
        uitleg="Eén rij per lidmaatschap: persoon, groep, rol en periode; sleutel: persoon, groep en van.",
    ),
    "groepen": ImportKind(
        naam="groepen",
        label="Groepen",
        tabel="groep",
        sleutel=("groep_id",),
        kolommen=(
            Kolom(naam="groep_id", soort="code", aliassen=("groepid", "groep", "groepsnummer")),
            Kolom(naam="werknaam", soort="tekst", aliassen=("naam", "groepsnaam"), max_lengte=200),
            _GEMEENTE,
            Kolom(naam="wijk", soort="tekst", verplicht=False, max_lengte=200),
            Kolom(naam="buurt", soort="tekst", verplicht=False, max_lengte=200),
            Kolom(naam="basisteam_code", soort="code", aliassen=("basisteam", "basisteamcode")),
            Kolom(naam="stap", soort="keuze", aliassen=("processtap", "werkprocesstap"), keuzes=STAPPEN),
            Kolom(
                naam="beoordeling_2a",
                soort="keuze",
                aliassen=("beoordeling", "beoordeling_stap_2a"),
                keuzes=BEOORDELING_2A,
            ),
            Kolom(naam="eerste_signaal", soort="datum", aliassen=("datum_eerste_signaal", "signaaldatum")),
            Kolom(
                naam="online_platforms",
                soort="tekst",
                verplicht=False,
                aliassen=("platforms",),
                max_lengte=500,
            ),
            Kolom(naam="aanpak_beeindigd", soort="datum", verplicht=False, aliassen=("einddatum_aanpak",)),
        ),
        uitleg=(
            "Eén rij per groep. Een bestaande groep houdt zijn stap: een andere stap wijzigt u in de app, "
            "met een reden, zodat de geschiedenis klopt."
        ),
    ),
}
