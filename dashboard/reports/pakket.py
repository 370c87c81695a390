"""The vergaderpakket: one PDF for a triangle meeting, an agenda and then each group's standaardrapportage.

The groups follow the ranking's order (highest priority score first, then groep_id). Every group in the
pack gets its own row in the export log, with the document number printed on its report
(`<pakketnummer>-01`, `-02`, ...): the log says exactly which group's data went to the meeting.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING, Final

from dashboard.access import require_product, verstrekking
from dashboard.presentation import band_label, format_date, format_number, format_trend
from dashboard.reports.build import ReportError, build_rapportage
from dashboard.reports.config import (
    BEWAREN,
    DOEL,
    PAKKET,
    PAKKET_CODE,
    PAKKET_MAX,
    PAKKET_TITEL,
    RECHTSGROND,
    TERUGSTUREN,
    VERTROUWELIJK,
)
from dashboard.reports.layout import layout
from dashboard.reports.log import record_exports
from dashboard.reports.models import Aanvraag, Alinea, Document, Sectie, Tabel, Vergaderpakket
from dashboard.reports.pdf import render_pdf
from dashboard.storage.queries import load_area_names

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.engine import Engine

    from dashboard.access import Identity
    from dashboard.reports.models import Rapportage

__all__ = ["build_pakket", "build_vergaderpakket", "layout_pakket", "pakketnummer"]

TE_VEEL: Final = f"Een vergaderpakket bevat 1 tot {PAKKET_MAX} groepen."


def pakketnummer(aangemaakt: dt.datetime) -> str:
    """A unique number per pakket, e.g. GB-VP-20261130-174501-3FA2C1."""
    return f"GB-{PAKKET_CODE}-{aangemaakt:%Y%m%d-%H%M%S}-{secrets.token_hex(3).upper()}"


def _volgorde(rapport: Rapportage) -> tuple[bool, float, str]:
    prioriteit = rapport.scores.prioriteit
    return (prioriteit is None, -(prioriteit or 0.0), rapport.kop.groep_id)


def build_pakket(  # noqa: PLR0913  (the request's fields, keyword-only after the essentials)
    engine: Engine,
    identity: Identity,
    groep_ids: Sequence[str],
    peildatum: dt.date,
    *,
    aangemaakt: dt.datetime | None = None,
    ontvanger: str | None = None,
) -> Vergaderpakket:
    """The pakket's content: each group's standaardrapportage in priority order ('rapportage' needed).

    Raises AccessDeniedError without the right, ReportError for an unknown, out-of-scope or inactive
    group and for an empty or too large selection.
    """
    require_product(identity, "vergaderpakket")  # the sharing policy: this role, this product
    ids = list(dict.fromkeys(groep_ids))
    if not 1 <= len(ids) <= PAKKET_MAX:
        raise ReportError(TE_VEEL)
    aangemaakt = aangemaakt or dt.datetime.now(tz=dt.UTC)
    nummer = pakketnummer(aangemaakt)
    gebied = identity.scope.describe(load_area_names(engine))
    rapporten = []
    for groep_id in ids:
        aanvraag = Aanvraag(
            identity=identity,
            groep_id=groep_id,
            peildatum=peildatum,
            product="rapportage",
            aangemaakt=aangemaakt,
        )
        try:
            rapporten.append(build_rapportage(engine, aanvraag))
        except ReportError as error:
            melding = f"{groep_id}: {error}"
            raise ReportError(melding) from error
    ordered = sorted(rapporten, key=_volgorde)
    driehoek = f"Lokale driehoek ({gebied})"
    return Vergaderpakket(
        documentnummer=nummer,
        aangemaakt=aangemaakt,
        peildatum=peildatum,
        gebied=gebied,
        ontvanger=(ontvanger or "").strip() or driehoek,
        opgesteld_door=identity.naam,
        rol=identity.rol_label,
        verstrekking=verstrekking(identity, "vergaderpakket").regel,
        rapportages=tuple(
            r.model_copy(
                update={
                    "kop": r.kop.model_copy(
                        update={
                            "documentnummer": f"{nummer}-{index:02d}",
                            "ontvanger": (ontvanger or "").strip() or r.kop.ontvanger,
                        }
                    )
                }
            )
            for index, r in enumerate(ordered, start=1)
        ),
    )


def _advies(prioriteit: str) -> str:
    """The advice without its band prefix ('Hoog: groepsaanpak ...' -> 'Groepsaanpak ...')."""
    rest = prioriteit.split(":", 1)[-1].strip()
    return rest[:1].upper() + rest[1:]


def layout_pakket(pakket: Vergaderpakket) -> Document:
    """The cover with the agenda, and the reports as bijlagen (each starts on a new page)."""
    rapporten = pakket.rapportages
    agenda = Tabel(
        kop=("Nr.", "Groep", "Gemeente", "Band", "Prioriteit", "Trend", "Advies"),
        rijen=tuple(
            (
                str(index),
                f"{r.kop.werknaam} ({r.kop.groep_id})",
                r.kop.gemeente_naam,
                band_label(r.scores.band),
                format_number(r.scores.prioriteit, 1),
                format_trend(r.scores.verandering),
                _advies(r.advies.prioriteit),
            )
            for index, r in enumerate(rapporten, start=1)
        ),
        rechts=(0, 4),
        breedtes=(0.5, 3.1, 1.5, 1.6, 1.3, 0.9, 3.3),
        pagina_kolom="Blz.",
    )
    datum = format_date(pakket.aangemaakt.date())
    secties = (
        Sectie(
            titel="Agenda",
            blokken=(
                Alinea(
                    tekst=f"Bespreking van {len(rapporten)} jeugdgroepen in de lokale driehoek, op volgorde "
                    "van prioriteit (hoogste prioriteitsscore eerst) op peildatum "
                    f"{format_date(pakket.peildatum)}. Per groep volgt de standaardrapportage met het advies "
                    "van de politie."
                ),
                agenda,
                Alinea(
                    tekst="Band: ▲ hoog, ◆ midden, ● laag, ○ geen groepsaanpak, ? onvoldoende gegevens. "
                    "Prioriteit: score 0-100. Trend: verandering sinds de vorige scan (— bij één scan)."
                ),
            ),
        ),
        Sectie(
            titel="Grondslag en vertrouwelijkheid",
            blokken=(
                Alinea(tekst=pakket.verstrekking, nadruk=True),
                Alinea(tekst=RECHTSGROND),
                Alinea(tekst=DOEL),
                Alinea(tekst=BEWAREN),
                Alinea(tekst=TERUGSTUREN),
            ),
        ),
    )
    return Document(
        soort="pakket",
        titel=PAKKET_TITEL,
        ondertitel=pakket.gebied[:1].upper() + pakket.gebied[1:],
        vertrouwelijk=True,
        documentnummer=pakket.documentnummer,
        datum=datum,
        kenmerken=(
            ("Gebied", pakket.gebied),
            ("Peildatum", format_date(pakket.peildatum)),
            ("Datum pakket", datum),
            ("Groepen", format_number(len(rapporten))),
            ("Ontvanger", pakket.ontvanger),
            ("Opgesteld door", f"{pakket.opgesteld_door} ({pakket.rol})"),
            ("Documentnummer", pakket.documentnummer),
        ),
        secties=secties,
        voet=f"{VERTROUWELIJK} · {pakket.documentnummer} · {datum}",
        bijlagen=tuple(layout(r) for r in rapporten),
    )


def build_vergaderpakket(
    engine: Engine,
    identity: Identity,
    groep_ids: Sequence[str],
    peildatum: dt.date,
    *,
    ontvanger: str | None = None,
) -> bytes:
    """The vergaderpakket as one PDF; one export log row per group, nothing logged on a refusal."""
    pakket = build_pakket(engine, identity, groep_ids, peildatum, ontvanger=ontvanger)
    inhoud = render_pdf(layout_pakket(pakket))
    rows: list[dict[str, object]] = [
        {
            "tijdstip": pakket.aangemaakt,
            "product": PAKKET,
            "groep_id": rapport.kop.groep_id,
            "ontvanger": rapport.kop.ontvanger,
            "documentnummer": rapport.kop.documentnummer,
            "formaat": "pdf",
        }
        for rapport in pakket.rapportages
    ]
    record_exports(engine, identity, rows)
    return inhoud
