"""Outbox rows for signed-document follow-ups: a ``kind`` column (NULL for a report bundle).

Revision ID: 0006_signed_documents
Revises: 0004_evidence_sharing
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006_signed_documents'
down_revision = '0004_evidence_sharing'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=24), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox_item', schema=None) as batch_op:
        batch_op.drop_column('kind')
