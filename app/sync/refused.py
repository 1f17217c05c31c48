"""Operations the county server refused: kept here, listed for staff, never silently dropped.

A refusal means the operation itself was malformed, outside what this branch may change, or
clashed with another one under the same identity (``invalid_payload``, ``unknown_kind``,
``forbidden``, ``op_id_reused``...); resending it unchanged would be refused again, so staff
see what it was and redo the work by hand where needed. Any code is accepted, including ones a
later server adds: the op is set aside all the same, with the server's own message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import OutboxOp
from shuwu_shared.i18n import _
from shuwu_shared.op_kinds import OP_KIND_WORDS


@dataclass(frozen=True)
class RefusedOp:
    device_seq: int
    kind: str
    kind_label: str
    subject: str  # the barcode, card or title the op was about (no reader names)
    error: str
    reason: str
    made_at: datetime


def kind_label(kind: str) -> str:
    words = OP_KIND_WORDS.get(kind)
    return _(words) if words is not None else kind


def error_text(error: str) -> str:
    texts = {
        "bad_payload": _("The county server could not read this operation."),
        "invalid_payload": _("The county server could not read this operation."),
        "invalid_op": _("The county server could not read this operation."),
        "forbidden": _("This branch may not change what this operation names."),
        "too_large": _("This operation is larger than the county server accepts."),
        "unknown_kind": _("The county server does not know this kind of operation (update it)."),
        "op_id_reused": _("Another operation was already sent under the same number."),
    }
    return texts.get(error, _("Refused by the county server ({code}).").format(code=error))


def _subject(payload: dict[str, Any]) -> str:
    for key in ("barcode", "card", "title", "code", "transfer_uuid"):
        value = payload.get(key)
        if isinstance(value, str) and value:
            return value
    barcodes = payload.get("barcodes")
    if isinstance(barcodes, list) and barcodes:
        more = _(" and {n} more").format(n=len(barcodes) - 1) if len(barcodes) > 1 else ""
        return f"{barcodes[0]}{more}"
    return ""


def list_refused(session: Session, limit: int = 500) -> list[RefusedOp]:
    rows = session.scalars(
        select(OutboxOp)
        .where(OutboxOp.state == "rejected")
        .order_by(OutboxOp.device_seq.desc())
        .limit(limit)
    )
    out = []
    for op in rows:
        result = op.server_result if isinstance(op.server_result, dict) else {}
        error = str(result.get("error") or "refused")[:64]
        detail = result.get("message")
        reason = error_text(error)
        if isinstance(detail, str) and detail.strip():
            reason = _("{reason} ({detail})").format(reason=reason, detail=detail.strip()[:300])
        payload = op.payload if isinstance(op.payload, dict) else {}
        out.append(
            RefusedOp(
                device_seq=op.device_seq,
                kind=op.kind,
                kind_label=kind_label(op.kind),
                subject=_subject(payload),
                error=error,
                reason=reason,
                made_at=op.created_at,
            )
        )
    return out


def refused_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(OutboxOp.state == "rejected")) or 0)
