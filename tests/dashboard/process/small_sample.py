"""A small slice of the committed sample (a few groups), loaded per test: fast tests that change data.

Import the fixtures into a test module: `from tests.dashboard.process.small_sample import small_engine`
(and small_sample_dir). The slice keeps every reference valid, so load_folder accepts it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl
import pytest

from dashboard.loading.load import load_folder

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Engine

__all__ = ["GROEPEN", "small_engine", "small_sample_dir"]

# Amersfoort: G-00018 (stap 1, nog niet beoordeeld), G-00019 (stap 6), G-00021 (stap 3);
# Utrecht: G-00001 (stap 4), G-00002 (stap 2A, niet problematisch).
GROEPEN = ("G-00001", "G-00002", "G-00018", "G-00019", "G-00021")


def _read(folder: Path, name: str) -> pl.DataFrame:
    return pl.read_csv(folder / f"{name}.csv", infer_schema=False)


def _slice(source: Path) -> dict[str, pl.DataFrame]:
    """The tables of the slice by file name: the groups, their members, scans and registrations."""
    frames = {path.stem: _read(source, path.stem) for path in source.glob("*.csv")}
    groepen = frames["groepen"].filter(pl.col("groep_id").is_in(GROEPEN))
    leden = frames["lidmaatschappen"].filter(pl.col("groep_id").is_in(GROEPEN))
    personen = leden["persoon_id"].unique()
    betrokkenen = frames["betrokkenen"].filter(pl.col("persoon_id").is_in(personen))
    scans = frames["groepsscans"].filter(pl.col("groep_id").is_in(GROEPEN))
    hangplekken = frames["hangplekken"].filter(pl.col("groep_id").is_in(GROEPEN))
    gemeenten = groepen["gemeente_code"].unique()
    return {
        **frames,
        "groepen": groepen,
        "lidmaatschappen": leden,
        "personen": frames["personen"].filter(pl.col("persoon_id").is_in(personen)),
        "betrokkenen": betrokkenen,
        "registraties": frames["registraties"].filter(
            pl.col("registratienummer").is_in(betrokkenen["registratienummer"].unique())
        ),
        "groepsscans": scans,
        "beoordelingen": frames["beoordelingen"].filter(pl.col("scan_id").is_in(scans["scan_id"])),
        "hangplekken": hangplekken,
        "hangplek_tijden": frames["hangplek_tijden"].filter(
            pl.col("hangplek_id").is_in(hangplekken["hangplek_id"])
        ),
        "meldingen": frames["meldingen"].filter(pl.col("gemeente_code").is_in(gemeenten)).head(2000),
    }


@pytest.fixture(scope="session")
def small_sample_dir(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder in the import format with a few groups of the sample (see GROEPEN)."""
    target = tmp_path_factory.mktemp("small-sample")
    for name, frame in _slice(sample_dir).items():
        frame.write_csv(target / f"{name}.csv")
    return target


@pytest.fixture
def small_engine(engine: Engine, small_sample_dir: Path) -> Engine:
    """A writable database with the small slice, on each backend."""
    load_folder(engine, small_sample_dir)
    return engine
