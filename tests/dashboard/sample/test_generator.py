"""Tests of the sample generator: determinism, the import format, references and realism."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from pydantic import BaseModel, TypeAdapter

import dashboard.sample
from dashboard.domain import DIMENSIES, ROLLEN
from dashboard.loading.files import IMPORT_FILES, ImportFile
from dashboard.sample import generate_sample, write_sample

ROOT = Path(__file__).resolve().parents[3]
COMMITTED = ROOT / "sample_data"
PEILDATUM = date(2026, 11, 30)
FILES = {spec.bestand: spec for spec in IMPORT_FILES}


def present(row: dict[str, Any]) -> dict[str, Any]:
    """A row without its empty cells, so the model's defaults apply (empty means unknown)."""
    return {name: value for name, value in row.items() if value not in (None, "")}


def validate(frame: pl.DataFrame, model: type[BaseModel]) -> list[BaseModel]:
    """Every row of a frame validated by its model."""
    return TypeAdapter(list[model]).validate_python([present(row) for row in frame.to_dicts()])  # type: ignore[valid-type]


def read_dir(directory: Path) -> dict[str, bytes]:
    """The bytes of every CSV file in a directory, by file name."""
    return {path.name: path.read_bytes() for path in sorted(directory.glob("*.csv"))}


def test_module_exports_what_it_promises() -> None:
    """The package's __all__ names the two public functions, and they exist."""
    assert sorted(dashboard.sample.__all__) == ["generate_sample", "write_sample"]
    assert all(callable(getattr(dashboard.sample, name)) for name in dashboard.sample.__all__)


def test_unknown_scale_is_refused() -> None:
    """An unknown scale is an error, not a silent default."""
    with pytest.raises(ValueError, match="onbekende schaal"):
        generate_sample("wereld", 7)  # type: ignore[arg-type]


def test_two_runs_give_equal_frames(regio_frames: dict[str, pl.DataFrame]) -> None:
    """The same seed gives the same frames."""
    again = generate_sample("regio", 7)
    assert list(again) == list(regio_frames)
    for bestand, frame in regio_frames.items():
        assert_frame_equal(again[bestand], frame)


def test_other_seed_gives_other_data(regio_frames: dict[str, pl.DataFrame]) -> None:
    """Another seed gives other groups and persons."""
    other = generate_sample("regio", 8)
    assert not other["personen.csv"].equals(regio_frames["personen.csv"])


def test_written_files_are_byte_identical_and_committed(
    regio_frames: dict[str, pl.DataFrame], tmp_path: Path
) -> None:
    """Writing twice gives the same bytes, equal to the committed sample_data/."""
    write_sample(regio_frames, tmp_path / "a")
    write_sample(generate_sample("regio", 7), tmp_path / "b")
    first, second, committed = read_dir(tmp_path / "a"), read_dir(tmp_path / "b"), read_dir(COMMITTED)
    assert sorted(first) == sorted(FILES)
    assert sorted(committed) == sorted(FILES)
    for bestand in FILES:
        assert first[bestand] == second[bestand], bestand
        assert first[bestand] == committed[bestand], f"{bestand} wijkt af van sample_data/"


def test_output_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    """A fresh interpreter with another PYTHONHASHSEED writes the committed bytes too."""
    script = (
        "import sys, pathlib; from dashboard.sample import generate_sample, write_sample; "
        "write_sample(generate_sample('regio', 7), pathlib.Path(sys.argv[1]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, cwd=ROOT, env=env)
    assert read_dir(tmp_path) == read_dir(COMMITTED)


def test_csv_encoding_rules(regio_frames: dict[str, pl.DataFrame], tmp_path: Path) -> None:
    """UTF-8 without BOM, '\\n' line ends, a header row, empty cells for missing values."""
    write_sample(regio_frames, tmp_path)
    raw = (tmp_path / "groepen.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    header = raw.decode("utf-8").split("\n", 1)[0]
    assert header.split(",") == list(FILES["groepen.csv"].model.model_fields)
    assert b'""' not in (tmp_path / "gebruikers.csv").read_bytes()


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            {
                "hangplek_id": ["H-2", "H-1", "H-1"],
                "weekdag": ["1", "7", "1"],
                "uur_van": ["9", "10", "15"],
                "uur_tot": ["12", "24", "20"],
            },
            "hangplek_id,weekdag,uur_van,uur_tot\nH-1,1,15,20\nH-1,7,10,24\nH-2,1,9,12\n",
            id="sorted-by-key-numbers-by-value",
        ),
        pytest.param(
            {
                "hangplek_id": ["H-1", "H-1"],
                "weekdag": ["5", "5"],
                "uur_van": ["20", "9"],
                "uur_tot": ["24", "12"],
            },
            "hangplek_id,weekdag,uur_van,uur_tot\nH-1,5,9,12\nH-1,5,20,24\n",
            id="hour-9-before-hour-20",
        ),
    ],
)
def test_write_sample_sorts_by_key(rows: dict[str, list[str]], expected: str, tmp_path: Path) -> None:
    """Rows are written in key order, whole-number key columns by value."""
    write_sample({"hangplek_tijden.csv": pl.DataFrame(rows)}, tmp_path)
    assert (tmp_path / "hangplek_tijden.csv").read_text(encoding="utf-8") == expected


def test_write_sample_writes_missing_and_empty_as_empty_cell(tmp_path: Path) -> None:
    """None and '' both become an empty cell."""
    frame = pl.DataFrame(
        {"sleutel": ["a", "b"], "waarde": [None, ""]}, schema={"sleutel": pl.String, "waarde": pl.String}
    )
    write_sample({"dataset.csv": frame}, tmp_path)
    assert (tmp_path / "dataset.csv").read_text(encoding="utf-8") == "sleutel,waarde\na,\nb,\n"


@pytest.mark.parametrize("spec", IMPORT_FILES, ids=lambda spec: spec.bestand)
def test_columns_are_the_model_fields_as_text(
    spec: ImportFile, regio_frames: dict[str, pl.DataFrame]
) -> None:
    """Every file has exactly its model's fields, in order, all as text."""
    frame = regio_frames[spec.bestand]
    assert frame.columns == list(spec.model.model_fields)
    assert all(dtype == pl.String for dtype in frame.dtypes)
    assert frame.height > 0


@pytest.mark.parametrize("spec", IMPORT_FILES, ids=lambda spec: spec.bestand)
def test_every_row_validates(spec: ImportFile, regio_frames: dict[str, pl.DataFrame]) -> None:
    """Every row passes its pydantic model (patterns, bounds, lengths, value sets)."""
    assert len(validate(regio_frames[spec.bestand], spec.model)) == regio_frames[spec.bestand].height


@pytest.mark.parametrize("spec", IMPORT_FILES, ids=lambda spec: spec.bestand)
def test_keys_are_unique(spec: ImportFile, regio_frames: dict[str, pl.DataFrame]) -> None:
    """No two rows share a key."""
    frame = regio_frames[spec.bestand]
    assert frame.select(spec.sleutel).is_duplicated().sum() == 0


@pytest.mark.parametrize(
    ("bestand", "kolom", "doel", "doelkolom"),
    [
        (spec.bestand, ref.kolom, ref.bestand, ref.doelkolom)
        for spec in IMPORT_FILES
        for ref in spec.verwijzingen
    ],
)
def test_references_resolve(
    bestand: str, kolom: str, doel: str, doelkolom: str, regio_frames: dict[str, pl.DataFrame]
) -> None:
    """Every reference of files.py points at an existing key."""
    values = regio_frames[bestand].get_column(kolom).drop_nulls()
    targets = regio_frames[doel].get_column(doelkolom)
    assert values.is_in(targets.implode()).all(), f"{bestand}.{kolom} -> {doel}.{doelkolom}"


def _members(frames: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Memberships joined with the persons and groups they belong to."""
    return (
        frames["lidmaatschappen.csv"]
        .join(frames["personen.csv"], on="persoon_id")
        .join(frames["groepen.csv"].select("groep_id", "beoordeling_2a", "stap"), on="groep_id")
    )


def test_regio_is_midden_nederland(regio_frames: dict[str, pl.DataFrame]) -> None:
    """One unit (MNL), real municipalities with CBS codes, Utrecht split over three basisteams."""
    gemeenten = regio_frames["gemeenten.csv"]
    assert regio_frames["eenheden.csv"].get_column("eenheid_code").to_list() == ["MNL"]
    assert 18 <= gemeenten.height <= 25
    utrecht = gemeenten.filter(pl.col("gemeente_code") == "GM0344").row(0, named=True)
    assert utrecht["naam"] == "Utrecht"
    assert 360_000 <= int(utrecht["inwoners"]) <= 390_000
    share = gemeenten.select(pl.col("jongeren_12_23").cast(int) / pl.col("inwoners").cast(int))
    assert share.to_series().is_between(0.13, 0.16).all()
    teams = regio_frames["basisteams.csv"].get_column("basisteam_code")
    assert teams.str.starts_with("MNL-UTR-").sum() == 3


def test_group_counts_and_sizes(regio_frames: dict[str, pl.DataFrame]) -> None:
    """40-60 groups; named groups have a median size of 8-16."""
    assert 40 <= regio_frames["groepen.csv"].height <= 60
    sizes = regio_frames["lidmaatschappen.csv"].group_by("groep_id").len().get_column("len")
    assert 8 <= sizes.median() <= 16  # type: ignore[operator]


def test_members_are_young_and_mostly_boys(regio_frames: dict[str, pl.DataFrame]) -> None:
    """Members are 12-23 at peildatum and more than 90 % boys."""
    personen = regio_frames["personen.csv"].filter(
        pl.col("persoon_id").is_in(regio_frames["lidmaatschappen.csv"].get_column("persoon_id").implode())
    )
    ages = [
        PEILDATUM.year - born.year - ((PEILDATUM.month, PEILDATUM.day) < (born.month, born.day))
        for born in (date.fromisoformat(text) for text in personen.get_column("geboortedatum"))
    ]
    assert min(ages) >= 12
    assert max(ages) <= 23
    assert (personen.get_column("geslacht") == "m").mean() > 0.9  # type: ignore[operator]


def test_core_share_and_leaders(regio_frames: dict[str, pl.DataFrame]) -> None:
    """Leaders and core are 20-35 % of the members; no group has more than two leaders."""
    rollen = regio_frames["lidmaatschappen.csv"].get_column("rol")
    assert 0.2 <= rollen.is_in(["leider", "kern"]).mean() <= 0.35  # type: ignore[operator]
    leaders = regio_frames["lidmaatschappen.csv"].filter(pl.col("rol") == "leider").group_by("groep_id").len()
    assert leaders.get_column("len").max() <= 2  # type: ignore[operator]


def test_gated_groups_have_no_namenlijst_and_no_scan(regio_frames: dict[str, pl.DataFrame]) -> None:
    """Groups not judged problematic at step 2A have no members and no scans."""
    groepen = regio_frames["groepen.csv"]
    gated = groepen.filter(pl.col("beoordeling_2a") != "problematisch").get_column("groep_id")
    assert 0.08 <= gated.len() / groepen.height <= 0.2
    assert not regio_frames["lidmaatschappen.csv"].get_column("groep_id").is_in(gated.implode()).any()
    assert not regio_frames["groepsscans.csv"].get_column("groep_id").is_in(gated.implode()).any()
    assert (
        groepen.filter(pl.col("beoordeling_2a") != "problematisch")
        .get_column("stap")
        .is_in(["1", "2A"])
        .all()
    )


def test_problematic_groups_are_scanned_and_spread_over_steps(regio_frames: dict[str, pl.DataFrame]) -> None:
    """Every problematic group has a scan; steps 2B-7 all occur; stap 7 has an end date."""
    groepen = regio_frames["groepen.csv"].filter(pl.col("beoordeling_2a") == "problematisch")
    scanned = regio_frames["groepsscans.csv"].get_column("groep_id").unique()
    assert groepen.get_column("groep_id").is_in(scanned.implode()).all()
    assert set(groepen.get_column("stap")) == {"2B", "3", "4", "5", "6", "7"}
    assert groepen.filter(pl.col("stap") == "7").get_column("aanpak_beeindigd").is_not_null().all()
    assert groepen.filter(pl.col("stap") != "7").get_column("aanpak_beeindigd").is_null().all()


def test_some_active_groups_have_an_old_last_scan(regio_frames: dict[str, pl.DataFrame]) -> None:
    """A few groups still in the approach were last scanned more than six months ago."""
    last = regio_frames["groepsscans.csv"].group_by("groep_id").agg(pl.col("datum").max())
    active = regio_frames["groepen.csv"].filter(pl.col("stap").is_in(["5", "6"])).join(last, on="groep_id")
    stale = active.filter(pl.col("datum") < "2026-05-30")
    assert 1 <= stale.height <= active.height // 3


def test_every_scan_rates_every_dimension(regio_frames: dict[str, pl.DataFrame]) -> None:
    """Eleven ratings per scan, a date last observed exactly when the score is above 0."""
    ratings = regio_frames["beoordelingen.csv"].join(
        regio_frames["groepsscans.csv"].select("scan_id", "datum"), on="scan_id"
    )
    assert (ratings.group_by("scan_id").len().get_column("len") == len(DIMENSIES)).all()
    scored = ratings.filter(pl.col("score") != "0")
    assert scored.get_column("laatst_waargenomen").is_not_null().all()
    assert (scored.get_column("laatst_waargenomen") <= scored.get_column("datum")).all()
    assert ratings.filter(pl.col("score") == "0").get_column("laatst_waargenomen").is_null().all()
    assert (~ratings.get_column("bronnen").str.contains(";")).any()


def test_ratings_follow_the_hidden_type(regio_frames: dict[str, pl.DataFrame]) -> None:
    """Firearms and drug dealing are rare overall; scores change between scans of a group."""
    ratings = regio_frames["beoordelingen.csv"].with_columns(pl.col("score").cast(int))
    rare = ratings.filter(pl.col("dimensie").is_in(["wapens_vuurwapen", "drugshandel"]))
    assert (rare.get_column("score") > 0).mean() < 0.25  # type: ignore[operator]
    totals = (
        ratings.join(regio_frames["groepsscans.csv"], on="scan_id")
        .group_by("groep_id")
        .agg(pl.col("score").sum().alias("total"), pl.col("scan_id").n_unique().alias("scans"))
    )
    assert totals.height > 0
    per_scan = (
        ratings.group_by("scan_id")
        .agg(pl.col("score").sum())
        .join(regio_frames["groepsscans.csv"], on="scan_id")
    )
    changing = per_scan.group_by("groep_id").agg(pl.col("score").n_unique()).filter(pl.col("score") > 1)
    assert changing.height >= 10


def test_registrations_involve_members_and_others(regio_frames: dict[str, pl.DataFrame]) -> None:
    """Members are mostly suspects; non-members appear too; some members have no registration."""
    betrokkenen = regio_frames["betrokkenen.csv"]
    leden = regio_frames["lidmaatschappen.csv"].get_column("persoon_id").unique()
    of_members = betrokkenen.filter(pl.col("persoon_id").is_in(leden.implode()))
    assert (of_members.get_column("rol") == "verdachte").mean() > 0.7  # type: ignore[operator]
    assert of_members.get_column("rol").is_in(["slachtoffer", "getuige"]).any()
    assert betrokkenen.filter(~pl.col("persoon_id").is_in(leden.implode())).height > of_members.height
    assert (~leden.is_in(of_members.get_column("persoon_id").implode())).any()
    assert set(betrokkenen.get_column("rol")) == {"verdachte", "slachtoffer", "getuige", "betrokkene"}


def test_meldingen_rate(regio_frames: dict[str, pl.DataFrame]) -> None:
    """About 4.4 meldingen per 1,000 inhabitants per year, about 10 in Utrecht."""
    gemeenten = regio_frames["gemeenten.csv"].with_columns(pl.col("inwoners").cast(int))
    counts = regio_frames["meldingen.csv"].group_by("gemeente_code").len()
    per_year = counts.join(gemeenten, on="gemeente_code").with_columns(
        (pl.col("len") / 3 / pl.col("inwoners") * 1000).alias("rate")
    )
    utrecht = per_year.filter(pl.col("gemeente_code") == "GM0344").get_column("rate").item()
    assert 8.5 <= utrecht <= 11.5
    assert per_year.get_column("rate").min() >= 2  # type: ignore[operator]


def assert_user_scopes_exist(frames: dict[str, pl.DataFrame]) -> None:
    """Every user's scope codes exist in the geography; e-mails are demo addresses."""
    known = {
        "gemeente": set(frames["gemeenten.csv"].get_column("gemeente_code")),
        "basisteam": set(frames["basisteams.csv"].get_column("basisteam_code")),
        "eenheid": set(frames["eenheden.csv"].get_column("eenheid_code")),
        "land": set(),
    }
    for row in frames["gebruikers.csv"].iter_rows(named=True):
        codes = set(row["scope_codes"].split(";")) if row["scope_codes"] else set()
        assert codes <= known[row["scope_type"]], row
        assert bool(codes) == (row["scope_type"] != "land"), row
        assert row["email"].endswith("@demo.groepsbeeld.example")


def test_users_cover_every_role(regio_frames: dict[str, pl.DataFrame]) -> None:
    """One demo user per role and a second burgemeester; scope codes exist in the geography."""
    users = regio_frames["gebruikers.csv"]
    assert users.filter(pl.col("rol") == "burgemeester").height == 2
    assert set(users.get_column("rol")) == set(ROLLEN)
    assert_user_scopes_exist(regio_frames)


def test_readme_documents_every_file_and_column(regio_frames: dict[str, pl.DataFrame]) -> None:
    """sample_data/README.md names every file with its row count, and every column of it."""
    readme = (COMMITTED / "README.md").read_text(encoding="utf-8")
    for spec in IMPORT_FILES:
        count = f"{regio_frames[spec.bestand].height:,}".replace(",", ".")
        assert f"| `{spec.bestand}` | {count} |" in readme, spec.bestand
        section = readme.split(f"### `{spec.bestand}`", 1)[1].split("\n### ", 1)[0]
        for column in spec.model.model_fields:
            assert f"| `{column}` |" in section, (spec.bestand, column)


def test_dataset_says_fictitious(regio_frames: dict[str, pl.DataFrame]) -> None:
    """dataset.csv marks the data as fictitious and records how they were made."""
    facts = dict(regio_frames["dataset.csv"].iter_rows())
    assert facts == {
        "fictief": "ja",
        "naam": "Fictieve gegevens eenheid Midden-Nederland",
        "schaal": "regio",
        "seed": "7",
        "peildatum": "2026-11-30",
    }


def test_land_reaches_its_targets() -> None:
    """The national sample: 10 units, 342 municipalities, ~160 teams, ~1,000 groups, 500,000+ registraties."""
    frames = generate_sample("land", 7)
    assert frames["eenheden.csv"].height == 10
    assert frames["gemeenten.csv"].height == 342
    assert 150 <= frames["basisteams.csv"].height <= 175
    assert 900 <= frames["groepen.csv"].height <= 1100
    assert 10_000 <= frames["lidmaatschappen.csv"].get_column("persoon_id").n_unique() <= 14_000
    assert frames["registraties.csv"].height >= 500_000
    inwoners = int(frames["gemeenten.csv"].get_column("inwoners").cast(int).sum())
    assert 4.0 <= frames["meldingen.csv"].height / 5 / inwoners * 1000 <= 4.8
    for spec in IMPORT_FILES:
        frame = frames[spec.bestand]
        assert frame.columns == list(spec.model.model_fields)
        assert frame.select(spec.sleutel).is_duplicated().sum() == 0, spec.bestand
        for ref in spec.verwijzingen:
            targets = frames[ref.bestand].get_column(ref.doelkolom).implode()
            assert frame.get_column(ref.kolom).drop_nulls().is_in(targets).all(), (spec.bestand, ref.kolom)
    for bestand in ("gemeenten.csv", "groepen.csv", "gebruikers.csv", "groepsscans.csv"):
        validate(frames[bestand], FILES[bestand].model)
    sample = frames["registraties.csv"].sample(n=5_000, seed=1)
    validate(sample, FILES["registraties.csv"].model)
    assert_user_scopes_exist(frames)
