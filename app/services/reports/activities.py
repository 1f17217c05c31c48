"""The branch's activities log and daily head counts; both sync as outbox ops."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Activity, VisitCount
from app.models.reports import ACTIVITY_KINDS as ACTIVITY_KINDS  # re-exported for the UI
from app.services import settings
from app.services.outbox import record_op
from shuwu_shared.clock import Clock
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.reports.source import LOCAL_TZ

MAX_ATTENDANCE = 100_000


@dataclass(frozen=True)
class ActivityView:
    uuid: str
    branch_code: str
    on_date: date
    kind: str
    title: str
    attendance: int
    note: str


def _branch(session: Session, branch: str | None) -> str:
    code = (branch or settings.get(session, settings.BRANCH_CODE) or "").strip()
    if not code:
        raise UserInputError(
            _("This computer has no branch yet; enrol it or give the branch code."),
            code="branch",
        )
    return code


def _check_day(clock: Clock, day: date) -> None:
    today = clock.now().astimezone(LOCAL_TZ).date()
    if day > today:
        raise UserInputError(
            _("{day} is in the future; record activities and visits after they happen.").format(
                day=day.isoformat()
            ),
            code="date",
        )


def _check_count(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_ATTENDANCE:
        raise UserInputError(
            _("The {what} must be a whole number from 0 to {limit}.").format(
                what=what, limit=MAX_ATTENDANCE
            ),
            code="count",
        )
    return value


def record_activity(
    session: Session,
    clock: Clock,
    *,
    on_date: date,
    kind: str,
    title: str,
    attendance: int,
    note: str = "",
    branch: str | None = None,
) -> ActivityView:
    """Add an activity to the log (and the outbox, in the same transaction)."""
    code = _branch(session, branch)
    if kind not in ACTIVITY_KINDS:
        raise UserInputError(_("Unknown activity kind {kind}.").format(kind=kind), code="kind")
    title = title.strip()
    if not title:
        raise UserInputError(_("Give the activity a title."), code="title")
    if len(title) > 200:
        raise UserInputError(_("The title is too long (200 characters at most)."), code="title")
    _check_day(clock, on_date)
    _check_count(attendance, _("attendance"))
    row = Activity(
        branch_code=code,
        on_date=on_date,
        kind=kind,
        title=title,
        attendance=attendance,
        note=note.strip() or None,
        created_at=clock.now(),
    )
    session.add(row)
    session.flush()
    record_op(
        session,
        clock,
        "activity",
        {
            "activity_uuid": row.uuid,
            "branch": code,
            "date": on_date.isoformat(),
            "kind": kind,
            "title": title,
            "attendance": attendance,
            "note": row.note,
        },
    )
    return _view(row)


def _view(row: Activity) -> ActivityView:
    return ActivityView(
        row.uuid, row.branch_code, row.on_date, row.kind, row.title, row.attendance, row.note or ""
    )


def list_activities(
    session: Session, start: date, end: date, branch: str | None = None, limit: int = 1000
) -> list[ActivityView]:
    """The latest activities in the range, newest first."""
    stmt = select(Activity).where(Activity.on_date >= start, Activity.on_date <= end)
    if branch:
        stmt = stmt.where(Activity.branch_code == branch)
    rows = session.scalars(
        stmt.order_by(Activity.on_date.desc(), Activity.id.desc()).limit(limit)
    ).all()
    return [_view(r) for r in rows]


@dataclass(frozen=True)
class VisitCountView:
    branch_code: str
    on_date: date
    count: int


def set_visit_count(
    session: Session, clock: Clock, *, on_date: date, count: int, branch: str | None = None
) -> VisitCountView:
    """Enter (or correct) the day's head count; it replaces the desk-derived figure that day."""
    code = _branch(session, branch)
    _check_day(clock, on_date)
    _check_count(count, _("head count"))
    row = session.scalar(
        select(VisitCount).where(VisitCount.branch_code == code, VisitCount.on_date == on_date)
    )
    if row is None:
        row = VisitCount(branch_code=code, on_date=on_date, count=count, updated_at=clock.now())
        session.add(row)
    else:
        row.count = count
        row.updated_at = clock.now()
    session.flush()
    record_op(
        session,
        clock,
        "visit_count",
        {"branch": code, "date": on_date.isoformat(), "count": count, "source": "manual"},
    )
    return VisitCountView(code, on_date, count)
