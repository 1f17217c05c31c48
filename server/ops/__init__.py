"""Applying client ops: exactly once, each with its receipt, conflicts filed, never dropped.

``apply_batch`` is THE entry point, used by the HTTP push and by the USB bundle import. The
caller opens the transaction with ``server.db.writer`` (which serialises writers) and commits
once. Every op behaves as if it ran in a SAVEPOINT of its own (``server.ops.run``); its receipt
is written in the same transaction. Receipts and change_log rows are inserted once per batch.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import changebuf
from server import models as m
from server.ops import rowlocks, run
from server.ops.kinds import APPLY
from server.ops.wire import MAX_OPS, BatchError, OpIn, parse_ops, payload_sha256
from server.timeutil import iso, utcnow
from shuwu_shared.i18n import _

SKEW_LIMIT_MS = 5 * 60 * 1000


def _check_skew(session: Session, device: m.Device, offset_ms: int) -> None:
    if abs(offset_ms) <= SKEW_LIMIT_MS:
        return
    open_skew = session.scalar(
        select(m.SyncExceptionRow.id).where(
            m.SyncExceptionRow.kind == "CLOCK_SKEW",
            m.SyncExceptionRow.device_id == device.id,
            m.SyncExceptionRow.resolved_at.is_(None),
        )
    )
    if open_skew is not None:
        return
    from server.exceptions import file_exception

    minutes = round(offset_ms / 60000)
    file_exception(
        session,
        "CLOCK_SKEW",
        [device.branch_code],
        _("The clock of device {device} is off by {minutes} minutes; times were corrected").format(
            device=device.id, minutes=-minutes
        ),
        {"device_id": device.id, "clock_offset_ms": offset_ms},
        device_id=device.id,
    )


def apply_batch(
    session: Session,
    device: m.Device,
    epoch: int,
    ops: list[OpIn] | list[dict[str, Any]],
    clock_offset_ms: int | None = None,
    lock_rows: bool = False,
) -> list[dict[str, Any]]:
    """Apply ``ops`` of ``device`` (already authenticated) and return one result per op.

    Idempotent: an op_id seen before returns its stored result as ``duplicate``.
    ``lock_rows``: inside ``server.db.parallel_writer``, lock the rows the batch may change
    first (``server.ops.rowlocks``).
    """
    if all(isinstance(o, OpIn) for o in ops):
        batch = [o for o in ops if isinstance(o, OpIn)]
    else:
        batch = parse_ops(ops)  # raw dicts (a USB bundle): the same checks as a push
    if lock_rows:
        rowlocks.lock(session, batch)
    received = utcnow()
    offset = device.clock_offset_ms if clock_offset_ms is None else clock_offset_ms
    device.clock_offset_ms = offset
    device.last_seen = received
    with changebuf.batched(session) as changes:
        _check_skew(session, device, offset)
        batch_run = run.start(session, device, epoch, batch, received, offset, changes)
        results = run.apply_all(batch_run, batch)
        run.write_receipts(batch_run)
    if batch_run.last_op_at != device.last_op_at:
        device.last_op_at = batch_run.last_op_at  # once, not one UPDATE per op
    session.flush()
    return results


__all__ = [
    "APPLY",
    "MAX_OPS",
    "BatchError",
    "OpIn",
    "apply_batch",
    "iso",
    "parse_ops",
    "payload_sha256",
]
