"""copy cataloguing: copycat_target and the county-wide copycat_record cache (h15b)

Revision ID: s0003_h15b_copycat
Revises: s0002_bib_search_keys
Create Date: 2026-11-30 08:40:00
"""

import sqlalchemy as sa
from alembic import op

import shuwu_shared.columns

revision = "s0003_h15b_copycat"
down_revision = "s0002_bib_search_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "copycat_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("syntax", sa.String(length=16), nullable=False),
        sa.Column("charset", sa.String(length=16), nullable=False),
        sa.Column("username", sa.String(length=200), nullable=True),
        sa.Column("password", sa.Text(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("timeout", sa.Float(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", shuwu_shared.columns.UTCDateTime(), nullable=False),
        sa.Column("updated_at", shuwu_shared.columns.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_copycat_target")),
        sa.UniqueConstraint("name", name=op.f("uq_copycat_target_name")),
    )
    op.create_table(
        "copycat_record",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("isbn", sa.String(length=17), nullable=False),
        sa.Column("target_name", sa.String(length=64), nullable=False),
        sa.Column("protocol", sa.String(length=8), nullable=False),
        sa.Column("syntax", sa.String(length=16), nullable=False),
        sa.Column("raw_format", sa.String(length=16), nullable=False),
        sa.Column("charset", sa.String(length=16), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("fetched_at", shuwu_shared.columns.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_copycat_record")),
        sa.UniqueConstraint("isbn", name=op.f("uq_copycat_record_isbn")),
    )


def downgrade() -> None:
    op.drop_table("copycat_record")
    op.drop_table("copycat_target")
