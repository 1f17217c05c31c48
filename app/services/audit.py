"""Audit log writes. Never pass personal data in ``detail``; reference entities by UUID."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.models import AuditLog
from shuwu_shared.clock import Clock


def log(
    session: Session,
    clock: Clock,
    action: str,
    *,
    entity: str | None = None,
    entity_uuid: str | None = None,
    detail: dict[str, Any] | None = None,
    actor: str = "staff",
) -> None:
    session.add(
        AuditLog(
            at=clock.now(),
            actor=actor,
            action=action,
            entity=entity,
            entity_uuid=entity_uuid,
            detail=detail or {},
        )
    )
