"""Circulation-only tables (the loan, reader and credit tables themselves live in core.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedMixin
from shuwu_shared.columns import UTCDateTime


class DeskUndo(SyncedMixin, Base):
    """A desk scan taken back by staff ("undo last scan") through a compensating op.

    Nothing is deleted: an undone checkout stays in ``loan`` (closed at the undo time) and this
    row marks it void, so reports can leave it out; an undone return re-opens its loan.
    """

    __tablename__ = "circ_undo"
    id: Mapped[int] = mapped_column(primary_key=True)
    undone_op_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(32))  # checkout / return / renew
    loan_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
