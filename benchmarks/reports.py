"""Report figures on the national sample: the standaardrapportage of one group as PDF, end to end.

End to end means what a click on the export button does: read and score the group, build the content,
lay it out, typeset the PDF with typst and append the export log row.
"""

from __future__ import annotations

import datetime as dt
import io
import time

from pypdf import PdfReader

from benchmarks.land import land_database
from benchmarks.results import Figure
from dashboard.access import Identity, Scope
from dashboard.reports.models import Aanvraag
from dashboard.reports.service import export_report
from dashboard.scoring.inputs import dataset_peildatum
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_groups

__all__ = ["measure"]

_RUNS = 3  # best of three: the figure is the machine's capacity, not its noise
_SPECIALIST = Identity(
    gebruiker_id="benchmark",
    naam="Benchmark (specialist)",
    email="benchmark@example.invalid",
    rol="politie_specialist",
    scope=Scope(type="land"),
)


def measure() -> list[Figure]:
    """Time one standaardrapportage PDF for the largest group of the land sample (best of three)."""
    engine = create_db_engine(land_database().url)
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
    engine.dispose()
    return [
        Figure(
            f"rapportage: standaardrapportage PDF voor één groep ({groep_id}, {pages} pagina's), "
            "inclusief scoren en exportlog",
            min(times),
            1,
            "s",
        )
    ]
