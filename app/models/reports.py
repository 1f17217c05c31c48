"""Tables the reports need beyond circulation: branch activities and daily head counts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedMixin
from app.models.core import Item, Loan
from shuwu_shared.columns import UTCDateTime

ACTIVITY_KINDS = ("delivery", "lecture", "children", "training", "exhibition", "other")


class Activity(SyncedMixin, Base):
    """A branch activity (送书下乡, 讲座, 少儿课堂, 培训…) and its attendance; op ``activity``."""

    __tablename__ = "activity"
    __table_args__ = (
        CheckConstraint("attendance >= 0", name="attendance"),
        Index("ix_activity_branch_date", "branch_code", "on_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(32))
    on_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    attendance: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class VisitCount(Base):
    """The head count (到馆人次) the librarian entered for one day; synced as ``visit_count``."""

    __tablename__ = "visit_count"
    __table_args__ = (
        UniqueConstraint("branch_code", "on_date", name="uq_visit_count_branch_day"),
        CheckConstraint("count >= 0", name="count"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(32))
    on_date: Mapped[date] = mapped_column(Date)
    count: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


# Covering indexes for the report queries (GROUP BY over a year of loans and the whole
# collection reads only these indexes, never the tables): see app/services/reports/compute.py.
_loan = Loan.__table__.c
_item = Item.__table__.c
Index(
    "ix_report_loan_out",
    _loan.checkout_at,
    _loan.branch_code,
    _loan.reader_id,
    _loan.item_id,
    _loan.returned_at,
    _loan.due_at,
)
Index(
    "ix_report_loan_branch_out",
    _loan.branch_code,
    _loan.checkout_at,
    _loan.reader_id,
    _loan.item_id,
    _loan.returned_at,
    _loan.due_at,
)
Index(
    "ix_report_loan_back",
    _loan.returned_at,
    _loan.return_branch_code,
    _loan.checkout_at,
    _loan.due_at,
    _loan.reader_id,
)
Index(
    "ix_report_loan_branch_back",
    _loan.return_branch_code,
    _loan.returned_at,
    _loan.checkout_at,
    _loan.due_at,
    _loan.reader_id,
)
Index(
    "ix_report_item_bib",
    _item.bib_id,
    _item.home_branch_code,
    _item.status,
    _item.acquired_on,
    _item.created_at,
)
Index(
    "ix_report_item_branch",
    _item.home_branch_code,
    _item.bib_id,
    _item.status,
    _item.acquired_on,
    _item.created_at,
)
