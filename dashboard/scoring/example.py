"""The worked example of docs/methode.md, rendered from the code so the document cannot drift.

Rewrite the block after a change of method or sample: `python -m dashboard.scoring.example [DATABASE_URL]`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.access import Scope
from dashboard.scoring.config import ScoringConfig, default_config
from dashboard.scoring.inputs import dataset_peildatum, load_inputs
from dashboard.scoring.results import GroepScore, score_report
from dashboard.scoring.scores import DEELSCORES

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

__all__ = ["BEGIN", "DOC_PATH", "END", "pick_example", "render_example", "replace_block", "worked_example"]

BEGIN = "<!-- voorbeeld:begin -->"
END = "<!-- voorbeeld:end -->"
DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "methode.md"


def _nl(value: float | None, digits: int = 1) -> str:
    """A number with a decimal comma, or '-' when missing."""
    return "-" if value is None else f"{value:.{digits}f}".replace(".", ",")


def pick_example(results: list[GroepScore]) -> GroepScore:
    """The example group: the first (by id) in band hoog with flags, else the highest priority."""
    scored = [r for r in results if r.prioriteit is not None]
    hoog = sorted((r for r in scored if r.band == "hoog" and r.vlaggen), key=lambda r: r.groep_id)
    return hoog[0] if hoog else max(scored, key=lambda r: (r.prioriteit or 0.0, r.groep_id))


def _contributions(result: GroepScore, config: ScoringConfig) -> list[str]:
    weights = config.prioriteit.model_dump()
    lines = []
    for deelscore in DEELSCORES:
        rows = [b for b in result.bijdragen if b.deelscore == deelscore]
        lines += [
            "",
            f"**{deelscore.capitalize()}** (gewicht {_nl(weights[deelscore], 2)} in de prioriteit)",
            "",
        ]
        lines += ["| component | bewijs | punten deelscore | punten prioriteit |", "|---|---|---:|---:|"]
        lines += [
            f"| {b.component} | {b.bewijs} | {_nl(b.punten_deelscore, 2)} | {_nl(b.punten, 2)} |"
            for b in rows
        ]
        lines += [f"| **{deelscore}** | | **{_nl(getattr(result, deelscore))}** | |"]
    return lines


def _advice(result: GroepScore) -> list[str]:
    advies = result.advies
    lines = ["", "**Advies**", "", f"- Aanbevolen prioriteit: {advies.prioriteit}"]
    for aanpak in advies.aanpak:
        target = f" ({'; '.join(aanpak.betreft)})" if aanpak.betreft else ""
        lines.append(f"- Aanpak {aanpak.soort}: {aanpak.toelichting}{target}")
    lines.append(f"- Partners: {', '.join(advies.partners)}")
    lines += [f"- Interventie: {interventie}" for interventie in advies.interventies]
    lines += [f"- Reden: {reden}" for reden in advies.redenen]
    return lines


def render_example(result: GroepScore, config: ScoringConfig) -> str:
    """The Markdown of the worked example for one group's result."""
    weights = config.prioriteit.model_dump()
    sum_text = " + ".join(f"{_nl(weights[d], 2)} × {_nl(getattr(result, d))}" for d in DEELSCORES)
    lines = [
        (
            f"Groep **{result.groep_id}** ({result.werknaam}, {result.gemeente_code}), "
            f"peildatum {result.peildatum.isoformat()}."
        ),
        *_contributions(result, config),
        "",
        (
            f"**Prioriteit** = {sum_text} = **{_nl(result.prioriteit)}** → band **{result.band}** "
            f"(hoog ≥ {_nl(config.banden.hoog, 0)}, midden ≥ {_nl(config.banden.midden, 0)}, "
            f"laag ≥ {_nl(config.banden.laag, 0)})."
        ),
        "",
        f"**Oud type**: {result.type or '-'}.",
        "",
        "**Vlaggen**:" + ("" if result.vlaggen else " geen."),
        *[f"- {vlag.code}: {vlag.tekst}" for vlag in result.vlaggen],
        *_advice(result),
    ]
    return "\n".join(lines)


def worked_example(engine: Engine, config: ScoringConfig | None = None) -> str:
    """The worked example for the data set in a database, at its own peildatum."""
    config = config or default_config()
    peildatum = dataset_peildatum(engine)
    if peildatum is None:
        msg = "de gegevens hebben geen peildatum (dataset.csv, sleutel peildatum)"
        raise ValueError(msg)
    results = score_report(load_inputs(engine, Scope(type="land"), peildatum), peildatum, config)
    return render_example(pick_example(results), config)


def replace_block(document: str, block: str) -> str:
    """The document with the text between BEGIN and END replaced by block."""
    head, rest = document.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{block}\n{END}{tail}"


def _main(argv: list[str]) -> int:
    """Rewrite the example block of docs/methode.md from the database at argv[0] (default settings)."""
    from dashboard.settings import Settings  # noqa: PLC0415  (only the command needs the settings)
    from dashboard.storage.engine import create_db_engine  # noqa: PLC0415

    engine = create_db_engine(argv[0] if argv else Settings().database_url)
    DOC_PATH.write_text(
        replace_block(DOC_PATH.read_text(encoding="utf-8"), worked_example(engine)), encoding="utf-8"
    )
    print(f"Bijgewerkt: {DOC_PATH}", file=sys.stderr)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
