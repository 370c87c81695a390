"""The sharing policy file: Dutch validation, the DEELBELEID setting, restrictions that really restrict."""

from __future__ import annotations

import copy
import datetime as dt
import io
import shutil
import tomllib
from typing import TYPE_CHECKING, Any

import docx
import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from benchmarks.apptest import open_page
from dashboard.access import ROL_PERMISSIES, AccessDeniedError, has_permission, may_export
from dashboard.policy import (
    BELEID_PRODUCTEN,
    DEFAULT_POLICY,
    PRODUCT_PERMISSIE,
    PolicyError,
    active_policy,
    default_policy,
    describe_policy,
    load_policy,
    parse_policy,
)
from dashboard.reports.build import build_namenlijst
from dashboard.reports.config import PAKKET, PRODUCT_RECHT, PRODUCTEN
from dashboard.reports.layout import layout
from dashboard.reports.models import Aanvraag
from dashboard.reports.pakket import build_pakket, layout_pakket
from dashboard.reports.service import export_report
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata
from tests.conftest import APP

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Engine

    from dashboard.access import Identity

GROEP = "G-00012"  # problematic, gemeente Utrecht
PEILDATUM = dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)


def _data() -> dict[str, Any]:
    return tomllib.loads(DEFAULT_POLICY.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _fresh_policy():
    """Each test reads the policy anew (the setting may change per test)."""
    active_policy.cache_clear()
    yield
    active_policy.cache_clear()


@pytest.fixture(scope="module")
def db(sample_db_url: str, tmp_path_factory: pytest.TempPathFactory):
    """A writable copy of the sample (exports append to the export log)."""
    target = tmp_path_factory.mktemp("policy") / "policy.db"
    shutil.copy(sample_db_url.removeprefix("sqlite:///"), target)
    engine = create_db_engine(f"sqlite:///{target}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def users(db: Engine) -> dict[str, Identity]:
    return {identity.gebruiker_id: identity for identity in load_identities(db)}


def _aanvraag(identity: Identity, product: str, groep_id: str = GROEP) -> Aanvraag:
    return Aanvraag(
        identity=identity, groep_id=groep_id, peildatum=PEILDATUM, product=product, aangemaakt=NOW
    )


def test_the_default_policy_is_the_strict_matrix() -> None:
    policy = default_policy()
    assert {rol: beleid.permissies for rol, beleid in policy.rollen.items()} == ROL_PERMISSIES
    assert set(BELEID_PRODUCTEN) == {*PRODUCTEN, PAKKET}
    assert {p: PRODUCT_PERMISSIE[p] for p in PRODUCTEN} == PRODUCT_RECHT
    assert policy.besluit.naam.startswith("Art. 20 Wpg-besluit")


def _drop_role(data: dict[str, Any]) -> None:
    del data["rollen"]["privacyfunctionaris"]


def _set(path: str, value: object):
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[key]
        if value is None:
            del node[last]
        else:
            node[last] = value

    return change


INVALID = [
    ("rol-ontbreekt", _drop_role, "rollen: de rol(len) privacyfunctionaris ontbreken"),
    (
        "onbekende-permissie",
        _set("rollen.burgemeester.permissies", ["aggregaten", "alles"]),
        "rollen.burgemeester.permissies: ongeldige waarde 'alles'",
    ),
    (
        "product-zonder-recht",
        _set("rollen.burgemeester.producten.namenlijst", {}),
        "rollen.burgemeester.producten.namenlijst: dit product vereist de permissie 'namenlijst'",
    ),
    (
        "onbekend-veld",
        _set("rollen.procesregisseur.producten.namenlijst", {"velden": ["naam", "bsn"]}),
        "rollen.procesregisseur.producten.namenlijst.velden: onbekend veld bsn",
    ),
    (
        "velden-buiten-namenlijst",
        _set("rollen.burgemeester.producten.rapportage", {"velden": ["naam"]}),
        "rollen.burgemeester.producten.rapportage.velden: alleen de velden van de namenlijst",
    ),
    (
        "geen-velden",
        _set("rollen.procesregisseur.producten.namenlijst", {"velden": []}),
        "geef minstens één veld",
    ),
    (
        "lege-grondslag",
        _set("rollen.burgemeester.grondslag", ""),
        "rollen.burgemeester.grondslag: mag niet leeg",
    ),
    ("doel-ontbreekt", _set("rollen.burgemeester.doel", None), "rollen.burgemeester.doel: ontbreekt"),
    (
        "tikfout",
        _set("rollen.burgemeester.permisies", []),
        "rollen.burgemeester.permisies: onbekende sleutel",
    ),
    (
        "organisatie",
        _set("rollen.burgemeester.organisatie", "provincie"),
        "rollen.burgemeester.organisatie: ongeldige waarde 'provincie'",
    ),
    ("onbekend-product", _set("rollen.burgemeester.producten.dossier", {}), "ongeldige waarde 'dossier'"),
    ("datum", _set("besluit.vastgesteld", "gisteren"), "besluit.vastgesteld: 'gisteren' is geen datum"),
    (
        "pakket-zonder-rapportage",
        _set("rollen.burgemeester.producten.rapportage", None),
        "rollen.burgemeester.producten.vergaderpakket: een vergaderpakket bestaat uit standaardrapportages",
    ),
]


@pytest.mark.parametrize(("change", "melding"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_an_invalid_policy_is_refused_in_dutch_naming_the_key(change, melding: str) -> None:
    data = copy.deepcopy(_data())
    change(data)
    with pytest.raises(PolicyError, match="is ongeldig") as error:
        parse_policy(data)
    assert melding in str(error.value)


def test_a_missing_or_broken_file_is_refused_in_dutch(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match=r"bestaat niet\. Controleer de instelling DEELBELEID"):
        load_policy(tmp_path / "weg.toml")
    (tmp_path / "kapot.toml").write_text("[besluit\nnaam = ", encoding="utf-8")
    with pytest.raises(PolicyError, match="is geen geldige TOML"):
        load_policy(tmp_path / "kapot.toml")


def _write_policy(tmp_path: Path, change) -> Path:
    """A copy of the default policy with one change, written as TOML by hand (tomllib only reads)."""
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    path = tmp_path / "deelbeleid.toml"
    path.write_text(change(text), encoding="utf-8")
    return path


def test_the_deelbeleid_setting_replaces_the_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, users: dict[str, Identity]
) -> None:
    path = _write_policy(
        tmp_path,
        lambda text: text.replace(
            'permissies = ["aggregaten", "groepsdetail", "rapportage", "driehoek"]',
            'permissies = ["aggregaten", "groepsdetail", "rapportage"]',
        ),
    )
    mayor = users["burgemeester-utrecht"]
    assert has_permission(mayor, "driehoek")
    monkeypatch.setenv("DEELBELEID", str(path))
    active_policy.cache_clear()
    assert not has_permission(mayor, "driehoek")
    assert may_export(mayor, "rapportage")


def _html(db: Engine, identity: Identity, product: str) -> str:
    return export_report(db, _aanvraag(identity, product), "html").inhoud.decode("utf-8")


@pytest.mark.parametrize(
    ("gebruiker", "product", "grondslag"),
    [
        ("burgemeester-utrecht", "rapportage", "art. 20 Wpg-besluit samenwerkingsverband jeugdgroepen"),
        ("procesregisseur-utrecht", "namenlijst", "art. 20 Wpg-besluit samenwerkingsverband jeugdgroepen"),
        ("specialist-mnl", "brief-gemeente", "art. 20 Wpg-besluit samenwerkingsverband jeugdgroepen"),
        ("ovj-mnl", "brief-om", "art. 20 Wpg-besluit samenwerkingsverband jeugdgroepen"),
        ("specialist-mnl", "groepsscan", "art. 8 Wpg (verwerking binnen de politie"),
    ],
)
def test_every_document_shows_its_legal_basis_and_purpose(
    db: Engine, users: dict[str, Identity], gebruiker: str, product: str, grondslag: str
) -> None:
    identity = users[gebruiker]
    doel = default_policy().verstrekking(identity.rol, product).doel
    assert f"Verstrekt op grond van: {grondslag}" in _html(db, identity, product)
    assert f"doel: {doel}" in _html(db, identity, product)


def test_the_docx_and_the_meeting_pack_show_the_legal_basis_too(
    db: Engine, users: dict[str, Identity]
) -> None:
    mayor = users["burgemeester-utrecht"]
    export = export_report(db, _aanvraag(mayor, "rapportage"), "docx")

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(export.inhoud)).paragraphs)
    assert "Verstrekt op grond van: art. 20 Wpg-besluit" in text
    pakket = layout_pakket(build_pakket(db, mayor, [GROEP, "G-00001"], PEILDATUM, aangemaakt=NOW))
    lines = [blok.tekst for sectie in pakket.secties for blok in sectie.blokken if hasattr(blok, "tekst")]
    assert any(line.startswith("Verstrekt op grond van: art. 20 Wpg-besluit") for line in lines)


def _namen_kop(db: Engine, identity: Identity) -> tuple[str, ...]:
    doc = layout(build_namenlijst(db, _aanvraag(identity, "namenlijst")))
    return next(blok.kop for s in doc.secties for blok in s.blokken if getattr(blok, "soort", "") == "tabel")


def test_the_om_sees_more_person_fields_on_the_namenlijst_than_the_gemeente(
    db: Engine, users: dict[str, Identity]
) -> None:
    gemeente = _namen_kop(db, users["procesregisseur-utrecht"])
    om = _namen_kop(db, users["ovj-mnl"])
    assert gemeente == ("Naam", "Geboortedatum", "Rol", "Leeftijd", "Lid sinds", "Verwijderen op")
    assert {"Persoonsnummer", "Verdenkingen", "Geboortedatum"} <= set(om)
    html = _html(db, users["procesregisseur-utrecht"], "namenlijst")
    assert "Persoonsnummer" not in html
    assert "Verdenkingen</th>" not in html


def test_a_field_left_out_of_the_policy_never_reaches_the_export(
    db: Engine, users: dict[str, Identity], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regisseur = users["procesregisseur-utrecht"]
    leden = build_namenlijst(db, _aanvraag(regisseur, "namenlijst")).leden
    birthdays = [lid.geboortedatum.strftime("%d-%m-%Y") for lid in leden if lid.geboortedatum]
    assert birthdays, "the sample has birth dates"
    assert any(b in _html(db, regisseur, "namenlijst") for b in birthdays)
    path = _write_policy(
        tmp_path,
        lambda text: text.replace(
            'producten.namenlijst = { velden = ["naam", "geboortedatum", "leeftijd", "rol", "lid_sinds"] }',
            'producten.namenlijst = { velden = ["naam", "rol"] }',
        ),
    )
    monkeypatch.setenv("DEELBELEID", str(path))
    active_policy.cache_clear()
    assert _namen_kop(db, regisseur) == ("Naam", "Rol", "Verwijderen op")
    html = _html(db, regisseur, "namenlijst")
    assert "Geboortedatum" not in html
    assert not any(b in html for b in birthdays)


@pytest.mark.parametrize(
    ("gebruiker", "product"),
    [
        ("procesregisseur-utrecht", "brief-om"),
        ("ovj-mnl", "brief-gemeente"),
        ("burgemeester-utrecht", "namenlijst"),
    ],
)
def test_a_product_outside_the_policy_is_refused_and_not_logged(
    db: Engine, users: dict[str, Identity], gebruiker: str, product: str
) -> None:
    log = metadata.tables["exportlog"]
    with db.connect() as connection:
        before = connection.execute(select(func.count()).select_from(log)).scalar_one()
    with pytest.raises(AccessDeniedError):
        export_report(db, _aanvraag(users[gebruiker], product), "html")
    with db.connect() as connection:
        assert connection.execute(select(func.count()).select_from(log)).scalar_one() == before


@pytest.fixture
def policy_app(db: Engine, monkeypatch: pytest.MonkeyPatch, navigation_mode: None) -> AppTest:  # noqa: ARG001
    monkeypatch.setenv("DATABASE_URL", db.url.render_as_string(hide_password=False))
    monkeypatch.setenv("KAART_TILES", "none")
    return AppTest.from_file(str(APP), default_timeout=60)


def _names_columns(app: AppTest, identity: Identity) -> list[str]:
    open_page(app, identity, "groep", groep=GROEP)
    assert not app.exception
    return next(list(d.value.columns) for d in app.dataframe if {"naam", "rol"} <= set(d.value.columns))


def test_the_names_table_on_the_group_page_follows_the_policy(
    policy_app: AppTest, users: dict[str, Identity], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "persoon_id" in _names_columns(policy_app, users["ovj-mnl"])
    assert "persoon_id" not in _names_columns(policy_app, users["procesregisseur-utrecht"])
    path = _write_policy(
        tmp_path,
        lambda text: text.replace(
            'producten.namenlijst = { velden = ["naam", "geboortedatum", "leeftijd", "rol", "lid_sinds"] }',
            'producten.namenlijst = { velden = ["naam", "rol"] }',
        ),
    )
    monkeypatch.setenv("DEELBELEID", str(path))
    active_policy.cache_clear()
    columns = _names_columns(policy_app, users["procesregisseur-utrecht"])
    assert {"naam", "rol"} <= set(columns)
    assert not {"persoon_id", "leeftijd", "lid_sinds"} & set(columns)


def test_the_policy_reads_as_a_table_per_role() -> None:
    table = describe_policy(default_policy())
    assert table.height == len(default_policy().rollen)
    regisseur = table.filter(table["Rol"] == "Gemeente: procesregisseur").row(0, named=True)
    assert "namenlijst (naam, geboortedatum, leeftijd, rol, lid_sinds)" in regisseur["Producten"]
    assert regisseur["Organisatie"] == "gemeente"
    assert table.filter(table["Organisatie"] == "om")["Producten"].item().count("brief-om") == 1
