"""Deterministic fictitious sample data in the CSV import format, for demos and tests."""

from __future__ import annotations

from dashboard.sample.frames import write_sample
from dashboard.sample.generator import generate_sample

__all__ = ["generate_sample", "write_sample"]
