"""Evidence shared between revisions: an attachment row may read its bytes from an earlier row's chunks.

Revision ID: 0004_evidence_sharing
Revises: 0002_outbox
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_evidence_sharing'
down_revision = '0003_restored_history'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_attachment_content_id'), ['content_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_content_id'))
        batch_op.drop_column('content_id')
