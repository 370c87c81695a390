"""Lay out each product as a neutral Document: headings, paragraphs, tables and bar charts in Dutch.

All wording and number formatting happens here, once, so PDF, DOCX and HTML say exactly the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from dashboard.presentation import (
    BAND_COLOURS,
    DEELSCORE_LABELS,
    band_label,
    format_date,
    format_number,
    format_trend,
)
from dashboard.reports.config import BEWAREN, CONTACT, DOEL, INTERN, TERUGSTUREN, VERTROUWELIJK
from dashboard.reports.models import (
    Alinea,
    Blok,
    Brief,
    Document,
    Groepsscan,
    Kop,
    Lid,
    LidIntern,
    Lijst,
    Namenlijst,
    Rapportage,
    Sectie,
    Staaf,
    Staven,
    Tabel,
)
from dashboard.reports.plan_section import TITEL as PLAN_TITEL
from dashboard.reports.plan_section import plan_blokken

if TYPE_CHECKING:
    from collections.abc import Callable

    from dashboard.scoring.advice import Advies

__all__ = ["layout"]

NIVEAUS: Final = {0: "niet", 1: "incidenteel", 2: "regelmatig", 3: "structureel"}
SUBSCORES: Final = ("ernst", "risico", "ontwikkeling", "impact", "prioriteit")
BALK: Final = "#4A5A6A"  # sober slate for the sub-scores; the priority bar carries its band colour
AANPAK: Final = {
    "groepsgericht": "Groepsgericht",
    "domeingericht": "Domeingericht",
    "persoonsgericht": "Persoonsgericht",
}


def _kenmerken(kop: Kop) -> tuple[tuple[str, str], ...]:
    return (
        ("Groep", f"{kop.werknaam} ({kop.groep_id})"),
        ("Gemeente", kop.gemeente_naam),
        ("Basisteam", kop.basisteam_naam),
        ("Peildatum", format_date(kop.peildatum)),
        ("Ontvanger", kop.ontvanger),
        ("Opgesteld door", f"{kop.opgesteld_door} ({kop.rol})"),
        ("Documentnummer", kop.documentnummer),
    )


def _voet(kop: Kop) -> str:
    prefix = f"{VERTROUWELIJK} · " if kop.vertrouwelijk else ""
    if kop.product == "groepsscan":
        prefix = f"{INTERN} · {prefix}"
    return f"{prefix}{kop.documentnummer} · {format_date(kop.aangemaakt.date())}"


def _trend(now: int, before: int | None) -> str:
    if before is None:
        return "—"
    return format_trend(now - before)


def _advies(advies: Advies, bewerkt: str | None) -> tuple[Blok, ...]:
    blokken: list[Blok] = []
    if bewerkt:
        blokken += [Alinea(tekst="Advies (bewerkt door de opsteller)", nadruk=True)]
        blokken += [Alinea(tekst=regel) for regel in bewerkt.splitlines() if regel.strip()]
        blokken += [Alinea(tekst="Gegenereerd advies (ter vergelijking)", nadruk=True)]
    blokken.append(Alinea(tekst=f"Prioriteit: {advies.prioriteit}"))
    if advies.aanpak:
        items = []
        for aanpak in advies.aanpak:
            betreft = f" Betreft: {'; '.join(aanpak.betreft)}." if aanpak.betreft else ""
            items.append(f"{AANPAK.get(aanpak.soort, aanpak.soort)}: {aanpak.toelichting}{betreft}")
        blokken += [Alinea(tekst="Aanpak", nadruk=True), Lijst(items=tuple(items))]
    if advies.partners:
        blokken += [Alinea(tekst="Partners", nadruk=True), Lijst(items=advies.partners)]
    if advies.interventies:
        blokken += [Alinea(tekst="Interventies", nadruk=True), Lijst(items=advies.interventies)]
    if advies.redenen:
        blokken += [Alinea(tekst="Onderbouwing", nadruk=True), Lijst(items=advies.redenen)]
    return tuple(blokken)


def _scores(rapport: Rapportage) -> tuple[Blok, ...]:
    s = rapport.scores
    values = {name: getattr(s, name) for name in SUBSCORES}
    rijen = tuple((DEELSCORE_LABELS[name], format_number(values[name], 1)) for name in SUBSCORES)
    staven = tuple(
        Staaf(
            label=DEELSCORE_LABELS[name],
            waarde=values[name] or 0.0,
            tekst=format_number(values[name], 1),
            kleur=BAND_COLOURS.get(s.band, BALK) if name == "prioriteit" else BALK,
        )
        for name in SUBSCORES
    )
    return (
        Alinea(
            tekst=f"Band: {band_label(s.band)}. Prioriteitsscore {format_number(s.prioriteit, 1)} "
            f"(verandering sinds de vorige scan: {format_trend(s.verandering)}). "
            f"Type (oude methode): {s.type or '—'}.",
            nadruk=True,
        ),
        Tabel(kop=("Deelscore", "Score (0-100)"), rijen=rijen, rechts=(1,), breedtes=(3, 1)),
        Staven(titel="Deelscores en prioriteit (0-100)", maximum=100.0, staven=staven),
    )


def _geschiedenis(rapport: Rapportage) -> tuple[Blok, ...]:
    if not rapport.geschiedenis:
        return (Alinea(tekst="Er zijn nog geen scans: geen scoreverloop."),)
    staven = tuple(
        Staaf(
            label=format_date(datum, short=True),
            waarde=prioriteit or 0.0,
            tekst=f"{format_number(prioriteit, 1)} ({band_label(band)})",
            kleur=BAND_COLOURS.get(band, BALK),
        )
        for datum, prioriteit, band in rapport.geschiedenis
    )
    return (Staven(titel="Prioriteitsscore per scandatum (0-100)", maximum=100.0, staven=staven),)


def _groepsbeeld(r: Rapportage) -> tuple[Blok, ...]:
    gebied = ", ".join(part for part in (r.wijk, r.buurt) if part) or "—"
    return (
        Tabel(
            kop=("Kenmerk", "Waarde"),
            rijen=(
                ("Wijk en buurt", gebied),
                ("Stap in het werkproces", r.stap),
                ("Beoordeling stap 2A", r.beoordeling_2a),
                ("Eerste signaal", format_date(r.eerste_signaal)),
                ("Actieve leden op de peildatum", format_number(r.leden)),
                ("Online platforms", ", ".join(r.online_platforms) or "geen bekend"),
            ),
            breedtes=(1, 2),
        ),
        Alinea(tekst="Samenstelling naar rol en leeftijd", nadruk=True),
        Tabel(
            kop=("Rol", "Leeftijd", "Leden"),
            rijen=tuple((s.rol, s.leeftijdsgroep, format_number(s.leden)) for s in r.samenstelling)
            or (("—", "—", "0"),),
            rechts=(2,),
            breedtes=(2, 2, 1),
        ),
        Alinea(
            tekst=f"Locaties en tijden (meldingen jeugdoverlast in de laatste {r.venster_maanden} maanden)",
            nadruk=True,
        ),
        Tabel(
            kop=("Hangplek", "Tijden", "Meldingen"),
            rijen=tuple((h.naam, h.tijden, format_number(h.meldingen)) for h in r.hangplekken)
            or (("geen bekend", "—", "0"),),
            rechts=(2,),
            breedtes=(2, 3, 1),
        ),
    )


def _gedrag(r: Rapportage) -> tuple[Blok, ...]:
    if not r.gedrag:
        return (Alinea(tekst="Er is nog geen groepsscan met beoordelingen."),)
    vorige = format_date(r.vorige_scan_datum) if r.vorige_scan_datum else "geen vorige scan"
    return (
        Alinea(
            tekst=f"Beoordeling in de groepsscan van {format_date(r.scan_datum)} (0 niet – 3 structureel), "
            f"met de verandering sinds de vorige scan ({vorige})."
        ),
        Tabel(
            kop=("Gedrag", "Niveau", "Vorige scan", "Trend", "Bronnen"),
            rijen=tuple(
                (
                    g.dimensie,
                    f"{NIVEAUS.get(g.niveau, '?')} ({g.niveau})",
                    "—"
                    if g.vorig_niveau is None
                    else f"{NIVEAUS.get(g.vorig_niveau, '?')} ({g.vorig_niveau})",
                    _trend(g.niveau, g.vorig_niveau),
                    g.bronnen,
                )
                for g in r.gedrag
            ),
            breedtes=(3, 2, 2, 1, 3),
        ),
    )


def _rapportage(r: Rapportage) -> Document:
    kop = r.kop
    relaties: tuple[Blok, ...] = (
        (
            Tabel(
                kop=("Groep", "Gedeelde leden"),
                rijen=tuple(
                    (f"{x.werknaam} ({x.groep_id})", format_number(x.gedeelde_leden)) for x in r.relaties
                ),
                rechts=(1,),
                breedtes=(4, 1),
            ),
        )
        if r.relaties
        else (Alinea(tekst="Geen gedeelde leden met andere groepen in uw gebied."),)
    ) + (
        (
            Alinea(
                tekst=f"Daarnaast zijn {r.relaties_buiten_gebied} leden actief in een groep buiten uw gebied."
            ),
        )
        if r.relaties_buiten_gebied
        else ()
    )
    registraties: tuple[Blok, ...] = (
        Alinea(
            tekst=f"Registraties met een huidig lid als verdachte in de laatste {r.venster_maanden} maanden, "
            "per delictcategorie. Geteld, zonder namen."
        ),
        Tabel(
            kop=("Delictcategorie", "Registraties", "Verdachte leden"),
            rijen=tuple(
                (x.categorie, format_number(x.registraties), format_number(x.verdachte_leden))
                for x in r.registraties
            )
            or (("geen registraties", "0", "0"),),
            rechts=(1, 2),
            breedtes=(3, 1, 1),
        ),
    )
    risicos = r.risicos or ("Geen bijdragen aan de risicoscore.",)
    secties = (
        Sectie(
            titel="Aanvraag en grondslag",
            blokken=(
                Alinea(
                    tekst=f"Deze standaardrapportage beschrijft de groep {kop.werknaam} in de gemeente "
                    f"{kop.gemeente_naam} op peildatum {format_date(kop.peildatum)}, ten behoeve van de "
                    "integrale aanpak problematische jeugdgroepen (werkproces stap 2B–4)."
                ),
                Alinea(tekst=kop.verstrekking, nadruk=True),
                Alinea(tekst=kop.rechtsgrond),
                Alinea(tekst=DOEL),
            ),
        ),
        Sectie(titel="Samenvatting: scores en band", blokken=_scores(r)),
        Sectie(titel="Groepsbeeld", blokken=_groepsbeeld(r)),
        Sectie(titel="Gedrag en ernst per dimensie", blokken=_gedrag(r)),
        Sectie(titel="Scoreverloop", blokken=_geschiedenis(r)),
        Sectie(
            titel="Dynamiek en rollen",
            blokken=(
                Alinea(
                    tekst=f"De groep telt {r.leden} actieve leden. Type volgens de oude methode: "
                    f"{r.scores.type or 'niet bepaald'}."
                ),
                Alinea(tekst="Informatie van de wijkagent (laatste groepsscan)", nadruk=True),
                Alinea(tekst=r.informatie_wijkagent or "Geen toelichting vastgelegd."),
            ),
        ),
        Sectie(titel="Relaties met andere groepen", blokken=relaties),
        Sectie(titel="Politieregistraties (geaggregeerd)", blokken=registraties),
        Sectie(
            titel="Risico's en kansen",
            blokken=(
                Alinea(tekst="Risico's", nadruk=True),
                Lijst(items=risicos),
                Alinea(tekst="Kansen", nadruk=True),
                Lijst(items=r.kansen or ("Geen kansen af te leiden uit de gegevens.",)),
                *(
                    (
                        Alinea(tekst="Aandachtspunten bij de gegevens", nadruk=True),
                        Lijst(items=r.aandachtspunten),
                    )
                    if r.aandachtspunten
                    else ()
                ),
            ),
        ),
        Sectie(titel="Conclusie en advies", blokken=_advies(r.advies, r.advies_bewerkt)),
        Sectie(titel=PLAN_TITEL, blokken=plan_blokken(r.plan)),
        Sectie(
            titel="Vertrouwelijkheid, bewaren en terugsturen",
            blokken=(Alinea(tekst=BEWAREN), Alinea(tekst=TERUGSTUREN), Alinea(tekst=CONTACT)),
        ),
    )
    return Document(
        soort="rapport",
        titel=kop.titel,
        ondertitel=kop.werknaam,
        vertrouwelijk=kop.vertrouwelijk,
        documentnummer=kop.documentnummer,
        datum=format_date(kop.aangemaakt.date()),
        kenmerken=_kenmerken(kop),
        secties=secties,
        voet=_voet(kop),
    )


# The namenlijst's columns per person field: heading, cell text, right-aligned, relative width.
NAMEN_KOLOMMEN: Final[dict[str, tuple[str, Callable[[Lid], str], bool, float]]] = {
    "naam": ("Naam", lambda lid: lid.naam, False, 3),
    "persoon_id": ("Persoonsnummer", lambda lid: lid.persoon_id, False, 2),
    "geboortedatum": ("Geboortedatum", lambda lid: format_date(lid.geboortedatum, short=True), False, 1.6),
    "rol": ("Rol", lambda lid: lid.rol, False, 1.3),
    "leeftijd": ("Leeftijd", lambda lid: format_number(lid.leeftijd), True, 1.1),
    "lid_sinds": ("Lid sinds", lambda lid: format_date(lid.lid_sinds, short=True), False, 1.5),
    "verdenkingen": ("Verdenkingen", lambda lid: format_number(lid.verdenkingen), True, 1.9),
}
# Always shown: when the record will be purged (not a person field the policy restricts).
VERWIJDEREN: Final = ("Verwijderen op", lambda lid: format_date(lid.verwijderdatum, short=True), False, 1.7)


def _namen_tabel(n: Namenlijst) -> Tabel:
    """Only the fields the sharing policy allows the recipient's role: the others never reach the file."""
    kolommen = [kolom for veld, kolom in NAMEN_KOLOMMEN.items() if veld in n.velden] + [VERWIJDEREN]
    rijen = tuple(tuple(maak(lid) for _, maak, _, _ in kolommen) for lid in n.leden)
    return Tabel(
        kop=tuple(kop for kop, _, _, _ in kolommen),
        rijen=rijen or (("geen leden", *("—" for _ in kolommen[1:])),),
        rechts=tuple(index for index, (_, _, rechts, _) in enumerate(kolommen) if rechts),
        breedtes=tuple(breedte for _, _, _, breedte in kolommen),
    )


def _namenlijst(n: Namenlijst) -> Document:
    kop = n.kop
    return Document(
        soort="rapport",
        titel=kop.titel,
        ondertitel=kop.werknaam,
        vertrouwelijk=True,
        documentnummer=kop.documentnummer,
        datum=format_date(kop.aangemaakt.date()),
        kenmerken=_kenmerken(kop),
        secties=(
            Sectie(
                titel="Grondslag en doel",
                blokken=(
                    Alinea(tekst=kop.verstrekking, nadruk=True),
                    Alinea(tekst=kop.rechtsgrond),
                    Alinea(tekst=DOEL),
                    Alinea(tekst=BEWAREN, nadruk=True),
                ),
            ),
            Sectie(
                titel=f"Leden op {format_date(kop.peildatum)} ({len(n.leden)})",
                blokken=(
                    Alinea(
                        tekst=f"Verdenkingen: registraties als verdachte in de laatste {n.venster_maanden} "
                        "maanden tot en met de peildatum."
                    ),
                    _namen_tabel(n),
                ),
            ),
            Sectie(
                titel="Terugsturen en contact", blokken=(Alinea(tekst=TERUGSTUREN), Alinea(tekst=CONTACT))
            ),
        ),
        voet=_voet(kop),
    )


def _brief(b: Brief) -> Document:
    kop = b.kop
    om = kop.product == "brief-om"
    doel = (
        "het Openbaar Ministerie, voor de strafrechtelijke informatie per persoon en de "
        "besluitvorming in de lokale driehoek"
        if om
        else "de gemeente, voor de regie op de integrale aanpak en de besluitvorming in de lokale driehoek"
    )
    body: tuple[Blok, ...] = (
        Alinea(tekst="Geachte heer/mevrouw,"),
        Alinea(
            tekst="Hierbij bied ik u de standaardrapportage aan over de jeugdgroep "
            f"{kop.werknaam} in de gemeente {kop.gemeente_naam}, met het advies van de politie over "
            f"prioriteit en aanpak. De rapportage is bestemd voor {doel}."
        ),
        Alinea(
            tekst=f"De groep valt op peildatum {format_date(kop.peildatum)} in band {band_label(b.band)} "
            f"met een prioriteitsscore van {format_number(b.prioriteit, 1)} (0-100). "
            f"Ons advies: {b.advies.prioriteit}."
        ),
        *(
            (
                Alinea(tekst="Toelichting van de opsteller:", nadruk=True),
                *(Alinea(tekst=x) for x in b.advies_bewerkt.splitlines() if x.strip()),
            )
            if b.advies_bewerkt
            else ()
        ),
        Alinea(tekst="Voorgestelde interventies", nadruk=True),
        Lijst(items=b.advies.interventies or ("Signalen blijven volgen.",)),
        Alinea(tekst="Grondslag en doelbinding", nadruk=True),
        Alinea(tekst=kop.verstrekking),
        Alinea(tekst=kop.rechtsgrond),
        Alinea(tekst=DOEL),
        Alinea(tekst="Vertrouwelijkheid, bewaren en terugsturen", nadruk=True),
        Alinea(
            tekst="De rapportage is vertrouwelijk. Deel haar alleen met wie binnen het samenwerkingsverband "
            "bij de aanpak van deze groep betrokken is."
        ),
        Alinea(tekst=BEWAREN),
        Alinea(tekst=TERUGSTUREN),
        Alinea(tekst="Contact", nadruk=True),
        Alinea(tekst=CONTACT),
        Alinea(tekst="Met vriendelijke groet,"),
        Alinea(tekst=b.afzender, nadruk=True),
        Alinea(
            tekst=f"Bijlage: standaardrapportage {kop.werknaam} (peildatum {format_date(kop.peildatum)})."
        ),
    )
    return Document(
        soort="brief",
        titel=kop.titel,
        ondertitel=f"Betreft: advies over de jeugdgroep {kop.werknaam}",
        vertrouwelijk=kop.vertrouwelijk,
        documentnummer=kop.documentnummer,
        datum=format_date(kop.aangemaakt.date()),
        kenmerken=(
            ("Ons kenmerk", kop.documentnummer),
            ("Datum", format_date(kop.aangemaakt.date())),
            ("Peildatum", format_date(kop.peildatum)),
            ("Groep", f"{kop.werknaam} ({kop.groep_id})"),
        ),
        aan=b.aan,
        afzender=("Politie", f"Basisteam {kop.basisteam_naam}"),
        secties=(Sectie(titel="", blokken=body),),
        voet=_voet(kop),
    )


def _verdacht(lid: LidIntern) -> str:
    return "; ".join(f"{categorie} {n}" for categorie, n in lid.verdacht) or "—"


def _leden_intern(g: Groepsscan) -> tuple[Blok, ...]:
    rijen = tuple(
        (
            lid.naam,
            lid.persoon_id,
            lid.rol,
            format_number(lid.leeftijd),
            format_number(sum(n for _c, n in lid.verdacht)),
            _verdacht(lid),
            format_number(lid.slachtoffer),
            format_number(lid.getuige),
            format_number(lid.betrokkene),
        )
        for lid in g.leden
    )
    return (
        Alinea(
            tekst=f"Registraties in de laatste {g.venster_maanden} maanden tot en met de peildatum. Lft.: "
            "leeftijd op de peildatum. Verd.: registraties als verdachte, daarnaast per delictcategorie. "
            "Als slachtoffer, getuige of anderszins betrokkene (overig) apart geteld: die registraties "
            "tellen nooit als verdenking."
        ),
        Tabel(
            kop=(
                "Naam",
                "Persoonsnr.",
                "Rol",
                "Lft.",
                "Verd.",
                "Verdacht per categorie",
                "Slachtoffer",
                "Getuige",
                "Overig",
            ),
            rijen=rijen or (("geen leden", "—", "—", "—", "0", "—", "0", "0", "0"),),
            rechts=(3, 4, 6, 7, 8),
            breedtes=(2.6, 2.0, 1.4, 0.8, 0.9, 3.2, 1.6, 1.3, 1.3),
        ),
    )


def _gedrag_intern(g: Groepsscan) -> tuple[Blok, ...]:
    if not g.gedrag:
        return (Alinea(tekst="Er is nog geen groepsscan met beoordelingen."),)
    door = f" door {g.scan_auteur}" if g.scan_auteur else ""
    return (
        Alinea(
            tekst=f"Beoordeling in de groepsscan van {format_date(g.scan_datum)}{door} "
            "(0 niet – 3 structureel), met bronnen en de datum waarop het gedrag het laatst is waargenomen."
        ),
        Tabel(
            kop=("Gedrag", "Niveau", "Bronnen", "Laatst waargenomen"),
            rijen=tuple(
                (
                    x.dimensie,
                    f"{NIVEAUS.get(x.niveau, '?')} ({x.niveau})",
                    x.bronnen,
                    format_date(x.laatst_waargenomen) if x.laatst_waargenomen else "—",
                )
                for x in g.gedrag
            ),
            breedtes=(3, 2, 3, 2),
        ),
    )


def _groepsscan(g: Groepsscan) -> Document:
    kop = g.kop
    s = g.scores
    signaal = (
        "Ja: er is in een groepsscan een signaal van radicalisering vastgelegd. Beperkt gegeven: alleen "
        "voor politierollen, nooit verstrekken en nooit als score gebruiken."
        if g.radicalisering
        else "Nee: er is in de groepsscans geen signaal van radicalisering vastgelegd."
    )
    secties = (
        Sectie(
            titel="Intern document",
            blokken=(
                Alinea(
                    tekst=f"Deze groepsscan is uitsluitend voor intern gebruik door de politie "
                    f"(werkproces stap 2B). Hij koppelt de straatinformatie over de groep {kop.werknaam} aan "
                    "politieregistraties van de leden en wordt niet verstrekt aan gemeente of OM; daarvoor "
                    "zijn de standaardrapportage en de namenlijst.",
                    nadruk=True,
                ),
                Alinea(tekst=f"Stap in het werkproces: {g.stap}. Beoordeling stap 2A: {g.beoordeling_2a}."),
                Alinea(tekst=kop.verstrekking),
            ),
        ),
        Sectie(
            titel="Scores en band",
            blokken=(
                Alinea(
                    tekst=f"Band: {band_label(s.band)}. Prioriteitsscore {format_number(s.prioriteit, 1)} "
                    f"(verandering sinds de vorige scan: {format_trend(s.verandering)}).",
                    nadruk=True,
                ),
                Tabel(
                    kop=("Deelscore", "Score (0-100)"),
                    rijen=tuple(
                        (DEELSCORE_LABELS[name], format_number(getattr(s, name), 1)) for name in SUBSCORES
                    ),
                    rechts=(1,),
                    breedtes=(3, 1),
                ),
            ),
        ),
        Sectie(titel="Gedrag per dimensie", blokken=_gedrag_intern(g)),
        Sectie(
            titel="Signaal radicalisering (beperkt)",
            blokken=(Alinea(tekst=signaal, nadruk=g.radicalisering),),
        ),
        Sectie(titel=f"Leden en politieregistraties ({len(g.leden)})", blokken=_leden_intern(g)),
        Sectie(
            titel="Registraties als verdachte per delictcategorie",
            blokken=(
                Tabel(
                    kop=("Delictcategorie", "Registraties", "Verdachte leden"),
                    rijen=tuple(
                        (x.categorie, format_number(x.registraties), format_number(x.verdachte_leden))
                        for x in g.registraties
                    )
                    or (("geen registraties", "0", "0"),),
                    rechts=(1, 2),
                    breedtes=(3, 1, 1),
                ),
            ),
        ),
        Sectie(
            titel="Informatie van de wijkagent",
            blokken=(Alinea(tekst=g.informatie_wijkagent or "Geen toelichting vastgelegd."),),
        ),
        Sectie(
            titel="Datakwaliteit",
            blokken=(Lijst(items=g.aandachtspunten),)
            if g.aandachtspunten
            else (Alinea(tekst="Geen aandachtspunten bij de gegevens."),),
        ),
        Sectie(titel="Advies (gegenereerd)", blokken=_advies(g.advies, None)),
        Sectie(
            titel="Bewaren en terugsturen",
            blokken=(Alinea(tekst=BEWAREN), Alinea(tekst=TERUGSTUREN), Alinea(tekst=CONTACT)),
        ),
    )
    return Document(
        soort="rapport",
        titel=kop.titel,
        ondertitel=kop.werknaam,
        vertrouwelijk=True,
        markering=INTERN,
        documentnummer=kop.documentnummer,
        datum=format_date(kop.aangemaakt.date()),
        kenmerken=_kenmerken(kop),
        secties=secties,
        voet=_voet(kop),
    )


def layout(content: Rapportage | Namenlijst | Brief | Groepsscan) -> Document:
    """The document for a product's content."""
    if isinstance(content, Rapportage):
        return _rapportage(content)
    if isinstance(content, Namenlijst):
        return _namenlijst(content)
    if isinstance(content, Groepsscan):
        return _groepsscan(content)
    return _brief(content)
