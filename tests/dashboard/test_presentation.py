"""Turning values into text for tables, without polars' worker threads (they deadlocked the server)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import polars as pl

from dashboard.presentation import band_label, format_trend, text_of

ROOT = Path(__file__).resolve().parents[2]


def test_text_of_maps_each_value_and_keeps_nulls_unless_asked() -> None:
    bands = pl.Series("band", ["hoog", None, "laag"])
    assert text_of(bands, band_label).to_list() == [band_label("hoog"), None, band_label("laag")]
    trends = pl.Series("trend", [2.0, None])
    assert text_of(trends, format_trend, skip_nulls=False).to_list() == [
        format_trend(2.0),
        format_trend(None),
    ]
    assert text_of(bands, band_label).name == "band"
    assert text_of(bands, band_label).dtype == pl.String


def test_no_app_code_runs_python_inside_polars_worker_threads() -> None:
    """map_elements holds the GIL in polars' pool: with concurrent sessions the app server deadlocked."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("dashboard", "components", "pages")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\.(map_elements|map_batches|map_groups)\(", line)
    ]
    assert offenders == []


STRESS = """
import pickle, sys, threading, time
import polars as pl
from dashboard.maps.groups import map_table

n = 1000
groups = pl.DataFrame({
    "groep_id": [f"G-{i:05d}" for i in range(n)],
    "werknaam": [f"Groep {i}" for i in range(n)],
    "gemeente_naam": ["Utrecht"] * n,
    "band": [("hoog", "midden", "laag", None)[i % 4] for i in range(n)],
    "prioriteit": [float(i % 97) for i in range(n)],
    "trend": [(1.0, -2.0, None)[i % 3] for i in range(n)],
    "leden": [i % 30 for i in range(n)],
})
cached = pickle.dumps(pl.DataFrame({"a": list(range(200_000)), "b": [str(i) for i in range(200_000)]}))
done = [0]
stop = threading.Event()

def session(k):
    while not stop.is_set():
        if k % 3 == 0:
            map_table(groups)
        elif k % 3 == 1:
            pickle.loads(cached)  # what st.cache_data does on every hit
        else:
            map_table(groups).to_pandas()  # what st.dataframe does
        done[0] += 1

threads = [threading.Thread(target=session, args=(k,), daemon=True) for k in range(9)]
for thread in threads:
    thread.start()
time.sleep(float(sys.argv[1]))
stop.set()
for thread in threads:
    thread.join()
print(done[0])
"""


def test_tables_built_by_many_sessions_at_once_do_not_deadlock() -> None:
    """Nine threads as nine sessions: map tables, cache hits, dataframes. With map_elements this hung."""
    result = subprocess.run(
        [sys.executable, "-c", STRESS, "8"], cwd=ROOT, capture_output=True, text=True, timeout=90, check=True
    )
    assert int(result.stdout) > 100
