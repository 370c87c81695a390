"""Importeren: exports from police and municipal systems, previewed, then written all or nothing."""

from __future__ import annotations

import streamlit as st

from components.data import area_names
from components.import_view import (
    choose_kind,
    confirm_import,
    error_downloads,
    expected_columns,
    preview_upload,
    show_counts,
    show_tables,
    upload_export,
)
from components.session import current_identity
from dashboard.access import has_permission


def render() -> None:
    """Choose a kind, upload a file, check the preview, then import all or nothing."""
    identity = current_identity()
    if identity is None or not has_permission(identity, "importeren"):
        st.error("U heeft geen toegang tot importeren.")
        return
    st.title("Importeren")
    st.caption(
        f"Gebied: {identity.scope.describe(area_names())}. Alleen rijen binnen uw gebied worden "
        "geaccepteerd. Eerst ziet u wat er verandert; pas na 'Importeren' wordt alles in één keer opgeslagen."
    )
    kind = choose_kind()
    expected_columns(kind)
    upload = upload_export(kind)
    if upload is None:
        st.info("Kies een CSV- of Excel-bestand (.xlsx) om te zien wat de import zou veranderen.")
        return
    preview = preview_upload(identity, kind, upload)
    if preview is None:
        return
    show_counts(preview)
    if not preview.ok:
        st.error(
            f"{preview.counts['afgewezen']} rij(en) afgewezen: er wordt niets opgeslagen. Download het "
            "foutenrapport, verbeter de rijen in het bestand en upload het opnieuw."
        )
        error_downloads(preview)
    elif preview.changes == 0:
        st.success("Niets te doen: alle rijen staan al zo in de database.")
    show_tables(preview)
    if preview.ok and preview.changes:
        confirm_import(identity, kind, upload)


if __name__ == "__main__":  # run on its own by Streamlit's pages-folder discovery: log in first
    from components.guard import enter_through_app

    enter_through_app()
