"""The one ack path: the county's per-op results mark the outbox, online or by USB.

A push reply (``app.sync.engine``) and a USB reply bundle (``app.sync.usb``) carry the same
results (``docs/sync-protocol.md``). Both go through ``record_results``, so they count alike:
only ops still pending change state and are counted; a result for an op already settled (by
another sync run, or a reply imported twice) changes nothing and counts nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from app.models import OutboxOp
from app.sync.apply import table_of

log = logging.getLogger(__name__)

ACK_STATES = frozenset({"applied", "duplicate", "applied_with_exception"})


def pending_count(session: Session) -> int:
    """Ops the county has not answered yet (app.services.outbox re-exports this)."""
    return session.scalar(select(func.count()).where(OutboxOp.state == "pending")) or 0


@dataclass
class AckCounts:
    acked: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0


def record_results(
    session: Session,
    results: Iterable[Mapping[str, Any]],
    now: datetime,
    counts: AckCounts,
) -> None:
    """Mark the pending ops the server acked or rejected, in ``session``'s transaction, and
    add them to ``counts``. One result per op (the last one wins)."""
    latest = {str(r.get("op_id")): dict(r) for r in results}
    if not latest:
        return
    still_pending = set(
        session.scalars(
            select(OutboxOp.op_id).where(
                OutboxOp.op_id.in_(list(latest)), OutboxOp.state == "pending"
            )
        )
    )
    acked: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    for op_id, result in latest.items():
        if op_id not in still_pending:
            continue
        status = result.get("status")
        if status in ACK_STATES:
            acked.append({"b_op_id": op_id, "b_result": result})
            counts.acked += 1
            counts.duplicates += status == "duplicate"
            counts.conflicts += status == "applied_with_exception"
        elif status == "rejected":
            rejected.append({"b_op_id": op_id, "b_result": result})
            counts.rejected += 1
            log.warning("server rejected op %s: %s", op_id, result.get("error"))
    table = table_of(OutboxOp)
    conn = session.connection()
    for rows, new_state in ((acked, "acked"), (rejected, "rejected")):
        if rows:
            conn.execute(
                update(table)
                .where(table.c.op_id == bindparam("b_op_id"), table.c.state == "pending")
                .values(state=new_state, server_result=bindparam("b_result"), acked_at=now),
                rows,
            )
