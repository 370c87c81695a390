"""The per-server memory of OIDC logins' last activity (what makes a reload after the idle time expire)."""

from __future__ import annotations

import datetime as dt

from components.gate import MAX_TRACKED, _Activity

NOW = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)
ISSUED = NOW - dt.timedelta(hours=2)
CLAIMS = {"sub": "abc", "iat": int(ISSUED.timestamp())}


def test_an_unseen_login_counts_from_its_issue_time() -> None:
    assert _Activity().last_seen(CLAIMS) == ISSUED


def test_a_login_without_issue_time_has_no_last_activity() -> None:
    assert _Activity().last_seen({"sub": "abc"}) is None


def test_activity_is_remembered_per_token() -> None:
    activity = _Activity()
    activity.touch(CLAIMS, NOW)
    assert activity.last_seen(CLAIMS) == NOW
    relogin = {**CLAIMS, "iat": int(NOW.timestamp())}  # a new login issues a new token
    assert activity.last_seen(relogin) == NOW
    assert activity.last_seen({**CLAIMS, "sub": "iemand-anders"}) == ISSUED


def test_old_entries_are_pruned_when_the_memory_is_full() -> None:
    activity = _Activity()
    for number in range(MAX_TRACKED):
        activity.touch({"sub": str(number), "iat": 1}, NOW - dt.timedelta(days=2))
    activity.touch(CLAIMS, NOW)
    assert len(activity.seen) == 1
    assert activity.last_seen(CLAIMS) == NOW
