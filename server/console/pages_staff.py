"""Staff accounts and roles (admin only), and the audit log."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from server import models as m
from server.console import labels, web
from server.console.models import ROLES, AuditEntry
from server.services import staff_accounts
from server.services.errors import ServiceError, _
from server.timeutil import iso

router = APIRouter()


@router.get("/staff", response_class=HTMLResponse)
def staff_view(request: Request, ctx: web.CtxDep) -> Response:
    return staff_page(request, ctx)


def staff_page(request: Request, ctx: web.Ctx, error: str = "", status: int = 200) -> Response:
    with ctx.read() as s:
        accounts = staff_accounts.list_accounts(s) if ctx.can("manage") else []
        townships = list(
            s.scalars(
                select(m.Branch.code).where(m.Branch.kind == "township").order_by(m.Branch.code)
            )
        )
        q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(200)
        if not ctx.can("manage"):
            q = q.where(AuditEntry.actor == ctx.actor)  # others' actions only for admins
        log = list(s.scalars(q))
    return web.render(
        request,
        ctx,
        "staff.html",
        status,
        active="staff",
        accounts=accounts,
        roles=ROLES,
        townships=townships,
        log=log,
        audit_actions=labels.AUDIT_ACTIONS,
        iso=iso,
        error=error,
    )


@router.post("/staff")
def add_staff(request: Request, ctx: web.CtxDep) -> Response:
    ctx.require("manage")
    data = web.form(request)
    try:
        with ctx.write() as s:
            staff_accounts.add_account(
                s,
                data.get("name", ""),
                data.get("role", ""),
                data.get("password", ""),
                data.get("branch", "").strip() or None,
                actor=ctx.actor,
            )
    except ServiceError as exc:
        return staff_page(request, ctx, exc.translated(ctx.t), 400)
    return web.redirect("/staff")


@router.post("/staff/{staff_id}/{action}")
def toggle_staff(request: Request, ctx: web.CtxDep, staff_id: int, action: str) -> Response:
    ctx.require("manage")
    if action not in ("enable", "disable"):
        raise web.Refused(404, ctx.t(_("Not found.")))
    if staff_id == ctx.staff.id and action == "disable":
        return staff_page(request, ctx, ctx.t(_("You cannot disable your own account.")), 400)
    try:
        with ctx.write() as s:
            staff_accounts.set_active(s, staff_id, action == "enable", ctx.actor)
    except ServiceError as exc:
        raise web.Refused(exc.status, exc.translated(ctx.t)) from exc
    return web.redirect("/staff")
