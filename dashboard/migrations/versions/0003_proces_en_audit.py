"""Werkproces (stappen, besluiten, plan van aanpak), concept-scans, versies en het auditlog (issues 6, 7)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

GENESIS = "0" * 64

# The audit trail is append-only in the database itself too: an UPDATE or DELETE is refused.
SQLITE_TRIGGERS = (
    "CREATE TRIGGER auditlog_geen_wijziging BEFORE UPDATE ON auditlog "
    "BEGIN SELECT RAISE(ABORT, 'het auditlog is alleen-toevoegen'); END",
    "CREATE TRIGGER auditlog_geen_verwijdering BEFORE DELETE ON auditlog "
    "BEGIN SELECT RAISE(ABORT, 'het auditlog is alleen-toevoegen'); END",
)
POSTGRES_TRIGGERS = (
    "CREATE FUNCTION auditlog_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'het auditlog is alleen-toevoegen'; END $$",
    "CREATE TRIGGER auditlog_alleen_toevoegen BEFORE UPDATE OR DELETE ON auditlog "
    "FOR EACH ROW EXECUTE FUNCTION auditlog_alleen_toevoegen()",
)


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('groepsscan') as batch:
        batch.add_column(sa.Column('status', sa.String(length=16), server_default='definitief', nullable=False))
        batch.add_column(sa.Column('concept', sa.Text(), nullable=True))
        batch.add_column(sa.Column('versie', sa.Integer(), server_default='1', nullable=False))
        batch.add_column(sa.Column('gewijzigd_door', sa.String(length=32), nullable=True))
        batch.add_column(sa.Column('gewijzigd_op', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('groep') as batch:
        batch.add_column(sa.Column('versie', sa.Integer(), server_default='1', nullable=False))
    with op.batch_alter_table('gebruiker') as batch:
        batch.add_column(sa.Column('actief', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch.add_column(sa.Column('versie', sa.Integer(), server_default='1', nullable=False))

    op.create_table('stapwijziging',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('groep_id', sa.String(length=32), nullable=False),
    sa.Column('van_stap', sa.String(length=2), nullable=False),
    sa.Column('naar_stap', sa.String(length=2), nullable=False),
    sa.Column('tijdstip', sa.DateTime(timezone=True), nullable=False),
    sa.Column('gebruiker_id', sa.String(length=32), nullable=False),
    sa.Column('reden', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['groep_id'], ['groep.groep_id'], name=op.f('fk_stapwijziging_groep_id_groep')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stapwijziging'))
    )
    op.create_index(op.f('ix_stapwijziging_groep_id'), 'stapwijziging', ['groep_id'], unique=False)

    op.create_table('besluit',
    sa.Column('besluit_id', sa.String(length=32), nullable=False),
    sa.Column('groep_id', sa.String(length=32), nullable=False),
    sa.Column('vergaderdatum', sa.Date(), nullable=False),
    sa.Column('uitkomst', sa.String(length=32), nullable=False),
    sa.Column('prioriteit', sa.String(length=32), nullable=True),
    sa.Column('regie_groepsgericht', sa.String(length=200), nullable=True),
    sa.Column('regie_domeingericht', sa.String(length=200), nullable=True),
    sa.Column('regie_persoonsgericht', sa.String(length=200), nullable=True),
    sa.Column('volgende_evaluatie', sa.Date(), nullable=True),
    sa.Column('aanwezigen', sa.Text(), nullable=False),
    sa.Column('toelichting', sa.Text(), nullable=False),
    sa.Column('vastgelegd_door', sa.String(length=32), nullable=False),
    sa.Column('vastgelegd_op', sa.DateTime(timezone=True), nullable=False),
    sa.Column('versie', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['groep_id'], ['groep.groep_id'], name=op.f('fk_besluit_groep_id_groep')),
    sa.PrimaryKeyConstraint('besluit_id', name=op.f('pk_besluit'))
    )
    op.create_index(op.f('ix_besluit_groep_id'), 'besluit', ['groep_id'], unique=False)

    op.create_table('interventie',
    sa.Column('interventie_id', sa.String(length=32), nullable=False),
    sa.Column('groep_id', sa.String(length=32), nullable=False),
    sa.Column('spoor', sa.String(length=32), nullable=False),
    sa.Column('partner', sa.String(length=200), nullable=False),
    sa.Column('omschrijving', sa.Text(), nullable=False),
    sa.Column('eigenaar', sa.String(length=200), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('versie', sa.Integer(), server_default='1', nullable=False),
    sa.Column('gewijzigd_door', sa.String(length=32), nullable=False),
    sa.Column('gewijzigd_op', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['groep_id'], ['groep.groep_id'], name=op.f('fk_interventie_groep_id_groep')),
    sa.PrimaryKeyConstraint('interventie_id', name=op.f('pk_interventie'))
    )
    op.create_index(op.f('ix_interventie_groep_id'), 'interventie', ['groep_id'], unique=False)

    op.create_table('auditlog',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('tijdstip', sa.DateTime(timezone=True), nullable=False),
    sa.Column('gebruiker_id', sa.String(length=200), nullable=False),
    sa.Column('rol', sa.String(length=32), nullable=False),
    sa.Column('categorie', sa.String(length=16), nullable=False),
    sa.Column('actie', sa.String(length=32), nullable=False),
    sa.Column('object_type', sa.String(length=32), nullable=False),
    sa.Column('object_id', sa.String(length=200), nullable=False),
    sa.Column('groep_id', sa.String(length=32), nullable=True),
    sa.Column('reden', sa.String(length=500), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('vorige_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auditlog')),
    sa.UniqueConstraint('hash', name='uq_auditlog_hash')
    )
    op.create_index(op.f('ix_auditlog_tijdstip'), 'auditlog', ['tijdstip'], unique=False)
    op.create_index(op.f('ix_auditlog_gebruiker_id'), 'auditlog', ['gebruiker_id'], unique=False)
    op.create_index(op.f('ix_auditlog_actie'), 'auditlog', ['actie'], unique=False)
    op.create_index(op.f('ix_auditlog_groep_id'), 'auditlog', ['groep_id'], unique=False)

    kop = op.create_table('auditkop',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('laatste_hash', sa.String(length=64), nullable=False),
    sa.Column('aantal', sa.Integer(), nullable=False),
    sa.Column('wijzigingen', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auditkop'))
    )
    op.bulk_insert(kop, [{'id': 1, 'laatste_hash': GENESIS, 'aantal': 0, 'wijzigingen': 0}])

    dialect = op.get_bind().dialect.name
    for statement in {'sqlite': SQLITE_TRIGGERS, 'postgresql': POSTGRES_TRIGGERS}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP TRIGGER auditlog_alleen_toevoegen ON auditlog')
        op.execute('DROP FUNCTION auditlog_alleen_toevoegen()')
    op.drop_table('auditkop')
    op.drop_table('auditlog')
    op.drop_table('interventie')
    op.drop_table('besluit')
    op.drop_table('stapwijziging')
    with op.batch_alter_table('gebruiker') as batch:
        batch.drop_column('versie')
        batch.drop_column('actief')
    with op.batch_alter_table('groep') as batch:
        batch.drop_column('versie')
    with op.batch_alter_table('groepsscan') as batch:
        for column in ('gewijzigd_op', 'gewijzigd_door', 'versie', 'concept', 'status'):
            batch.drop_column(column)
