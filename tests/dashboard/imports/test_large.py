"""A 50 MB police export with a few bad rows at the end: refused whole, database byte-for-byte unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.imports import codes_of, registrations_csv
from dashboard.imports import import_file
from dashboard.loading.load import load_folder
from dashboard.storage.engine import create_db_engine, migrate

MB = 1_000_000


@pytest.fixture(scope="session")
def large_export(tmp_path_factory: pytest.TempPathFactory, small_sample: Path) -> tuple[bytes, int]:
    """About 50 MB of registrations on the small sample's codes, plus three bad rows; and its row count."""
    url = f"sqlite:///{tmp_path_factory.mktemp('codes') / 'codes.db'}"
    engine = create_db_engine(url)
    migrate(engine)
    load_folder(engine, small_sample)
    engine.dispose()
    content = registrations_csv(codes_of(url), 330_000, seed=5)
    first_row = content.split(b"\n")[1]
    lines = content.count(b"\n")  # header + data rows
    content += b"PL9999-X-1;31-02-2026;vernieling;GM0344;52,1;5,1;P-0000001;verdachte\n"
    content += b"PL9999-X-2;01-02-2026;onbekend;GM0344;52,1;5,1;P-0000001;verdachte\n"
    content += first_row + b"\n"
    return content, lines


def test_a_50_mb_export_with_three_bad_rows_changes_nothing(loaded, system, dump, large_export) -> None:
    content, lines = large_export
    assert len(content) > 45 * MB
    before = dump(loaded)
    messages: list[str] = []
    result = import_file(loaded, content, "registraties", "groot.csv", system, progress=messages.append)
    assert not result.geschreven
    assert dump(loaded) == before
    assert result.preview.fouten.select("rij", "kolom").rows() == [
        (lines + 1, "datum"),
        (lines + 2, "categorie_code"),
        (lines + 3, "registratienummer"),
    ]
    assert result.preview.counts["afgewezen"] == 3
    assert result.preview.counts["nieuw"] == 330_000 - 1  # the duplicate's registration is rejected
    assert any("rijen gelezen" in message and "." in message for message in messages), messages
