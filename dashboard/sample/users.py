"""Demo users (gebruikers.csv), one per role with a realistic scope, and the data set facts (dataset.csv)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.sample.frames import Columns, new_columns

if TYPE_CHECKING:
    from datetime import date

    from dashboard.domain import Rol, ScopeType
    from dashboard.sample.scales import ScaleConfig

__all__ = ["build_dataset_columns", "build_user_columns"]

_DOMAIN = "demo.groepsbeeld.example"

# (gebruiker_id, naam, e-mail name, rol, scope type, scope codes): every name says it is a demo.
_USERS: tuple[tuple[str, str, str, Rol, ScopeType, str], ...] = (
    (
        "specialist-mnl",
        "Specialist jeugdgroepen Midden-Nederland (demo)",
        "specialist.midden-nederland",
        "politie_specialist",
        "eenheid",
        "MNL",
    ),
    (
        "wijkagent-utrecht-noord",
        "Wijkagent Utrecht-Noord (demo)",
        "wijkagent.utrecht-noord",
        "wijkagent",
        "basisteam",
        "MNL-UTR-N",
    ),
    (
        "procesregisseur-utrecht",
        "Procesregisseur jeugdgroepen Utrecht (demo)",
        "procesregisseur.utrecht",
        "procesregisseur",
        "gemeente",
        "GM0344",
    ),
    (
        "burgemeester-utrecht",
        "Burgemeester van Utrecht (demo)",
        "burgemeester.utrecht",
        "burgemeester",
        "gemeente",
        "GM0344",
    ),
    (
        "burgemeester-amersfoort",
        "Burgemeester van Amersfoort (demo)",
        "burgemeester.amersfoort",
        "burgemeester",
        "gemeente",
        "GM0307",
    ),
    (
        "ovj-mnl",
        "Officier van justitie Midden-Nederland (demo)",
        "ovj.midden-nederland",
        "officier_van_justitie",
        "eenheid",
        "MNL",
    ),
    ("beheerder", "Functioneel beheerder (demo)", "beheerder", "beheerder", "land", ""),
    (
        "privacyfunctionaris-mnl",
        "Privacyfunctionaris politie Midden-Nederland (demo)",
        "privacy.midden-nederland",
        "privacyfunctionaris",
        "eenheid",
        "MNL",
    ),
)
# Extra users of the national sample, with scopes elsewhere in the country.
_LAND_USERS: tuple[tuple[str, str, str, Rol, ScopeType, str], ...] = (
    (
        "specialist-ams",
        "Specialist jeugdgroepen Amsterdam (demo)",
        "specialist.amsterdam",
        "politie_specialist",
        "eenheid",
        "AMS",
    ),
    (
        "procesregisseur-rotterdam",
        "Procesregisseur jeugdgroepen Rotterdam (demo)",
        "procesregisseur.rotterdam",
        "procesregisseur",
        "gemeente",
        "GM0599",
    ),
    (
        "burgemeester-amsterdam",
        "Burgemeester van Amsterdam (demo)",
        "burgemeester.amsterdam",
        "burgemeester",
        "gemeente",
        "GM0363",
    ),
    (
        "wijkagent-lekstroom",
        "Wijkagent Lekstroom (demo)",
        "wijkagent.lekstroom",
        "wijkagent",
        "basisteam",
        "MNL-LEK",
    ),
    (
        "ovj-oost-brabant",
        "Officier van justitie Oost-Brabant (demo)",
        "ovj.oost-brabant",
        "officier_van_justitie",
        "eenheid",
        "OBR",
    ),
)


def build_user_columns(config: ScaleConfig) -> Columns:
    """gebruikers.csv: the demo identities of this scale."""
    columns = new_columns("gebruikers.csv")
    users = _USERS + (_LAND_USERS if config.schaal == "land" else ())
    for gebruiker_id, naam, mailbox, rol, scope_type, scope_codes in users:
        columns["gebruiker_id"].append(gebruiker_id)
        columns["naam"].append(naam)
        columns["email"].append(f"{mailbox}@{_DOMAIN}")
        columns["rol"].append(rol)
        columns["scope_type"].append(scope_type)
        columns["scope_codes"].append(scope_codes or None)
    return columns


def build_dataset_columns(config: ScaleConfig, seed: int, peildatum: date) -> Columns:
    """dataset.csv: the data are fictitious, and how they were made."""
    facts = {
        "fictief": "ja",
        "naam": config.naam,
        "schaal": config.schaal,
        "seed": str(seed),
        "peildatum": peildatum.isoformat(),
    }
    columns = new_columns("dataset.csv")
    for sleutel, waarde in facts.items():
        columns["sleutel"].append(sleutel)
        columns["waarde"].append(waarde)
    return columns
