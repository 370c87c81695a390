"""The information letter to a named young person and their parents or guardians (model covenant 2022).

Plain Dutch, addressed to the young person ("je"): whose data, in which group's approach, by whom (the
joint controllers), why, on which legal basis, until when, their rights and whom to contact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from dashboard.presentation import format_date
from dashboard.reports.models import Alinea, Document, Lijst, Sectie

if TYPE_CHECKING:
    import datetime as dt

    from dashboard.privacy.inzage import Inzage, Lidmaatschap
    from dashboard.privacy.retention import RetentionRule

__all__ = ["BRIEF_TITEL", "LEEFTIJD_ZELF", "build_letter"]

BRIEF_TITEL: Final = "Informatiebrief over het gebruik van je gegevens"
LEEFTIJD_ZELF: Final = 16  # from this age a young person exercises their rights themselves
TERMIJN_WEKEN: Final = 6  # art. 25 Wpg / art. 12 AVG: answer within six weeks (Wpg) or one month (AVG)

GRONDSLAG: Final = (
    "De politie geeft gegevens aan het samenwerkingsverband op grond van artikel 20 van de Wet "
    "politiegegevens (Wpg), en in een enkel geval op grond van artikel 19 Wpg. De gemeente gebruikt je "
    "gegevens voor haar taak voor de openbare orde en veiligheid (artikel 6, lid 1, onder e, Algemene "
    "verordening gegevensbescherming (AVG) en artikel 172 Gemeentewet). Het Openbaar Ministerie gebruikt "
    "ze voor zijn taak in de strafrechtketen. De afspraken staan in het convenant aanpak problematische "
    "jeugdgroepen."
)


def _age(geboortedatum: dt.date, on: dt.date) -> int:
    before_birthday = (on.month, on.day) < (geboortedatum.month, geboortedatum.day)
    return on.year - geboortedatum.year - before_birthday


def _bewaren(inzage: Inzage, rule: RetentionRule) -> str:
    datum = format_date(inzage.verwijderdatum) if inzage.verwijderdatum else "direct"
    if inzage.aanpak_loopt:
        return (
            f"Wij bewaren je gegevens zolang de aanpak van de groep loopt, en uiterlijk tot {datum}. "
            f"Stopt de aanpak of hoor je niet meer bij de groep, dan verwijderen wij je gegevens "
            f"{rule.bewaartermijn_maanden} maanden daarna. Dat gebeurt automatisch."
        )
    return f"Wij bewaren je gegevens tot {datum}. Daarna worden ze automatisch verwijderd."


def _rechten(leeftijd: int) -> tuple[Alinea | Lijst, ...]:
    wie = (
        "Omdat je jonger bent dan 16 jaar, doen je ouders of verzorgers zo'n verzoek namens jou."
        if leeftijd < LEEFTIJD_ZELF
        else "Je mag zo'n verzoek zelf doen; je ouders of verzorgers mogen je daarbij helpen."
    )
    return (
        Alinea(tekst="Je hebt deze rechten:"),
        Lijst(
            items=(
                "Inzage: je mag vragen welke gegevens wij over jou hebben.",
                "Correctie: klopt er iets niet, dan mag je vragen het te verbeteren.",
                "Verwijdering: je mag vragen je gegevens te verwijderen als wij ze niet (meer) nodig hebben.",
                "Bezwaar: je mag bezwaar maken tegen het gebruik van je gegevens.",
            )
        ),
        Alinea(tekst=wie),
        Alinea(
            tekst=f"Wij antwoorden binnen {TERMIJN_WEKEN} weken. Ben je het niet eens met ons antwoord, dan "
            "kun je een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl)."
        ),
    )


def build_letter(
    inzage: Inzage, groep: Lidmaatschap, documentnummer: str, datum: dt.date, rule: RetentionRule
) -> Document:
    """The letter about one group's approach, ready for the PDF and DOCX renderers."""
    persoon = inzage.persoon
    gemeente = groep.gemeente_naam
    partners = f"de gemeente {gemeente}, de politie en het Openbaar Ministerie (OM)"
    secties = (
        Sectie(
            titel="",
            blokken=(
                Alinea(tekst=f"Beste {persoon.voornaam}, en ouders of verzorgers van {persoon.voornaam},"),
                Alinea(
                    tekst=f"In de gemeente {gemeente} werken {partners} samen in de aanpak van de jeugdgroep "
                    f"'{groep.werknaam}'. Met deze brief laten wij je weten dat wij daarvoor gegevens over "
                    "jou gebruiken, waarom, en wat je rechten zijn."
                ),
            ),
        ),
        Sectie(
            titel="Welke gegevens",
            blokken=(
                Lijst(
                    items=(
                        "je naam, geboortedatum en geslacht;",
                        "dat je volgens ons bij de groep hoort, sinds wanneer en welke rol je daarin hebt;",
                        (
                            "politieregistraties waarin je voorkomt, en in welke rol (bijvoorbeeld als "
                            "verdachte, getuige of slachtoffer; die houden wij uit elkaar)."
                        ),
                    )
                ),
                Alinea(tekst="Wij leggen niets vast over afkomst, geloof of politieke voorkeur."),
            ),
        ),
        Sectie(
            titel="Waarom",
            blokken=(
                Alinea(
                    tekst="Om overlast en criminaliteit door de groep te verminderen en te voorkomen dat "
                    "jongeren verder afglijden. Daarbij hoort ook hulp, zoals jongerenwerk, begeleiding of "
                    "Halt. Wij gebruiken je gegevens alleen voor deze aanpak."
                ),
            ),
        ),
        Sectie(
            titel="Wie is verantwoordelijk",
            blokken=(
                Alinea(
                    tekst=f"{partners[0].upper()}{partners[1:]} zijn samen verantwoordelijk voor je "
                    "gegevens (gezamenlijke verwerkingsverantwoordelijken). Alleen medewerkers die aan de "
                    "aanpak werken, zien je naam. Elke keer dat iemand je naam bekijkt of doorgeeft, wordt "
                    "dat vastgelegd."
                ),
                Alinea(tekst=GRONDSLAG),
            ),
        ),
        Sectie(titel="Hoe lang", blokken=(Alinea(tekst=_bewaren(inzage, rule)),)),
        Sectie(titel="Je rechten", blokken=_rechten(_age(persoon.geboortedatum, datum))),
        Sectie(
            titel="Contact",
            blokken=(
                Alinea(
                    tekst=f"Wil je een van je rechten gebruiken of heb je een vraag? Neem contact op met de "
                    f"functionaris gegevensbescherming van de gemeente {gemeente} of van de politie, en "
                    f"noem het kenmerk {documentnummer}."
                ),
                Alinea(tekst="Met vriendelijke groet,"),
                Alinea(tekst=f"Namens {partners},", nadruk=True),
                Alinea(tekst=f"de procesregisseur jeugdgroepen van de gemeente {gemeente}"),
            ),
        ),
    )
    return Document(
        soort="brief",
        titel=BRIEF_TITEL,
        ondertitel=f"Betreft: je gegevens in de aanpak van de jeugdgroep '{groep.werknaam}'",
        vertrouwelijk=True,
        documentnummer=documentnummer,
        datum=format_date(datum),
        kenmerken=(("Datum", format_date(datum)), ("Kenmerk", documentnummer)),
        aan=(persoon.naam, "en zijn of haar ouders of verzorgers"),
        afzender=(f"Gemeente {gemeente}", "Politie", "Openbaar Ministerie"),
        secties=secties,
        voet=f"Vertrouwelijk · {documentnummer} · {format_date(datum)}",
    )
