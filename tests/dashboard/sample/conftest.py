"""Fixtures of the sample-generator tests: the regio sample, generated once per session."""

from __future__ import annotations

import polars as pl
import pytest

from dashboard.sample import generate_sample


@pytest.fixture(scope="session")
def regio_frames() -> dict[str, pl.DataFrame]:
    """The committed regio sample (seed 7) as frames."""
    return generate_sample("regio", 7)
