"""The profile's headline counts (``shuwu status``, the status bar)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.device import state
from app.models import BibRecord, Item, Loan, OutboxOp, Reader
from app.services import settings


@dataclass(frozen=True)
class ProfileStatus:
    branch_code: str | None
    branch_name: str | None
    bibs: int
    items: int
    readers: int
    open_loans: int
    outbox_pending: int
    last_sync: str | None
    training_mode: bool
    # While a new device still receives the county catalogue: how much is here (0-99).
    catalogue_percent: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _count(session: Session, stmt: Any) -> int:
    return int(session.scalar(stmt) or 0)


def profile_status(session: Session) -> ProfileStatus:
    return ProfileStatus(
        branch_code=settings.get(session, settings.BRANCH_CODE),
        branch_name=settings.get(session, settings.BRANCH_NAME),
        bibs=_count(session, select(func.count()).select_from(BibRecord)),
        items=_count(session, select(func.count()).select_from(Item)),
        readers=_count(session, select(func.count()).select_from(Reader)),
        open_loans=_count(
            session, select(func.count()).select_from(Loan).where(Loan.returned_at.is_(None))
        ),
        outbox_pending=_count(
            session, select(func.count()).select_from(OutboxOp).where(OutboxOp.state == "pending")
        ),
        last_sync=state.get(session, state.LAST_SYNC),
        training_mode=settings.get_bool(session, settings.TRAINING_MODE),
        catalogue_percent=state.catalogue_percent(session),
    )
