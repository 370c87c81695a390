"""User management: validation in Dutch, audit in the same transaction, optimistic locking."""

from __future__ import annotations

import polars as pl
import pytest
from sqlalchemy import func, select

from dashboard.access import AccessDeniedError, Identity, Scope
from dashboard.audit import AuditFilter, search_audit, verify_chain
from dashboard.storage.locking import ConcurrentEditError
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata
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

BEHEERDER = Identity(
    gebruiker_id="beheerder", naam="Beheer", email="b@demo.example", rol="beheerder", scope=Scope(type="land")
)
NIEUW = {
    "gebruiker_id": "jan.jansen",
    "naam": "Jan Jansen",
    "email": "Jan.Jansen@Utrecht.example",
    "rol": "procesregisseur",
    "scope_type": "gemeente",
    "scope_codes": ["GM0344"],
    "reden": "Nieuwe procesregisseur per 1 december",
}


@pytest.fixture
def users_db(engine, sample_dir):
    """Areas and the demo users of the sample only (fast on both backends)."""
    users = pl.read_csv(sample_dir / "gebruikers.csv", infer_schema=False).with_columns(
        pl.col("scope_codes").fill_null("")
    )
    with engine.begin() as connection:
        connection.execute(
            metadata.tables["eenheid"].insert(), [{"eenheid_code": "MNL", "naam": "Midden-Nederland"}]
        )
        connection.execute(
            metadata.tables["basisteam"].insert(),
            [{"basisteam_code": "MNL-UTR-N", "naam": "Utrecht-Noord", "eenheid_code": "MNL"}],
        )
        connection.execute(
            metadata.tables["gemeente"].insert(),
            [
                {"gemeente_code": code, "naam": naam, "eenheid_code": "MNL", "lat": 52.1, "lon": 5.1}
                for code, naam in (("GM0344", "Utrecht"), ("GM0307", "Amersfoort"))
            ],
        )
        connection.execute(metadata.tables["gebruiker"].insert(), users.to_dicts())
    return engine


def _audit_count(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(metadata.tables["auditlog"])).scalar_one()


def _row(engine, gebruiker_id: str) -> dict:
    users = list_users(engine)
    return users.filter(users["gebruiker_id"] == gebruiker_id).row(0, named=True)


@pytest.mark.parametrize(
    ("change", "melding"),
    [
        ({"gebruiker_id": "Jan Jansen"}, "Gebruikersnaam: 2 tot 32 tekens"),
        ({"email": "jan.utrecht"}, "E-mail: 'jan.utrecht' is geen geldig e-mailadres."),
        ({"scope_type": "land"}, "bij 'land' hoort geen gemeente"),
        ({"scope_codes": []}, "Gebied: kies minstens één gemeente."),
        ({"reden": "nu"}, "Reden: is te kort (minstens 5 tekens)."),
        ({"naam": None}, "Naam: ontbreekt."),
        ({"rol": "koning"}, "Rol: kies een van de mogelijkheden."),
    ],
    ids=["gebruikersnaam", "email", "land-met-gebied", "gebied-leeg", "reden-kort", "naam-ontbreekt", "rol"],
)
def test_form_input_is_validated_in_dutch(change: dict, melding: str) -> None:
    data = {key: value for key, value in {**NIEUW, **change}.items() if value is not None}
    with pytest.raises(UserError) as error:
        parse_user(UserCreate, data)
    assert melding in str(error.value)


def test_adding_a_user_is_audited_in_the_same_transaction(users_db) -> None:
    before = _audit_count(users_db)
    add_user(users_db, BEHEERDER, parse_user(UserCreate, NIEUW))
    row = _row(users_db, "jan.jansen")
    assert (row["email"], row["scope_codes"], row["actief"], row["versie"]) == (
        "jan.jansen@utrecht.example",
        "GM0344",
        True,
        1,
    )
    assert _audit_count(users_db) == before + 1
    record = search_audit(users_db, AuditFilter(actie="gebruiker_toegevoegd")).row(0, named=True)
    assert (record["categorie"], record["object_id"], record["reden"]) == (
        "wijziging",
        "jan.jansen",
        "Nieuwe procesregisseur per 1 december",
    )
    assert "Jan Jansen" not in record["details"], "no names in the audit details"
    assert any(i.gebruiker_id == "jan.jansen" for i in load_identities(users_db))
    assert verify_chain(users_db).ok


@pytest.mark.parametrize(
    ("change", "melding"),
    [
        ({"gebruiker_id": "beheerder"}, "al een gebruiker"),
        ({"email": "burgemeester.utrecht@demo.groepsbeeld.example"}, "al een gebruiker"),
        ({"scope_codes": ["GM9999"]}, "onbekende gemeente GM9999"),
    ],
    ids=["naam-bezet", "email-bezet", "onbekend-gebied"],
)
def test_a_refused_user_leaves_no_trace(users_db, change: dict, melding: str) -> None:
    before = _audit_count(users_db), list_users(users_db).height
    with pytest.raises(UserError, match=melding):
        add_user(users_db, BEHEERDER, parse_user(UserCreate, {**NIEUW, **change}))
    assert (_audit_count(users_db), list_users(users_db).height) == before


def test_rights_change_with_optimistic_locking(users_db) -> None:
    row = _row(users_db, "burgemeester-utrecht")
    wijziging = {
        "gebruiker_id": "burgemeester-utrecht",
        "versie": row["versie"],
        "rol": "burgemeester",
        "scope_type": "gemeente",
        "scope_codes": ["GM0344", "GM0307"],
        "reden": "Waarneming Amersfoort tijdens verlof",
    }
    nieuw = change_rights(users_db, BEHEERDER, parse_user(UserUpdate, wijziging))
    assert nieuw == row["versie"] + 1
    assert _row(users_db, "burgemeester-utrecht")["scope_codes"] == "GM0307;GM0344"
    before = _audit_count(users_db)
    with pytest.raises(ConcurrentEditError, match="Iemand anders heeft dit intussen gewijzigd"):
        change_rights(users_db, BEHEERDER, parse_user(UserUpdate, {**wijziging, "scope_codes": ["GM0344"]}))
    assert _audit_count(users_db) == before, "a refused change records nothing"
    assert _row(users_db, "burgemeester-utrecht")["scope_codes"] == "GM0307;GM0344"
    actions = search_audit(users_db, AuditFilter(actie="rechten_gewijzigd"))
    assert actions.height == 1


def test_blocking_and_unblocking_are_audited(users_db) -> None:
    versie = _row(users_db, "wijkagent-utrecht-noord")["versie"]
    versie = set_active(
        users_db, BEHEERDER, "wijkagent-utrecht-noord", versie, actief=False, reden="Uit dienst getreden"
    )
    assert _row(users_db, "wijkagent-utrecht-noord")["actief"] is False
    set_active(users_db, BEHEERDER, "wijkagent-utrecht-noord", versie, actief=True, reden="Terug in dienst")
    assert _row(users_db, "wijkagent-utrecht-noord")["actief"] is True
    acties = search_audit(users_db, AuditFilter(categorie="wijziging"))["actie"].to_list()
    assert acties[:2] == ["gebruiker_gedeblokkeerd", "gebruiker_geblokkeerd"]


@pytest.mark.parametrize(
    ("gebruiker_id", "reden", "melding"),
    [("beheerder", "Test van blokkeren", "uzelf niet blokkeren"), ("ovj-mnl", "nee", "minstens 5 tekens")],
    ids=["zichzelf", "reden-kort"],
)
def test_a_refused_block_changes_nothing(users_db, gebruiker_id: str, reden: str, melding: str) -> None:
    versie = _row(users_db, gebruiker_id)["versie"]
    with pytest.raises(UserError, match=melding):
        set_active(users_db, BEHEERDER, gebruiker_id, versie, actief=False, reden=reden)
    assert _row(users_db, gebruiker_id)["actief"] is True


def test_only_the_beheerder_manages_users(users_db) -> None:
    mayor = next(i for i in load_identities(users_db) if i.gebruiker_id == "burgemeester-utrecht")
    with pytest.raises(AccessDeniedError, match="Gebruikers en rechten beheren"):
        add_user(users_db, mayor, parse_user(UserCreate, NIEUW))
    with pytest.raises(AccessDeniedError):
        set_active(users_db, mayor, "ovj-mnl", 1, actief=False, reden="Geen reden nodig")


def test_known_areas_list_every_scope_type(users_db) -> None:
    areas = known_areas(users_db)
    assert areas["gemeente"]["GM0344"] == "Utrecht"
    assert "MNL" in areas["eenheid"]
    assert areas["land"] == {}
