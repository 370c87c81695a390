"""Build each product's content model from the database at a peildatum, for one user.

Scores, band and advice come unchanged from `load_group_detail` (the same GroepScore the ranking shows);
this module only adds the aggregates a report needs (registrations per category, ratings per scan).
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

import polars as pl
from sqlalchemy import select

from dashboard.access import AccessDeniedError, require_product, verstrekking, visible_fields
from dashboard.domain import DIMENSIE_LABELS
from dashboard.groups.detail import load_group_detail
from dashboard.groups.queries import load_birthdates, load_group_inputs, load_group_row
from dashboard.groups.summaries import LID_ROL_LABELS
from dashboard.presentation import format_number, leden
from dashboard.reports.config import PRODUCT_CODES, PRODUCT_TITELS, RECHTSGROND, Product
from dashboard.reports.models import (
    Aanvraag,
    Brief,
    Gedrag,
    Groepsscan,
    Hangplek,
    Kop,
    Lid,
    LidIntern,
    Namenlijst,
    Rapportage,
    Registraties,
    Relatie,
    Samenstelling,
    Scores,
)
from dashboard.reports.plan_section import build_plan
from dashboard.scoring.members import active_members
from dashboard.storage.queries import read_frame
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.engine import Engine

    from dashboard.access import Identity
    from dashboard.groups.detail import GroupDetail
    from dashboard.scoring.advice import Advies
    from dashboard.scoring.inputs import ScoringInputs

__all__ = [
    "ReportError",
    "build_brief",
    "build_groepsscan",
    "build_namenlijst",
    "build_rapportage",
    "default_ontvanger",
    "documentnummer",
]

NOT_FOUND = "Deze groep bestaat niet of valt buiten uw gebied."
GEEN_2A = (
    "Geen namenlijst: de groep is in stap 2A niet als problematisch beoordeeld (dataminimalisatie, "
    "werkproces stap 2A)."
)
GEEN_SCAN_2A = (
    "Geen groepsscan: de groep is in stap 2A niet als problematisch beoordeeld (dataminimalisatie, "
    "werkproces stap 2A)."
)
GEEN_SCORE = "Deze groep is op de peildatum niet actief: er is geen score om te rapporteren."


class ReportError(LookupError):
    """The report cannot be made for a reason the user can fix (unknown group, inactive group)."""


def documentnummer(product: Product, groep_id: str, aangemaakt: dt.datetime) -> str:
    """A unique number per export, e.g. GB-SR-G-00012-20261130-174501-3FA2C1 (time plus a random part)."""
    return f"GB-{PRODUCT_CODES[product]}-{groep_id}-{aangemaakt:%Y%m%d-%H%M%S}-{secrets.token_hex(3).upper()}"


def _detail(engine: Engine, aanvraag: Aanvraag, product: Product) -> GroupDetail:
    require_product(aanvraag.identity, product)  # the sharing policy: this role, this product
    detail = load_group_detail(engine, aanvraag.identity, aanvraag.groep_id, aanvraag.peildatum)
    if detail is None:
        raise ReportError(NOT_FOUND)
    return detail


def default_ontvanger(product: Product, gemeente_naam: str) -> str:
    """The usual recipient of a product for a group in a gemeente."""
    return {
        "rapportage": f"Lokale driehoek {gemeente_naam}",
        "namenlijst": f"Procesregisseur jeugdgroepen, gemeente {gemeente_naam}",
        "brief-gemeente": f"Burgemeester van {gemeente_naam}",
        "brief-om": "Openbaar Ministerie",
        "groepsscan": "Intern: politie (niet verstrekken)",
    }[product]


def _kop(detail: GroupDetail, aanvraag: Aanvraag) -> Kop:
    groep, identity, product = detail.groep, aanvraag.identity, aanvraag.product
    ontvanger = (aanvraag.ontvanger or "").strip() or default_ontvanger(product, groep.gemeente_naam)
    return Kop(
        product=product,
        titel=PRODUCT_TITELS[product],
        documentnummer=documentnummer(product, groep.groep_id, aanvraag.aangemaakt),
        aangemaakt=aanvraag.aangemaakt,
        peildatum=detail.peildatum,
        groep_id=groep.groep_id,
        werknaam=groep.werknaam,
        gemeente_naam=groep.gemeente_naam,
        basisteam_naam=groep.basisteam_naam,
        ontvanger=ontvanger,
        opgesteld_door=identity.naam,
        rol=identity.rol_label,
        vertrouwelijk=True,
        rechtsgrond=RECHTSGROND,
        verstrekking=verstrekking(identity, product).regel,
    )


def _inputs(engine: Engine, identity: Identity, detail: GroupDetail) -> ScoringInputs:
    row = load_group_row(engine, identity.scope, detail.groep.groep_id)
    return load_group_inputs(engine, row, detail.config.impact.straal_m).until(detail.peildatum)


def _involved(inputs: ScoringInputs, detail: GroupDetail) -> pl.DataFrame:
    """Registrations of the group's current members in any role in the scoring window (peildatum incl.)."""
    targets = pl.DataFrame({"groep_id": [detail.groep.groep_id], "peildatum": [detail.peildatum]})
    members = active_members(inputs.leden, targets).select("persoon_id")
    start = pl.lit(detail.peildatum).dt.offset_by(f"-{detail.config.vensters.maanden}mo")
    return (
        inputs.registraties.filter(pl.col("datum") > start, pl.col("datum") <= detail.peildatum)
        .join(members, on="persoon_id", how="semi")
        .join(inputs.categorieen.select("categorie_code", categorie="naam"), on="categorie_code", how="left")
    )


def _window(inputs: ScoringInputs, detail: GroupDetail) -> pl.DataFrame:
    """Registrations as suspect of the group's current members in the scoring window (peildatum incl.)."""
    return _involved(inputs, detail).filter(pl.col("rol") == "verdachte")


def _registraties(window: pl.DataFrame) -> tuple[Registraties, ...]:
    counts = (
        window.group_by("categorie")
        .agg(
            registraties=pl.col("registratienummer").n_unique(),
            verdachte_leden=pl.col("persoon_id").n_unique(),
        )
        .sort("registraties", "categorie", descending=[True, False])
    )
    return tuple(Registraties.model_validate(row) for row in counts.to_dicts())


def _gedrag(
    inputs: ScoringInputs, groep_id: str
) -> tuple[dt.date | None, dt.date | None, tuple[Gedrag, ...]]:
    """The latest scan's ratings per dimension next to the previous scan's (scans up to the peildatum)."""
    scans = inputs.scans.filter(pl.col("groep_id") == groep_id).sort("datum", "scan_id")
    if scans.is_empty():
        return None, None, ()
    latest = scans.row(-1, named=True)
    previous = scans.row(-2, named=True) if scans.height > 1 else None
    ratings = inputs.beoordelingen
    before = (
        {}
        if previous is None
        else dict(
            ratings.filter(pl.col("scan_id") == previous["scan_id"]).select("dimensie", "score").iter_rows()
        )
    )
    now = ratings.filter(pl.col("scan_id") == latest["scan_id"])
    order = {dimensie: index for index, dimensie in enumerate(DIMENSIE_LABELS)}
    rows = sorted(now.to_dicts(), key=lambda row: order.get(row["dimensie"], len(order)))
    gedrag = tuple(
        Gedrag(
            dimensie=DIMENSIE_LABELS.get(row["dimensie"], row["dimensie"]),
            niveau=row["score"],
            vorig_niveau=before.get(row["dimensie"]),
            bronnen=str(row["bronnen"]).replace(";", ", "),
            laatst_waargenomen=row.get("laatst_waargenomen"),
        )
        for row in rows
    )
    return latest["datum"], None if previous is None else previous["datum"], gedrag


def _narratief(engine: Engine, groep_id: str, peildatum: dt.date) -> str | None:
    """The wijkagent's narrative of the latest scan up to the peildatum."""
    scan = metadata.tables["groepsscan"]
    statement = (
        select(scan.c.narratief)
        .where(scan.c.groep_id == groep_id, scan.c.datum <= peildatum, scan.c.status == "definitief")
        .order_by(scan.c.datum.desc(), scan.c.scan_id.desc())
        .limit(1)
    )
    frame = read_frame(engine, statement)
    return None if frame.is_empty() else str(frame.item(0, 0))


def _zonder_namen(advies: Advies) -> Advies:
    """The advice for an external report: members with an own approach counted, never listed."""
    aanpak = tuple(
        item.model_copy(
            update={
                "toelichting": f"In aanmerking voor een eigen traject: {leden(len(item.betreft))} "
                "(zie de namenlijst, alleen voor wie daartoe bevoegd is).",
                "betreft": (),
            }
        )
        if item.soort == "persoonsgericht" and item.betreft
        else item
        for item in advies.aanpak
    )
    return advies.model_copy(update={"aanpak": aanpak})


def _score(detail: GroupDetail) -> Scores:
    score = detail.score
    if score is None:
        raise ReportError(GEEN_SCORE)
    return Scores(
        ernst=score.ernst,
        risico=score.risico,
        ontwikkeling=score.ontwikkeling,
        impact=score.impact,
        prioriteit=score.prioriteit,
        band=score.band,
        type=score.type,
        verandering=detail.verandering,
    )


def _risicos(detail: GroupDetail) -> tuple[str, ...]:
    score = detail.score
    if score is None:
        return ()
    return tuple(f"{b.component}: {b.bewijs}" for b in score.bijdragen if b.deelscore == "risico")


def _kansen(detail: GroupDetail, window: pl.DataFrame, gedrag: tuple[Gedrag, ...]) -> tuple[str, ...]:
    """Opportunities by documented rules (docs/rapportages.md).

    Members still without a suspicion, a falling score, youth work in contact, no weapons signals.
    """
    kansen = []
    leden_nu = int(detail.leden["leden"].sum())
    zonder = leden_nu - window.get_column("persoon_id").n_unique()
    if leden_nu and zonder > 0:
        kansen.append(
            f"{zonder} van de {leden_nu} leden zijn in de laatste {detail.config.vensters.maanden} maanden "
            "niet als verdachte geregistreerd: zij zijn nog goed bereikbaar voor preventie."
        )
    if detail.verandering is not None and detail.verandering < 0:
        daling = format_number(-detail.verandering, 1)
        kansen.append(f"De prioriteitsscore daalt ({daling} punten sinds de vorige scan).")
    if any("jongerenwerk" in g.bronnen for g in gedrag):
        kansen.append("Het jongerenwerk heeft zicht op de groep: een ingang voor begeleiding.")
    wapens = [g for g in gedrag if g.dimensie.startswith("wapens")]
    if wapens and all(g.niveau == 0 for g in wapens):
        kansen.append("Geen signalen van wapenbezit in de laatste groepsscan.")
    return tuple(kansen)


def build_rapportage(engine: Engine, aanvraag: Aanvraag) -> Rapportage:
    """The standaardrapportage of one group (no names, no person ids)."""
    detail = _detail(engine, aanvraag, "rapportage")
    identity, groep_id, peildatum = aanvraag.identity, aanvraag.groep_id, aanvraag.peildatum
    scores = _score(detail)
    assert detail.score is not None  # noqa: S101  (_score raised otherwise)
    inputs = _inputs(engine, identity, detail)
    scan_datum, vorige, gedrag = _gedrag(inputs, groep_id)
    groep = detail.groep
    return Rapportage(
        kop=_kop(detail, aanvraag),
        wijk=groep.wijk,
        buurt=groep.buurt,
        stap=groep.stap_label,
        beoordeling_2a=groep.beoordeling_2a_label,
        eerste_signaal=groep.eerste_signaal,
        online_platforms=groep.online_platforms,
        scores=scores,
        geschiedenis=tuple(
            (
                row["peildatum"],
                None if row["prioriteit"] is None else round(row["prioriteit"], 1),
                row["band"],
            )
            for row in detail.geschiedenis.to_dicts()
        ),
        leden=int(detail.leden["leden"].sum()),
        samenstelling=tuple(
            Samenstelling(
                rol=LID_ROL_LABELS.get(r["rol"], r["rol"]),
                leeftijdsgroep=r["leeftijdsgroep"],
                leden=r["leden"],
            )
            for r in detail.leden.to_dicts()
        ),
        hangplekken=tuple(
            Hangplek(naam=r["naam"], tijden=r["tijden"], meldingen=r["meldingen"])
            for r in detail.hangplekken.sort("meldingen", "naam", descending=[True, False]).to_dicts()
        ),
        scan_datum=scan_datum,
        vorige_scan_datum=vorige,
        gedrag=gedrag,
        informatie_wijkagent=_narratief(engine, groep_id, peildatum),
        relaties=tuple(Relatie.model_validate(r) for r in detail.overlap.to_dicts()),
        relaties_buiten_gebied=detail.overlap_buiten_gebied,
        venster_maanden=detail.config.vensters.maanden,
        registraties=_registraties(window := _window(inputs, detail)),
        risicos=_risicos(detail),
        kansen=_kansen(detail, window, gedrag),
        aandachtspunten=tuple(v.tekst for v in detail.score.vlaggen),
        advies=_zonder_namen(detail.score.advies),
        advies_bewerkt=aanvraag.advies_bewerkt or None,
        plan=build_plan(engine, identity.scope, groep_id, peildatum),
    )


def build_namenlijst(engine: Engine, aanvraag: Aanvraag) -> Namenlijst:
    """The namenlijst: current members with role, age and registrations as suspect in the window.

    Raises AccessDeniedError for roles without 'namenlijst' and for groups not judged problematic (2A).
    """
    detail = _detail(engine, aanvraag, "namenlijst")
    if detail.namen is None:
        raise AccessDeniedError(GEEN_2A)
    counts = (
        _window(_inputs(engine, aanvraag.identity, detail), detail)
        .group_by("persoon_id")
        .agg(verdenkingen=pl.len())
    )
    leden = (
        detail.namen.join(counts, on="persoon_id", how="left")
        .join(load_birthdates(engine, aanvraag.groep_id), on="persoon_id", how="left")
        .with_columns(pl.col("verdenkingen").fill_null(0))
    )
    return Namenlijst(
        kop=_kop(detail, aanvraag),
        venster_maanden=detail.config.vensters.maanden,
        velden=visible_fields(aanvraag.identity, "namenlijst"),
        leden=tuple(
            Lid.model_validate({**row, "rol": LID_ROL_LABELS.get(row["rol"], row["rol"])})
            for row in leden.to_dicts()
        ),
    )


def build_brief(engine: Engine, aanvraag: Aanvraag) -> Brief:
    """An aanbiedingsbrief ('brief-gemeente' or 'brief-om') from the chief of the group's basisteam."""
    product = aanvraag.product
    detail = _detail(engine, aanvraag, product)
    scores = _score(detail)
    assert detail.score is not None  # noqa: S101  (_score raised otherwise)
    groep = detail.groep
    kop = _kop(detail, aanvraag)
    tav = (
        "t.a.v. de procesregisseur jeugdgroepen"
        if product == "brief-gemeente"
        else "t.a.v. de officier van justitie jeugd"
    )
    return Brief(
        kop=kop,
        aan=(kop.ontvanger, tav),
        band=scores.band,
        prioriteit=scores.prioriteit,
        advies=_zonder_namen(detail.score.advies),
        advies_bewerkt=aanvraag.advies_bewerkt or None,
        afzender=f"De teamchef van basisteam {groep.basisteam_naam}",
    )


def _leden_intern(namen: pl.DataFrame, involved: pl.DataFrame) -> tuple[LidIntern, ...]:
    """Per current member: suspect registrations per category, and the other roles counted apart."""
    per_rol = involved.group_by("persoon_id", "rol").agg(n=pl.col("registratienummer").n_unique())
    counts = {(p, r): n for p, r, n in per_rol.iter_rows()}
    categories = (
        involved.filter(pl.col("rol") == "verdachte")
        .group_by("persoon_id", "categorie")
        .agg(n=pl.col("registratienummer").n_unique())
        .sort("persoon_id", "n", "categorie", descending=[False, True, False])
    )
    verdacht: dict[str, list[tuple[str, int]]] = {}
    for persoon_id, categorie, n in categories.iter_rows():
        verdacht.setdefault(persoon_id, []).append((str(categorie), n))
    return tuple(
        LidIntern(
            persoon_id=row["persoon_id"],
            naam=row["naam"],
            rol=LID_ROL_LABELS.get(row["rol"], row["rol"]),
            leeftijd=row["leeftijd"],
            lid_sinds=row["lid_sinds"],
            verdacht=tuple(verdacht.get(row["persoon_id"], ())),
            slachtoffer=counts.get((row["persoon_id"], "slachtoffer"), 0),
            getuige=counts.get((row["persoon_id"], "getuige"), 0),
            betrokkene=counts.get((row["persoon_id"], "betrokkene"), 0),
        )
        for row in namen.to_dicts()
    )


def build_groepsscan(engine: Engine, aanvraag: Aanvraag) -> Groepsscan:
    """The internal groepsscan: police roles only ('groepsscan_intern'), problematic groups only (2A).

    Raises AccessDeniedError for other roles and for groups not judged problematic in step 2A.
    """
    detail = _detail(engine, aanvraag, "groepsscan")
    if detail.groep.beoordeling_2a != "problematisch" or detail.namen is None:
        raise AccessDeniedError(GEEN_SCAN_2A)
    scores = _score(detail)
    assert detail.score is not None  # noqa: S101  (_score raised otherwise)
    inputs = _inputs(engine, aanvraag.identity, detail)
    scan_datum, _vorige, gedrag = _gedrag(inputs, aanvraag.groep_id)
    involved = _involved(inputs, detail)
    auteurs = detail.scans.filter(pl.col("datum") == scan_datum)["auteur"] if scan_datum else None
    return Groepsscan(
        kop=_kop(detail, aanvraag),
        stap=detail.groep.stap_label,
        beoordeling_2a=detail.groep.beoordeling_2a_label,
        scores=scores,
        venster_maanden=detail.config.vensters.maanden,
        scan_datum=scan_datum,
        scan_auteur=None if auteurs is None or auteurs.is_empty() else str(auteurs[-1]),
        gedrag=gedrag,
        radicalisering=bool(detail.radicalisering),
        leden=_leden_intern(detail.namen, involved),
        registraties=_registraties(involved.filter(pl.col("rol") == "verdachte")),
        informatie_wijkagent=_narratief(engine, aanvraag.groep_id, aanvraag.peildatum),
        aandachtspunten=tuple(v.tekst for v in detail.score.vlaggen),
        advies=detail.score.advies,
    )
