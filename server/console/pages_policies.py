"""Policies: loan rules per reader type, credit-point rules, amnesty windows (versioned, audited,
published to every branch's next sync)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m
from server.console import web
from server.services import policies
from server.services.errors import ServiceError
from server.timeutil import iso

router = APIRouter()


@router.get("/policies", response_class=HTMLResponse)
def policies_view(request: Request, ctx: web.CtxDep) -> Response:
    return policies_page(request, ctx)


def policies_page(request: Request, ctx: web.Ctx, error: str = "", status: int = 200) -> Response:
    with ctx.read() as s:
        rules = list(
            s.scalars(select(m.CirculationPolicy).order_by(m.CirculationPolicy.reader_type))
        )
        credit = s.scalar(select(m.CreditRules).order_by(m.CreditRules.id))
        history = policies.history(s)
    return web.render(
        request,
        ctx,
        "policies.html",
        status,
        active="policies",
        rules=rules,
        credit=credit,
        loan_fields=list(policies.LOAN_FIELDS),
        credit_fields=list(policies.CREDIT_FIELDS),
        history=history,
        iso=iso,
        error=error,
    )


def _change(request: Request, ctx: web.Ctx, work: Callable[[Session], int]) -> Response:
    ctx.require("manage")
    try:
        with ctx.write() as s:
            work(s)
    except ServiceError as exc:
        return policies_page(request, ctx, exc.translated(ctx.t), 400)
    return web.redirect("/policies")


@router.post("/policies/loan")
def save_loan_rule(request: Request, ctx: web.CtxDep) -> Response:
    data = web.form(request)
    return _change(
        request,
        ctx,
        lambda s: policies.save_loan_rule(
            s, data.get("reader_type", ""), data, ctx.actor, data.get("note", "")
        ),
    )


@router.post("/policies/credit")
def save_credit_rules(request: Request, ctx: web.CtxDep) -> Response:
    data = web.form(request)
    return _change(
        request, ctx, lambda s: policies.save_credit_rules(s, data, ctx.actor, data.get("note", ""))
    )


@router.post("/policies/amnesty")
def add_amnesty(request: Request, ctx: web.CtxDep) -> Response:
    data = web.form(request)
    return _change(
        request,
        ctx,
        lambda s: policies.add_amnesty(
            s, data.get("start", ""), data.get("end", ""), data.get("note", ""), ctx.actor
        ),
    )


@router.post("/policies/amnesty/{index}/remove")
def remove_amnesty(request: Request, ctx: web.CtxDep, index: int) -> Response:
    return _change(request, ctx, lambda s: policies.remove_amnesty(s, index, ctx.actor))
