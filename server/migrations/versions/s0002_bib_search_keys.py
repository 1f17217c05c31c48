"""bib.search_keys: pinyin keys computed once on the server

Revision ID: s0002_bib_search_keys
Revises: s0001_initial
Create Date: 2026-11-24 20:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002_bib_search_keys"
down_revision = "s0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing records stay NULL: clients compute missing keys themselves, and any edit fills them.
    with op.batch_alter_table("bib", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_keys", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("bib", schema=None) as batch_op:
        batch_op.drop_column("search_keys")
