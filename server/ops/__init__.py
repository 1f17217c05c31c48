"""Applying client ops: exactly once, each with its receipt, conflicts filed, never dropped.

``apply_batch`` is THE entry point, used by the HTTP push and by the USB bundle import. The
caller opens the transaction with ``server.db.writer`` (which serialises writers) and commits
once; every op runs in its own SAVEPOINT, and its receipt is written in the same transaction
(receipts and change_log rows are inserted once per batch, not once per op).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.i18n import _
from server import changebuf
from server import models as m
from server.ops import branchwork, circulation, records
from server.ops.context import OpContext, OpRejected
from server.ops.wire import MAX_OPS, BatchError, OpIn, parse_ops, payload_sha256
from server.timeutil import from_ms, iso, utcnow

SKEW_LIMIT_MS = 5 * 60 * 1000

Apply = Callable[[OpContext, dict[str, Any]], None]
APPLY: dict[str, Apply] = {
    "checkout": circulation.checkout,
    "return": circulation.return_,
    "renew": circulation.renew,
    "undo": circulation.undo,
    "reader_upsert": records.reader_upsert,
    "bib_upsert": records.bib_upsert,
    "item_upsert": records.item_upsert,
    "item_status": records.item_status,
    "credit_entry": records.credit_entry,
    "override": branchwork.override,
    "transfer_send": branchwork.transfer_send,
    "transfer_receive": branchwork.transfer_receive,
    "stocktake_result": branchwork.stocktake_result,
    "shelf_location_upsert": branchwork.shelf_location_upsert,
    "activity": branchwork.activity,
    "visit_count": branchwork.visit_count,
}


def _result(
    op: OpIn,
    status: str,
    exception_ids: list[str] | None = None,
    error: str | None = None,
    data: dict[str, Any] | None = None,
    message: str | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "seq": op.seq,
        "op_id": op.op_id,
        "status": status,
        "exception_ids": exception_ids or [],
        "error": error,
        "data": data or {},
    }
    if message:
        out["message"] = message
    return out


def _corrected(op: OpIn, offset_ms: int, received: datetime, lower: datetime | None) -> datetime:
    at = from_ms(op.device_wall_ms + offset_ms)
    if lower is not None and at < lower:
        at = lower
    return min(at, received)


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


@dataclass
class _Run:
    """One batch in flight: what was looked up before the first op, and what waits for the end."""

    session: Session
    device: m.Device
    epoch: int
    received: datetime
    offset: int
    known: dict[str, tuple[str, dict[str, Any]]]  # op_id → (payload_sha256, stored result)
    taken: set[int]  # seqs of (device, epoch) that already hold an op
    last_op_at: datetime | None  # the lower clamp of the next op's corrected time
    receipts: list[dict[str, Any]] = field(default_factory=list)


def apply_batch(
    session: Session,
    device: m.Device,
    epoch: int,
    ops: list[OpIn] | list[dict[str, Any]],
    clock_offset_ms: int | None = None,
) -> list[dict[str, Any]]:
    """Apply ``ops`` of ``device`` (already authenticated) and return one result per op.

    Idempotent: an op_id seen before returns its stored result as ``duplicate``.
    """
    if all(isinstance(o, OpIn) for o in ops):
        batch = [o for o in ops if isinstance(o, OpIn)]
    else:
        batch = parse_ops(ops)  # raw dicts (a USB bundle): the same checks as a push
    received = utcnow()
    offset = device.clock_offset_ms if clock_offset_ms is None else clock_offset_ms
    device.clock_offset_ms = offset
    device.last_seen = received
    with changebuf.batched(session) as changes:
        _check_skew(session, device, offset)
        run = _start(session, device, epoch, batch, received, offset)
        results = [_apply_one(run, changes, op) for op in batch]
        _write_receipts(run)
    if run.last_op_at != device.last_op_at:
        device.last_op_at = run.last_op_at  # once, not one UPDATE per op
    session.flush()
    return results


def _start(
    session: Session,
    device: m.Device,
    epoch: int,
    batch: list[OpIn],
    received: datetime,
    offset: int,
) -> _Run:
    # Two queries for the whole batch instead of two per op. Exact: we hold the writer lock,
    # and a batch has no repeated op_id or seq.
    r = m.OpReceipt
    rows = session.execute(
        select(r.op_id, r.payload_sha256, r.result).where(r.op_id.in_([o.op_id for o in batch]))
    )
    known = {op_id: (digest, result) for op_id, digest, result in rows}
    taken = set(
        session.scalars(
            select(r.seq).where(
                r.device_id == device.id, r.epoch == epoch, r.seq.in_([o.seq for o in batch])
            )
        )
    )
    return _Run(session, device, epoch, received, offset, known, taken, device.last_op_at)


def _write_receipts(run: _Run) -> None:
    """Insert the receipts collected so far (same transaction as their ops: all or nothing)."""
    if run.receipts:
        run.session.connection().execute(insert(m.OpReceipt), run.receipts)
        run.receipts = []


def _apply_one(run: _Run, changes: changebuf.ChangeBuffer, op: OpIn) -> dict[str, Any]:
    stored = run.known.get(op.op_id)
    if stored is not None:
        digest, previous = stored
        if digest != op.digest:
            return _result(
                op,
                "rejected",
                error="op_id_reused",
                message=_("This operation id was already used for different content"),
            )
        if previous.get("status") == "rejected":
            return {**previous, "seq": op.seq}  # a rejection stays a rejection
        result = _result(
            op,
            "duplicate",
            previous.get("exception_ids"),
            previous.get("error"),
            previous.get("data"),
        )
        result["original_status"] = previous.get("status")
        return result
    if op.seq in run.taken:
        return _result(
            op,
            "rejected",
            error="sequence_reused",
            message=_("This sequence number already holds another operation; start a new epoch"),
        )
    if op.kind == "undo":
        _write_receipts(run)  # undo reads the receipt of the op it undoes
    session, device = run.session, run.device
    offset = run.offset if op.clock_offset_ms is None else op.clock_offset_ms
    corrected = _corrected(op, offset, run.received, run.last_op_at or device.enrolled_at)
    shift: timedelta = corrected - from_ms(op.device_wall_ms)
    ctx = OpContext(
        session=session,
        device=device,
        op_id=op.op_id,
        kind=op.kind,
        received_at=run.received,
        corrected_at=corrected,
        shift=shift,
    )
    mark = changes.mark()
    savepoint = session.begin_nested()
    try:
        apply = APPLY.get(op.kind)
        if apply is None:
            raise OpRejected("unknown_kind", f"unknown operation kind: {op.kind}")
        apply(ctx, op.payload)
        savepoint.commit()
        status = "applied_with_exception" if ctx.exception_ids else "applied"
        result = _result(op, status, ctx.exception_ids, data=ctx.data)
    except OpRejected as rejected:
        savepoint.rollback()
        changes.rollback_to(mark)
        result = _result(op, "rejected", error=rejected.code, message=rejected.message)
    run.receipts.append(
        {
            "device_id": device.id,
            "epoch": run.epoch,
            "seq": op.seq,
            "op_id": op.op_id,
            "kind": op.kind,
            "payload_sha256": op.digest,
            "payload": op.payload,
            "result": result,
            "device_wall_ms": op.device_wall_ms,
            "corrected_at": corrected,
            "received_at": run.received,
        }
    )
    run.last_op_at = corrected
    return result


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
