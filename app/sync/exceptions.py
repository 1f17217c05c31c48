"""The conflicts the county filed for this branch (pulled into ``sync_exception``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import SyncException
from shuwu_shared.i18n import _


def kind_label(kind: str) -> str:
    labels = {
        "DOUBLE_CHECKOUT": _("Same copy lent at two places"),
        "ORPHAN_RETURN": _("Return before its checkout arrived"),
        "POLICY_OVERRIDE_OFFLINE": _("Rule overridden offline"),
        "STAFF_OVERRIDE": _("Staff override"),
        "LOST_ITEM_FOUND": _("Lost copy found"),
        "UNKNOWN_BARCODE": _("Unknown barcode"),
        "UNKNOWN_CARD": _("Unknown reader card"),
        "DUE_DATE_SUSPECT": _("Suspicious due date"),
        "CATALOGUE_CONFLICT": _("Catalogue conflict"),
        "CLOCK_SKEW": _("Computer clock wrong"),
        "OUT_OF_SCOPE": _("Copies of other branches left unchanged"),
    }
    return labels.get(kind, kind)


@dataclass(frozen=True)
class ExceptionView:
    uuid: str
    kind: str
    kind_label: str
    summary: str
    created_at: datetime
    resolved_at: datetime | None


def list_exceptions(session: Session, include_resolved: bool = False) -> list[ExceptionView]:
    stmt = select(SyncException).order_by(SyncException.created_at.desc())
    if not include_resolved:
        stmt = stmt.where(SyncException.resolved_at.is_(None))
    return [
        ExceptionView(e.uuid, e.kind, kind_label(e.kind), e.summary, e.created_at, e.resolved_at)
        for e in session.scalars(stmt)
    ]


def open_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).where(SyncException.resolved_at.is_(None))) or 0)
