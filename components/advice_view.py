"""The generated advice for the driehoek, shown as a draft: priority, approach mix, partners, reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    from dashboard.groups.detail import GroupDetail

__all__ = ["show_advice"]

_SOORT_LABELS = {
    "groepsgericht": "Groepsgericht",
    "domeingericht": "Domeingericht (plekken)",
    "persoonsgericht": "Persoonsgericht (leden)",
}


_MARKDOWN = str.maketrans({char: f"\\{char}" for char in "\\`*_[]<>#:$~|"})


def _plain(text: str) -> str:
    """Data-derived text shown literally (no markdown, emoji shortcodes or HTML)."""
    return text.translate(_MARKDOWN)


def _bullets(items: tuple[str, ...], empty: str) -> str:
    return "\n".join(f"- {_plain(item)}" for item in items) if items else f"- {empty}"


def _named(item: str, names: dict[str, str]) -> str:
    """'P-0001 (reden)' as 'P-0001 Naam (reden)' when the user may see the member's name."""
    persoon_id, _, rest = item.partition(" ")
    return f"{persoon_id} {names[persoon_id]} {rest}" if persoon_id in names else item


def show_advice(detail: GroupDetail) -> None:
    """The advice by the documented rules, clearly marked as a generated draft."""
    st.subheader("Gegenereerd advies (concept)")
    if detail.score is None:
        st.info("Zonder score op deze peildatum is er geen advies. Kies een andere peildatum.")
        return
    advies = detail.score.advies
    names = {} if detail.namen is None else dict(detail.namen.select("persoon_id", "naam").iter_rows())
    st.caption(
        "Opgesteld door vaste, gedocumenteerde regels uit de scores; de specialist past het aan voordat "
        "het naar de driehoek gaat. Het is geen besluit."
    )
    with st.container(border=True):
        st.markdown(f"**Aanbevolen prioriteit:** {_plain(advies.prioriteit)}")
        st.markdown("**Aanpak**")
        if not advies.aanpak:
            st.markdown("- Geen groepsaanpak; signalen blijven volgen.")
        for aanpak in advies.aanpak:
            line = f"- **{_SOORT_LABELS.get(aanpak.soort, aanpak.soort)}**: {_plain(aanpak.toelichting)}"
            if aanpak.betreft:
                line += "\n" + "\n".join(f"    - {_plain(_named(item, names))}" for item in aanpak.betreft)
            st.markdown(line)
        left, right = st.columns(2)
        left.markdown("**Partners**\n" + _bullets(advies.partners, "geen"))
        right.markdown("**Interventies**\n" + _bullets(advies.interventies, "geen"))
        st.markdown("**Redenen**\n" + _bullets(advies.redenen, "geen"))
