"""The audit log: every change made by staff, with who and when."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from server.console.models import AuditEntry
from server.timeutil import utcnow


def audit(
    session: Session, actor: str, action: str, target: str | None, **detail: Any
) -> AuditEntry:
    entry = AuditEntry(
        at=utcnow(),
        actor=actor[:64],
        action=action[:48],
        target=(target or "")[:200] or None,
        detail=detail,
    )
    session.add(entry)
    return entry
