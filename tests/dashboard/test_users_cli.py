"""The first beheerder of a new deployment, added on the command line and recorded in the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dashboard.audit import verify_chain
from dashboard.cli import main
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata

LAND = ["--rol", "beheerder", "--gebied", "land"]
ADD = ["gebruiker", "--id", "beheerder-jansen", "--naam", "J. Jansen", "--email", "j.jansen@voorbeeld.nl"]


def test_the_first_beheerder_is_added_and_audited(loaded_engine, db_url: str) -> None:
    code = main(
        ["--database-url", db_url, *ADD, "--rol", "beheerder", "--gebied", "land", "--reden", "installatie"]
    )
    assert code == 0
    added = [i for i in load_identities(loaded_engine) if i.gebruiker_id == "beheerder-jansen"]
    assert [(i.rol, i.scope.type) for i in added] == [("beheerder", "land")]
    log = metadata.tables["auditlog"]
    with loaded_engine.connect() as connection:
        row = connection.execute(select(log).where(log.c.object_id == "beheerder-jansen")).mappings().one()
    assert (row["gebruiker_id"], row["actie"], row["reden"]) == (
        "systeem",
        "gebruiker_toegevoegd",
        "installatie",
    )
    assert verify_chain(loaded_engine).ok


@pytest.mark.parametrize(
    ("extra", "melding"),
    [
        (
            ["--rol", "burgemeester", "--gebied", "gemeente", "--codes", "GM9999", "--reden", "nieuw"],
            "GM9999",
        ),
        (["--rol", "beheerder", "--gebied", "land", "--reden", "x"], "Reden"),
    ],
    ids=["onbekende-gemeente", "reden-te-kort"],
)
def test_bad_input_is_refused_in_dutch(
    loaded_engine, db_url: str, extra: list[str], melding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", db_url, *ADD, *extra]) == 1
    error = capsys.readouterr().err
    assert "Gebruiker niet toegevoegd" in error
    assert melding in error
    assert all(i.gebruiker_id != "beheerder-jansen" for i in load_identities(loaded_engine))
