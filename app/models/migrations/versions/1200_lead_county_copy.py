"""county_copy: every county copy by barcode while the initial sync's catalogue arrives

Revision ID: 1200_lead_county_copy
Revises: 1100_h21_exception_resolution
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "1200_lead_county_copy"
down_revision = "1100_h21_exception_resolution"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "county_copy",
        sa.Column("barcode", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("home_branch_code", sa.String(length=32), nullable=False),
        sa.Column("current_branch_code", sa.String(length=32), nullable=False),
        sa.Column("touched", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("barcode", name=op.f("pk_county_copy")),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_county_copy_touched",
        "county_copy",
        ["touched"],
        sqlite_where=sa.text("touched"),
    )


def downgrade() -> None:
    op.drop_index("ix_county_copy_touched", table_name="county_copy")
    op.drop_table("county_copy")
