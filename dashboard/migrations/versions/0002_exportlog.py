"""Exportlog: één regel per geslaagde export van een rapportage (issue 5)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 17:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('exportlog',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('tijdstip', sa.DateTime(timezone=True), nullable=False),
    sa.Column('gebruiker_id', sa.String(length=32), nullable=False),
    sa.Column('rol', sa.String(length=32), nullable=False),
    sa.Column('product', sa.String(length=32), nullable=False),
    sa.Column('groep_id', sa.String(length=32), nullable=False),
    sa.Column('ontvanger', sa.String(length=200), nullable=False),
    sa.Column('documentnummer', sa.String(length=64), nullable=False),
    sa.Column('formaat', sa.String(length=8), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exportlog')),
    sa.UniqueConstraint('documentnummer', name=op.f('uq_exportlog_documentnummer'))
    )
    op.create_index(op.f('ix_exportlog_gebruiker_id'), 'exportlog', ['gebruiker_id'], unique=False)
    op.create_index(op.f('ix_exportlog_groep_id'), 'exportlog', ['groep_id'], unique=False)
    op.create_index(op.f('ix_exportlog_tijdstip'), 'exportlog', ['tijdstip'], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index(op.f('ix_exportlog_tijdstip'), table_name='exportlog')
    op.drop_index(op.f('ix_exportlog_groep_id'), table_name='exportlog')
    op.drop_index(op.f('ix_exportlog_gebruiker_id'), table_name='exportlog')
    op.drop_table('exportlog')
