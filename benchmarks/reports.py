"""Report figures on the national sample: one standaardrapportage PDF, and a vergaderpakket of 20 groups.

End to end means what a click on the export button does: read and score the group(s), build the content,
lay it out, typeset the PDF with typst and append the export log row(s).
"""

from __future__ import annotations

import datetime as dt
import io
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from pypdf import PdfReader

from benchmarks.land import LABELS, Backend, land_database
from benchmarks.results import Figure
from dashboard.access import Identity, Scope
from dashboard.reports.models import Aanvraag
from dashboard.reports.pakket import build_vergaderpakket
from dashboard.reports.service import export_report
from dashboard.scoring.inputs import dataset_peildatum
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_groups

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

__all__ = ["measure"]

_RUNS = 3  # best of three: the figure is the machine's capacity, not its noise
_PAKKET_RUNS = 2  # the pakket takes seconds: best of two
_PAKKET_GROEPEN = 20
_SPECIALIST = Identity(
    gebruiker_id="benchmark",
    naam="Benchmark (specialist)",
    email="benchmark@example.invalid",
    rol="politie_specialist",
    scope=Scope(type="land"),
)


def _pakket(engine: Engine, groep_ids: list[str], peildatum: dt.date) -> Figure:
    """Time the vergaderpakket PDF of the 20 largest groups (the heaviest reports), best of two."""
    times, pages = [], 0
    for _ in range(_PAKKET_RUNS):
        started = time.perf_counter()
        inhoud = build_vergaderpakket(engine, _SPECIALIST, groep_ids, peildatum)
        times.append(time.perf_counter() - started)
        pages = len(PdfReader(io.BytesIO(inhoud)).pages)
    return Figure(
        f"vergaderpakket {len(groep_ids)} groepen (PDF, {pages} pagina's), inclusief scoren en exportlog",
        min(times),
        15,
        "s",
    )


def measure(backend: Backend) -> list[Figure]:
    """Time one standaardrapportage PDF for the largest group, and a vergaderpakket of 20 groups."""
    engine = create_db_engine(land_database(backend).url)
    peildatum = dataset_peildatum(engine) or dt.datetime.now(tz=dt.UTC).date()
    groups = load_groups(engine, _SPECIALIST.scope).sort("leden", "groep_id", descending=[True, False])
    groep_id = groups.item(0, "groep_id")
    times, pages = [], 0
    for _ in range(_RUNS):
        aanvraag = Aanvraag(
            identity=_SPECIALIST,
            groep_id=groep_id,
            peildatum=peildatum,
            product="rapportage",
            aangemaakt=dt.datetime.now(tz=dt.UTC),
        )
        started = time.perf_counter()
        export = export_report(engine, aanvraag, "pdf")
        times.append(time.perf_counter() - started)
        pages = len(PdfReader(io.BytesIO(export.inhoud)).pages)
    pakket = _pakket(engine, groups["groep_id"].head(_PAKKET_GROEPEN).to_list(), peildatum)
    engine.dispose()
    return [
        Figure(
            f"rapportage: standaardrapportage PDF voor één groep ({groep_id}, {pages} pagina's), "
            "inclusief scoren en exportlog",
            min(times),
            1,
            "s",
            LABELS[backend],
        ),
        replace(pakket, database=LABELS[backend]),
    ]
