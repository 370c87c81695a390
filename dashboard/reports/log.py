"""The export log: one appended row per successful export (who, when, which group, to whom)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import inspect

from dashboard.audit import AuditEntry, append_audit, entry_for
from dashboard.storage.schema import metadata

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.engine import Engine

    from dashboard.access import Identity

__all__ = ["exportlog_ready", "record_export", "record_exports"]


def record_export(  # noqa: PLR0913  (one column per argument: the log row is the signature)
    engine: Engine,
    identity: Identity,
    *,
    tijdstip: dt.datetime,
    product: str,
    groep_id: str,
    ontvanger: str,
    documentnummer: str,
    formaat: str,
) -> None:
    """Append one row to exportlog and its record to the audit trail, in one transaction."""
    row = {
        "tijdstip": tijdstip,
        "gebruiker_id": identity.gebruiker_id,
        "rol": identity.rol,
        "product": product,
        "groep_id": groep_id,
        "ontvanger": ontvanger,
        "documentnummer": documentnummer,
        "formaat": formaat,
    }
    with engine.begin() as connection:
        connection.execute(metadata.tables["exportlog"].insert().values(**row))
        append_audit(connection, [_audit_entry(identity, row)], now=tijdstip)


def record_exports(engine: Engine, identity: Identity, rows: list[dict[str, object]]) -> None:
    """Append several rows in one transaction (a pakket: one row per group).

    Each row holds record_export's keyword arguments: tijdstip, product, groep_id, ontvanger,
    documentnummer, formaat.
    """
    values = [{**row, "gebruiker_id": identity.gebruiker_id, "rol": identity.rol} for row in rows]
    with engine.begin() as connection:
        connection.execute(metadata.tables["exportlog"].insert(), values)
        append_audit(connection, [_audit_entry(identity, row) for row in values])


def _audit_entry(identity: Identity, row: dict[str, object]) -> AuditEntry:
    """The export in the audit trail: which product of which group went to whom, as which document."""
    return entry_for(
        identity,
        "export",
        "exporteren",
        object_type="document",
        object_id=str(row["documentnummer"]),
        groep_id=str(row["groep_id"]),
        reden=f"verstrekt aan {row['ontvanger']}",
        details={"product": row["product"], "formaat": row["formaat"]},
    )


def exportlog_ready(engine: Engine) -> bool:
    """Tell whether the database has the exportlog table (migration 0002; run `init-db` otherwise)."""
    return inspect(engine).has_table("exportlog")
