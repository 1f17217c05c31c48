"""Filing and listing the conflicts staff must see (never dropped, always explained)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m
from server.feed import exception_data, record_change
from server.timeutil import utcnow

KINDS = (
    "DOUBLE_CHECKOUT",
    "ORPHAN_RETURN",
    "POLICY_OVERRIDE_OFFLINE",
    "STAFF_OVERRIDE",
    "LOST_ITEM_FOUND",
    "UNKNOWN_BARCODE",
    "UNKNOWN_CARD",
    "DUE_DATE_SUSPECT",
    "CATALOGUE_CONFLICT",
    "CLOCK_SKEW",
    "OUT_OF_SCOPE",
)
INFO_KINDS = ("POLICY_OVERRIDE_OFFLINE", "STAFF_OVERRIDE", "CLOCK_SKEW", "LOST_ITEM_FOUND")


@dataclass(frozen=True)
class Filed:
    uuid: str
    id: int


def file_exception(
    session: Session,
    kind: str,
    branch_codes: list[str],
    summary: str,
    detail: dict[str, Any],
    *,
    device_id: int | None = None,
    op_id: str | None = None,
    subject_uuid: str | None = None,
) -> Filed:
    assert kind in KINDS, kind
    codes = sorted({c for c in branch_codes if c})
    row = m.SyncExceptionRow(
        kind=kind,
        severity="info" if kind in INFO_KINDS else "warning",
        branch_codes=codes,
        summary=summary,
        detail=detail,
        device_id=device_id,
        op_id=op_id,
        subject_uuid=subject_uuid,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    for code in codes:
        session.add(m.ExceptionBranch(exception_id=row.id, branch_code=code))
    record_change(session, "exception", row.uuid, codes or [None])
    return Filed(uuid=row.uuid, id=row.id)


def resolve(session: Session, row: m.SyncExceptionRow, resolution: str) -> None:
    row.resolved_at = utcnow()
    row.resolution = resolution
    record_change(session, "exception", row.uuid, row.branch_codes or [None])


def list_exceptions(
    session: Session, branch_code: str | None = None, status: str = "open"
) -> list[dict[str, Any]]:
    q = select(m.SyncExceptionRow).order_by(m.SyncExceptionRow.id)
    if branch_code is not None:
        q = q.join(
            m.ExceptionBranch, m.ExceptionBranch.exception_id == m.SyncExceptionRow.id
        ).where(m.ExceptionBranch.branch_code == branch_code)
    if status == "open":
        q = q.where(m.SyncExceptionRow.resolved_at.is_(None))
    elif status == "resolved":
        q = q.where(m.SyncExceptionRow.resolved_at.is_not(None))
    return [exception_data(row) for row in session.scalars(q)]
