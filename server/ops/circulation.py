"""Checkout, return, renew and undo folded into a per-item timeline by corrected time.

Facts from offline devices arrive late and out of order. Nothing is dropped: a conflicting
fact is applied in its most plausible form and an exception tells staff what happened.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from app.i18n import _
from server import models as m
from server.exceptions import resolve
from server.ops import publish
from server.ops.context import OpContext, OpRejected, find_item, find_reader, opt_str, req
from server.timeutil import iso

LOST_STATUSES = ("lost", "missing")
MAX_PLAUSIBLE_LOAN = timedelta(days=400)


def _event(
    ctx: OpContext,
    kind: str,
    item: m.Item | None,
    at: datetime,
    payload: dict[str, Any],
    loan_uuid: str | None,
    branch: str | None,
) -> m.CircEvent:
    event = m.CircEvent(
        item_id=item.id if item is not None else None,
        barcode=item.barcode if item is not None else opt_str(payload, "barcode"),
        kind=kind,
        loan_uuid=loan_uuid,
        branch_code=branch,
        at=at,
        device_id=ctx.device.id,
        op_id=ctx.op_id,
        payload=payload,
    )
    ctx.session.add(event)
    ctx.session.flush()
    return event


def _refresh_item_status(ctx: OpContext, item: m.Item, now: datetime) -> None:
    open_loan = ctx.session.scalar(
        select(m.Loan)
        .where(m.Loan.item_id == item.id, m.Loan.returned_at.is_(None))
        .order_by(m.Loan.checkout_at.desc())
        .limit(1)
    )
    if open_loan is not None:
        item.status = "on_loan"
        item.current_branch_code = open_loan.branch_code
    elif item.status == "on_loan":
        item.status = "available"
    item.updated_at = now
    publish.item(ctx, item)


def _unknown_item(ctx: OpContext, payload: dict[str, Any], at: datetime, branch: str) -> None:
    barcode = opt_str(payload, "barcode") or "?"
    _event(ctx, f"{ctx.kind}_parked", None, at, payload, opt_str(payload, "loan_uuid"), branch)
    ctx.file(
        "UNKNOWN_BARCODE",
        [branch],
        _("Unknown barcode {barcode} scanned ({kind}); the scan is kept here").format(
            barcode=barcode, kind=ctx.kind
        ),
        {"barcode": barcode, "payload": payload},
    )


def _lost_found(ctx: OpContext, item: m.Item, branch: str) -> None:
    if item.status in LOST_STATUSES:
        ctx.file(
            "LOST_ITEM_FOUND",
            [branch, item.home_branch_code],
            _("Copy {barcode}, recorded as {status}, was scanned at {branch}").format(
                barcode=item.barcode, status=item.status, branch=branch
            ),
            {"barcode": item.barcode, "previous_status": item.status},
        )
        item.status = "available"


def checkout(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    loan_uuid = str(req(p, "loan_uuid"))
    branch = opt_str(p, "branch") or ctx.branch
    at = ctx.time(p, "checkout_at") or ctx.corrected_at
    if s.scalar(select(m.Loan.id).where(m.Loan.uuid == loan_uuid)) is not None:
        return  # the same loan reached us through another path (bundle and network)
    item = find_item(s, p.get("item_uuid"), p.get("barcode"))
    if item is None:
        _unknown_item(ctx, p, at, branch)
        return
    reader = find_reader(s, p.get("reader_uuid"), p.get("card"))
    if reader is None:
        card = opt_str(p, "card") or "?"
        _event(ctx, "checkout_parked", item, at, p, loan_uuid, branch)
        ctx.file(
            "UNKNOWN_CARD",
            [branch],
            _("Copy {barcode} lent to unknown card {card}; the loan is kept here").format(
                barcode=item.barcode, card=card
            ),
            {"card": card, "barcode": item.barcode, "payload": p},
        )
        return
    policy = s.scalar(
        select(m.CirculationPolicy).where(m.CirculationPolicy.reader_type == reader.reader_type)
    )
    due = ctx.time(p, "due_at") or at + timedelta(days=policy.loan_days if policy else 30)
    _lost_found(ctx, item, branch)
    override = opt_str(p, "override_reason")
    if override or reader.status != "active":
        ctx.file(
            "POLICY_OVERRIDE_OFFLINE",
            [branch, reader.home_branch_code],
            _("Copy {barcode} lent to card {card} despite a rule ({reason})").format(
                barcode=item.barcode,
                card=reader.card,
                reason=override or _("reader is {status}").format(status=reader.status),
            ),
            {
                "barcode": item.barcode,
                "card": reader.card,
                "override_reason": override,
                "reader_status": reader.status,
            },
        )
    if due < at or due - at > MAX_PLAUSIBLE_LOAN:
        ctx.file(
            "DUE_DATE_SUSPECT",
            [branch],
            _("Copy {barcode}: implausible due date {due}").format(
                barcode=item.barcode, due=iso(due)
            ),
            {"barcode": item.barcode, "checkout_at": iso(at), "due_at": iso(due)},
        )
    _event(ctx, "checkout", item, at, p, loan_uuid, branch)
    loan = m.Loan(
        uuid=loan_uuid,
        item_id=item.id,
        reader_id=reader.id,
        branch_code=branch,
        checkout_at=at,
        due_at=due,
        renewals=0,
        override_reason=override,
        device_id=ctx.device.id,
    )
    s.add(loan)
    s.flush()
    changed: list[m.Loan] = [loan]
    if not _claim_orphan_return(ctx, loan, item):
        changed += _fold_conflicts(ctx, loan, item)
    for row in changed:
        publish.loan(ctx, row, item.home_branch_code)
    publish.reader(ctx, reader, branch)
    _refresh_item_status(ctx, item, ctx.received_at)


def _claim_orphan_return(ctx: OpContext, loan: m.Loan, item: m.Item) -> bool:
    """A return that arrived before this checkout closes it now."""
    s = ctx.session
    orphan = s.scalar(
        select(m.CircEvent)
        .where(
            m.CircEvent.kind == "return_orphan",
            m.CircEvent.matched_loan_uuid.is_(None),
            m.CircEvent.loan_uuid == loan.uuid,
        )
        .limit(1)
    )
    if orphan is None:
        orphan = s.scalar(
            select(m.CircEvent)
            .where(
                m.CircEvent.kind == "return_orphan",
                m.CircEvent.matched_loan_uuid.is_(None),
                m.CircEvent.loan_uuid.is_(None),
                m.CircEvent.item_id == item.id,
                m.CircEvent.at >= loan.checkout_at,
            )
            .order_by(m.CircEvent.at)
            .limit(1)
        )
    if orphan is None:
        return False
    orphan.matched_loan_uuid = loan.uuid
    loan.returned_at = max(orphan.at, loan.checkout_at)
    loan.return_branch_code = orphan.branch_code
    loan.closed_by = "return"
    exception_uuid = (orphan.payload or {}).get("_exception_uuid")
    if exception_uuid:
        row = s.scalar(select(m.SyncExceptionRow).where(m.SyncExceptionRow.uuid == exception_uuid))
        if row is not None and row.resolved_at is None:
            resolve(s, row, _("The checkout arrived; the return closed its loan"))
    return True


def _fold_conflicts(ctx: OpContext, loan: m.Loan, item: m.Item) -> list[m.Loan]:
    """Place the new loan on the item's timeline; close loans it overlaps as implied returns."""
    s = ctx.session
    others = list(
        s.scalars(
            select(m.Loan)
            .where(m.Loan.item_id == item.id, m.Loan.id != loan.id)
            .order_by(m.Loan.checkout_at)
        )
    )
    at = loan.checkout_at
    running = [
        o for o in others if o.checkout_at <= at and (o.returned_at is None or o.returned_at > at)
    ]
    later = [o for o in others if o.checkout_at > at]
    conflict: m.Loan | None = None
    changed: list[m.Loan] = []
    for other in running:
        conflict = other
        # An open loan, or one closed only because the copy was lent again later: it ended,
        # at the latest, when this loan began.
        if other.returned_at is None or other.closed_by == "implied":
            other.returned_at = at
            other.closed_by = "implied"
            changed.append(other)
    if later:
        conflict = conflict or later[0]
        # The copy was lent again later: this loan ended, at the latest, then.
        loan.returned_at = later[0].checkout_at
        loan.closed_by = "implied"
    if conflict is not None:
        ctx.file(
            "DOUBLE_CHECKOUT",
            [loan.branch_code, conflict.branch_code, item.home_branch_code],
            _(
                "Copy {barcode} was lent at {a} and at {b} while offline; "
                "both loans are kept, the earlier one is closed"
            ).format(barcode=item.barcode, a=conflict.branch_code, b=loan.branch_code),
            {
                "barcode": item.barcode,
                "item_uuid": item.uuid,
                "loan_uuids": [conflict.uuid, loan.uuid],
                "loans": [
                    {"uuid": x.uuid, "branch": x.branch_code, "checkout_at": iso(x.checkout_at)}
                    for x in (conflict, loan)
                ],
            },
            subject_uuid=item.uuid,
        )
    return changed


def return_(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    branch = opt_str(p, "branch") or ctx.branch
    at = ctx.time(p, "returned_at") or ctx.corrected_at
    loan_uuid = opt_str(p, "loan_uuid")
    item = find_item(s, p.get("item_uuid"), p.get("barcode"))
    if item is None:
        _unknown_item(ctx, p, at, branch)
        return
    _lost_found(ctx, item, branch)
    loan: m.Loan | None = None
    if loan_uuid:
        loan = s.scalar(select(m.Loan).where(m.Loan.uuid == loan_uuid))
    else:
        # The loan this copy was on at that time: open, or closed only by an implied return
        # (a later loan elsewhere) that this real return may predate.
        candidates = s.scalars(
            select(m.Loan)
            .where(m.Loan.item_id == item.id, m.Loan.checkout_at <= at)
            .order_by(m.Loan.checkout_at.desc())
        )
        loan = next(
            (
                x
                for x in candidates
                if x.returned_at is None or (x.closed_by == "implied" and x.returned_at >= at)
            ),
            None,
        )
    if loan is not None:
        _event(ctx, "return", item, at, p, loan.uuid, branch)
        real = max(at, loan.checkout_at)
        if loan.returned_at is None:
            loan.returned_at = real
            loan.closed_by = "return"
        elif loan.closed_by == "implied" and real <= loan.returned_at:
            loan.returned_at = real
            loan.closed_by = "return"
            _clear_double_checkout(ctx, item, loan)
        if loan.closed_by in ("return", "implied"):
            loan.return_branch_code = branch
        publish.loan(ctx, loan, item.home_branch_code)
        ctx.data["loan_uuid"] = loan.uuid
    else:
        event = _event(ctx, "return_orphan", item, at, dict(p), loan_uuid, branch)
        exc = ctx.file(
            "ORPHAN_RETURN",
            [branch, item.home_branch_code],
            _(
                "Copy {barcode} was returned at {branch} before its loan reached the "
                "county; the return is kept"
            ).format(barcode=item.barcode, branch=branch),
            {"barcode": item.barcode, "loan_uuid": loan_uuid, "returned_at": iso(at)},
        )
        event.payload = {**event.payload, "_exception_uuid": exc}
    item.current_branch_code = branch
    transit_to = opt_str(p, "in_transit_to")
    item.status = "in_transit" if transit_to and transit_to != branch else "available"
    _refresh_item_status(ctx, item, ctx.received_at)


def _clear_double_checkout(ctx: OpContext, item: m.Item, loan: m.Loan) -> None:
    """The real return came before the copy was lent again: it was never lent twice."""
    s = ctx.session
    rows = s.scalars(
        select(m.SyncExceptionRow).where(
            m.SyncExceptionRow.kind == "DOUBLE_CHECKOUT",
            m.SyncExceptionRow.subject_uuid == item.uuid,
            m.SyncExceptionRow.resolved_at.is_(None),
        )
    )
    for row in rows:
        pair = list((row.detail or {}).get("loan_uuids") or [])
        if loan.uuid not in pair:
            continue
        others = [u for u in pair if u != loan.uuid]
        other = s.scalar(select(m.Loan).where(m.Loan.uuid == others[0])) if others else None
        assert loan.returned_at is not None
        if other is None or other.checkout_at >= loan.returned_at:
            resolve(s, row, _("The return arrived: the copy came back before it was lent again"))


def renew(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    loan_uuid = opt_str(p, "loan_uuid")
    loan = s.scalar(select(m.Loan).where(m.Loan.uuid == loan_uuid)) if loan_uuid else None
    if loan is None and p.get("barcode"):
        item = find_item(s, None, p.get("barcode"))
        if item is not None:
            loan = s.scalar(
                select(m.Loan)
                .where(m.Loan.item_id == item.id, m.Loan.returned_at.is_(None))
                .limit(1)
            )
    due = ctx.time(p, "due_at")
    if due is None:
        raise OpRejected("bad_payload", "missing field: due_at")
    if loan is None:
        ctx.file(
            "DUE_DATE_SUSPECT",
            [ctx.branch],
            _("Renewal of copy {barcode} for a loan the county does not know").format(
                barcode=opt_str(p, "barcode") or "?"
            ),
            {"payload": p},
        )
        return
    ctx.data["before"] = {"due_at": iso(loan.due_at), "renewals": loan.renewals}
    loan.due_at = due
    loan.renewals = int(p.get("renewals") or loan.renewals + 1)
    override = opt_str(p, "override_reason")
    item = s.get(m.Item, loan.item_id)
    assert item is not None
    if override:
        loan.override_reason = override
        ctx.file(
            "POLICY_OVERRIDE_OFFLINE",
            [ctx.branch, loan.branch_code],
            _("Copy {barcode} renewed despite a rule ({reason})").format(
                barcode=item.barcode, reason=override
            ),
            {"barcode": item.barcode, "loan_uuid": loan.uuid, "override_reason": override},
        )
    publish.loan(ctx, loan, item.home_branch_code)


def undo(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    undone_id = str(req(p, "undone_op_id"))
    receipt = s.scalar(select(m.OpReceipt).where(m.OpReceipt.op_id == undone_id))
    if receipt is None:
        raise OpRejected("undone_op_unknown", f"no op {undone_id} to undo")
    payload = receipt.payload
    if receipt.kind == "checkout":
        loan = s.scalar(select(m.Loan).where(m.Loan.uuid == payload.get("loan_uuid")))
        if loan is None:
            return
        item = s.get(m.Item, loan.item_id)
        assert item is not None
        scopes = [loan.branch_code, item.home_branch_code, loan.return_branch_code, ctx.branch]
        s.delete(loan)
        s.flush()
        from server.feed import record_change

        record_change(s, "loan", loan.uuid, [x for x in scopes if x], op="delete")
        _refresh_item_status(ctx, item, ctx.received_at)
    elif receipt.kind == "return":
        loan_uuid = (receipt.result.get("data") or {}).get("loan_uuid")
        loan = s.scalar(select(m.Loan).where(m.Loan.uuid == loan_uuid)) if loan_uuid else None
        if loan is None:
            return
        loan.returned_at = None
        loan.return_branch_code = None
        loan.closed_by = None
        item = s.get(m.Item, loan.item_id)
        assert item is not None
        publish.loan(ctx, loan, item.home_branch_code)
        _refresh_item_status(ctx, item, ctx.received_at)
    elif receipt.kind == "renew":
        before = (receipt.result.get("data") or {}).get("before")
        loan = s.scalar(select(m.Loan).where(m.Loan.uuid == payload.get("loan_uuid")))
        if loan is None or not before:
            return
        restored = datetime.fromisoformat(str(before["due_at"]).replace("Z", "+00:00"))
        loan.due_at = restored
        loan.renewals = int(before["renewals"])
        item = s.get(m.Item, loan.item_id)
        assert item is not None
        publish.loan(ctx, loan, item.home_branch_code)
    else:
        raise OpRejected("undo_unsupported", f"cannot undo a {receipt.kind}")
