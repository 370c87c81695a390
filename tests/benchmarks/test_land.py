"""Where the benchmark's PostgreSQL land database goes, and a clear reason when it cannot."""

from __future__ import annotations

import os

import pytest

from benchmarks.land import LOCAL_POSTGRESQL, postgresql_base, postgresql_server


@pytest.mark.parametrize(
    ("bench", "test", "expected"),
    [
        (
            "postgresql+psycopg://bench@db/x",
            "postgresql+psycopg://test@db/y",
            "postgresql+psycopg://bench@db/x",
        ),
        (None, "postgresql+psycopg://test@db/y", "postgresql+psycopg://test@db/y"),
        (None, None, LOCAL_POSTGRESQL),
    ],
    ids=["bench-url", "test-url", "lokaal"],
)
def test_the_database_url_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, bench: str | None, test: str | None, expected: str
) -> None:
    for name, value in (("BENCH_DATABASE_URL", bench), ("TEST_DATABASE_URL", test)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert postgresql_base() == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("sqlite:///bench.db", "is geen PostgreSQL-URL"),
        (
            "postgresql+psycopg://postgres@127.0.0.1:1/test",
            "postgresql+psycopg://postgres@127.0.0.1:1/test is niet bereikbaar",
        ),
    ],
    ids=["geen-postgresql", "onbereikbaar"],
)
def test_an_unusable_database_gives_a_dutch_reason(
    monkeypatch: pytest.MonkeyPatch, url: str, reason: str
) -> None:
    monkeypatch.setenv("BENCH_DATABASE_URL", url)
    version, why = postgresql_server()
    assert version is None
    assert why is not None
    assert reason in why


@pytest.mark.postgres
def test_the_test_database_reports_its_version(monkeypatch: pytest.MonkeyPatch) -> None:
    if not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("TEST_DATABASE_URL is niet gezet (.ci/run zet hem altijd)")
    monkeypatch.delenv("BENCH_DATABASE_URL", raising=False)
    version, why = postgresql_server()
    assert why is None
    assert version is not None
    assert version.startswith("PostgreSQL 1")
