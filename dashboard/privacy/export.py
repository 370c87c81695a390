"""Files for a data subject: the inzage (JSON, PDF, DOCX) and the information letter (PDF, DOCX).

Every file is recorded in the audit trail (categorie 'export') when it is made; a refusal raises first.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import TYPE_CHECKING, Final, Literal

from pydantic import BaseModel, ConfigDict

from dashboard.audit import entry_for, record_audit
from dashboard.presentation import format_date
from dashboard.privacy.inzage import InzageError, load_inzage
from dashboard.privacy.letter import build_letter
from dashboard.privacy.retention import RetentionRule
from dashboard.reports.docx import render_docx
from dashboard.reports.models import Alinea, Document, Lijst, Sectie, Tabel
from dashboard.reports.pdf import render_pdf

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.engine import Engine

    from dashboard.access import Identity
    from dashboard.privacy.inzage import Inzage

__all__ = [
    "INZAGE_FORMATEN",
    "MIME",
    "PrivacyExport",
    "build_inzage_document",
    "export_inzage",
    "export_letter",
]

InzageFormaat = Literal["json", "pdf", "docx"]
BriefFormaat = Literal["pdf", "docx"]
INZAGE_FORMATEN: Final[tuple[InzageFormaat, ...]] = ("json", "pdf", "docx")
MIME: Final[dict[str, str]] = {
    "json": "application/json",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
RECHTEN: Final = (
    "Inzage, correctie, verwijdering en bezwaar: art. 24-28 Wpg (politiegegevens) en art. 15-21 AVG "
    "(gemeente). Antwoord binnen zes weken; jongeren onder de 16 handelen via hun ouders of verzorgers."
)


class PrivacyExport(BaseModel):
    """A rendered file for a data subject, with the document number the audit trail records."""

    model_config = ConfigDict(frozen=True)

    bestandsnaam: str
    mime: str
    inhoud: bytes
    documentnummer: str


def _nummer(code: str, persoon_id: str, moment: dt.datetime) -> str:
    safe = re.sub(r"[^A-Za-z0-9-]", "", persoon_id) or "persoon"
    return f"GB-{code}-{safe}-{moment:%Y%m%d-%H%M%S}-{secrets.token_hex(3).upper()}"


def _tabel(kop: tuple[str, ...], rijen: Sequence[tuple[str, ...]], leeg: str) -> Tabel:
    return Tabel(kop=kop, rijen=tuple(rijen) or ((leeg, *("—" for _ in kop[1:])),))


def build_inzage_document(inzage: Inzage, documentnummer: str, aangemaakt: dt.datetime) -> Document:
    """The inzage as a readable report: the person, groups, registrations, retention and the log."""
    p = inzage.persoon
    leden = [
        (
            m.werknaam,
            m.gemeente_naam,
            m.rol,
            format_date(m.van, short=True),
            format_date(m.tot, short=True),
            m.bron,
        )
        for m in inzage.lidmaatschappen
    ]
    registraties = [
        (r.registratienummer, format_date(r.datum, short=True), r.categorie, r.gemeente_naam, r.rol)
        for r in inzage.registraties
    ]
    log = [
        (
            format_date(v.tijdstip.date(), short=True),
            v.gebruiker_id,
            v.rol,
            v.categorie,
            v.actie,
            v.groep_id or "—",
        )
        for v in inzage.vastleggingen
    ]
    buiten = inzage.lidmaatschappen_buiten_gebied
    bewaren = (
        f"{format_date(inzage.verwijderdatum) if inzage.verwijderdatum else 'direct'} ({inzage.bewaargrond})"
    )
    secties = (
        Sectie(
            titel="Persoon",
            blokken=(
                _tabel(
                    ("Persoonsnummer", "Voornaam", "Achternaam", "Geboortedatum", "Geslacht"),
                    [
                        (
                            p.persoon_id,
                            p.voornaam,
                            p.achternaam,
                            format_date(p.geboortedatum, short=True),
                            p.geslacht,
                        )
                    ],
                    "—",
                ),
            ),
        ),
        Sectie(
            titel="Groepen",
            blokken=(
                _tabel(("Groep", "Gemeente", "Rol", "Van", "Tot", "Bron"), leden, "geen"),
                *(
                    [Alinea(tekst=f"Lidmaatschappen buiten het gebied van de opsteller: {buiten}.")]
                    if buiten
                    else []
                ),
            ),
        ),
        Sectie(
            titel="Politieregistraties",
            blokken=(_tabel(("Registratie", "Datum", "Categorie", "Gemeente", "Rol"), registraties, "geen"),),
        ),
        Sectie(titel="Bewaartermijn", blokken=(Alinea(tekst=f"Verwijderen op: {bewaren}."),)),
        Sectie(
            titel="Vastleggingen in het auditlog",
            blokken=(
                Alinea(
                    tekst="Wijzigingen en exports over deze persoon, en het bekijken en verstrekken van de "
                    "namen van de groepen waarin de persoon staat."
                ),
                _tabel(("Datum", "Gebruiker", "Rol", "Soort", "Actie", "Groep"), log, "geen"),
            ),
        ),
        Sectie(titel="Rechten", blokken=(Lijst(items=(RECHTEN,)),)),
    )
    return Document(
        soort="rapport",
        titel="Inzage persoonsgegevens",
        ondertitel=p.naam,
        vertrouwelijk=True,
        documentnummer=documentnummer,
        datum=format_date(aangemaakt.date()),
        kenmerken=(
            ("Persoon", p.persoon_id),
            ("Peildatum", format_date(inzage.peildatum)),
            ("Documentnummer", documentnummer),
        ),
        secties=secties,
        voet=f"Vertrouwelijk · {documentnummer} · {format_date(aangemaakt.date())}",
    )


def _render(doc: Document, formaat: str) -> bytes:
    return render_pdf(doc) if formaat == "pdf" else render_docx(doc)


def export_inzage(  # noqa: PLR0913  (who, whom, the format, the date and the rule)
    engine: Engine,
    identity: Identity,
    persoon_id: str,
    *,
    formaat: InzageFormaat,
    peildatum: dt.date,
    rule: RetentionRule | None = None,
) -> PrivacyExport:
    """Everything held on the person as JSON, PDF or DOCX; recorded as an export in the audit trail."""
    inzage = load_inzage(engine, identity, persoon_id, peildatum, rule)
    moment = dt.datetime.now(tz=dt.UTC)
    nummer = _nummer("IZ", persoon_id, moment)
    if formaat == "json":
        inhoud = inzage.model_dump_json(indent=2).encode()
    else:
        inhoud = _render(build_inzage_document(inzage, nummer, moment), formaat)
    entry = entry_for(
        identity, "export", "inzage_export", object_type="persoon", object_id=persoon_id,
        reden="inzageverzoek betrokkene", details={"formaat": formaat, "documentnummer": nummer},
    )  # fmt: skip
    record_audit(engine, entry)
    return PrivacyExport(
        bestandsnaam=f"inzage-{persoon_id}-{moment:%Y%m%d}.{formaat}", mime=MIME[formaat], inhoud=inhoud,
        documentnummer=nummer,
    )  # fmt: skip


def export_letter(  # noqa: PLR0913  (the letter needs the person, the group, the format and the date)
    engine: Engine,
    identity: Identity,
    persoon_id: str,
    *,
    groep_id: str,
    formaat: BriefFormaat,
    peildatum: dt.date,
    rule: RetentionRule | None = None,
) -> PrivacyExport:
    """The information letter about one of the person's groups (inside the user's area), audited."""
    rule = rule or RetentionRule.from_settings()
    inzage = load_inzage(engine, identity, persoon_id, peildatum, rule)
    groep = next((m for m in inzage.lidmaatschappen if m.groep_id == groep_id), None)
    if groep is None:
        msg = "Deze persoon staat niet in die groep, of de groep valt buiten uw gebied."
        raise InzageError(msg)
    moment = dt.datetime.now(tz=dt.UTC)
    nummer = _nummer("IB", persoon_id, moment)
    inhoud = _render(build_letter(inzage, groep, nummer, moment.date(), rule), formaat)
    entry = entry_for(
        identity, "export", "informatiebrief", object_type="persoon", object_id=persoon_id,
        groep_id=groep_id, reden="informatieplicht betrokkene (convenant)",
        details={"formaat": formaat, "documentnummer": nummer},
    )  # fmt: skip
    record_audit(engine, entry)
    return PrivacyExport(
        bestandsnaam=f"informatiebrief-{persoon_id}-{groep_id}-{moment:%Y%m%d}.{formaat}", mime=MIME[formaat],
        inhoud=inhoud, documentnummer=nummer,
    )  # fmt: skip
