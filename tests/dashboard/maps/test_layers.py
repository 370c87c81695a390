"""Map layers from frames: meldingen per grid cell (never single reports) and the time window."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from dashboard.maps.layers import HEAT_CELL_STEPS_M, aggregate_meldingen, recent_meldingen


def _meldingen(lats: list[float], lons: list[float], dates: list[dt.date] | None = None) -> pl.DataFrame:
    return pl.DataFrame(
        {"datum": dates or [dt.date(2026, 11, 1)] * len(lats), "lat": lats, "lon": lons},
        schema={"datum": pl.Date, "lat": pl.Float64, "lon": pl.Float64},
    )


@pytest.mark.parametrize(
    ("lats", "lons", "counts"),
    [
        ([], [], []),
        ([52.0], [5.0], [1]),
        ([52.00001, 52.00002, 52.00003], [5.00001, 5.00002, 5.00003], [3]),
        ([52.0, 52.01], [5.0, 5.0], [1, 1]),  # ~1.1 km apart: two cells
    ],
    ids=["geen", "een", "drie-dichtbij", "twee-ver"],
)
def test_meldingen_are_counted_per_cell(lats: list[float], lons: list[float], counts: list[int]) -> None:
    cells, step = aggregate_meldingen(_meldingen(lats, lons))
    assert step == 200
    assert cells.get_column("aantal").to_list() == counts
    assert cells.columns == ["lat", "lon", "aantal"]


def test_a_cell_centre_is_not_a_report_location() -> None:
    cells, _ = aggregate_meldingen(_meldingen([52.00001], [5.00001]))
    assert (cells.item(0, "lat"), cells.item(0, "lon")) != (52.00001, 5.00001)


def test_too_many_cells_use_a_coarser_grid() -> None:
    lats = [52.0 + i * 0.002 for i in range(100)]
    fine, fine_step = aggregate_meldingen(_meldingen(lats, [5.0] * 100), max_cells=1000)
    coarse, coarse_step = aggregate_meldingen(_meldingen(lats, [5.0] * 100), max_cells=30)
    assert fine_step == HEAT_CELL_STEPS_M[0]
    assert coarse_step > fine_step
    assert coarse.height <= 30 < fine.height
    assert coarse.get_column("aantal").sum() == fine.get_column("aantal").sum() == 100


def test_the_same_reports_give_the_same_cells_in_any_order() -> None:
    lats, lons = [52.0, 52.1, 52.2, 52.0], [5.0, 5.1, 5.2, 5.0]
    forward, _ = aggregate_meldingen(_meldingen(lats, lons))
    backward, _ = aggregate_meldingen(_meldingen(lats[::-1], lons[::-1]))
    assert forward.equals(backward)


@pytest.mark.parametrize(
    ("datum", "kept"),
    [
        (dt.date(2026, 11, 30), True),
        (dt.date(2025, 12, 1), True),
        (dt.date(2025, 11, 30), False),
        (dt.date(2026, 12, 1), False),
    ],
    ids=["peildatum", "begin-venster", "net-ervoor", "na-peildatum"],
)
def test_recent_meldingen_keeps_the_window_up_to_the_peildatum(datum: dt.date, kept: bool) -> None:  # noqa: FBT001
    recent = recent_meldingen(_meldingen([52.0], [5.0], [datum]), dt.date(2026, 11, 30), 12)
    assert (recent.height == 1) is kept
