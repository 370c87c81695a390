"""The members part of the scan form: roles and ends of memberships, adding (new) people."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import polars as pl
import streamlit as st
from pydantic import ValidationError

from components.view_log import VIEW_CAPTION
from dashboard.domain import GESLACHTEN, LID_ROLLEN
from dashboard.process.scans import NewPerson, dutch_errors

if TYPE_CHECKING:
    from dashboard.process.scans import ScanDraft

__all__ = ["init_people", "member_values"]

_BASE, _VERSION = "scan_leden_basis", "scan_leden_versie"
_SCHEMA = {"naam": pl.String, "rol": pl.String, "van": pl.Date, "tot": pl.Date, "bron": pl.String}
_GESLACHT_LABELS = {"m": "man", "v": "vrouw", "x": "anders / onbekend"}


def init_people(draft: ScanDraft) -> None:
    """Put the draft's memberships into the table (when a scan is loaded); names come at display time."""
    rows = []
    for member in draft.leden:
        row = member.model_dump(mode="python")
        if member.nieuw is not None:
            row["naam"] = f"{member.nieuw.voornaam} {member.nieuw.achternaam} (nieuw)"
        rows.append(row)
    st.session_state[_BASE] = rows
    st.session_state[_VERSION] = st.session_state.get(_VERSION, 0) + 1


def _named(base: list[dict[str, Any]], people: pl.DataFrame | None) -> list[dict[str, Any]]:
    """The rows with a name to show: the person's name with 'namenlijst', else the person's id."""
    names = {} if people is None else dict(people.select("persoon_id", "naam").iter_rows())
    return [
        {**row, "naam": row.get("naam") or names.get(row["persoon_id"], row["persoon_id"])} for row in base
    ]


def _add(row: dict[str, Any]) -> None:
    st.session_state[_BASE] = [*st.session_state[_BASE], row]
    st.session_state[_VERSION] += 1


def _add_existing(people: pl.DataFrame, datum: dt.date) -> None:
    current = {row.get("persoon_id") for row in st.session_state[_BASE]}
    former = people.filter(~pl.col("persoon_id").is_in([p for p in current if p]))
    if former.is_empty():
        st.caption("Er zijn geen oud-leden van deze groep om opnieuw toe te voegen.")
        return
    names = dict(former.select("persoon_id", "naam").iter_rows())
    left, right, button = st.columns([3, 2, 1], vertical_alignment="bottom")
    chosen = left.selectbox("Oud-lid", list(names), format_func=names.__getitem__, key="scan_oudlid")
    rol = right.selectbox("Rol", LID_ROLLEN, index=2, key="scan_oudlid_rol")
    if button.button("Toevoegen", key="scan_oudlid_toevoegen") and chosen:
        _add({"persoon_id": chosen, "nieuw": None, "rol": rol, "van": datum, "tot": None,
              "bron": "groepsscan", "naam": names[chosen]})  # fmt: skip
        st.rerun()


def _add_new(datum: dt.date) -> None:
    with st.form("scan_nieuw_lid", clear_on_submit=True, border=False):
        first, last = st.columns(2)
        voornaam, achternaam = first.text_input("Voornaam"), last.text_input("Achternaam")
        born, sex, role = st.columns(3)
        geboren = born.date_input("Geboortedatum", value=None, format="DD-MM-YYYY",
                                  min_value=dt.date(1990, 1, 1), max_value=datum)  # fmt: skip
        geslacht = sex.selectbox("Geslacht", GESLACHTEN, format_func=_GESLACHT_LABELS.__getitem__)
        rol = role.selectbox("Rol", LID_ROLLEN, index=2)
        if not st.form_submit_button("Nieuwe persoon toevoegen"):
            return
    try:
        person = NewPerson.model_validate(
            {"voornaam": voornaam, "achternaam": achternaam, "geboortedatum": geboren, "geslacht": geslacht}
        )
    except ValidationError as error:
        st.error("\n\n".join(dutch_errors(error)))
        return
    _add({"persoon_id": None, "nieuw": person.model_dump(), "rol": rol, "van": datum, "tot": None,
          "bron": "groepsscan", "naam": f"{person.voornaam} {person.achternaam} (nieuw)"})  # fmt: skip
    st.rerun()


def member_values(*, editable: bool, datum: dt.date, people: pl.DataFrame | None) -> list[dict[str, Any]]:
    """Show the memberships (roles, end dates); return them as entered."""
    st.subheader("Groepsleden en rollen")
    base: list[dict[str, Any]] = st.session_state[_BASE]
    if people is None:
        st.caption("Geen namen zichtbaar; de leden staan hieronder met hun kenmerk.")
    else:
        st.caption(VIEW_CAPTION)
    if not base:
        st.info("Er zijn nog geen groepsleden vastgelegd.")
    else:
        edited = st.data_editor(
            pl.DataFrame([{k: row.get(k) for k in _SCHEMA} for row in _named(base, people)], schema=_SCHEMA),
            key=f"scan_leden_{st.session_state[_VERSION]}", hide_index=True, width="stretch", placeholder="—",
            disabled=not editable or ["naam", "van", "bron"],
            column_config={
                "naam": st.column_config.TextColumn("Naam"),
                "rol": st.column_config.SelectboxColumn("Rol", options=list(LID_ROLLEN), required=True),
                "van": st.column_config.DateColumn("Lid sinds", format="DD-MM-YYYY"),
                "tot": st.column_config.DateColumn("Lid tot (einde)", format="DD-MM-YYYY"),
                "bron": st.column_config.TextColumn("Bron"),
            },
        )  # fmt: skip
        rows = edited.to_dicts() if isinstance(edited, pl.DataFrame) else pl.from_pandas(edited).to_dicts()
        base = [{**row, "rol": new["rol"], "tot": new["tot"]} for row, new in zip(base, rows, strict=True)]
    if not editable:
        st.caption("Alleen de specialist jeugdgroepen past leden en rollen aan.")
    elif people is not None:
        with st.expander("Groepslid toevoegen"):
            _add_existing(people, datum)
            st.markdown("**Of een nieuwe persoon**")
            _add_new(datum)
    return [{k: v for k, v in row.items() if k != "naam"} for row in base]
