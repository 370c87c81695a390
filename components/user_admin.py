"""Widgets of the user management page: the user table, the add form and the change forms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl
import streamlit as st

from components.data import engine, refresh_data
from dashboard.access import Scope
from dashboard.domain import ROL_LABELS, ROLLEN, SCOPE_TYPES
from dashboard.policy import active_policy, describe_policy
from dashboard.presentation import format_date, text_of
from dashboard.storage.locking import ConcurrentEditError
from dashboard.users import (
    UserCreate,
    UserError,
    UserUpdate,
    add_user,
    change_rights,
    known_areas,
    list_users,
    parse_user,
    set_active,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from dashboard.access import Identity
    from dashboard.domain import ScopeType

__all__ = ["show_add_form", "show_change_forms", "show_flash", "show_policy", "show_users"]

_FLASH = "beheer_melding"
_SEEN = "beheer_versie"  # the version of each user as first shown: the base of an optimistic change
REDEN_HELP = "Verplicht; komt in het auditlog bij deze wijziging (bijv. 'nieuwe procesregisseur per 1-12')."


def show_flash() -> None:
    """The result of the change saved in the previous run, once."""
    if message := st.session_state.pop(_FLASH, None):
        st.success(message)


def _saved(message: str) -> None:
    st.session_state[_FLASH] = message
    st.session_state.pop(_SEEN, None)
    refresh_data()
    st.rerun()


def show_policy() -> None:
    """The sharing policy in force (read-only): what each role may see, on which basis."""
    policy = active_policy()
    with st.expander(f"Deelbeleid in werking: {policy.besluit.naam}"):
        st.caption(
            f"{policy.besluit.samenwerkingsverband}. Vastgesteld {format_date(policy.besluit.vastgesteld)}. "
            "Wijzigen: pas het beleidsbestand aan (instelling DEELBELEID) en herstart de app; zie "
            "docs/deelbeleid.md."
        )
        st.dataframe(describe_policy(policy), hide_index=True, key="beheer_deelbeleid")


def show_users() -> pl.DataFrame:
    """The users as a table (role and area in words); returns the raw rows for the forms."""
    users = list_users(engine())
    names = {code: naam for areas in known_areas(engine()).values() for code, naam in areas.items()}
    table = users.select(
        pl.col("naam").alias("Naam"),
        pl.col("gebruiker_id").alias("Gebruikersnaam"),
        pl.col("email").alias("E-mail"),
        pl.col("rol").replace_strict(ROL_LABELS, default=pl.col("rol")).alias("Rol"),
        text_of(
            users.select(pl.struct("scope_type", "scope_codes")).to_series(),
            lambda s: _scope(s["scope_type"], s["scope_codes"]).describe(names),
        ).alias("Gebied"),
        pl.when(pl.col("actief")).then(pl.lit("actief")).otherwise(pl.lit("geblokkeerd")).alias("Status"),
    )
    st.dataframe(table, hide_index=True, key="beheer_gebruikers")
    return users


def _scope(scope_type: ScopeType, codes: str) -> Scope:
    return Scope(type=scope_type, codes=frozenset(c for c in codes.split(";") if c))


def _choose_scope(key: str, current: Scope | None = None) -> tuple[ScopeType, list[str]]:
    """Scope type and codes from the known areas (outside a form, so the choices follow the type)."""
    areas = known_areas(engine())
    types = list(SCOPE_TYPES)
    scope_type = st.selectbox(
        "Soort gebied",
        types,
        index=types.index(current.type) if current else 0,
        key=f"{key}_type",
        help="Land: alles; eenheid, basisteam of gemeente: alleen de groepen daarbinnen.",
    )
    if scope_type == "land":
        return scope_type, []
    options = areas[scope_type]
    default = sorted(
        c for c in (current.codes if current and current.type == scope_type else ()) if c in options
    )
    codes = st.multiselect(
        f"Gebied ({scope_type})",
        list(options),
        default=default,
        format_func=lambda code: f"{options[code]} ({code})",
        key=f"{key}_codes_{scope_type}",
    )
    return scope_type, codes


def _save(action: Callable[..., object], *args: object, **kwargs: object) -> bool:
    """Run a change; show a Dutch error instead of raising. True when saved."""
    try:
        action(engine(), *args, **kwargs)
    except ConcurrentEditError as error:
        st.session_state.pop(_SEEN, None)  # the next run shows (and builds on) the newer version
        st.error(str(error))
        return False
    except UserError as error:
        st.error(str(error))
        return False
    return True


def show_add_form(identity: Identity) -> None:
    """Add a user: name, e-mail, role, scope from the known areas, and the reason."""
    scope_type, codes = _choose_scope("beheer_nieuw")
    with st.form("beheer_nieuw_form"):
        naam = st.text_input("Naam", key="beheer_nieuw_naam")
        gebruiker_id = st.text_input("Gebruikersnaam", key="beheer_nieuw_id", help="Bijv. jan.jansen")
        email = st.text_input("E-mail", key="beheer_nieuw_email")
        rol = st.selectbox("Rol", ROLLEN, format_func=ROL_LABELS.__getitem__, key="beheer_nieuw_rol")
        reden = st.text_input("Reden", key="beheer_nieuw_reden", help=REDEN_HELP)
        if not st.form_submit_button("Gebruiker toevoegen", type="primary"):
            return
    data = {"gebruiker_id": gebruiker_id, "naam": naam, "email": email, "rol": rol}
    data |= {"scope_type": scope_type, "scope_codes": codes, "reden": reden}
    try:
        nieuw = parse_user(UserCreate, data)
    except UserError as error:
        st.error(str(error))
        return
    if _save(add_user, identity, nieuw):
        _saved(f"Gebruiker {nieuw.naam} is toegevoegd en vastgelegd in het auditlog.")


def show_change_forms(identity: Identity, users: pl.DataFrame) -> None:
    """Change one user's role and scope, or block or unblock them; both need a reason."""
    if users.is_empty():
        st.info("Er zijn nog geen gebruikers.")
        return
    rows = {row["gebruiker_id"]: row for row in users.to_dicts()}
    gekozen = st.selectbox(
        "Gebruiker", list(rows), format_func=lambda g: f"{rows[g]['naam']} ({g})", key="beheer_kies"
    )
    row = rows[gekozen]
    seen = st.session_state.setdefault(_SEEN, {})
    versie = seen.setdefault(gekozen, row["versie"])
    current = _scope(row["scope_type"], row["scope_codes"])
    scope_type, codes = _choose_scope(f"beheer_{gekozen}", current)
    with st.form(f"beheer_rechten_{gekozen}"):
        rol = st.selectbox(
            "Rol",
            ROLLEN,
            index=ROLLEN.index(row["rol"]),
            format_func=ROL_LABELS.__getitem__,
            key=f"beheer_rol_{gekozen}",
        )
        reden = st.text_input("Reden", key=f"beheer_rechten_reden_{gekozen}", help=REDEN_HELP)
        if st.form_submit_button("Rechten opslaan"):
            data = {"gebruiker_id": gekozen, "versie": versie, "rol": rol}
            data |= {"scope_type": scope_type, "scope_codes": codes, "reden": reden}
            try:
                wijziging = parse_user(UserUpdate, data)
            except UserError as error:
                st.error(str(error))
            else:
                if _save(change_rights, identity, wijziging):
                    _saved(f"De rechten van {row['naam']} zijn gewijzigd en vastgelegd in het auditlog.")
    _show_block_form(identity, row, versie)


def _show_block_form(identity: Identity, row: dict[str, Any], versie: int) -> None:
    actief = bool(row["actief"])
    label = "Blokkeren" if actief else "Deblokkeren"
    st.caption("Een geblokkeerde gebruiker kan niet meer inloggen; de gegevens en het auditlog blijven.")
    with st.form(f"beheer_blok_{row['gebruiker_id']}"):
        reden = st.text_input("Reden", key=f"beheer_blok_reden_{row['gebruiker_id']}", help=REDEN_HELP)
        if not st.form_submit_button(label):
            return
    if _save(set_active, identity, row["gebruiker_id"], versie, actief=not actief, reden=reden):
        _saved(
            f"{row['naam']} is {'geblokkeerd' if actief else 'gedeblokkeerd'}; vastgelegd in het auditlog."
        )
