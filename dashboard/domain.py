"""Domain vocabulary: the fixed value sets of the werkproces, with their Dutch labels."""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "AUDIT_CATEGORIEEN",
    "BEOORDELING_2A",
    "BESLUIT_UITKOMSTEN",
    "BESLUIT_UITKOMST_LABELS",
    "BETROKKENE_ROLLEN",
    "DIMENSIES",
    "DIMENSIE_LABELS",
    "GESLACHTEN",
    "INTERVENTIE_STATUSSEN",
    "INTERVENTIE_STATUS_LABELS",
    "LID_ROLLEN",
    "ROLLEN",
    "ROL_LABELS",
    "SCAN_STATUSSEN",
    "SCOPE_TYPES",
    "SPOOR_LABELS",
    "SPOREN",
    "STAPPEN",
    "STAP_LABELS",
    "AuditCategorie",
    "Beoordeling2A",
    "BesluitUitkomst",
    "BetrokkeneRol",
    "Dimensie",
    "Geslacht",
    "InterventieStatus",
    "LidRol",
    "Rol",
    "ScanStatus",
    "ScopeType",
    "Spoor",
    "Stap",
]

Stap = Literal["1", "2A", "2B", "3", "4", "5", "6", "7"]
"""A step of the 7-stappenmodel (2023); step 2 is split in 2A (beoordelen) and 2B (informatie)."""

Beoordeling2A = Literal["nog_niet_beoordeeld", "problematisch", "niet_problematisch"]
"""Outcome of step 2A; only a problematic group may have a namenlijst and a groepsscan."""

LidRol = Literal["leider", "kern", "meeloper", "aanhang"]
"""A member's position in the group: leader, core, hanger-on, fringe."""

BetrokkeneRol = Literal["verdachte", "slachtoffer", "getuige", "betrokkene"]
"""A person's role in a police registration; only 'verdachte' may ever raise a score."""

Geslacht = Literal["m", "v", "x"]

Rol = Literal[
    "politie_specialist",
    "wijkagent",
    "procesregisseur",
    "burgemeester",
    "officier_van_justitie",
    "beheerder",
    "privacyfunctionaris",
]
"""A user's role; what each role may see is the access model's permission matrix."""

ScopeType = Literal["gemeente", "basisteam", "eenheid", "land"]
"""What a user's scope is made of: municipalities, basic teams, a police unit, or the whole country."""

Dimensie = Literal[
    "overlast",
    "intimidatie",
    "vernieling",
    "vermogen",
    "geweld",
    "wapens_mes",
    "wapens_vuurwapen",
    "drugsgebruik",
    "drugshandel",
    "alcohol_lachgas",
    "online",
]
"""A behaviour dimension of the groepsscan, rated 0-3 by the police."""

STAPPEN: tuple[Stap, ...] = get_args(Stap)
BEOORDELING_2A: tuple[Beoordeling2A, ...] = get_args(Beoordeling2A)
LID_ROLLEN: tuple[LidRol, ...] = get_args(LidRol)
BETROKKENE_ROLLEN: tuple[BetrokkeneRol, ...] = get_args(BetrokkeneRol)
GESLACHTEN: tuple[Geslacht, ...] = get_args(Geslacht)
SCOPE_TYPES: tuple[ScopeType, ...] = get_args(ScopeType)
DIMENSIES: tuple[Dimensie, ...] = get_args(Dimensie)
ROLLEN: tuple[Rol, ...] = get_args(Rol)

ROL_LABELS: dict[Rol, str] = {
    "politie_specialist": "Politie: specialist jeugdgroepen",
    "wijkagent": "Politie: wijkagent",
    "procesregisseur": "Gemeente: procesregisseur",
    "burgemeester": "Burgemeester",
    "officier_van_justitie": "Officier van justitie (OM)",
    "beheerder": "Beheerder",
    "privacyfunctionaris": "Privacyfunctionaris",
}

STAP_LABELS: dict[Stap, str] = {
    "1": "1 Signalen delen",
    "2A": "2A Beoordelen groepsgedrag",
    "2B": "2B Informatie verzamelen",
    "3": "3 Groepsduiding",
    "4": "4 Adviseren en prioriteren",
    "5": "5 Plan van aanpak",
    "6": "6 Uitvoeren en monitoren",
    "7": "7 Afronden en evalueren",
}

DIMENSIE_LABELS: dict[Dimensie, str] = {
    "overlast": "Overlast",
    "intimidatie": "Intimidatie en bedreiging",
    "vernieling": "Vernieling",
    "vermogen": "Vermogensdelicten",
    "geweld": "Geweld",
    "wapens_mes": "Wapens: steekwapen",
    "wapens_vuurwapen": "Wapens: vuurwapen",
    "drugsgebruik": "Drugsgebruik",
    "drugshandel": "Drugshandel en ronselen",
    "alcohol_lachgas": "Alcohol en lachgas",
    "online": "Online gedrag",
}

ScanStatus = Literal["concept", "definitief"]
"""A groepsscan is a draft until the specialist finishes it; only finished scans count in scores."""

BesluitUitkomst = Literal["geprioriteerd", "niet_geprioriteerd", "monitoren", "afschalen"]
"""The lokale driehoek's decision on a group."""

Spoor = Literal["groepsgericht", "domeingericht", "persoonsgericht"]
"""A track of the approach: the group, its locations (domains), or individual members."""

InterventieStatus = Literal["gepland", "lopend", "afgerond", "vervallen"]
"""Where an intervention of the plan van aanpak stands."""

AuditCategorie = Literal["toegang", "inzage", "export", "wijziging"]
"""What an audit record is about: a login, a view of personal data, an export, or a change."""

SCAN_STATUSSEN: tuple[ScanStatus, ...] = get_args(ScanStatus)
BESLUIT_UITKOMSTEN: tuple[BesluitUitkomst, ...] = get_args(BesluitUitkomst)
SPOREN: tuple[Spoor, ...] = get_args(Spoor)
INTERVENTIE_STATUSSEN: tuple[InterventieStatus, ...] = get_args(InterventieStatus)
AUDIT_CATEGORIEEN: tuple[AuditCategorie, ...] = get_args(AuditCategorie)

BESLUIT_UITKOMST_LABELS: dict[BesluitUitkomst, str] = {
    "geprioriteerd": "Geprioriteerd",
    "niet_geprioriteerd": "Niet geprioriteerd",
    "monitoren": "Monitoren",
    "afschalen": "Afschalen",
}

SPOOR_LABELS: dict[Spoor, str] = {
    "groepsgericht": "Groepsgericht",
    "domeingericht": "Domeingericht (locaties)",
    "persoonsgericht": "Persoonsgericht",
}

INTERVENTIE_STATUS_LABELS: dict[InterventieStatus, str] = {
    "gepland": "Gepland",
    "lopend": "Lopend",
    "afgerond": "Afgerond",
    "vervallen": "Vervallen",
}
