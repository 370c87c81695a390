"""Content models: what each report says (per product), and the neutral document the renderers draw."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from dashboard.access import Identity
from dashboard.reports.config import Formaat, Product
from dashboard.scoring.advice import Advies

__all__ = [
    "Aanvraag",
    "Alinea",
    "Blok",
    "Brief",
    "Document",
    "Gedrag",
    "Groepsscan",
    "Hangplek",
    "Kop",
    "Lid",
    "LidIntern",
    "Lijst",
    "Namenlijst",
    "PlanRegel",
    "Rapportage",
    "Registraties",
    "Relatie",
    "Samenstelling",
    "Scores",
    "Sectie",
    "Staaf",
    "Staven",
    "Tabel",
    "Vergaderpakket",
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Aanvraag(_Model):
    """One export request: who asks for which product of which group, at which date, for whom."""

    identity: Identity
    groep_id: str
    peildatum: dt.date
    product: Product
    aangemaakt: dt.datetime
    ontvanger: str | None = None
    advies_bewerkt: str | None = None


class Kop(_Model):
    """What every product carries: which document, about which group, for whom, by whom, on what basis."""

    product: Product
    titel: str
    documentnummer: str
    aangemaakt: dt.datetime
    peildatum: dt.date
    groep_id: str
    werknaam: str
    gemeente_naam: str
    basisteam_naam: str
    ontvanger: str
    opgesteld_door: str
    rol: str
    vertrouwelijk: bool
    rechtsgrond: str
    verstrekking: str = ""  # "Verstrekt op grond van: ..., doel: ..." from the sharing policy


class Scores(_Model):
    """The group's scores at the peildatum, exactly as GroepScore gives them (rounded to one decimal)."""

    ernst: float | None
    risico: float | None
    ontwikkeling: float | None
    impact: float | None
    prioriteit: float | None
    band: str
    type: str | None
    verandering: float | None  # priority minus the priority at the scan before the latest


class Samenstelling(_Model):
    """Active members counted by role and age band."""

    rol: str
    leeftijdsgroep: str
    leden: int


class Hangplek(_Model):
    """A hangplek with its usual times and the meldingen jeugdoverlast nearby in the window."""

    naam: str
    tijden: str
    meldingen: int


class Gedrag(_Model):
    """One behaviour dimension as rated in the latest scan, and in the scan before it."""

    dimensie: str
    niveau: int
    vorig_niveau: int | None
    bronnen: str
    laatst_waargenomen: dt.date | None = None


class Relatie(_Model):
    """Another group inside the user's area that shares members with this one."""

    groep_id: str
    werknaam: str
    gedeelde_leden: int


class Registraties(_Model):
    """Police registrations with a current member as suspect in the window, per category (no names)."""

    categorie: str
    registraties: int
    verdachte_leden: int


class PlanRegel(_Model):
    """An intervention of the plan van aanpak; the owner is a partner or role, never a person's name."""

    spoor: str
    partner: str
    omschrijving: str
    eigenaar: str
    deadline: dt.date | None
    status: str
    te_laat: bool  # deadline before the peildatum and not afgerond or vervallen


class Rapportage(_Model):
    """The standaardrapportage for the gemeente and the OM: aggregates only, no names."""

    kop: Kop
    wijk: str | None
    buurt: str | None
    stap: str
    beoordeling_2a: str
    eerste_signaal: dt.date
    online_platforms: tuple[str, ...]
    scores: Scores
    geschiedenis: tuple[tuple[dt.date, float | None, str], ...]
    leden: int
    samenstelling: tuple[Samenstelling, ...]
    hangplekken: tuple[Hangplek, ...]
    scan_datum: dt.date | None
    vorige_scan_datum: dt.date | None
    gedrag: tuple[Gedrag, ...]
    informatie_wijkagent: str | None
    relaties: tuple[Relatie, ...]
    relaties_buiten_gebied: int
    venster_maanden: int
    registraties: tuple[Registraties, ...]
    risicos: tuple[str, ...]
    kansen: tuple[str, ...] = ()
    aandachtspunten: tuple[str, ...]
    advies: Advies
    advies_bewerkt: str | None
    plan: tuple[PlanRegel, ...] = ()  # the plan van aanpak's interventions; empty: none recorded


class Lid(_Model):
    """A current member on the namenlijst."""

    persoon_id: str
    naam: str
    rol: str
    leeftijd: int | None
    lid_sinds: dt.date | None
    verdenkingen: int
    verwijderdatum: dt.date | None = None  # the purge date (dashboard.privacy.retention)
    geboortedatum: dt.date | None = None


class Namenlijst(_Model):
    """Who is in the group at the peildatum: restricted, every page marked confidential."""

    kop: Kop
    venster_maanden: int
    leden: tuple[Lid, ...]
    # The person fields the recipient's role may see (sharing policy); only these are rendered.
    velden: tuple[str, ...] = ("naam", "persoon_id", "rol", "leeftijd", "lid_sinds", "verdenkingen")


class LidIntern(_Model):
    """A current member in the internal groepsscan, with their police registrations in the window.

    verdacht: registrations as suspect per delict category; slachtoffer, getuige and betrokkene count the
    registrations in another role, each on its own (a victim is never counted as a suspect).
    """

    persoon_id: str
    naam: str
    rol: str
    leeftijd: int | None
    lid_sinds: dt.date | None
    verdacht: tuple[tuple[str, int], ...]
    slachtoffer: int
    getuige: int
    betrokkene: int


class Groepsscan(_Model):
    """The internal groepsscan: the full police picture of a group and its members (police roles only)."""

    kop: Kop
    stap: str
    beoordeling_2a: str
    scores: Scores
    venster_maanden: int
    scan_datum: dt.date | None
    scan_auteur: str | None
    gedrag: tuple[Gedrag, ...]
    radicalisering: bool
    leden: tuple[LidIntern, ...]
    registraties: tuple[Registraties, ...]
    informatie_wijkagent: str | None
    aandachtspunten: tuple[str, ...]
    advies: Advies


class Vergaderpakket(_Model):
    """A triangle meeting's pack: the standaardrapportage of each selected group, in priority order."""

    documentnummer: str
    aangemaakt: dt.datetime
    peildatum: dt.date
    gebied: str
    ontvanger: str
    opgesteld_door: str
    rol: str
    rapportages: tuple[Rapportage, ...]
    verstrekking: str = ""  # "Verstrekt op grond van: ..., doel: ..." from the sharing policy


class Brief(_Model):
    """An aanbiedingsbrief from the basisteam chief to the gemeente or the OM."""

    kop: Kop
    aan: tuple[str, ...]
    band: str
    prioriteit: float | None
    advies: Advies
    advies_bewerkt: str | None
    afzender: str


# --- The neutral document: blocks the renderers draw one by one, computing nothing. ---


class Alinea(_Model):
    """A paragraph; nadruk draws it bold."""

    soort: Literal["alinea"] = "alinea"
    tekst: str
    nadruk: bool = False


class Lijst(_Model):
    """A bulleted list."""

    soort: Literal["lijst"] = "lijst"
    items: tuple[str, ...]


class Tabel(_Model):
    """A table with a header row (repeated on every page) and right-aligned numeric columns."""

    soort: Literal["tabel"] = "tabel"
    kop: tuple[str, ...]
    rijen: tuple[tuple[str, ...], ...]
    rechts: tuple[int, ...] = ()  # column indexes aligned right (numbers)
    breedtes: tuple[float, ...] = ()  # relative column widths; empty: equal
    # PDF of a pakket only: a last column with this heading, row i giving the page where bijlage i starts.
    pagina_kolom: str = ""


class Staaf(_Model):
    """One bar: label, value on the scale, the value as text, fill colour (#RRGGBB)."""

    label: str
    waarde: float
    tekst: str
    kleur: str


class Staven(_Model):
    """A horizontal bar chart on a fixed scale (0..maximum)."""

    soort: Literal["staven"] = "staven"
    titel: str
    maximum: float
    staven: tuple[Staaf, ...]


Blok = Annotated[Alinea | Lijst | Tabel | Staven, Field(discriminator="soort")]


class Sectie(_Model):
    """A numbered section with a heading."""

    titel: str
    blokken: tuple[Blok, ...]


class Document(_Model):
    """A report or letter ready to draw: every text final, every number formatted."""

    soort: Literal["rapport", "brief", "pakket"]
    titel: str
    ondertitel: str
    vertrouwelijk: bool
    documentnummer: str
    datum: str
    kenmerken: tuple[tuple[str, str], ...]
    aan: tuple[str, ...] = ()
    afzender: tuple[str, ...] = ()
    secties: tuple[Sectie, ...]
    voet: str
    markering: str = ""  # an extra stamp next to 'Vertrouwelijk', e.g. 'Intern – politie'
    bijlagen: tuple[Document, ...] = ()  # a pakket: the reports that follow the cover, each on a new page


class Export(_Model):
    """A rendered file with what the export log records."""

    product: Product
    formaat: Formaat
    bestandsnaam: str
    mime: str
    inhoud: bytes
    documentnummer: str
    ontvanger: str
    groep_id: str
