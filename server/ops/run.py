"""One push batch in flight: receipts looked up in bulk, ops applied under shared SAVEPOINTs.

Every op must behave as if it ran in a SAVEPOINT of its own (a rejected op leaves nothing
behind, the ops around it stay). SAVEPOINTs cost two round trips and an ORM flush each, so up
to ``GROUP`` ops share one; when one of them is rejected the group is rolled back and replayed
op by op, which is exactly the one-SAVEPOINT-per-op outcome. Rejections are rare; the replay
costs at most one group.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from server import changebuf
from server import models as m
from server.ops import lookups
from server.ops.context import OpContext, OpRejected
from server.ops.kinds import APPLY
from server.ops.wire import OpIn
from server.timeutil import from_ms
from shuwu_shared.i18n import _

GROUP = 50


@dataclass
class Run:
    """What was looked up before the first op, and what waits for the end of the batch."""

    session: Session
    device: m.Device
    epoch: int
    received: datetime
    offset: int
    changes: changebuf.ChangeBuffer
    known: dict[str, tuple[str, dict[str, Any]]]  # op_id → (payload_sha256, stored result)
    taken: set[int]  # seqs of (device, epoch) that already hold an op
    last_op_at: datetime | None  # the lower clamp of the next op's corrected time
    index: lookups.Lookups = field(default_factory=lookups.Lookups)
    receipts: list[dict[str, Any]] = field(default_factory=list)


def start(
    session: Session,
    device: m.Device,
    epoch: int,
    batch: list[OpIn],
    received: datetime,
    offset: int,
    changes: changebuf.ChangeBuffer,
) -> Run:
    # Two queries for the whole batch instead of two per op. Exact: we hold the writer lock,
    # and a batch repeats no op_id and no seq.
    r = m.OpReceipt
    rows = session.execute(
        select(r.op_id, r.payload_sha256, r.result).where(r.op_id.in_([o.op_id for o in batch]))
    )
    known = {op_id: (digest, result) for op_id, digest, result in rows}
    seqs = [o.seq for o in batch]
    taken = set(
        session.scalars(
            select(r.seq).where(r.device_id == device.id, r.epoch == epoch, r.seq.in_(seqs))
        )
    )
    fresh = [
        o for o in batch if o.op_id not in known and o.seq not in taken and o.rejection is None
    ]
    index = lookups.load(session, fresh)
    return Run(
        session, device, epoch, received, offset, changes, known, taken, device.last_op_at, index
    )


def apply_all(run: Run, batch: list[OpIn]) -> list[dict[str, Any]]:
    with lookups.installed(run.session, run.index):
        return _apply_all(run, batch)


def _apply_all(run: Run, batch: list[OpIn]) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    pos = 0
    while pos < len(batch):
        if batch[pos].kind == "undo":
            write_receipts(run)  # undo reads the receipt of the op it undoes: not in a group
            run.index.clear()  # an undo deletes a loan and rewrites events: it reads afresh
            results.append(_one(run, batch[pos], own_savepoint=True))
            run.index.clear()
            pos += 1
            continue
        end = pos
        while end < len(batch) and end - pos < GROUP and batch[end].kind != "undo":
            end += 1
        group = batch[pos:end]
        done = _group(run, group)
        if done is None:  # one was rejected: nothing of the group stayed; op by op
            done = [_one(run, op, own_savepoint=True) for op in group]
        results += done
        pos = end
    return results


def write_receipts(run: Run) -> None:
    """Insert the receipts collected so far (same transaction as their ops: all or nothing)."""
    if not run.receipts:
        return
    conn = run.session.connection()
    if conn.dialect.name == "postgresql":
        # One statement of a fixed text and one JSON parameter: a multi-row VALUES list is
        # a new statement text for every batch size (parsed again client-side, about 5 ms
        # of CPU for 100 receipts, and planned again by the server), and array parameters
        # are escaped element by element in Python.
        rows = [
            {
                **r,
                "corrected_at": _naive_utc(r["corrected_at"]),
                "received_at": _naive_utc(r["received_at"]),
            }
            for r in run.receipts
        ]
        conn.exec_driver_sql(_RECEIPTS_FROM_JSON, {"rows": json.dumps(rows)})
    else:
        conn.execute(insert(m.OpReceipt), run.receipts)
    run.receipts = []


_RECEIPT_COLUMNS = {
    "device_id": "bigint",
    "epoch": "integer",
    "seq": "bigint",
    "op_id": "text",
    "kind": "text",
    "payload_sha256": "text",
    "payload": "json",
    "result": "json",
    "device_wall_ms": "bigint",
    "corrected_at": "timestamp",
    "received_at": "timestamp",
}
_RECEIPTS_FROM_JSON = (
    f"INSERT INTO op_receipt ({', '.join(_RECEIPT_COLUMNS)}) "
    f"SELECT {', '.join(_RECEIPT_COLUMNS)} FROM json_to_recordset(%(rows)s::json) AS r("
    + ", ".join(f"{c} {t}" for c, t in _RECEIPT_COLUMNS.items())
    + ")"
)


def _naive_utc(at: datetime) -> str:
    return at.astimezone(UTC).replace(tzinfo=None).isoformat()


def _group(run: Run, group: list[OpIn]) -> list[dict[str, Any]] | None:
    marks = (run.changes.mark(), len(run.receipts), run.last_op_at)
    savepoint = run.session.begin_nested()
    try:
        results = [_one(run, op, own_savepoint=False) for op in group]
    except OpRejected:
        savepoint.rollback()
        run.index.clear()  # it may name rows the rollback removed
        run.changes.rollback_to(marks[0])
        del run.receipts[marks[1] :]
        run.last_op_at = marks[2]
        return None
    savepoint.commit()
    return results


def _one(run: Run, op: OpIn, own_savepoint: bool) -> dict[str, Any]:
    """Apply one op. Without ``own_savepoint`` an OpRejected propagates to the group."""
    early = _seen_before(run, op)
    if early is not None:
        return early
    if op.rejection is not None:
        return _invalid(op)
    offset = run.offset if op.clock_offset_ms is None else op.clock_offset_ms
    corrected = _corrected(op, offset, run.received, run.last_op_at or run.device.enrolled_at)
    ctx = OpContext(
        session=run.session,
        device=run.device,
        op_id=op.op_id,
        kind=op.kind,
        received_at=run.received,
        corrected_at=corrected,
        shift=corrected - from_ms(op.device_wall_ms),
    )
    if own_savepoint:
        mark = run.changes.mark()
        savepoint = run.session.begin_nested()
        try:
            _apply(ctx, op)
            savepoint.commit()
            result = _applied(op, ctx)
        except OpRejected as rejected:
            savepoint.rollback()
            run.index.clear()
            run.changes.rollback_to(mark)
            result = _result(op, "rejected", error=rejected.code, message=rejected.message)
    else:
        _apply(ctx, op)
        result = _applied(op, ctx)
    run.receipts.append(_receipt(run, op, result, corrected))
    run.last_op_at = corrected
    return result


def _apply(ctx: OpContext, op: OpIn) -> None:
    apply = APPLY.get(op.kind)
    if apply is None:
        raise OpRejected("unknown_kind", f"unknown operation kind: {op.kind}")
    apply(ctx, op.payload)


def _invalid(op: OpIn) -> dict[str, Any]:
    """An op that failed its protocol model (shuwu_shared.protocol): refused without a receipt.

    Nothing of it is stored (it may not even fit the receipt's columns); a resend is checked
    again and refused the same way. The rest of the batch goes on.
    """
    assert op.rejection is not None
    code, message = op.rejection
    return _result(op, "rejected", error=code, message=message)


def _seen_before(run: Run, op: OpIn) -> dict[str, Any] | None:
    """The answer for an op_id or seq the server already holds; None for a new op."""
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
    return None


def _corrected(op: OpIn, offset_ms: int, received: datetime, lower: datetime | None) -> datetime:
    at = from_ms(op.device_wall_ms + offset_ms)
    if lower is not None and at < lower:
        at = lower
    return min(at, received)


def _applied(op: OpIn, ctx: OpContext) -> dict[str, Any]:
    status = "applied_with_exception" if ctx.exception_ids else "applied"
    return _result(op, status, ctx.exception_ids, data=ctx.data)


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


def _receipt(run: Run, op: OpIn, result: dict[str, Any], corrected: datetime) -> dict[str, Any]:
    return {
        "device_id": run.device.id,
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
