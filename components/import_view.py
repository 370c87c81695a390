"""Widgets of the import page: choose a kind, upload, preview, error report, confirm."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, NamedTuple

import polars as pl
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components.data import area_names, engine
from dashboard.audit import data_version
from dashboard.imports import (
    KINDS,
    STATUSES,
    Actor,
    ImportFileError,
    ImportPreview,
    Kind,
    error_report,
    import_file,
    preview_file,
    report_csv,
    report_xlsx,
)
from dashboard.presentation import format_number

if TYPE_CHECKING:
    from dashboard.access import Identity

__all__ = [
    "Upload",
    "actor_for",
    "choose_kind",
    "confirm_import",
    "error_downloads",
    "expected_columns",
    "preview_upload",
    "show_counts",
    "show_tables",
    "upload_export",
]

KEY = "importeren"
SHOWN = 200  # rows per table in the preview: enough to check, light for the browser
STATUS_HELP = {
    "nieuw": "Staan nog niet in de database en worden toegevoegd.",
    "gewijzigd": "Bestaan al; minstens één waarde verschilt en wordt bijgewerkt.",
    "ongewijzigd": "Staan al precies zo in de database; er verandert niets.",
    "afgewezen": "Rijen met een fout; zolang er één is, wordt niets opgeslagen.",
}


class Upload(NamedTuple):
    """An uploaded file: its name and content."""

    naam: str
    inhoud: bytes


def actor_for(identity: Identity) -> Actor:
    """The importing user with the scope the rows must fall in."""
    return Actor(identity.gebruiker_id, identity.rol, identity.scope, identity.scope.describe(area_names()))


def choose_kind() -> Kind:
    """A choice of import kind, with its Dutch label."""
    kinds: list[Kind] = list(KINDS)
    return st.selectbox(
        "Soort gegevens", kinds, format_func=lambda kind: KINDS[kind].label, key=f"{KEY}_soort"
    )


def expected_columns(kind: Kind) -> None:
    """The columns the chosen kind expects, as help in an expander."""
    spec = KINDS[kind]
    with st.expander("Welke kolommen verwacht de import?"):
        st.markdown(spec.uitleg)
        rows = [
            {
                "Kolom": kolom.naam,
                "Verplicht": "ja" if kolom.verplicht else "nee",
                "Ook herkend als": ", ".join(kolom.aliassen) or "-",
                "Waarden": ", ".join(kolom.keuzes) or kolom.soort,
            }
            for kolom in spec.kolommen
        ]
        st.dataframe(pl.DataFrame(rows), hide_index=True)
        st.caption(
            "CSV met ';' of ',', UTF-8 of Windows-1252 (met of zonder BOM), of Excel (.xlsx). Datums als "
            "dd-mm-jjjj of jjjj-mm-dd, decimale komma's mogen. Andere kolommen worden genegeerd. "
            "Zie docs/importeren.md."
        )


def upload_export(kind: Kind) -> Upload | None:
    """The file uploader; None until a file is chosen."""
    uploaded = st.file_uploader(
        f"Bestand met {KINDS[kind].label.lower()}", type=["csv", "txt", "xlsx"], key=f"{KEY}_bestand"
    )
    return Upload(uploaded.name, uploaded.getvalue()) if uploaded is not None else None


def preview_upload(identity: Identity, kind: Kind, upload: Upload) -> ImportPreview | None:
    """The preview of an upload, kept for this session per file, kind and data version; None on errors."""
    db = engine()
    key = (kind, hashlib.sha256(upload.inhoud).hexdigest(), data_version(db))
    kept = st.session_state.get(f"{KEY}_voorvertoning")
    if kept is not None and kept[0] == key:
        return kept[1]  # type: ignore[no-any-return]
    try:
        with st.spinner("Bestand controleren en vergelijken met de database..."):
            preview = preview_file(db, upload.inhoud, kind, upload.naam, actor_for(identity))
    except ImportFileError as error:
        st.error(f"{upload.naam}: {error}. Er is niets opgeslagen.")
        return None
    st.session_state[f"{KEY}_voorvertoning"] = (key, preview)
    return preview


def show_counts(preview: ImportPreview) -> None:
    """How the file was read, and the number of records per status."""
    for note in preview.notities:
        st.caption(note)
    counts = preview.counts
    for column, status in zip(st.columns(len(STATUSES)), STATUSES, strict=True):
        column.metric(status.capitalize(), format_number(counts[status]), help=STATUS_HELP[status])


def _shown(frame: pl.DataFrame) -> pl.DataFrame:
    """The first rows, dates as dd-mm-jjjj."""
    return frame.head(SHOWN).with_columns(pl.col(pl.Date).dt.strftime("%d-%m-%Y"))


def show_tables(preview: ImportPreview) -> None:
    """A tab per status with its first rows; the rejected rows first when there are any."""
    counts = preview.counts
    order = STATUSES if preview.ok else (STATUSES[-1], *STATUSES[:-1])
    tabs = st.tabs([f"{status.capitalize()} ({format_number(counts[status])})" for status in order])
    for tab, status in zip(tabs, order, strict=True):
        frame = (
            error_report(preview)
            if status == "afgewezen"
            else preview.records.filter(pl.col("status") == status).drop("status")
        )
        with tab:
            if frame.is_empty():
                st.caption("Geen.")
                continue
            st.dataframe(_shown(frame), hide_index=True)
            if frame.height > SHOWN:
                st.caption(f"De eerste {SHOWN} van {format_number(frame.height)} getoond.")


def error_downloads(preview: ImportPreview) -> None:
    """The error report as CSV and XLSX downloads."""
    stem = f"foutenrapport-{preview.kind}"
    left, right = st.columns(2)
    left.download_button(
        "Foutenrapport (CSV)",
        data=lambda: report_csv(preview),
        file_name=f"{stem}.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"{KEY}_fouten_csv",
    )
    right.download_button(
        "Foutenrapport (Excel)",
        data=lambda: report_xlsx(preview),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        key=f"{KEY}_fouten_xlsx",
    )


def confirm_import(identity: Identity, kind: Kind, upload: Upload) -> None:
    """The 'Importeren' button: check again and write all or nothing, with progress."""
    if not st.button("Importeren", type="primary", key=f"{KEY}_bevestig"):
        return
    with st.status("Importeren...", expanded=True) as status:
        try:
            result = import_file(
                engine(), upload.inhoud, kind, upload.naam, actor_for(identity), progress=status.write
            )
        except ImportFileError as error:
            status.update(label="Import mislukt", state="error")
            st.error(f"{upload.naam}: {error}. Er is niets opgeslagen.")
            return
        except SQLAlchemyError as error:  # e.g. someone else saved the same key meanwhile: rolled back
            status.update(label="Import mislukt", state="error")
            st.error(
                f"De database weigerde de import ({type(error).__name__}); er is niets opgeslagen. "
                "Probeer het opnieuw; blijft het misgaan, neem dan contact op met de beheerder."
            )
            return
        if not result.preview.ok:
            status.update(label="Import geweigerd", state="error")
            st.error("Het bestand is intussen afgewezen (de database is veranderd); er is niets opgeslagen.")
            return
        status.update(label="Import klaar", state="complete", expanded=False)
    counts = result.preview.counts
    st.success(
        f"Opgeslagen: {format_number(counts['nieuw'])} nieuw, "
        f"{format_number(counts['gewijzigd'])} gewijzigd, {format_number(counts['ongewijzigd'])} "
        "ongewijzigd. De import staat in het auditlog."
    )
