"""Join the catalogue, circulation and reports branches of the schema into one head.

Revision ID: 0800_merge
Revises: 0400_catalog, 0600_circulation, 0700_reports
Create Date: 2026-11-24
"""

revision = "0800_merge"
down_revision = ("0400_catalog", "0600_circulation", "0700_reports")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
