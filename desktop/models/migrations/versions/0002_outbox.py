"""The outbox of signed bundles waiting for the province, with their bytes in chunks.

Revision ID: 0002_outbox
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002_outbox'
down_revision = '0001_initial'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('outbox_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bundle_id', sa.String(length=64), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=True),
    sa.Column('period_code', sa.String(length=16), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('bundle_sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('upload_url', sa.Text(), nullable=True),
    sa.Column('receipt', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_outbox_item_report_id_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_item')),
    sa.UniqueConstraint('bundle_id', name=op.f('uq_outbox_item_bundle_id'))
    )
    with op.batch_alter_table('outbox_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_item_report_id'), ['report_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_item_state'), ['state'], unique=False)

    op.create_table('outbox_chunk',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['outbox_item.id'], name=op.f('fk_outbox_chunk_item_id_outbox_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', 'seq', name=op.f('pk_outbox_chunk'))
    )


def downgrade() -> None:
    op.drop_table('outbox_chunk')
    with op.batch_alter_table('outbox_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_item_state'))
        batch_op.drop_index(batch_op.f('ix_outbox_item_report_id'))

    op.drop_table('outbox_item')
