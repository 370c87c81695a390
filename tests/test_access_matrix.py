"""The whole access matrix, generated from the sharing policy and the page registry.

role × page: an allowed page renders without exception; a forbidden one is not in the navigation and its
URL shows the start page instead. role × product × scope: an allowed cell exports bytes and logs one
row; a forbidden cell raises and logs nothing. A mayor never sees another municipality's group: not via
URL, filters, exports or a warm cache. Step 2A: no namenlijst or groepsscan of a non-problematic group.
Deep links: on every page that reads ?groep=, a group outside the user's scope shows nothing of it
(werknaam, members) and offers no export; one not judged problematic in step 2A shows no names and no
person export, and only the group page (which counts every group in the scope) shows it at all.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
import shutil
import sys
from typing import TYPE_CHECKING

import polars as pl
import pytest
from google.protobuf import text_format
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Dataframe
from streamlit.util import calc_hash

from benchmarks.apptest import open_page
from components.navigation import PAGES, PageSpec, allowed_specs
from components.report_buttons import PERSOONSGEGEVENS
from dashboard.access import ROL_PERMISSIES, AccessDeniedError, Identity, has_permission, may_export
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
from tests.conftest import APP, SAMPLE_DIR

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Engine

    from dashboard.domain import Rol

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
    """Every element's content (texts, tables, charts, maps, widget options) as one string.

    Texts stay UTF-8 (names with accents compare as written); a table's cells travel as Arrow bytes in
    its proto, so they are added as CSV.
    """
    parts: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(text_format.MessageToString(proto, as_utf8=True))
        if isinstance(node, Dataframe):
            parts.append(node.value.to_csv())
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


# ---- deep links: ?groep= with a group the user may not open, on every page that reads it ----


def _reads_groep(spec: PageSpec) -> bool:
    """Whether the page's module reads the query parameter groep (a bookmarkable deep link)."""
    source = inspect.getsource(sys.modules[spec.render.__module__])
    return re.search(r"""query_params(\.get\(|\[)\s*["']groep["']""", source) is not None


DEEP_LINK_PAGES = [spec for spec in PAGES if _reads_groep(spec)]
ROL_VAN: dict[str, Rol] = dict(
    pl.read_csv(SAMPLE_DIR / "gebruikers.csv", infer_schema=False).select("gebruiker_id", "rol").iter_rows()
)
# Per user a group inside the scope not (yet) judged problematic in step 2A: before it (G-00018, stap 1),
# or judged not problematic (G-00002, G-00007: Utrecht has no group before 2A). No names, no scan, no plan.
VOOR_2A: dict[str, str] = {
    "specialist-mnl": "G-00018",
    "wijkagent-utrecht-noord": "G-00007",
    "procesregisseur-utrecht": "G-00002",
    "burgemeester-utrecht": "G-00002",
    "burgemeester-amersfoort": "G-00018",
    "ovj-mnl": "G-00018",
}
# The group page shows every group in the scope (counted, without names); the others only groups that
# passed step 2A (groepsscan) or were prioritised after it (plan).
TOONT_ELKE_GROEP = {"groep"}
NOEMT_LEDEN = {"groep", "groepsscan"}  # pages that list a group's members to a role with the namenlijst
DEEP_LINKS = [
    (gebruiker_id, spec.url_path, soort, groep_id)
    for gebruiker_id, (_binnen, buiten) in USERS.items()
    for spec in DEEP_LINK_PAGES
    if spec.permissie in ROL_PERMISSIES[ROL_VAN[gebruiker_id]]
    for soort, groep_id in (("buiten-gebied", buiten), ("voor-2a", VOOR_2A.get(gebruiker_id)))
    if groep_id is not None
]


def _group(engine: Engine, groep_id: str) -> tuple[str, list[tuple[str, str]]]:
    """The group's werknaam, and the persoonsnummer and name of everyone who was ever a member.

    A group not judged problematic in step 2A has no members on record (data minimisation).
    """
    tables = metadata.tables
    groep, lid, persoon = tables["groep"], tables["lidmaatschap"], tables["persoon"]
    with engine.connect() as connection:
        statement = select(groep.c.werknaam).where(groep.c.groep_id == groep_id)
        werknaam = connection.execute(statement).scalar_one()
        leden = connection.execute(
            select(persoon.c.persoon_id, persoon.c.voornaam + " " + persoon.c.achternaam)
            .join(lid, lid.c.persoon_id == persoon.c.persoon_id)
            .where(lid.c.groep_id == groep_id)
        ).all()
    return werknaam, [(persoon_id, naam) for persoon_id, naam in leden]


def test_the_pages_with_a_deep_link_are_found() -> None:
    assert {spec.url_path for spec in DEEP_LINK_PAGES} >= {"groep", "groepsscan", "plan"}


@pytest.mark.parametrize("spec", DEEP_LINK_PAGES, ids=lambda spec: spec.url_path)
def test_a_deep_link_inside_the_scope_shows_the_group(
    app: AppTest, sample_engine: Engine, spec: PageSpec
) -> None:
    """The control for the cells below: what a page shows of a group, the check sees."""
    identities = {i.gebruiker_id: i for i in load_identities(sample_engine)}
    identity = next(identities[u] for u in USERS if has_permission(identities[u], spec.permissie))
    groep_id = USERS[identity.gebruiker_id][0]
    open_page(app, identity, spec.url_path, groep=groep_id)
    assert not app.exception
    werknaam, leden = _group(sample_engine, groep_id)
    shown = _texts(app)
    assert werknaam in shown
    if spec.url_path in NOEMT_LEDEN and has_permission(identity, "namenlijst"):
        assert any(naam in shown for _, naam in leden), "names shown to a role with the namenlijst"


@pytest.mark.parametrize(
    ("gebruiker_id", "page", "soort", "groep_id"),
    DEEP_LINKS,
    ids=[f"{p}-{u}-{s}" for u, p, s, _ in DEEP_LINKS],
)
def test_a_deep_link_to_a_foreign_group_shows_nothing_of_it_and_offers_no_export(
    app: AppTest, sample_engine: Engine, gebruiker_id: str, page: str, soort: str, groep_id: str
) -> None:
    identity = next(i for i in load_identities(sample_engine) if i.gebruiker_id == gebruiker_id)
    assert has_permission(identity, next(s for s in PAGES if s.url_path == page).permissie)
    open_page(app, identity, page, groep=groep_id)
    assert not app.exception
    werknaam, leden = _group(sample_engine, groep_id)
    assert leden or soort == "voor-2a", f"{groep_id} has members, so a leak would show"
    shown = _texts(app)
    exports = sorted(str(button.key) for button in app.get("download_button"))
    leaked = [f"{persoon_id} {naam}" for persoon_id, naam in leden if persoon_id in shown or naam in shown]
    assert not leaked, f"members of {groep_id} shown: {leaked}"
    if soort == "voor-2a" and page in TOONT_ELKE_GROEP:  # shown as a group of the scope: counts only
        assert werknaam in shown
        assert not [key for key in exports if any(p in key for p in PERSOONSGEGEVENS)], exports
        return
    assert werknaam not in shown
    assert groep_id not in shown
    assert not exports


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
