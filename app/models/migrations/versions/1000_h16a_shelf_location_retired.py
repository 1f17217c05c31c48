"""shelf_location.retired: a retired shelf is kept (copies and stocktakes name it) but hidden

Revision ID: 1000_h16a_shelf_retired
Revises: 0950_h15a_bib_marc_flags
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "1000_h16a_shelf_retired"
down_revision = "0950_h15a_bib_marc_flags"
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
