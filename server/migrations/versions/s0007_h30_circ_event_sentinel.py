"""circ_event: an insert sentinel column, so a push's events go in one INSERT … RETURNING

Revision ID: s0007_h30_circ_event_sentinel
Revises: s0006_h20_bib_marc
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "s0007_h30_circ_event_sentinel"
down_revision = "s0006_h20_bib_marc"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable and never read: adding it rewrites nothing (old rows keep NULL).
    op.add_column("circ_event", sa.Column("_sentinel", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("circ_event", schema=None) as batch_op:
        batch_op.drop_column("_sentinel")
