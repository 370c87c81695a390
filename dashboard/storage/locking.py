"""Optimistic locking: a change names the version it started from; a stale change is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    from sqlalchemy import Connection

__all__ = ["ConcurrentEditError", "update_versioned"]

STALE = (
    "Iemand anders heeft dit intussen gewijzigd; uw wijziging is niet opgeslagen. "
    "Laad de gegevens opnieuw, bekijk de nieuwe versie en voer uw wijziging zo nodig opnieuw in."
)


class ConcurrentEditError(RuntimeError):
    """Someone saved a newer version first; nothing was overwritten."""

    def __init__(self, melding: str = STALE) -> None:
        """Carry the Dutch message shown to the user."""
        super().__init__(melding)


def update_versioned(
    connection: Connection, tabel: str, key: dict[str, Any], versie: int, values: dict[str, Any]
) -> int:
    """Update one row only if it is still at `versie`; return the new version or raise ConcurrentEditError."""
    table = metadata.tables[tabel]
    condition = [table.c[name] == value for name, value in key.items()]
    statement = (
        table.update().where(*condition, table.c.versie == versie).values(**values, versie=table.c.versie + 1)
    )
    if connection.execute(statement).rowcount != 1:
        raise ConcurrentEditError
    return versie + 1
