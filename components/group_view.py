"""The group page's sections: header, the score explained, scan timeline, members, overlap and flags."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import polars as pl
import streamlit as st

from components.links import group_link
from components.session import current_identity
from components.view_log import VIEW_CAPTION, record_view_once
from dashboard.access import restrict_fields
from dashboard.groups.figures import build_contributions_chart, build_history_chart, build_subscore_chart
from dashboard.groups.summaries import AGE_BANDS, LID_ROL_LABELS
from dashboard.presentation import (
    BAND_COLOURS,
    DEELSCORE_HELP,
    DEELSCORE_LABELS,
    band_descriptions,
    band_label,
    format_date,
    format_number,
    text_of,
)

if TYPE_CHECKING:
    from dashboard.groups.detail import GroupDetail

__all__ = [
    "show_flags",
    "show_header",
    "show_members",
    "show_overlap",
    "show_score_explanation",
    "show_timeline",
]

_PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
_BADGE = (
    "display:inline-block;padding:2px 10px;border-radius:12px;border:1.5px solid #222;"
    "font-weight:600;color:#111;background:{colour}"
)


def _badge(band: str) -> str:
    colour = BAND_COLOURS.get(band, "#FFFFFF")
    return f'<span style="{_BADGE.format(colour=colour)}">{html.escape(band_label(band))}</span>'


def _change_text(change: float | None) -> str | None:
    return None if change is None else f"{change:+.1f}".replace(".", ",")


def show_header(detail: GroupDetail) -> None:
    """Title, where and what the group is, its band as a badge, and the key numbers."""
    groep, score = detail.groep, detail.score
    st.title(groep.werknaam)
    plek = " / ".join(part for part in (groep.wijk, groep.buurt) if part) or "wijk onbekend"
    st.caption(
        f"Gemeente {groep.gemeente_naam} · {plek} · basisteam {groep.basisteam_naam} · "
        f"peildatum {format_date(detail.peildatum)}"
    )
    band = score.band if score else "onvoldoende gegevens"
    st.markdown(
        f"Band {_badge(band)} &nbsp; · &nbsp; Stap **{html.escape(groep.stap_label)}** &nbsp; · &nbsp; "
        f"Beoordeling 2A: **{html.escape(groep.beoordeling_2a_label)}**",
        unsafe_allow_html=True,
        help=f"{_band_help(detail, band)} De stap is die van het 7-stappenmodel; in stap 2A is beoordeeld "
        "of het groepsgedrag problematisch is (alleen dan een namenlijst en een groepsscan).",
    )
    columns = st.columns(4)
    columns[0].metric(
        "Prioriteitsscore",
        format_number(score.prioriteit) if score else "—",
        delta=_change_text(detail.verandering),
        delta_color="inverse",  # a rising score is bad news
        delta_description="sinds de vorige scan",
        help=DEELSCORE_HELP["prioriteit"]
        + " De verandering is ten opzichte van de score bij de vorige scan.",
    )
    columns[1].metric(
        "Actieve leden",
        format_number(detail.leden["leden"].sum()),
        help="Leden met een lidmaatschap dat op de peildatum loopt (leider, kern, meeloper en aanhang).",
    )
    columns[2].metric(
        "Meldingen bij hangplekken",
        format_number(detail.meldingen.height),
        help=f"Meldingen jeugdoverlast binnen {format_number(detail.config.impact.straal_m)} m van de "
        f"hangplekken in de laatste {detail.config.vensters.maanden} maanden (elke melding één keer).",
    )
    columns[3].metric(
        "Type (oude indeling)",
        (score.type if score and score.type else "—"),
        help="Hinderlijk, overlastgevend of crimineel volgens de vroegere shortlistmethodiek (vergelijking).",
    )
    platforms = ", ".join(groep.online_platforms) or "geen bekend"
    laatste = detail.scans["datum"].max() if not detail.scans.is_empty() else None
    st.caption(
        f"Eerste signaal {format_date(groep.eerste_signaal)} · laatste groepsscan "
        f"{format_date(laatste) if laatste else 'nog geen'} · online actief op: {platforms}"  # type: ignore[arg-type]
    )
    if score is None:
        st.info(
            "Deze groep is op deze peildatum niet actief (nog niet gesignaleerd of de aanpak is beëindigd). "
            "Kies in de zijbalk een andere peildatum om haar scores te zien."
        )


def _band_help(detail: GroupDetail, band: str) -> str:
    banden = detail.config.banden
    return band_descriptions(banden.hoog, banden.midden, banden.laag).get(band, band)


def show_flags(detail: GroupDetail) -> None:
    """Data-quality flags, to read before trusting the score; the radicalisation flag for police only."""
    if detail.radicalisering:
        st.error(
            "**Beperkt zichtbaar (alleen politie):** bij minstens een groepsscan is een "
            "radicaliseringssignaal vastgelegd. Dit telt niet mee in de score.",
            icon="🔒",
        )
    vlaggen = detail.score.vlaggen if detail.score else ()
    if vlaggen:
        st.warning(
            "**Controleer de gegevens voordat u op de score vertrouwt:**\n"
            + "\n".join(f"- {vlag.tekst}" for vlag in vlaggen),
            icon="⚠️",
        )


def show_score_explanation(detail: GroupDetail) -> None:
    """'Waarom deze score?': sub-scores, the contributions chart and the evidence table."""
    st.subheader("Waarom deze score?")
    score = detail.score
    if score is None or not score.bijdragen:
        st.info(
            "Er zijn geen bijdragen aan de score: geen beoordeling en geen registraties als verdachte. "
            "Laat een groepsscan maken om de groep te kunnen prioriteren."
        )
        return
    st.caption(
        "De prioriteitsscore is de gewogen som van vier deelscores. Elke balk hieronder is een onderdeel "
        "met de punten die het bijdraagt; beweeg over een balk voor het bewijs."
    )
    left, right = st.columns([1, 2])
    left.plotly_chart(
        build_subscore_chart(score),
        config=_PLOTLY_CONFIG,
        key="groep_deelscores",
        alt="Staafdiagram van de vier deelscores ernst, risico, ontwikkeling en impact.",
    )
    right.plotly_chart(
        build_contributions_chart(score),
        config=_PLOTLY_CONFIG,
        key="groep_bijdragen",
        alt="Staafdiagram van de bijdragen aan de prioriteitsscore per deelscore.",
    )
    rows = pl.DataFrame(
        [
            {
                "Deelscore": DEELSCORE_LABELS.get(b.deelscore, b.deelscore),
                "Onderdeel": b.component,
                "Bewijs": b.bewijs,
                "Punten": format_number(b.punten, 2),  # text: Dutch decimal comma whatever the browser
            }
            for b in score.bijdragen
        ]
    )
    st.markdown(
        "**Bewijs per onderdeel**",
        help="Punten: punten in de prioriteitsscore (0-100), de punten in de deelscore maal het gewicht "
        "van die deelscore. Samen zijn ze de prioriteitsscore.",
    )
    # st.table wraps the long evidence text (a data grid would cut it off); it scrolls past 480 px.
    st.table(rows, hide_index=True, border="horizontal", height=480)


def show_timeline(detail: GroupDetail) -> None:
    """The scans of the group with the priority and band at each, and the score over time."""
    st.subheader("Tijdlijn van groepsscans")
    if detail.scans.is_empty():
        st.info("Er is nog geen groepsscan van deze groep. Een scan kan altijd worden aangevraagd.")
        return
    table = detail.scans.sort("datum", descending=True)
    table = table.with_columns(text_of(table["band"], band_label))
    config: dict[str, object] = {
        "datum": st.column_config.DateColumn("Datum", format="DD-MM-YYYY", help="Datum van de groepsscan."),
        "auteur": st.column_config.TextColumn("Opgesteld door", help="Wie de scan heeft gemaakt."),
        "prioriteit": st.column_config.NumberColumn(
            "Prioriteit", format="%.0f", help="De prioriteitsscore (0-100) berekend op de datum van de scan."
        ),
        "band": st.column_config.TextColumn("Band", help="De band bij die score."),
    }
    if "radicaliseringssignaal" in table.columns:
        table = table.with_columns(
            pl.when(pl.col("radicaliseringssignaal"))
            .then(pl.lit("🔒 signaal"))
            .otherwise(pl.lit("—"))
            .alias("radicaliseringssignaal")
        )
        config["radicaliseringssignaal"] = st.column_config.TextColumn(
            "Radicalisering (beperkt)",
            help="Alleen zichtbaar voor de politie: bij deze scan is een signaal vastgelegd. Telt niet mee.",
        )
    st.dataframe(table, hide_index=True, column_config=config, key="groep_scans")  # type: ignore[arg-type]
    if detail.geschiedenis.height > 1:
        st.plotly_chart(
            build_history_chart(detail.geschiedenis, detail.config),
            config=_PLOTLY_CONFIG,
            key="groep_geschiedenis",
            alt="Lijn van de prioriteitsscore bij elke groepsscan.",
        )


def show_members(detail: GroupDetail) -> None:
    """Members counted by role and age band; the names table only for roles with the namenlijst."""
    st.subheader("Leden")
    if detail.leden.is_empty():
        st.info("Er zijn op deze peildatum geen actieve leden bekend.")
        return
    bands = [label for _, label in AGE_BANDS if label in set(detail.leden["leeftijdsgroep"])]
    table = (
        detail.leden.pivot(on="leeftijdsgroep", index="rol", values="leden")
        .fill_null(0)
        .with_columns(pl.col("rol").replace_strict(LID_ROL_LABELS, default=pl.col("rol")))
    )
    table = table.select("rol", *bands, *(c for c in table.columns if c not in {"rol", *bands}))
    table = table.with_columns(Totaal=pl.sum_horizontal(pl.exclude("rol")))
    total = int(detail.leden["leden"].sum())
    st.caption(f"{total} actieve leden op de peildatum, geteld naar rol in de groep en leeftijd (jaren).")
    columns = {"rol": st.column_config.TextColumn("Rol", help="Leider, kern, meeloper of aanhang.")}
    for band in table.columns[1:]:
        columns[band] = st.column_config.NumberColumn(band, help=f"Aantal leden in de leeftijd {band}.")
    st.dataframe(table, hide_index=True, column_config=columns, key="groep_leden")
    _show_names(detail)


def _show_names(detail: GroupDetail) -> None:
    if detail.namen is None:
        st.caption("Namen van groepsleden zijn niet zichtbaar voor uw rol; de aantallen hierboven wel.")
        return
    shown = record_view_once(
        "namen_bekeken",
        object_type="groep",
        object_id=detail.groep.groep_id,
        groep_id=detail.groep.groep_id,
        peildatum=detail.peildatum,
        aantal=detail.namen.height,
    )
    if not shown:
        return
    st.markdown("**Namenlijst**")
    st.caption(
        "Alleen zichtbaar voor rollen die de namenlijst nodig hebben. Gebruik de namen alleen voor de aanpak."
    )
    names = detail.namen.with_columns(pl.col("rol").replace_strict(LID_ROL_LABELS, default=pl.col("rol")))
    identity = current_identity()
    names = names if identity is None else restrict_fields(names, identity, "namenlijst")  # deelbeleid
    st.dataframe(
        names,
        hide_index=True,
        column_config={
            "persoon_id": st.column_config.TextColumn(
                "Persoon", help="Het nummer van de persoon in het bestand."
            ),
            "naam": st.column_config.TextColumn("Naam", help="Voornaam en achternaam."),
            "rol": st.column_config.TextColumn("Rol", help="De hoogste rol van de persoon in deze groep."),
            "leeftijd": st.column_config.NumberColumn("Leeftijd", help="Leeftijd in jaren op de peildatum."),
            "lid_sinds": st.column_config.DateColumn(
                "Lid sinds", format="DD-MM-YYYY", help="Begin van het lidmaatschap van deze groep."
            ),
            "verwijderdatum": st.column_config.DateColumn(
                "Verwijderen op",
                format="DD-MM-YYYY",
                help="Bewaartermijn: op deze datum worden de gegevens van de persoon verwijderd. Loopt de "
                "aanpak nog, dan is dit de uiterste datum (wettelijk maximum). Zie docs/privacy.md.",
            ),
        },
        key="groep_namen",
    )
    st.caption(VIEW_CAPTION)


def show_overlap(detail: GroupDetail) -> None:
    """Other groups sharing members: named inside the user's area, only counted outside it."""
    st.subheader("Overlap met andere groepen")
    if detail.overlap.is_empty() and detail.overlap_buiten_gebied == 0:
        st.info("Geen van de leden is op de peildatum ook actief in een andere groep.")
        return
    for row in detail.overlap.iter_rows(named=True):
        label = f"{row['werknaam']}: {format_number(row['gedeelde_leden'])} gedeelde leden"
        group_link(row["groep_id"], label)
    if detail.overlap_buiten_gebied:
        n = detail.overlap_buiten_gebied
        st.write(f"{format_number(n)} {'lid' if n == 1 else 'leden'} ook in een groep buiten uw gebied.")
