"""Checkout, return, renew and undo folded into a per-item timeline by corrected time.

Facts from offline devices arrive late and out of order. Nothing is dropped: a conflicting
fact is applied in its most plausible form and an exception tells staff what happened.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m
from server.feed import record_change
from server.ops import lookups, publish
from server.ops.context import (
    OpContext,
    OpRejected,
    find_item,
    find_reader,
    forbidden,
    opt_str,
    req,
)
from server.ops.timeline import refold
from server.timeutil import iso
from shuwu_shared.i18n import _

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
    # Not flushed here: the group's flush (server/ops/run.py) inserts it with the other rows
    # of the ops around it; the timeline replay orders unflushed returns as the flush will.
    ctx.session.add(event)
    index = lookups.active(ctx.session)
    if index is not None and kind == "return":
        index.return_added(event)
    return event


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


def _policy(s: Session, reader_type: str) -> m.CirculationPolicy | None:
    index = lookups.active(s)
    if index is not None and reader_type in index.policy:
        return index.policy[reader_type]
    policy = s.scalar(
        select(m.CirculationPolicy).where(m.CirculationPolicy.reader_type == reader_type)
    )
    if index is not None:
        index.policy[reader_type] = policy
    return policy


def checkout(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    loan_uuid = str(req(p, "loan_uuid"))
    branch = ctx.own_branch(p, "branch")
    at = ctx.time(p, "checkout_at") or ctx.corrected_at
    index = lookups.active(s)
    if index is not None and loan_uuid in index.loan_uuid:
        exists = index.loan_uuid[loan_uuid]
    else:
        exists = s.scalar(select(m.Loan.id).where(m.Loan.uuid == loan_uuid)) is not None
    if exists:
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
    policy = _policy(s, reader.reader_type)
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
    s.add(loan)  # flushed with the group's other rows (nothing here needs its id)
    if index is not None:
        index.loan_added(loan)
    publish.reader(ctx, reader, branch)  # before its loan: the client needs the reader first
    publish.loan(ctx, loan, item.home_branch_code, reader)
    refold(ctx, item)


def return_(ctx: OpContext, p: dict[str, Any]) -> None:
    # A fact wherever the copy belongs: any branch may take back any copy.
    s = ctx.session
    branch = ctx.own_branch(p, "branch")
    at = ctx.time(p, "returned_at") or ctx.corrected_at
    item = find_item(s, p.get("item_uuid"), p.get("barcode"))
    if item is None:
        _unknown_item(ctx, p, at, branch)
        return
    _lost_found(ctx, item, branch)
    _event(ctx, "return", item, at, dict(p), opt_str(p, "loan_uuid"), branch)
    refold(ctx, item)


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
    item = s.get(m.Item, loan.item_id)
    reader = s.get(m.Reader, loan.reader_id)
    assert item is not None and reader is not None
    if not ctx.serves(loan.branch_code, item.home_branch_code, reader.home_branch_code):
        raise forbidden(
            _("Copy {barcode}: this loan was made at {branch}; renew it there").format(
                barcode=item.barcode, branch=loan.branch_code
            )
        )
    ctx.data["before"] = {"due_at": iso(loan.due_at), "renewals": loan.renewals}
    loan.due_at = due
    loan.renewals = int(p.get("renewals") or loan.renewals + 1)
    override = opt_str(p, "override_reason")
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
    publish.loan(ctx, loan, item.home_branch_code, reader)


def undo(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    undone_id = str(req(p, "undone_op_id"))
    receipt = s.scalar(select(m.OpReceipt).where(m.OpReceipt.op_id == undone_id))
    if receipt is None:
        raise OpRejected("undone_op_unknown", f"no op {undone_id} to undo")
    if receipt.device_id != ctx.device.id:
        # A desk undoes its own last scan; an op id learnt elsewhere undoes nothing.
        raise forbidden(_("Only the computer that recorded an operation can undo it"))
    payload = receipt.payload
    if receipt.kind in ("checkout", "return"):
        events = list(
            s.scalars(
                select(m.CircEvent).where(
                    m.CircEvent.op_id == undone_id, m.CircEvent.kind == receipt.kind
                )
            )
        )
        for event in events:
            event.kind = f"{receipt.kind}_undone"
        loan = None
        if receipt.kind == "checkout":
            loan = s.scalar(select(m.Loan).where(m.Loan.uuid == payload.get("loan_uuid")))
        item = s.get(m.Item, events[0].item_id) if events and events[0].item_id else None
        if loan is not None:
            owner = s.get(m.Item, loan.item_id)
            assert owner is not None
            item = owner
            scopes = [loan.branch_code, owner.home_branch_code, loan.return_branch_code]
            s.delete(loan)
            s.flush()
            record_change(
                s, "loan", loan.uuid, [x for x in [*scopes, ctx.branch] if x], op="delete"
            )
        if item is not None:
            refold(ctx, item)
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
