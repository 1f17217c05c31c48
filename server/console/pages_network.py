"""Overview, branches and devices (register, enrolment slip, revoke, per-device state)."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server import devices
from server import models as m
from server.console import labels, web
from server.console.charts import bar_chart
from server.console.slip import enrolment_slip
from server.feed import record_change
from server.services.audit import audit
from server.services.errors import _
from server.timeutil import iso, utcnow

router = APIRouter()
BRANCH_KINDS = ("county", "township", "village")


def _int_arg(raw: str | None, default: int, low: int, high: int) -> int:
    try:
        value = int(raw or default)
    except ValueError:
        return default
    return min(high, max(low, value))


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, ctx: web.CtxDep, days: str = "7") -> Response:
    n_days = _int_arg(days, 7, 1, 365)
    now = utcnow()
    with ctx.read() as s:
        device_rows = [
            d
            for d in s.scalars(
                select(m.Device).where(
                    m.Device.revoked.is_(False), m.Device.token_sha256.is_not(None)
                )
            )
            if ctx.sees(d.branch_code)
        ]
        stale = sorted(
            (
                d
                for d in device_rows
                if d.last_seen is None or d.last_seen < now - timedelta(days=n_days)
            ),
            key=lambda d: (d.last_seen is not None, d.last_seen),
        )
        open_by_branch = Counter[str]()
        q = (
            select(m.ExceptionBranch.branch_code, func.count())
            .join(m.SyncExceptionRow, m.SyncExceptionRow.id == m.ExceptionBranch.exception_id)
            .where(m.SyncExceptionRow.resolved_at.is_(None))
            .group_by(m.ExceptionBranch.branch_code)
        )
        for code, count in s.execute(q):
            if ctx.sees(code):
                open_by_branch[code] = count
        # 24 clock-hour bins, the current (partial) hour last.
        since = now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=23)
        recent = s.execute(
            select(m.OpReceipt.received_at, m.OpReceipt.kind, m.Device.branch_code)
            .join(m.Device, m.Device.id == m.OpReceipt.device_id)
            .where(m.OpReceipt.received_at >= since)
        ).all()
    hours = Counter[int]()
    kinds = Counter[str]()
    for received_at, kind, branch in recent:
        if not ctx.sees(branch):
            continue
        hours[int((received_at - since).total_seconds() // 3600)] += 1
        kinds[kind] += 1
    local = [(since + timedelta(hours=h + 8)).strftime("%H") for h in range(24)]  # 北京时间
    ops_chart = bar_chart(
        [(local[h], hours.get(h, 0)) for h in range(24)], title=ctx.t(_("Operations per hour"))
    )
    conflict_chart = bar_chart(
        sorted(open_by_branch.items()), title=ctx.t(_("Open conflicts by branch"))
    )
    return web.render(
        request,
        ctx,
        "overview.html",
        active="overview",
        days=n_days,
        stale=stale,
        open_by_branch=sorted(open_by_branch.items()),
        ops_total=sum(kinds.values()),
        kinds=kinds.most_common(),
        op_kinds=labels.OP_KINDS,
        ops_chart=ops_chart,
        conflict_chart=conflict_chart,
        iso=iso,
    )


@router.get("/branches", response_class=HTMLResponse)
def branches_page(request: Request, ctx: web.CtxDep) -> Response:
    return branches(request, ctx)


def branches(request: Request, ctx: web.Ctx, error: str = "") -> Response:
    with ctx.read() as s:
        rows = [b for b in s.scalars(select(m.Branch).order_by(m.Branch.code)) if ctx.sees(b.code)]
        device_rows = [
            d for d in s.scalars(select(m.Device).order_by(m.Device.id)) if ctx.sees(d.branch_code)
        ]
    return web.render(
        request,
        ctx,
        "branches.html",
        active="branches",
        branches=rows,
        devices=device_rows,
        kinds=BRANCH_KINDS,
        iso=iso,
        error=error,
    )


def _refuse_input(request: Request, ctx: web.Ctx, message: str) -> Response:
    response = branches(request, ctx, error=message)
    response.status_code = 400
    return response


@router.post("/branches")
def add_branch(request: Request, ctx: web.CtxDep) -> Response:
    ctx.require("manage")
    data = web.form(request)
    code = data.get("code", "").strip()
    name = data.get("name", "").strip()
    kind = data.get("kind", "village")
    parent = data.get("parent", "").strip() or None
    start = data.get("barcode_start", "").strip() or None
    end = data.get("barcode_end", "").strip() or None
    t = ctx.t
    if not code or len(code) > 32 or not code.isascii() or not code.replace("-", "").isalnum():
        return _refuse_input(request, ctx, t(_("A branch code has 1 to 32 letters or digits.")))
    if not name or len(name) > 200 or kind not in BRANCH_KINDS:
        return _refuse_input(request, ctx, t(_("Give the branch a name (at most 200 characters).")))
    for value in (start, end):
        if value is not None and (len(value) > 32 or not value.isalnum()):
            return _refuse_input(request, ctx, t(_("A barcode has at most 32 letters or digits.")))
    if (start is None) != (end is None) or (
        start and end and (len(start) != len(end) or start > end)
    ):
        return _refuse_input(
            request,
            ctx,
            t(_("The barcode range needs a first and a last barcode of equal length.")),
        )
    refusal = ""
    with ctx.write() as s:
        if s.scalar(select(m.Branch.id).where(m.Branch.code == code)) is not None:
            refusal = t(_("Branch {code} already exists")).format(code=code)
        elif parent and s.scalar(select(m.Branch.id).where(m.Branch.code == parent)) is None:
            refusal = t(_("No branch with code {code}")).format(code=parent)
        elif start and (overlap := _overlapping_range(s, start, end or "")):
            refusal = t(_("The barcode range overlaps the range of branch {code}.")).format(
                code=overlap
            )
        else:
            row = m.Branch(
                code=code,
                name=name,
                kind=kind,
                parent_code=parent,
                barcode_range_start=start,
                barcode_range_end=end,
            )
            s.add(row)
            s.flush()
            record_change(s, "branch", row.uuid)
            audit(
                s,
                ctx.actor,
                "branch.add",
                code,
                name=name,
                kind=kind,
                parent=parent,
                barcode_start=start,
                barcode_end=end,
            )
    if refusal:  # rendered after the write transaction (SQLite: one writer at a time)
        return _refuse_input(request, ctx, refusal)
    return web.redirect("/branches")


def _overlapping_range(s: Session, start: str, end: str) -> str | None:
    return s.scalar(
        select(m.Branch.code).where(
            m.Branch.barcode_range_start.is_not(None),
            m.Branch.barcode_range_start <= end,
            m.Branch.barcode_range_end >= start,
            func.length(m.Branch.barcode_range_start) == len(start),
        )
    )


@router.post("/devices")
def register_device(request: Request, ctx: web.CtxDep) -> Response:
    ctx.require("manage")
    data = web.form(request)
    branch = data.get("branch", "").strip()
    try:
        with ctx.write() as s:
            new = devices.add_device(s, branch, training=data.get("training") == "1")
            audit(s, ctx.actor, "device.add", str(new.device_id), branch=branch)
    except devices.InputError:
        return _refuse_input(
            request, ctx, ctx.t(_("No branch with code {code}")).format(code=branch)
        )
    return web.redirect(f"/devices/{new.device_id}")


def _device_or_404(s: Session, ctx: web.Ctx, device_id: int) -> m.Device:
    device = s.get(m.Device, device_id)
    if device is None or not ctx.sees(device.branch_code):
        raise web.Refused(404, ctx.t(_("No device {id}")).format(id=device_id))
    return device


def _open_code(s: Session, device: m.Device) -> m.EnrolCode | None:
    code = s.scalar(
        select(m.EnrolCode)
        .where(m.EnrolCode.device_id == device.id)
        .order_by(m.EnrolCode.id.desc())
    )
    if code is None or code.used_at is not None or code.expires_at < utcnow() or device.revoked:
        return None
    return code


@router.get("/devices/{device_id}", response_class=HTMLResponse)
def device_page(request: Request, ctx: web.CtxDep, device_id: int) -> Response:
    with ctx.read() as s:
        device = _device_or_404(s, ctx, device_id)
        code = _open_code(s, device)
        receipts = s.execute(
            select(
                m.OpReceipt.epoch,
                m.OpReceipt.seq,
                m.OpReceipt.kind,
                m.OpReceipt.result,
                m.OpReceipt.received_at,
            )
            .where(m.OpReceipt.device_id == device.id)
            .order_by(m.OpReceipt.id.desc())
            .limit(5000)
        ).all()
        highest_epoch = s.scalar(
            select(func.max(m.OpReceipt.epoch)).where(m.OpReceipt.device_id == device.id)
        )
    refused = [r for r in receipts if (r.result or {}).get("status") == "rejected"][:100]
    return web.render(
        request,
        ctx,
        "device.html",
        active="branches",
        device=device,
        code=code.code if (code and ctx.can("manage")) else None,
        code_expires=web.beijing(code.expires_at) if code else None,
        refused=refused,
        ops_count=len(receipts),
        highest_epoch=highest_epoch or 0,
        iso=iso,
        server_url=str(request.base_url).rstrip("/"),
    )


@router.get("/devices/{device_id}/slip.pdf")
def device_slip(request: Request, ctx: web.CtxDep, device_id: int, size: str = "A4") -> Response:
    ctx.require("manage")
    with ctx.read() as s:
        device = _device_or_404(s, ctx, device_id)
        code = _open_code(s, device)
        branch = s.scalar(select(m.Branch).where(m.Branch.code == device.branch_code))
        if code is None or branch is None:
            raise web.Refused(404, ctx.t(_("This device has no open enrolment code.")))
        values = (code.code, web.beijing(code.expires_at), branch.code, branch.name)
    pdf = enrolment_slip(
        server_url=str(request.base_url).rstrip("/"),
        code=values[0],
        expires=values[1],
        branch=f"{values[2]} {values[3]}",
        device_id=device_id,
        size="A5" if size.upper() == "A5" else "A4",
        t=ctx.t,
    )
    return Response(
        pdf,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="enrol-{device_id}.pdf"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/devices/{device_id}/revoke")
def revoke_device(request: Request, ctx: web.CtxDep, device_id: int) -> Response:
    ctx.require("manage")
    with ctx.write() as s:
        device = _device_or_404(s, ctx, device_id)
        devices.revoke(s, device.id)
        audit(s, ctx.actor, "device.revoke", str(device_id), branch=device.branch_code)
    return web.redirect(f"/devices/{device_id}")
