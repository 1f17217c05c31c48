"""Resolving a conflict: one service for ``shuwu-server exceptions --resolve`` and the console.

The resolution is published on the change feed to every branch the conflict concerns
(``server.exceptions.resolve`` records the change), so each sees it at its next sync.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m
from server.exceptions import resolve
from server.feed import exception_data
from server.services.audit import audit
from server.services.errors import ServiceError, _

MAX_NOTE = 2000


def resolve_exception(
    session: Session,
    uuid: str,
    note: str,
    actor: str,
    allowed_branches: set[str] | None = None,
    default_note: str = "handled by staff",
) -> dict[str, Any]:
    """Mark one open exception handled; ``allowed_branches`` None means any branch.

    Must run in a ``server.db.writer`` transaction. Raises ServiceError on refusal.
    """
    note = (note or "").strip()
    if len(note) > MAX_NOTE or "\x00" in note:
        raise ServiceError(_("The note is too long (at most {n} characters)."), n=MAX_NOTE)
    row = session.scalar(
        select(m.SyncExceptionRow).where(m.SyncExceptionRow.uuid == (uuid or "").strip()[:36])
    )
    if row is None or (
        allowed_branches is not None and not set(row.branch_codes or []) & allowed_branches
    ):
        raise ServiceError(_("No exception {uuid}"), status=404, uuid=uuid)
    if row.resolved_at is not None:
        raise ServiceError(_("Exception {uuid} is already resolved"), status=409, uuid=row.uuid)
    resolve(session, row, note or default_note)
    audit(session, actor, "exception.resolve", row.uuid, kind=row.kind, note=row.resolution)
    return exception_data(row)
