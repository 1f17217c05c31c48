"""The per-item circulation timeline, folded by corrected time.

Every checkout and return of a copy is kept as a ``circ_event``. After each new fact the
item's whole timeline is replayed in time order, so the outcome does not depend on the order
in which offline devices happened to sync:

- a checkout while another loan is still open closes that loan as an implied return at this
  checkout's time, and the pair is a DOUBLE_CHECKOUT;
- a return closes the loan it names, or (unnamed) the loan open at that time; a return with
  no loan to close is an ORPHAN_RETURN until the checkout arrives.

Exceptions follow the fold: a conflict that a later fact explains (the real return arrived
and came before the copy was lent again) is resolved automatically.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m
from server.exceptions import resolve
from server.ops import lookups, publish
from server.ops.context import OpContext
from server.timeutil import iso
from shuwu_shared.i18n import _


@dataclass
class Close:
    returned_at: datetime | None = None
    branch: str | None = None
    closed_by: str | None = None


def _timeline(s: Session, item: m.Item) -> lookups.Timeline:
    """The copy's loans and returns: from the batch index, else two queries (then indexed)."""
    index = lookups.active(s)
    if index is not None and item.id in index.timeline:
        return index.timeline[item.id]
    loans = select(m.Loan).where(m.Loan.item_id == item.id).order_by(m.Loan.id)
    returns = select(m.CircEvent).where(
        m.CircEvent.item_id == item.id, m.CircEvent.kind == "return"
    )
    line = lookups.Timeline(
        loans=list(s.scalars(loans)),
        returns=list(s.scalars(returns.order_by(m.CircEvent.id))),
        double_checkouts=None,
    )
    if index is not None:
        index.timeline[item.id] = line
    return line


@dataclass(frozen=True)
class _Checkout:
    """A loan as the checkout event of the replay (seeded loans have no checkout event)."""

    loan_uuid: str
    at: datetime
    kind: str = "checkout"


def _return_order(position: int, event: m.CircEvent) -> tuple[int, int]:
    """Equal times are ordered by event id. Not flushed yet (no id): after every stored
    event, in the order they were added, which is the order the flush gives them their ids;
    the batch index (``lookups``) appends new returns to a copy's line in that order."""
    return (0, event.id) if event.id is not None else (1, position)


def refold(ctx: OpContext, item: m.Item) -> None:
    s = ctx.session
    # No flush here: a copy not in the batch index is read by a query (which flushes first);
    # one in it orders its new, unflushed returns as the flush will (``_return_order``).
    line = _timeline(s, item)
    loans = {x.uuid: x for x in line.loans}
    # The loans themselves are the checkouts. At equal times a return goes first: the copy
    # came back, then it was lent again; checkouts of equal times keep the loans' order.
    keyed: list[tuple[tuple[datetime, bool, tuple[int, int]], m.CircEvent | _Checkout]] = [
        ((e.at, False, _return_order(n, e)), e) for n, e in enumerate(line.returns)
    ]
    for n, x in enumerate(loans.values()):
        keyed.append(((x.checkout_at, True, (0, n)), _Checkout(x.uuid, x.checkout_at)))
    keyed.sort(key=lambda pair: pair[0])
    events = [e for _key, e in keyed]
    closes: dict[str, Close] = {u: Close() for u in loans}
    pairs: list[tuple[str, str]] = []
    orphans: list[m.CircEvent] = []
    matched: list[m.CircEvent] = []
    open_uuid: str | None = None
    last_return: m.CircEvent | None = None
    for event in events:
        if isinstance(event, _Checkout):
            if open_uuid is not None:
                closes[open_uuid] = Close(event.at, None, "implied")
                pairs.append((open_uuid, str(event.loan_uuid)))
            open_uuid = event.loan_uuid
            last_return = None
            continue
        named = event.loan_uuid
        if named is not None and named in loans:
            if named == open_uuid:
                closes[named] = Close(event.at, event.branch_code, "return")
                open_uuid = None
                matched.append(event)
                last_return = event
            elif closes[named].closed_by == "implied":
                matched.append(event)  # the real return of a loan the copy outgrew
            else:
                orphans.append(event)  # its checkout is later in time: a clock or data issue
        elif named is None and open_uuid is not None:
            closes[open_uuid] = Close(event.at, event.branch_code, "return")
            open_uuid = None
            matched.append(event)
            last_return = event
        else:
            orphans.append(event)
            if open_uuid is None:
                last_return = event
    for uuid, loan in loans.items():
        close = closes[uuid]
        if close.returned_at is not None and close.returned_at < loan.checkout_at:
            close.returned_at = loan.checkout_at
        current = (loan.returned_at, loan.return_branch_code, loan.closed_by)
        if current != (close.returned_at, close.branch, close.closed_by):
            loan.returned_at, loan.return_branch_code, loan.closed_by = (
                close.returned_at,
                close.branch,
                close.closed_by,
            )
            publish.loan(ctx, loan, item.home_branch_code)
    _sync_double_checkouts(ctx, item, loans, pairs, line)
    _sync_orphans(ctx, item, orphans, matched)
    _item_state(ctx, item, loans.get(open_uuid) if open_uuid else None, last_return)


def _sync_double_checkouts(
    ctx: OpContext,
    item: m.Item,
    loans: dict[str, m.Loan],
    pairs: list[tuple[str, str]],
    line: lookups.Timeline,
) -> None:
    s = ctx.session
    if line.double_checkouts is None:
        line.double_checkouts = list(
            s.scalars(
                select(m.SyncExceptionRow)
                .where(
                    m.SyncExceptionRow.kind == "DOUBLE_CHECKOUT",
                    m.SyncExceptionRow.subject_uuid == item.uuid,
                )
                .order_by(m.SyncExceptionRow.id)
            )
        )
    filed = line.double_checkouts
    wanted = {frozenset(p) for p in pairs}
    known = {frozenset((row.detail or {}).get("loan_uuids") or []): row for row in filed}
    for key, row in known.items():
        if key not in wanted and row.resolved_at is None:
            resolve(s, row, _("The return arrived: the copy came back before it was lent again"))
    for first, second in pairs:
        if frozenset((first, second)) in known:
            continue
        line.double_checkouts = None  # the row filed below: looked up again next time
        a, b = loans[first], loans[second]
        ctx.file(
            "DOUBLE_CHECKOUT",
            [a.branch_code, b.branch_code, item.home_branch_code],
            _(
                "Copy {barcode} was lent at {a} and at {b} while offline; "
                "both loans are kept, the earlier one is closed"
            ).format(barcode=item.barcode, a=a.branch_code, b=b.branch_code),
            {
                "barcode": item.barcode,
                "item_uuid": item.uuid,
                "loan_uuids": [a.uuid, b.uuid],
                "loans": [
                    {"uuid": x.uuid, "branch": x.branch_code, "checkout_at": iso(x.checkout_at)}
                    for x in (a, b)
                ],
            },
            subject_uuid=item.uuid,
        )


def _sync_orphans(
    ctx: OpContext, item: m.Item, orphans: list[m.CircEvent], matched: list[m.CircEvent]
) -> None:
    s = ctx.session
    for event in matched:
        exception_uuid = (event.payload or {}).get("_exception_uuid")
        if exception_uuid:
            row = s.scalar(
                select(m.SyncExceptionRow).where(m.SyncExceptionRow.uuid == exception_uuid)
            )
            if row is not None and row.resolved_at is None:
                resolve(s, row, _("The checkout arrived; the return closed its loan"))
    for event in orphans:
        exception_uuid = (event.payload or {}).get("_exception_uuid")
        if exception_uuid:
            row = s.scalar(
                select(m.SyncExceptionRow).where(m.SyncExceptionRow.uuid == exception_uuid)
            )
            if row is not None and row.resolved_at is None:
                continue
        new_uuid = ctx.file(
            "ORPHAN_RETURN",
            [event.branch_code, item.home_branch_code],
            _(
                "Copy {barcode} was returned at {branch} before its loan reached the "
                "county; the return is kept"
            ).format(barcode=item.barcode, branch=event.branch_code),
            {
                "barcode": item.barcode,
                "loan_uuid": event.loan_uuid,
                "returned_at": iso(event.at),
            },
            subject_uuid=item.uuid,
        )
        event.payload = {**(event.payload or {}), "_exception_uuid": new_uuid}


def _item_state(
    ctx: OpContext, item: m.Item, open_loan: m.Loan | None, last_return: m.CircEvent | None
) -> None:
    before = (item.status, item.current_branch_code)
    if open_loan is not None:
        item.status = "on_loan"
        item.current_branch_code = open_loan.branch_code
    elif last_return is not None and (
        item.status == "on_loan"
        or (last_return.op_id == ctx.op_id and item.status in ("available", "in_transit"))
    ):
        # Only the newest fact moves the copy: an old return arriving late does not undo a
        # transfer made since.
        branch = last_return.branch_code or item.current_branch_code
        transit_to = (last_return.payload or {}).get("in_transit_to")
        item.current_branch_code = branch
        item.status = "in_transit" if transit_to and transit_to != branch else "available"
    elif item.status == "on_loan":
        item.status = "available"
    if (item.status, item.current_branch_code) != before:
        item.updated_at = ctx.received_at
        publish.item(ctx, item)
