"""Conflicts: list and filter, the copy's timeline in corrected time, resolve with a note."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from server import models as m
from server.console import web
from server.console.models import AuditEntry
from server.exceptions import KINDS
from server.services.audit import audit
from server.services.errors import ServiceError, _
from server.services.exceptions_resolve import resolve_exception
from server.timeutil import from_ms, iso, utcnow
from shuwu_shared.domain.masking import mask_name, mask_phone

router = APIRouter()
AGES = {"1": 1, "7": 7, "30": 30, "90": 90}


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(
    request: Request,
    ctx: web.CtxDep,
    branch: str = "",
    kind: str = "",
    age: str = "",
    status: str = "open",
) -> Response:
    q = select(m.SyncExceptionRow).order_by(m.SyncExceptionRow.created_at.desc()).limit(500)
    if branch:
        q = q.join(
            m.ExceptionBranch, m.ExceptionBranch.exception_id == m.SyncExceptionRow.id
        ).where(m.ExceptionBranch.branch_code == branch[:32])
    if kind in KINDS:
        q = q.where(m.SyncExceptionRow.kind == kind)
    if age in AGES:
        q = q.where(m.SyncExceptionRow.created_at <= utcnow() - timedelta(days=AGES[age]))
    if status == "open":
        q = q.where(m.SyncExceptionRow.resolved_at.is_(None))
    elif status == "resolved":
        q = q.where(m.SyncExceptionRow.resolved_at.is_not(None))
    with ctx.read() as s:
        rows = [r for r in s.scalars(q) if ctx.sees_any(r.branch_codes or [])]
        branch_codes = [
            c for c in s.scalars(select(m.Branch.code).order_by(m.Branch.code)) if ctx.sees(c)
        ]
    return web.render(
        request,
        ctx,
        "conflicts.html",
        active="conflicts",
        rows=rows,
        kinds=KINDS,
        branches=branch_codes,
        f={"branch": branch, "kind": kind, "age": age, "status": status},
        ages=list(AGES),
        iso=iso,
    )


def _timeline(s: Any, item: m.Item) -> list[dict[str, Any]]:
    """Every circulation fact about the copy, in corrected (server) time, with the device's own
    clock reading beside it."""
    events = list(
        s.scalars(
            select(m.CircEvent).where(m.CircEvent.item_id == item.id).order_by(m.CircEvent.at)
        )
    )
    loans = {
        loan.uuid: (loan, reader)
        for loan, reader in s.execute(
            select(m.Loan, m.Reader)
            .join(m.Reader, m.Reader.id == m.Loan.reader_id)
            .where(m.Loan.item_id == item.id)
        )
    }
    receipts = {
        r.op_id: r
        for r in s.scalars(
            select(m.OpReceipt).where(m.OpReceipt.op_id.in_([e.op_id for e in events if e.op_id]))
        )
    }
    device_names = {d.id: d.name or f"#{d.id}" for d in s.scalars(select(m.Device))}
    out = []
    for e in events:
        loan, reader = loans.get(e.loan_uuid or e.matched_loan_uuid or "", (None, None))
        receipt = receipts.get(e.op_id or "")
        out.append(
            {
                "kind": e.kind,
                "at": e.at,
                "device_time": from_ms(receipt.device_wall_ms) if receipt else None,
                "branch": e.branch_code,
                "device": device_names.get(e.device_id or -1, ""),
                "loan": loan,
                "reader": reader,
                "reader_name": mask_name(reader.name) if reader else "",
                "reader_phone": mask_phone(reader.phone) if reader else "",
            }
        )
    return out


@router.get("/conflicts/{uuid}", response_class=HTMLResponse)
def conflict_page(request: Request, ctx: web.CtxDep, uuid: str) -> Response:
    return conflict(request, ctx, uuid)


def conflict(request: Request, ctx: web.Ctx, uuid: str, error: str = "") -> Response:
    with ctx.read() as s:
        row = s.scalar(select(m.SyncExceptionRow).where(m.SyncExceptionRow.uuid == uuid[:36]))
        if row is None or not ctx.sees_any(row.branch_codes or []):
            raise web.Refused(404, ctx.t(_("No exception {uuid}")).format(uuid=uuid))
        item_uuid = (row.detail or {}).get("item_uuid") or row.subject_uuid
        item = s.scalar(select(m.Item).where(m.Item.uuid == item_uuid)) if item_uuid else None
        timeline = _timeline(s, item) if item is not None else []
        bib = s.get(m.Bib, item.bib_id) if item is not None else None
        resolved_by = (
            s.scalar(
                select(AuditEntry.actor)
                .where(AuditEntry.action == "exception.resolve", AuditEntry.target == row.uuid)
                .order_by(AuditEntry.id.desc())
                .limit(1)
            )
            if row.resolved_at is not None
            else None
        )
    may_resolve = ctx.can("resolve") and row.resolved_at is None
    return web.render(
        request,
        ctx,
        "conflict.html",
        active="conflicts",
        row=row,
        item=item,
        bib=bib,
        timeline=timeline,
        may_resolve=may_resolve,
        resolved_by=resolved_by,
        iso=iso,
        error=error,
        status=400 if error else 200,
    )


@router.post("/conflicts/{uuid}/resolve")
def resolve(request: Request, ctx: web.CtxDep, uuid: str) -> Response:
    ctx.require("resolve")
    note = web.form(request).get("note", "")
    try:
        with ctx.write() as s:
            resolve_exception(
                s,
                uuid,
                note,
                ctx.actor,
                ctx.scope,
                default_note=ctx.t(_("handled by staff")),
            )
    except ServiceError as exc:
        if exc.status == 404:
            raise web.Refused(404, exc.translated(ctx.t)) from exc
        return conflict(request, ctx, uuid, error=exc.translated(ctx.t))
    return web.redirect(f"/conflicts/{uuid}")


@router.post("/readers/{uuid}/unmask", response_class=HTMLResponse)
def unmask_reader(request: Request, ctx: web.CtxDep, uuid: str) -> Response:
    """Show one reader's name and phone in full; the unmasking is audited."""
    ctx.require("unmask")
    reason = web.form(request).get("reason", "").strip()[:200]
    with ctx.write() as s:
        reader = s.scalar(select(m.Reader).where(m.Reader.uuid == uuid[:36]))
        if reader is None or not ctx.sees(reader.home_branch_code):
            raise web.Refused(404, ctx.t(_("No such reader.")))
        audit(
            s,
            ctx.actor,
            "reader.unmask",
            reader.card,
            branch=reader.home_branch_code,
            reason=reason,
            address=ctx.address,
        )
        shown = {
            "card": reader.card,
            "name": reader.name,
            "phone": reader.phone or "",
            "branch": reader.home_branch_code,
            "type": reader.reader_type,
            "status": reader.status,
        }
    back = web.form(request).get("back", "")
    if not back.startswith("/") or back.startswith("//"):
        back = "/conflicts"
    return web.render(request, ctx, "reader.html", active="conflicts", reader=shown, back=back)
