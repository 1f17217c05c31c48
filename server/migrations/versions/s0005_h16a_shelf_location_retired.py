"""shelf_location.retired: branches retire shelves; the row stays for old copies and stocktakes

Revision ID: s0003_h16a_shelf_retired
Revises: s0003_h18_console_staff
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "s0003_h16a_shelf_retired"
down_revision = "s0003_h18_console_staff"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("shelf_location", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("shelf_location", schema=None) as batch_op:
        batch_op.drop_column("retired")
