"""The command line, called as users call it."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.storage.engine import create_db_engine
from dashboard.storage.queries import load_dataset_info

ROOT = Path(__file__).resolve().parents[2]


def test_help_lists_the_subcommands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "--help"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    for command in ("init-db", "sample", "load"):
        assert command in result.stdout


def test_sample_out_is_byte_identical_to_the_committed_sample(tmp_path: Path, sample_dir: Path) -> None:
    for run in ("a", "b"):
        assert main(["sample", "--scale", "regio", "--seed", "7", "--out", str(tmp_path / run)]) == 0
    names = sorted(path.name for path in sample_dir.glob("*.csv"))
    assert len(names) == 16
    for other in (tmp_path / "b", sample_dir):
        same, _different, _missing = filecmp.cmpfiles(tmp_path / "a", other, names, shallow=False)
        assert same == names


def test_init_db_loads_the_sample_into_an_empty_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    assert main(["--database-url", url, "init-db", "--voorbeeld"]) == 0
    assert load_dataset_info(create_db_engine(url))["fictief"] == "ja"
    assert main(["--database-url", url, "init-db", "--voorbeeld"]) == 0  # second run: nothing to do


def test_a_bad_folder_gives_a_dutch_message_and_no_traceback(tmp_path: Path, sample_dir: Path) -> None:
    folder = tmp_path / "import"
    shutil.copytree(sample_dir, folder)
    text = (folder / "groepen.csv").read_text(encoding="utf-8").replace("GM0344", "GM9999", 1)
    (folder / "groepen.csv").write_text(text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'app.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "--database-url", url, "load", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "Import geweigerd" in result.stderr
    assert "groepen.csv, regel" in result.stderr
    assert "'GM9999' komt niet voor in gemeenten.csv" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "argv", [["load", "/bestaat/niet"], ["--database-url", "sqlite:////proc/x/y.db", "init-db"]]
)
def test_unusable_paths_fail_cleanly(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.strip()
    assert "Traceback" not in err
