"""Applying client ops: exactly once, each with its receipt, conflicts filed, never dropped.

``apply_batch`` is THE entry point, used by the HTTP push and by the USB bundle import. The
caller opens the transaction with ``server.db.writer`` (which serialises writers) and commits
once; every op runs in its own SAVEPOINT together with its receipt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import _
from server import models as m
from server.ops import branchwork, circulation, records
from server.ops.context import OpContext, OpRejected
from server.timeutil import from_ms, iso, utcnow

MAX_OPS = 500
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


class BatchError(Exception):
    """The batch as a whole is unacceptable: nothing is applied. ``status`` is the HTTP code."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message


@dataclass(frozen=True)
class OpIn:
    seq: int
    op_id: str
    kind: str
    payload: dict[str, Any]
    device_wall_ms: int
    clock_offset_ms: int | None


def payload_sha256(payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def parse_ops(raw: object) -> list[OpIn]:
    """Check a batch's shape before anything is applied (HTTP push and bundle import)."""
    if not isinstance(raw, list) or not raw:
        raise BatchError(400, "bad_request", _("ops must be a non-empty list"))
    if len(raw) > MAX_OPS:
        raise BatchError(413, "too_large", _("At most {n} operations per push").format(n=MAX_OPS))
    ops: list[OpIn] = []
    for index, op in enumerate(raw):
        where = _("operation {n}").format(n=index + 1)
        if not isinstance(op, dict):
            raise BatchError(400, "bad_request", _("{where} is not an object").format(where=where))
        try:
            seq = op["seq"]
            op_id = op["op_id"]
            kind = op["kind"]
            payload = op["payload"]
            wall = op.get("device_wall_ms", 0)
            offset = op.get("clock_offset_ms")
        except KeyError as exc:
            raise BatchError(
                400,
                "bad_request",
                _("{where}: missing {field}").format(where=where, field=exc.args[0]),
            ) from exc
        if (
            not isinstance(seq, int)
            or isinstance(seq, bool)
            or seq < 1
            or not isinstance(op_id, str)
            or not 1 <= len(op_id) <= 36
            or not isinstance(kind, str)
            or not isinstance(payload, dict)
            or not isinstance(wall, int)
            or (offset is not None and not isinstance(offset, int))
        ):
            raise BatchError(
                400,
                "bad_request",
                _(
                    "{where}: seq must be a positive integer, op_id a text of at most 36 "
                    "characters, "
                    "kind a text, payload an object, device_wall_ms an integer"
                ).format(where=where),
            )
        if ops and seq <= ops[-1].seq:
            raise BatchError(
                422,
                "bad_request",
                _("{where}: seq must increase strictly within a batch").format(where=where),
            )
        ops.append(OpIn(seq, op_id, kind, payload, wall, offset))
    if len({o.op_id for o in ops}) != len(ops):
        raise BatchError(422, "bad_request", _("the same op_id appears twice in one batch"))
    return ops


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


def _corrected(device: m.Device, op: OpIn, offset_ms: int, received: datetime) -> datetime:
    at = from_ms(op.device_wall_ms + offset_ms)
    lower = device.last_op_at or device.enrolled_at
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
    _check_skew(session, device, offset)
    results: list[dict[str, Any]] = []
    for op in batch:
        results.append(_apply_one(session, device, epoch, op, received, offset))
    session.flush()
    return results


def _apply_one(
    session: Session, device: m.Device, epoch: int, op: OpIn, received: datetime, batch_offset: int
) -> dict[str, Any]:
    digest = payload_sha256({"kind": op.kind, "payload": op.payload})
    existing = session.scalar(select(m.OpReceipt).where(m.OpReceipt.op_id == op.op_id))
    if existing is not None:
        if existing.payload_sha256 != digest:
            return _result(
                op,
                "rejected",
                error="op_id_reused",
                message=_("This operation id was already used for different content"),
            )
        stored = existing.result
        if stored.get("status") == "rejected":
            return {**stored, "seq": op.seq}  # a rejection stays a rejection
        result = _result(
            op, "duplicate", stored.get("exception_ids"), stored.get("error"), stored.get("data")
        )
        result["original_status"] = stored.get("status")
        return result
    taken = session.scalar(
        select(m.OpReceipt.op_id).where(
            m.OpReceipt.device_id == device.id,
            m.OpReceipt.epoch == epoch,
            m.OpReceipt.seq == op.seq,
        )
    )
    if taken is not None:
        return _result(
            op,
            "rejected",
            error="sequence_reused",
            message=_("This sequence number already holds another operation; start a new epoch"),
        )
    offset = batch_offset if op.clock_offset_ms is None else op.clock_offset_ms
    corrected = _corrected(device, op, offset, received)
    shift: timedelta = corrected - from_ms(op.device_wall_ms)
    ctx = OpContext(
        session=session,
        device=device,
        op_id=op.op_id,
        kind=op.kind,
        received_at=received,
        corrected_at=corrected,
        shift=shift,
    )
    savepoint = session.begin_nested()
    try:
        apply = APPLY.get(op.kind)
        if apply is None:
            raise OpRejected("unknown_kind", f"unknown operation kind: {op.kind}")
        apply(ctx, op.payload)
        status = "applied_with_exception" if ctx.exception_ids else "applied"
        result = _result(op, status, ctx.exception_ids, data=ctx.data)
    except OpRejected as rejected:
        savepoint.rollback()
        savepoint = session.begin_nested()
        result = _result(op, "rejected", error=rejected.code, message=rejected.message)
    session.add(
        m.OpReceipt(
            device_id=device.id,
            epoch=epoch,
            seq=op.seq,
            op_id=op.op_id,
            kind=op.kind,
            payload_sha256=digest,
            payload=op.payload,
            result=result,
            device_wall_ms=op.device_wall_ms,
            corrected_at=corrected,
            received_at=received,
        )
    )
    savepoint.commit()
    device.last_op_at = corrected
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
