"""The ranked groups of a scope: counts, a table with score bars, selection, links, comparison, export."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import polars as pl
import streamlit as st

from components.data import data_key, scope_scores
from components.links import can_open, group_link
from dashboard.access import Scope
from dashboard.charts import build_comparison
from dashboard.exports import ranking_table, to_csv_bytes, to_xlsx_bytes
from dashboard.presentation import BAND_ORDER, DEELSCORE_HELP, band_descriptions, band_label

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "export_buttons",
    "ranked_groups",
    "scope_slug",
    "show_comparison",
    "show_counts",
    "show_group_links",
    "show_ranking",
]

COMPARE_MIN, COMPARE_MAX = 2, 4
_ROW_PX, _VISIBLE_ROWS = 35, 15  # the table shows up to 15 rows before it scrolls


@st.cache_data(ttl=300, show_spinner=False, max_entries=64)
def _ranked(
    url: str,  # noqa: ARG001  (part of the cache key only: another database, another entry)
    scope_type: str,
    codes: tuple[str, ...],
    peildatum: dt.date,
) -> tuple[pl.DataFrame, dict[str, str]]:
    scores = scope_scores(Scope.model_validate({"type": scope_type, "codes": frozenset(codes)}), peildatum)
    limits = scores.config.banden
    return scores.groepen, band_descriptions(limits.hoog, limits.midden, limits.laag)


def ranked_groups(scope: Scope, peildatum: dt.date) -> tuple[pl.DataFrame, dict[str, str]]:
    """The scope's scored groups, highest priority first, and what each band means (cached per scope)."""
    return _ranked(data_key(), scope.type, tuple(sorted(scope.codes)), peildatum)


def show_counts(shown: pl.DataFrame, total: int, bands: dict[str, str]) -> None:
    """Metrics: groups shown of the scope's total, and groups per band."""
    per_band = dict(shown.group_by("band").len().iter_rows())
    # Wider columns for the longer band words, so no label is cut off.
    columns = st.columns([1.3, 0.8, 0.9, 0.8, 1.5, 1.7])
    columns[0].metric(
        "Groepen",
        f"{shown.height} van {total}",
        help="Groepen die aan de filters voldoen, van alle in uw gebied.",
    )
    for column, band in zip(columns[1:], BAND_ORDER, strict=True):
        column.metric(
            band_label(band), per_band.get(band, 0), help=f"Getoonde groepen in band {band}. {bands[band]}"
        )


def _column_config() -> dict[str, object]:
    def bar(name: str) -> object:
        return st.column_config.ProgressColumn(
            name,
            help=DEELSCORE_HELP[name.lower()],
            min_value=0,
            max_value=100,
            format="%.0f",
            width="medium" if name == "Prioriteit" else "small",
        )

    return {
        "Rang": st.column_config.NumberColumn(
            "Rang", help="Plaats in deze lijst (hoogste prioriteit eerst).", format="%d", width="small"
        ),
        "Groep": st.column_config.TextColumn(
            "Groep", help="Werknaam van de groep, meestal naar de hangplek.", width="medium"
        ),
        "Stap": st.column_config.TextColumn("Stap", help="Stap in het 7-stappenmodel waarin de groep nu is."),
        "Band": st.column_config.TextColumn(
            "Band",
            width="medium",
            help="Prioriteitsband met symbool: ▲ hoog, ◆ midden, ● laag, ○ geen groepsaanpak, "
            "? onvoldoende gegevens.",
        ),
        **{name: bar(name) for name in ("Prioriteit", "Ernst", "Risico", "Ontwikkeling", "Impact")},
        "Trend": st.column_config.TextColumn(
            "Trend",
            help="Verandering van de prioriteitsscore sinds de vorige scan (↑ hoger, ↓ lager, — één scan).",
        ),
        "Leden": st.column_config.NumberColumn(
            "Leden", help="Aantal actieve leden op de peildatum.", format="%d"
        ),
        "Oud type": st.column_config.TextColumn(
            "Oud type",
            help="Type volgens de shortlistmethodiek (hinderlijk, overlastgevend, crimineel), "
            "ter vergelijking.",
        ),
        "Scan": st.column_config.DateColumn(
            "Scan", help="Datum van de laatste groepsscan.", format="DD-MM-YYYY"
        ),
    }


def show_ranking(table: pl.DataFrame, key: str) -> list[int]:
    """The ranked table with score bars; returns the positions of the selected rows."""
    # The shown groups are part of the key: a new filter starts a new selection, never a stale one.
    digest = hashlib.sha256("|".join(table["Groep"].cast(pl.String).to_list()).encode()).hexdigest()[:10]
    # One municipality in the list (a mayor's scope): its column says nothing; the export keeps it.
    single = table["Gemeente"].n_unique() == 1
    event = st.dataframe(
        table,
        hide_index=True,
        height=_ROW_PX * (min(table.height, _VISIBLE_ROWS) + 1) + 3,
        column_config=_column_config(),  # type: ignore[arg-type]
        column_order=[name for name in table.columns if not (single and name == "Gemeente")],
        on_select="rerun",
        selection_mode="multi-row",
        key=f"{key}_tabel_{digest}",
    )
    return sorted(row for row in event.selection.rows if row < table.height)  # type: ignore[union-attr]


def show_group_links(groups: pl.DataFrame, rows: list[int]) -> None:
    """Links to the group page of each selected group, when this role may open it."""
    if not rows:
        st.caption(
            "Vink rijen aan (links in de tabel) om groepen te vergelijken of hun groepspagina te openen."
        )
        return
    if not can_open("groep"):
        return
    selected = groups[rows]
    columns = st.columns(min(len(rows), COMPARE_MAX))
    for index, (groep_id, naam) in enumerate(selected.select("groep_id", "werknaam").iter_rows()):
        with columns[index % len(columns)]:
            group_link(
                groep_id,
                f"Open {naam}",
                key_help="Naar de groepspagina met uitleg van de score en het advies.",
            )


def show_comparison(groups: pl.DataFrame, rows: list[int]) -> None:
    """Sub-scores of 2-4 selected groups side by side (chart and small table), else a hint."""
    if not COMPARE_MIN <= len(rows) <= COMPARE_MAX:
        st.info(
            f"Selecteer {COMPARE_MIN} tot {COMPARE_MAX} groepen in de tabel om ze naast elkaar te zetten "
            f"(nu {len(rows)} geselecteerd)."
        )
        return
    selected = groups[rows]
    st.plotly_chart(build_comparison(selected), config={"displaylogo": False})
    table = ranking_table(selected, {}).select(
        "Groep", "Band", "Prioriteit", "Ernst", "Risico", "Ontwikkeling", "Impact", "Trend"
    )
    st.dataframe(table, hide_index=True, column_config=_column_config())  # type: ignore[arg-type]


def scope_slug(scope: Scope) -> str:
    """The scope in a file name: its codes joined by '-', or 'land'."""
    return "-".join(sorted(scope.codes)) if scope.codes else scope.type


def export_buttons(table: pl.DataFrame, scope: Scope, peildatum: dt.date, key: str) -> None:
    """Download buttons for the table as CSV and XLSX; the files are built only when clicked."""
    stem = f"prioritering-{scope_slug(scope)}-{peildatum.isoformat()}"
    st.caption(f"De export bevat de {table.height} groepen zoals hierboven gefilterd, met alle kolommen.")
    left, right, _rest = st.columns([1, 1, 2])
    left.download_button(
        "Download CSV",
        data=lambda: to_csv_bytes(table),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
        icon=":material/download:",
        help="De tabel zoals gefilterd, voor Excel (puntkomma's, decimale komma).",
    )
    right.download_button(
        "Download Excel (XLSX)",
        data=lambda: to_xlsx_bytes(table, "Prioritering"),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        on_click="ignore",
        icon=":material/download:",
        help="De tabel zoals gefilterd, als Excel-werkmap.",
    )
