"""Command-line user management, for the first beheerder of a new deployment (later: the Gebruikers page)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from dashboard.access import Identity, Scope
from dashboard.audit import SYSTEEM
from dashboard.domain import ROLLEN, SCOPE_TYPES
from dashboard.settings import Settings
from dashboard.storage.engine import create_db_engine, migrate
from dashboard.users import UserCreate, UserError, add_user, parse_user

if TYPE_CHECKING:
    import argparse

__all__ = ["OPERATOR", "add_user_command"]

# Whoever runs the command on the server: recorded as 'systeem' in the audit trail.
OPERATOR = Identity(
    gebruiker_id=SYSTEEM,
    naam="Opdrachtregel",
    email="systeem@localhost",
    rol="beheerder",
    scope=Scope(type="land"),
)


def _say(message: str) -> None:
    print(message, file=sys.stderr)  # noqa: T201  (the CLI's messages go to stderr)


def _cmd_add(args: argparse.Namespace) -> int:
    data = {
        "gebruiker_id": args.id,
        "naam": args.naam,
        "email": args.email,
        "rol": args.rol,
        "scope_type": args.gebied,
        "scope_codes": frozenset(code for code in (args.codes or "").split(",") if code),
        "reden": args.reden,
    }
    engine = None
    try:
        nieuw = parse_user(UserCreate, data)
        engine = create_db_engine(args.database_url or Settings().database_url)
        migrate(engine)
        add_user(engine, OPERATOR, nieuw)
    except UserError as error:
        _say(f"Gebruiker niet toegevoegd:\n{error}")
        return 1
    finally:
        if engine is not None:
            engine.dispose()
    _say(f"Gebruiker {nieuw.gebruiker_id} toegevoegd als {nieuw.rol} ({nieuw.scope_type}).")
    return 0


def add_user_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `gebruiker` (add a user) on the main parser's subcommands."""
    user = sub.add_parser("gebruiker", help="voeg een gebruiker toe (bijv. de eerste beheerder)")
    user.add_argument("--id", required=True, help="gebruikersnaam, bijv. beheerder-jansen")
    user.add_argument("--naam", required=True, help="volledige naam")
    user.add_argument("--email", required=True, help="e-mailadres zoals de identity provider het meldt")
    user.add_argument("--rol", required=True, choices=ROLLEN, help="rol")
    user.add_argument("--gebied", required=True, choices=SCOPE_TYPES, help="soort gebied")
    user.add_argument("--codes", help="gebiedscodes, komma-gescheiden (bijv. GM0344); leeg bij land")
    user.add_argument("--reden", required=True, help="waarom (komt in het auditlog)")
    user.set_defaults(run=_cmd_add)
