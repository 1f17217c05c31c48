"""Recompute item.call_sort_key with shuwu_shared.domain.callnumber (one shelf-order rule everywhere)

The catalogue used to keep its own call-number parser; its keys order some numbers
differently (辅助区分号 with letters, leading zeros), so every stored key is recomputed once.

Revision ID: 0900_call_sort_keys
Revises: 0800_merge
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

from shuwu_shared.domain.callnumber import sort_key

revision = "0900_call_sort_keys"
down_revision = "0800_merge"
branch_labels = None
depends_on = None

CHUNK = 5000


def upgrade() -> None:
    conn = op.get_bind()
    last_id = 0
    while True:
        rows = conn.execute(
            sa.text(
                "SELECT id, call_number FROM item WHERE id > :last AND call_number IS NOT NULL"
                " ORDER BY id LIMIT :n"
            ),
            {"last": last_id, "n": CHUNK},
        ).all()
        if not rows:
            return
        conn.execute(
            sa.text("UPDATE item SET call_sort_key = :key WHERE id = :id"),
            [{"id": row_id, "key": sort_key(call)[:200]} for row_id, call in rows],
        )
        last_id = rows[-1][0]


def downgrade() -> None:
    pass  # the old keys are not worth restoring: a re-upgrade recomputes them
