"""Advice by documented rules: recommended priority, mix of approaches, partners, interventions, reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from dashboard.presentation import leden

if TYPE_CHECKING:
    from dashboard.scoring.config import ScoringConfig

__all__ = ["PRIORITEIT_ADVIES", "Aanpak", "AdviceFacts", "Advies", "advise"]

Soort = Literal["groepsgericht", "domeingericht", "persoonsgericht"]

PRIORITEIT_ADVIES = {
    "hoog": "Hoog: groepsaanpak met een integraal plan van aanpak (stap 5)",
    "midden": "Midden: groepsaanpak met een beperkt plan van aanpak en monitoring",
    "laag": "Laag: lichte interventies en monitoren, geen plan van aanpak",
    "geen groepsaanpak": "Geen groepsaanpak: signalen blijven volgen",
    "onvoldoende gegevens": "Nog niet te prioriteren: eerst een (nieuwe) groepsscan laten maken",
}


class _Advice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Aanpak(_Advice):
    """One approach in the advised mix, with what it is aimed at (hangplekken or members)."""

    soort: Soort
    toelichting: str
    betreft: tuple[str, ...] = ()


class Advies(_Advice):
    """The advice for the driehoek; the specialist may edit it (model_copy) before it is sent."""

    prioriteit: str
    aanpak: tuple[Aanpak, ...]
    partners: tuple[str, ...]
    interventies: tuple[str, ...]
    redenen: tuple[str, ...]


class AdviceFacts(BaseModel):
    """What the advice rules read about one group at one peildatum."""

    model_config = ConfigDict(frozen=True)

    score: dict[str, Any]
    hangplekken: list[tuple[str, int]]
    personen: list[tuple[str, str]]
    vlaggen: list[str]
    top: list[tuple[str, float]]


def _nl(value: float) -> str:
    """A number with one decimal and a decimal comma."""
    return f"{value:.1f}".replace(".", ",")


def _level(facts: AdviceFacts, dimensie: str) -> int:
    return int(facts.score.get(f"niveau_{dimensie}") or 0)


def _approaches(facts: AdviceFacts, config: ScoringConfig) -> list[Aanpak]:
    """Groepsgericht for hoog/midden; domeingericht on impact or overlast; persoonsgericht per member."""
    band, impact = facts.score["band"], facts.score["impact"] or 0.0
    mix: list[Aanpak] = []
    if band in {"hoog", "midden"}:
        mix.append(Aanpak(soort="groepsgericht", toelichting="De groep als geheel aanspreken en volgen."))
    if impact >= config.advies.domein_impact or _level(facts, "overlast") >= config.advies.domein_overlast:
        plekken = tuple(f"{naam} ({n} meldingen)" for naam, n in facts.hangplekken)
        mix.append(
            Aanpak(
                soort="domeingericht",
                toelichting="Toezicht en inrichting van de hangplekken.",
                betreft=plekken,
            )
        )
    if facts.personen and band != "onvoldoende gegevens":
        leden = tuple(f"{persoon} ({reden})" for persoon, reden in facts.personen)
        mix.append(Aanpak(soort="persoonsgericht", toelichting="Leden met een eigen traject.", betreft=leden))
    return mix


def _partners(facts: AdviceFacts, soorten: set[str]) -> list[str]:
    band, legacy = facts.score["band"], facts.score["type"]
    partners = ["gemeente (procesregisseur)", "politie (wijkagent)"]
    if band == "hoog" or legacy == "crimineel" or "persoonsgericht" in soorten:
        partners.append("Openbaar Ministerie")
    if band in {"midden", "laag"}:
        partners.append("jongerenwerk")
    if "domeingericht" in soorten:
        partners.append("boa's / handhaving")
    if legacy != "crimineel" and (_level(facts, "vernieling") >= 1 or _level(facts, "overlast") >= 2):  # noqa: PLR2004
        partners.append("Halt")
    if "persoonsgericht" in soorten:
        partners.append("Zorg- en Veiligheidshuis")
    return partners


def _interventions(facts: AdviceFacts, mix: list[Aanpak], partners: list[str]) -> list[str]:
    band, found = facts.score["band"], []
    soorten = {aanpak.soort: aanpak for aanpak in mix}
    if "domeingericht" in soorten and facts.hangplekken:
        found.append(f"Extra toezicht door wijkagent en boa's bij {facts.hangplekken[0][0]}")
    if "groepsgericht" in soorten:
        found.append("Brieven aan de groepsleden en hun ouders")
    violent = max(_level(facts, d) for d in ("geweld", "intimidatie", "wapens_mes", "wapens_vuurwapen"))
    if band == "hoog" and violent >= 2:  # noqa: PLR2004  (regelmatig or worse)
        found.append("Gebiedsverbod of contactverbod overwegen (burgemeester, OM)")
    if "jongerenwerk" in partners:
        found.append("Jongerenwerk inzetten op de hangplek(ken)")
    if "Halt" in partners:
        found.append("Halt-afdoening bij lichte delicten van minderjarigen")
    if "persoonsgericht" in soorten:
        aantal = len(soorten["persoonsgericht"].betreft)
        found.append(
            "Aanmelden voor de persoonsgerichte aanpak (PGA) of het Zorg- en Veiligheidshuis: "
            f"{leden(aantal)}"
        )
    return found


def _reasons(facts: AdviceFacts, mix: list[Aanpak]) -> list[str]:
    score, reasons = facts.score, []
    if score["band"] == "onvoldoende gegevens":
        reasons.append(
            "Er is geen beoordeling en geen registratie als verdachte: de gegevens dragen geen band."
        )
    elif score["prioriteit"] is None:
        reasons.append("In stap 2A is de groep als niet problematisch beoordeeld.")
    else:
        reasons.append(f"Prioriteitsscore {score['prioriteit']:.0f} valt in band {score['band']}.")
        reasons += [f"Grote bijdrage: {component} ({_nl(punten)} punten)." for component, punten in facts.top]
    if any(a.soort == "domeingericht" for a in mix):
        reasons.append(f"Impact {score['impact']:.0f}: de overlast concentreert zich bij de hangplekken.")
    for aanpak in mix:
        if aanpak.soort == "persoonsgericht":
            reasons.append(
                f"Regel voor een persoonsgerichte aanpak: {leden(len(aanpak.betreft))} komen in aanmerking."
            )
    reasons += [f"Let op: {tekst[:1].lower()}{tekst[1:]}." for tekst in facts.vlaggen]
    return reasons


def advise(facts: AdviceFacts, config: ScoringConfig) -> Advies:
    """The advice for one group by the rules in docs/methode.md."""
    mix = _approaches(facts, config)
    partners = _partners(facts, {aanpak.soort for aanpak in mix})
    return Advies(
        prioriteit=PRIORITEIT_ADVIES[facts.score["band"]],
        aanpak=tuple(mix),
        partners=tuple(partners),
        interventies=tuple(_interventions(facts, mix, partners)),
        redenen=tuple(_reasons(facts, mix)),
    )
