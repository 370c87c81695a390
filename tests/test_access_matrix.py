"""The whole access matrix, generated from the sharing policy and the page registry.

role × page: an allowed page renders without exception; a forbidden one is not in the navigation and its
URL shows the start page instead. role × product × scope: an allowed cell exports bytes and logs one
row; a forbidden cell raises and logs nothing. A mayor never sees another municipality's group: not via
URL, filters, exports or a warm cache. Step 2A: no namenlijst or groepsscan of a non-problematic group.
"""

from __future__ import annotations

import datetime as dt
import shutil
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from benchmarks.apptest import open_page
from components.navigation import PAGES, allowed_specs
from dashboard.access import AccessDeniedError, Identity, has_permission, may_export
from dashboard.cli import main
from dashboard.domain import ROLLEN
from dashboard.policy import BELEID_PRODUCTEN
from dashboard.reports.build import ReportError
from dashboard.reports.models import Aanvraag
from dashboard.reports.pakket import build_pakket
from dashboard.reports.service import export_report
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_identities
from dashboard.storage.schema import metadata
from tests.conftest import APP

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Engine

PEILDATUM = dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)
# One demo user per role, plus the second mayor; per user a problematic group inside and one outside the
# scope (None: the regional sample has no group outside an eenheid-wide or national scope).
USERS: dict[str, tuple[str, str | None]] = {
    "specialist-mnl": ("G-00012", None),
    "wijkagent-utrecht-noord": ("G-00006", "G-00012"),
    "procesregisseur-utrecht": ("G-00012", "G-00019"),
    "burgemeester-utrecht": ("G-00012", "G-00019"),
    "burgemeester-amersfoort": ("G-00019", "G-00012"),
    "ovj-mnl": ("G-00012", None),
    "beheerder": ("G-00012", None),
    "privacyfunctionaris-mnl": ("G-00012", None),
}
NIET_PROBLEMATISCH = {"G-00002": "specialist-mnl", "G-00007": "wijkagent-utrecht-noord", "G-00018": "ovj-mnl"}
LOG = metadata.tables["exportlog"]


def test_every_role_has_a_demo_user(sample_engine: Engine) -> None:
    identities = {i.gebruiker_id: i for i in load_identities(sample_engine)}
    assert {identities[u].rol for u in USERS} == set(ROLLEN)


# ---- role × page (AppTest on the regional sample) ----


@pytest.mark.parametrize("gebruiker_id", list(USERS))
def test_each_page_opens_for_its_roles_only(app: AppTest, sample_engine: Engine, gebruiker_id: str) -> None:
    identity = next(i for i in load_identities(sample_engine) if i.gebruiker_id == gebruiker_id)
    allowed = allowed_specs(identity)
    assert [s.url_path for s in allowed] == [
        s.url_path for s in PAGES if has_permission(identity, s.permissie)
    ]
    open_page(app, identity, allowed[0].url_path)
    start = [t.value for t in app.title]
    for spec in PAGES:
        app._page_hash = calc_hash(spec.url_path)  # noqa: SLF001  (open this URL, as a browser would)
        app.run()
        assert not app.exception, (gebruiker_id, spec.url_path)
        titles = [t.value for t in app.title]
        if spec in allowed:
            assert spec is allowed[0] or titles != start, f"{spec.url_path} opens for {gebruiker_id}"
        else:
            assert titles == start, f"{spec.url_path} must not open for {gebruiker_id}: {titles}"


# ---- a mayor never sees another municipality's group ----


def _texts(app: AppTest) -> str:
    """Every element's content (texts, tables, charts, maps, widget options) as one string."""
    parts: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(repr(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app._tree)  # noqa: SLF001  (the whole element tree)
    return "\n".join(parts)


def _visit_all(app: AppTest, identity: Identity, vreemd: str) -> str:
    """Open every allowed page, and the other municipality's group by URL; return all that was shown."""
    seen = []
    for spec in allowed_specs(identity):
        open_page(app, identity, spec.url_path)
        assert not app.exception
        seen.append(_texts(app))
    open_page(app, identity, "groep", groep=vreemd)
    assert not app.exception
    seen.append(_texts(app))
    return "\n".join(seen)


def test_a_mayor_never_sees_another_municipalitys_group(
    navigation_mode: None,  # noqa: ARG001
    sample_db_url: str,
    sample_engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", sample_db_url)
    monkeypatch.setenv("KAART_TILES", "none")
    identities = {i.gebruiker_id: i for i in load_identities(sample_engine)}
    groepen = metadata.tables["groep"]
    with sample_engine.connect() as connection:
        rows = connection.execute(select(groepen.c.werknaam, groepen.c.gemeente_code)).all()
    amersfoort = {naam for naam, code in rows if code == "GM0307"}
    utrecht = {naam for naam, code in rows if code == "GM0344"}
    assert amersfoort
    assert not amersfoort & utrecht
    # Amersfoort first, in the same process: every st.cache_data is warm with Amersfoort's groups.
    shown = _visit_all(
        AppTest.from_file(str(APP), default_timeout=60), identities["burgemeester-amersfoort"], "G-00012"
    )
    assert any(naam in shown for naam in amersfoort), "the check sees names when they are shown"
    shown = _visit_all(
        AppTest.from_file(str(APP), default_timeout=60), identities["burgemeester-utrecht"], "G-00019"
    )
    assert any(naam in shown for naam in utrecht)
    leaked = sorted(naam for naam in amersfoort if naam in shown)
    assert not leaked, f"Amersfoort groups shown to the mayor of Utrecht: {leaked}"
    assert "GM0307" not in shown


# ---- role × product × scope (the report service, HTML; one PDF through the CLI) ----


@pytest.fixture(scope="module")
def db(sample_db_url: str, tmp_path_factory: pytest.TempPathFactory):
    """A writable copy of the sample: exports append to the export log."""
    target = tmp_path_factory.mktemp("matrix") / "matrix.db"
    shutil.copy(sample_db_url.removeprefix("sqlite:///"), target)
    engine = create_db_engine(f"sqlite:///{target}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def users(db: Engine) -> dict[str, Identity]:
    return {i.gebruiker_id: i for i in load_identities(db)}


def _logged(db: Engine) -> int:
    with db.connect() as connection:
        return connection.execute(select(func.count()).select_from(LOG)).scalar_one()


CELLS = [
    (gebruiker_id, product, scope)
    for gebruiker_id, (binnen, buiten) in USERS.items()
    for product in BELEID_PRODUCTEN
    for scope in (("binnen", binnen), ("buiten", buiten))
    if scope[1] is not None
]


@pytest.mark.parametrize(
    ("gebruiker_id", "product", "scope"), CELLS, ids=[f"{u}-{p}-{s[0]}" for u, p, s in CELLS]
)
def test_each_product_exports_only_for_allowed_roles_inside_their_scope(
    db: Engine, users: dict[str, Identity], gebruiker_id: str, product: str, scope: tuple[str, str]
) -> None:
    identity, (waar, groep_id) = users[gebruiker_id], scope
    allowed = may_export(identity, product) and waar == "binnen"
    before = _logged(db)
    if product == "vergaderpakket":  # PDF only: build its content (the PDF itself is tested elsewhere)
        if allowed:
            assert len(build_pakket(db, identity, [groep_id], PEILDATUM, aangemaakt=NOW).rapportages) == 1
        else:
            with pytest.raises((AccessDeniedError, ReportError)):
                build_pakket(db, identity, [groep_id], PEILDATUM, aangemaakt=NOW)
        return
    aanvraag = Aanvraag(
        identity=identity, groep_id=groep_id, peildatum=PEILDATUM, product=product, aangemaakt=NOW
    )
    if allowed:
        export = export_report(db, aanvraag, "html")
        assert export.inhoud.startswith(b"<!DOCTYPE html>")
        assert _logged(db) == before + 1
    else:
        with pytest.raises((AccessDeniedError, ReportError)):
            export_report(db, aanvraag, "html")
        assert _logged(db) == before, "a refused export leaves no row in the export log"


@pytest.mark.parametrize("product", ["namenlijst", "groepsscan"])
@pytest.mark.parametrize(("groep_id", "gebruiker_id"), list(NIET_PROBLEMATISCH.items()))
def test_no_namenlijst_or_groepsscan_before_step_2a_says_problematic(
    db: Engine, users: dict[str, Identity], groep_id: str, gebruiker_id: str, product: str
) -> None:
    identity = users[gebruiker_id]
    aanvraag = Aanvraag(
        identity=identity, groep_id=groep_id, peildatum=PEILDATUM, product=product, aangemaakt=NOW
    )
    before = _logged(db)
    with pytest.raises(AccessDeniedError, match="stap 2A" if may_export(identity, product) else "deelbeleid"):
        export_report(db, aanvraag, "html")
    assert _logged(db) == before


def _cli(db: Engine, als: str, groep: str, product: str, out: Path, formaat: str = "html") -> int:
    url = db.url.render_as_string(hide_password=False)
    args = ["--groep", groep, "--product", product, "--format", formaat, "--out", str(out), "--als", als]
    return main(["--database-url", url, "report", *args, "--peildatum", PEILDATUM.isoformat()])


@pytest.mark.parametrize(
    ("als", "groep", "product", "melding"),
    [
        (
            "specialist-mnl",
            "G-00002",
            "namenlijst",
            "Geen namenlijst: de groep is in stap 2A niet als problematisch",
        ),
        (
            "specialist-mnl",
            "G-00002",
            "groepsscan",
            "Geen groepsscan: de groep is in stap 2A niet als problematisch",
        ),
        ("burgemeester-utrecht", "G-00012", "namenlijst", "mag volgens het deelbeleid geen namenlijst"),
        ("burgemeester-utrecht", "G-00019", "rapportage", "valt buiten uw gebied"),
        ("procesregisseur-utrecht", "G-00012", "brief-om", "mag volgens het deelbeleid geen brief-om"),
    ],
    ids=["2a-namenlijst", "2a-groepsscan", "rol", "scope", "product"],
)
def test_the_report_command_refuses_forbidden_cells_in_dutch(
    db: Engine,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    als: str,
    groep: str,
    product: str,
    melding: str,
) -> None:
    before = _logged(db)
    assert _cli(db, als, groep, product, tmp_path / "uit.html") == 1
    assert melding in capsys.readouterr().err
    assert not (tmp_path / "uit.html").exists()
    assert _logged(db) == before


def test_the_report_command_exports_an_allowed_cell_once_as_pdf(db: Engine, tmp_path: Path) -> None:
    before = _logged(db)
    assert _cli(db, "burgemeester-utrecht", "G-00012", "rapportage", tmp_path / "r.pdf", "pdf") == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert _logged(db) == before + 1
