"""Placeholder for H6a (triangle decisions) on the group page; replaced by its owner in this session."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dashboard.access import Identity
    from dashboard.groups.detail import GroupDetail


def show_decisions(identity: Identity, detail: GroupDetail) -> None:
    """Placeholder."""
