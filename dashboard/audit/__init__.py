"""The audit trail: who did what, when and why; append-only and hash-chained (tamper-evident)."""

from dashboard.audit.chain import (
    SYSTEEM,
    AuditEntry,
    ChainReport,
    append_audit,
    data_version,
    entry_for,
    record_audit,
    verify_chain,
)

__all__ = [
    "SYSTEEM",
    "AuditEntry",
    "ChainReport",
    "append_audit",
    "data_version",
    "entry_for",
    "record_audit",
    "verify_chain",
]
