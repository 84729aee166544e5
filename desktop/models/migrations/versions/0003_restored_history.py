"""Outbox rows restored from the province: bundles another device of the agency signed.

Revision ID: 0003_restored_history
Revises: 0002_outbox
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003_restored_history'
down_revision = '0002_outbox'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('restored_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox_item', schema=None) as batch_op:
        batch_op.drop_column('restored_at')
