"""bib_record: erroneous ISBN and non-中图法 class kept beside the source MARC record

Revision ID: 0950_h15a_bib_marc_flags
Revises: 0900_call_sort_keys
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0950_h15a_bib_marc_flags"
down_revision = "0900_call_sort_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bib_record") as batch:
        batch.add_column(sa.Column("bad_isbn", sa.String(32), nullable=True))
        batch.add_column(sa.Column("other_class", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("bib_record") as batch:
        batch.drop_column("other_class")
        batch.drop_column("bad_isbn")
