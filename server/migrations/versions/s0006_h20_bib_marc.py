"""bib: the source MARC record (UTF-8 ISO 2709) and its flags, sent by PCs and the console

Revision ID: s0006_h20_bib_marc
Revises: s0003_h16a_shelf_retired
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "s0006_h20_bib_marc"
down_revision = "s0003_h16a_shelf_retired"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bib", schema=None) as batch_op:
        batch_op.add_column(sa.Column("marc", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("bad_isbn", sa.String(32), nullable=True))
        batch_op.add_column(sa.Column("other_class", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("bib", schema=None) as batch_op:
        batch_op.drop_column("other_class")
        batch_op.drop_column("bad_isbn")
        batch_op.drop_column("marc")
