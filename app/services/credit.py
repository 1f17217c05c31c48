"""Credit points (信用积分) as an append-only ledger: a reader's points are the sum of entries.

The rules come from the county (``credit_rules``, synced) and follow the published rule sets
(see docs/ops.md and the README): points start at ``start_points``; an overdue return deducts
``deduct_per_item_day`` per day after ``grace_days``, at most ``cap_per_item`` per item; the
ledger is clamped so it never goes below ``floor``; reaching the floor freezes borrowing for
``freeze_days`` (泉州/邹平/洛阳 style), after which the balance is reset to ``reset_points``;
below ``borrow_threshold`` checkout is refused. Amnesty windows (免扣积分, e.g. 陵川 2020) make
overdue returns in the window free; applying a window afterwards refunds deductions made for
returns inside it, and a ``restore`` window also restores every reader to the starting points
(陵川: "恢复读者证初始信用积分"). Optional earn rules in ``extra``: ``earn_per_loan`` with
``earn_daily_cap``.

Every entry is also an outbox ``credit_entry`` op, written in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import CreditEntry, CreditRules, Loan, Reader
from app.services import audit
from app.services.outbox import record_op
from shuwu_shared.clock import Clock
from shuwu_shared.columns import new_uuid
from shuwu_shared.domain.credit import CREDIT_DEFAULTS
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

# China has one time zone and no daylight saving: due dates and amnesty days are local dates.
LOCAL_TZ = timezone(timedelta(hours=8))

# Ledger reasons.
INITIAL = "initial"
EARN = "earn"
OVERDUE = "overdue"
AMNESTY = "amnesty"  # an overdue return inside an amnesty window: recorded, 0 points
AMNESTY_REFUND = "amnesty_refund"
AMNESTY_RESTORE = "amnesty_restore"
FREEZE = "freeze"
RESET = "reset"
UNFREEZE = "unfreeze"
MANUAL = "manual"
UNDO = "undo"
_FREEZE_MARKERS = (FREEZE, RESET, UNFREEZE, AMNESTY_RESTORE)


def local_date(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TZ).date()


def end_of_local_day(day: date) -> datetime:
    """Due dates are whole days: the loan is due by the end of that local day."""
    return datetime.combine(day, time(23, 59, 59), LOCAL_TZ).astimezone(UTC)


@dataclass(frozen=True)
class AmnestyWindow:
    start: date
    end: date
    note: str = ""
    restore: bool = False

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def key(self) -> str:
        return f"amnesty:{self.start.isoformat()}..{self.end.isoformat()}"

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "note": self.note,
            "restore": self.restore,
        }


@dataclass(frozen=True)
class Rules:
    start_points: int = CREDIT_DEFAULTS.start_points
    deduct_per_item_day: int = CREDIT_DEFAULTS.deduct_per_item_day
    cap_per_item: int = CREDIT_DEFAULTS.cap_per_item
    floor: int = CREDIT_DEFAULTS.floor
    borrow_threshold: int = CREDIT_DEFAULTS.borrow_threshold
    freeze_days: int = CREDIT_DEFAULTS.freeze_days
    reset_points: int = CREDIT_DEFAULTS.reset_points
    grace_days: int = CREDIT_DEFAULTS.grace_days
    amnesty: tuple[AmnestyWindow, ...] = ()
    earn_per_loan: int = 0
    earn_daily_cap: int = 0

    def amnesty_on(self, day: date) -> AmnestyWindow | None:
        return next((w for w in self.amnesty if w.covers(day)), None)


def _parse_window(raw: Any) -> AmnestyWindow | None:
    if isinstance(raw, list | tuple) and len(raw) >= 2:  # [start, end, note] form
        raw = {"start": raw[0], "end": raw[1], "note": raw[2] if len(raw) > 2 else ""}
    if not isinstance(raw, dict):
        return None
    try:
        return AmnestyWindow(
            start=date.fromisoformat(str(raw["start"])),
            end=date.fromisoformat(str(raw["end"])),
            note=str(raw.get("note") or ""),
            restore=bool(raw.get("restore", False)),
        )
    except (KeyError, ValueError):
        return None  # a malformed window from the server is ignored, never a crash


def load_rules(session: Session) -> Rules:
    row = session.scalar(select(CreditRules).order_by(CreditRules.id))
    if row is None:
        return Rules()
    windows = tuple(w for w in (_parse_window(r) for r in (row.amnesty or [])) if w is not None)
    extra = row.extra or {}
    return Rules(
        start_points=row.start_points,
        deduct_per_item_day=row.deduct_per_item_day,
        cap_per_item=row.cap_per_item,
        floor=row.floor,
        borrow_threshold=row.borrow_threshold,
        freeze_days=row.freeze_days,
        reset_points=row.reset_points,
        grace_days=row.grace_days,
        amnesty=windows,
        earn_per_loan=int(str(extra.get("earn_per_loan", 0) or 0)),
        earn_daily_cap=int(str(extra.get("earn_daily_cap", 0) or 0)),
    )


# --- pure arithmetic -------------------------------------------------------------------------


def overdue_days(due_at: datetime, returned_at: datetime, grace_days: int = 0) -> int:
    """Whole local days late, after the grace days."""
    late = (local_date(returned_at) - local_date(due_at)).days
    return max(0, late - max(0, grace_days))


def overdue_deduction(rules: Rules, due_at: datetime, returned_at: datetime) -> int:
    """Points to deduct (a positive number) for one item, capped per item."""
    days = overdue_days(due_at, returned_at, rules.grace_days)
    return min(days * rules.deduct_per_item_day, rules.cap_per_item)


def clamp_delta(balance: int, delta: int, floor: int) -> int:
    """The part of ``delta`` the ledger can take without going below ``floor``."""
    if delta >= 0:
        return delta
    return max(delta, min(0, floor - balance))


# --- ledger ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerEntry:
    uuid: str
    delta: int
    reason: str
    loan_uuid: str | None
    note: str | None
    created_at: datetime


@dataclass(frozen=True)
class CreditSummary:
    balance: int
    threshold: int
    floor: int
    frozen_until: date | None
    can_borrow: bool


def balance(session: Session, reader_id: int) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(CreditEntry.delta), 0)).where(
            CreditEntry.reader_id == reader_id
        )
    )
    return int(total or 0)


def add_entry(
    session: Session,
    clock: Clock,
    reader: Reader,
    delta: int,
    reason: str,
    *,
    loan_uuid: str | None = None,
    note: str | None = None,
    floor: int | None = None,
) -> LedgerEntry:
    """Append an entry (clamped at the floor) and its credit_entry op."""
    if floor is None:
        floor = load_rules(session).floor
    applied = clamp_delta(balance(session, reader.id), delta, floor)
    entry = CreditEntry(
        uuid=new_uuid(),
        reader_id=reader.id,
        delta=applied,
        reason=reason,
        loan_uuid=loan_uuid,
        note=note,
        created_at=clock.now(),
    )
    session.add(entry)
    session.flush()
    record_op(
        session,
        clock,
        "credit_entry",
        {
            "entry_uuid": entry.uuid,
            "reader_uuid": reader.uuid,
            "delta": applied,
            "reason": reason,
            "loan_uuid": loan_uuid,
            "created_at": entry.created_at.isoformat(),
            "note": note,
        },
    )
    return _entry_view(entry)


def _entry_view(entry: CreditEntry) -> LedgerEntry:
    return LedgerEntry(
        uuid=entry.uuid,
        delta=entry.delta,
        reason=entry.reason,
        loan_uuid=entry.loan_uuid,
        note=entry.note,
        created_at=entry.created_at,
    )


def ledger(session: Session, reader_id: int) -> list[LedgerEntry]:
    stmt = (
        select(CreditEntry)
        .where(CreditEntry.reader_id == reader_id)
        .order_by(CreditEntry.created_at, CreditEntry.id)
    )
    return [_entry_view(e) for e in session.scalars(stmt)]


def open_account(session: Session, clock: Clock, reader: Reader) -> None:
    rules = load_rules(session)
    add_entry(session, clock, reader, rules.start_points, INITIAL, floor=rules.floor)


def frozen_until(session: Session, reader: Reader, rules: Rules) -> date | None:
    """The day the current freeze ends, or None. Derived from the ledger itself."""
    last = session.scalar(
        select(CreditEntry)
        .where(CreditEntry.reader_id == reader.id, CreditEntry.reason.in_(_FREEZE_MARKERS))
        .order_by(CreditEntry.created_at.desc(), CreditEntry.id.desc())
        .limit(1)
    )
    if last is None or last.reason != FREEZE:
        return None
    return local_date(last.created_at) + timedelta(days=rules.freeze_days)


def kept_elsewhere(session: Session, reader: Reader) -> bool:
    """A reader of another branch: their home branch keeps the whole ledger. This PC holds only
    its own loans' entries, so it never decides their freeze, reset or restore (and the county
    would refuse them: docs/sync-protocol.md, authorization matrix)."""
    from app.services import settings

    own = settings.get(session, settings.BRANCH_CODE)
    return bool(own) and reader.home_branch_code != own


def settle(session: Session, clock: Clock, reader: Reader, rules: Rules | None = None) -> None:
    """End a freeze whose time is up: reset the balance to ``reset_points``."""
    if kept_elsewhere(session, reader):
        return
    rules = rules or load_rules(session)
    until = frozen_until(session, reader, rules)
    if until is None or local_date(clock.now()) < until:
        return
    delta = max(0, rules.reset_points - balance(session, reader.id))
    add_entry(session, clock, reader, delta, RESET, note=until.isoformat(), floor=rules.floor)


def _after_change(session: Session, clock: Clock, reader: Reader, rules: Rules) -> None:
    """Freeze at the floor; lift a freeze when points came back (refund, restore)."""
    if rules.freeze_days <= 0 or kept_elsewhere(session, reader):
        return
    current = balance(session, reader.id)
    until = frozen_until(session, reader, rules)
    if until is None and current <= rules.floor:
        end = local_date(clock.now()) + timedelta(days=rules.freeze_days)
        add_entry(session, clock, reader, 0, FREEZE, note=end.isoformat(), floor=rules.floor)
    elif until is not None and current > rules.floor:
        add_entry(session, clock, reader, 0, UNFREEZE, floor=rules.floor)


def summary(
    session: Session, clock: Clock, reader: Reader, rules: Rules | None = None
) -> CreditSummary:
    """The reader's standing as ``settle`` would leave it, without writing (reads never write:
    the reset entry itself is appended by the next operation that changes credit)."""
    rules = rules or load_rules(session)
    points = balance(session, reader.id)
    until = frozen_until(session, reader, rules)
    if until is not None and local_date(clock.now()) >= until:
        until = None
        if not kept_elsewhere(session, reader):
            points = max(points, rules.reset_points)  # what settle() will append
    return CreditSummary(
        balance=points,
        threshold=rules.borrow_threshold,
        floor=rules.floor,
        frozen_until=until,
        can_borrow=until is None and points >= rules.borrow_threshold,
    )


def on_return(
    session: Session,
    clock: Clock,
    reader: Reader,
    loan: Loan,
    returned_at: datetime,
    rules: Rules | None = None,
) -> int:
    """Deduct for an overdue return (or record the amnesty); returns the applied delta."""
    rules = rules or load_rules(session)
    points = overdue_deduction(rules, loan.due_at, returned_at)
    if points <= 0:
        return 0
    days = overdue_days(loan.due_at, returned_at, rules.grace_days)
    window = rules.amnesty_on(local_date(returned_at))
    if window is not None:
        add_entry(
            session,
            clock,
            reader,
            0,
            AMNESTY,
            loan_uuid=loan.uuid,
            note=window.key,
            floor=rules.floor,
        )
        return 0
    entry = add_entry(
        session,
        clock,
        reader,
        -points,
        OVERDUE,
        loan_uuid=loan.uuid,
        note=_("{days} days overdue").format(days=days),
        floor=rules.floor,
    )
    _after_change(session, clock, reader, rules)
    return entry.delta


def on_checkout(
    session: Session, clock: Clock, reader: Reader, loan: Loan, rules: Rules | None = None
) -> int:
    """Earn points per loan where the county's rules say so (daily cap); returns the delta."""
    rules = rules or load_rules(session)
    if rules.earn_per_loan <= 0:
        return 0
    today = local_date(clock.now())
    start = datetime.combine(today, time(0), LOCAL_TZ).astimezone(UTC)
    earned = int(
        session.scalar(
            select(func.coalesce(func.sum(CreditEntry.delta), 0)).where(
                CreditEntry.reader_id == reader.id,
                CreditEntry.reason == EARN,
                CreditEntry.created_at >= start,
            )
        )
        or 0
    )
    room = rules.earn_per_loan
    if rules.earn_daily_cap > 0:
        room = min(room, rules.earn_daily_cap - earned)
    if room <= 0:
        return 0
    add_entry(session, clock, reader, room, EARN, loan_uuid=loan.uuid, floor=rules.floor)
    _after_change(session, clock, reader, rules)
    return room


def reverse_loan_entries(session: Session, clock: Clock, reader: Reader, loan_uuid: str) -> int:
    """Undo of a scan: give back what its ledger entries took (or take back what they gave)."""
    rules = load_rules(session)
    total = int(
        session.scalar(
            select(func.coalesce(func.sum(CreditEntry.delta), 0)).where(
                CreditEntry.reader_id == reader.id,
                CreditEntry.loan_uuid == loan_uuid,
                CreditEntry.reason.in_((OVERDUE, EARN, UNDO)),
            )
        )
        or 0
    )
    if total == 0:
        return 0
    entry = add_entry(session, clock, reader, -total, UNDO, loan_uuid=loan_uuid, floor=rules.floor)
    _after_change(session, clock, reader, rules)
    return entry.delta


def adjust(session: Session, clock: Clock, reader: Reader, delta: int, note: str) -> LedgerEntry:
    """A staff correction; the note is required and audited."""
    if not note.strip():
        raise UserInputError(_("Give a reason for the points correction."), code="note_required")
    rules = load_rules(session)
    entry = add_entry(session, clock, reader, delta, MANUAL, note=note.strip(), floor=rules.floor)
    _after_change(session, clock, reader, rules)
    audit.log(
        session,
        clock,
        "credit_adjust",
        entity="reader",
        entity_uuid=reader.uuid,
        detail={"delta": entry.delta},
    )
    return entry


# --- amnesty ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AmnestyResult:
    window: AmnestyWindow
    refunded_entries: int
    refunded_points: int
    restored_readers: int


def add_amnesty(session: Session, clock: Clock, window: AmnestyWindow) -> AmnestyResult:
    """Add a window to the local rules (trainers, tests, county staff) and apply it."""
    if window.end < window.start:
        raise UserInputError(_("The amnesty ends before it starts."), code="amnesty_dates")
    row = session.scalar(select(CreditRules).order_by(CreditRules.id))
    if row is None:
        row = CreditRules(amnesty=[], extra={})
        session.add(row)
    windows = [w for w in (row.amnesty or []) if _parse_window(w) != window]
    row.amnesty = [*windows, window.to_json()]
    session.flush()
    audit.log(session, clock, "amnesty_add", detail=window.to_json())
    return apply_amnesty(session, clock, window)


def apply_amnesty(session: Session, clock: Clock, window: AmnestyWindow) -> AmnestyResult:
    """Refund overdue deductions for returns inside the window; idempotent."""
    rules = load_rules(session)
    refunded_uuids = set(
        session.scalars(
            select(CreditEntry.loan_uuid).where(CreditEntry.reason == AMNESTY_REFUND)
        ).all()
    )
    rows = session.execute(
        select(CreditEntry, Loan)
        .join(Loan, Loan.uuid == CreditEntry.loan_uuid)
        .where(CreditEntry.reason == OVERDUE, Loan.returned_at.is_not(None))
        .order_by(CreditEntry.id)
    ).all()
    count = points = 0
    touched: dict[int, Reader] = {}
    for entry, loan in rows:
        assert loan.returned_at is not None
        if entry.loan_uuid in refunded_uuids or not window.covers(local_date(loan.returned_at)):
            continue
        reader = session.get(Reader, entry.reader_id)
        if reader is None or entry.delta >= 0:
            continue
        add_entry(
            session,
            clock,
            reader,
            -entry.delta,
            AMNESTY_REFUND,
            loan_uuid=entry.loan_uuid,
            note=window.key,
            floor=rules.floor,
        )
        refunded_uuids.add(entry.loan_uuid)
        count += 1
        points += -entry.delta
        touched[reader.id] = reader
    restored = 0
    if window.restore:
        restored = _restore_all(session, clock, window, rules)
    for reader in touched.values():
        _after_change(session, clock, reader, rules)
    return AmnestyResult(window, count, points, restored)


def _restore_all(session: Session, clock: Clock, window: AmnestyWindow, rules: Rules) -> int:
    done = set(
        session.scalars(
            select(CreditEntry.reader_id).where(
                CreditEntry.reason == AMNESTY_RESTORE, CreditEntry.note == window.key
            )
        ).all()
    )
    restored = 0
    for reader in session.scalars(select(Reader).order_by(Reader.id)):
        if reader.id in done or kept_elsewhere(session, reader):
            continue
        missing = rules.start_points - balance(session, reader.id)
        frozen = frozen_until(session, reader, rules) is not None
        if missing <= 0 and not frozen:
            continue
        add_entry(
            session,
            clock,
            reader,
            max(0, missing),
            AMNESTY_RESTORE,
            note=window.key,
            floor=rules.floor,
        )
        restored += 1
    return restored
