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
from dashboard.audit.search import AuditExport, AuditFilter, count_audit, export_audit, search_audit

__all__ = [
    "SYSTEEM",
    "AuditEntry",
    "AuditExport",
    "AuditFilter",
    "ChainReport",
    "append_audit",
    "count_audit",
    "data_version",
    "entry_for",
    "export_audit",
    "record_audit",
    "search_audit",
    "verify_chain",
]
