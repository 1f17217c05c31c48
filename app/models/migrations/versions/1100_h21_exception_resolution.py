"""sync_exception.resolution: the county's note when it resolved a conflict (shown on the PC)

Revision ID: 1100_h21_exception_resolution
Revises: 1000_h16a_shelf_retired
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "1100_h21_exception_resolution"
down_revision = "1000_h16a_shelf_retired"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_exception", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resolution", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_exception", schema=None) as batch_op:
        batch_op.drop_column("resolution")
