"""Copy-cataloguing targets (Z39.50/SRU): everyone may look; only admins add, remove, reorder
and test them. The same service as ``shuwu-server targets``. Passwords are written once and
never shown, echoed back, logged or audited."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from server.console import web
from server.copycat import lookup
from server.copycat import targets as tg
from server.services.errors import ServiceError, _

router = APIRouter()

# What a failed test means, in words staff can act on (the target's own message follows).
REASONS = {
    "down": _("The target did not accept a connection (wrong address or port, or it is down)."),
    "timeout": _("The target did not answer in time."),
    "garbage": _("The target answered with something that is not a readable catalogue record."),
    "refused": _("The target refused the login (check the user name and password)."),
    "diagnostic": _("The target refused the search (SRU diagnostic)."),
    "error": _("The target reported an error."),
}
FORM_FIELDS = ("name", "url", "syntax", "charset", "user", "priority", "timeout")


def targets_page(
    request: Request,
    ctx: web.Ctx,
    *,
    error: str = "",
    status: int = 200,
    entered: dict[str, str] | None = None,
    probe: lookup.ProbeOutcome | None = None,
) -> Response:
    with ctx.read() as s:
        rows = tg.list_targets(s)
    # The password is never sent back into the form, even after a refusal.
    values = {k: v for k, v in (entered or {}).items() if k in FORM_FIELDS}
    return web.render(
        request,
        ctx,
        "targets.html",
        status,
        active="catalogue",
        targets=rows,
        entered=values,
        syntaxes=tg.SYNTAXES,
        charsets=tg.CHARSETS,
        default_timeout=tg.DEFAULT_TIMEOUT,
        probe=probe,
        reason=REASONS.get(probe.failure.reason, REASONS["error"])
        if probe and probe.failure
        else "",
        error=error,
    )


@router.get("/targets", response_class=HTMLResponse)
def targets_view(request: Request, ctx: web.CtxDep) -> Response:
    return targets_page(request, ctx)


def _number(data: dict[str, str], key: str, default: Any, kind: type, message: str) -> Any:
    text = data.get(key, "").strip()
    if not text:
        return default
    try:
        return kind(text)
    except ValueError:
        raise ServiceError(message) from None


@router.post("/targets")
def add_target(request: Request, ctx: web.CtxDep) -> Response:
    ctx.require("manage")
    data = web.form(request)
    try:
        priority = _number(
            data, "priority", 100, int, _("The priority must be between -1000 and 1000")
        )
        timeout = _number(
            data,
            "timeout",
            tg.DEFAULT_TIMEOUT,
            float,
            _("The timeout must be between 0.5 and 60 seconds"),
        )
        with ctx.write() as s:
            tg.add_target(
                s,
                data.get("name", ""),
                data.get("url", ""),
                syntax=data.get("syntax", ""),
                charset=data.get("charset", "").strip() or None,
                username=data.get("user", "").strip() or None,
                password=data.get("password") or None,
                priority=priority,
                timeout=timeout,
                actor=ctx.actor,
            )
    except ServiceError as exc:
        return targets_page(request, ctx, error=exc.translated(ctx.t), status=400, entered=data)
    return web.redirect("/targets")


@router.post("/targets/{name}/{action}")
def change_target(request: Request, ctx: web.CtxDep, name: str, action: str) -> Response:
    ctx.require("manage")
    if action not in ("remove", "priority", "test"):
        raise web.Refused(404, ctx.t(_("Not found.")))
    data = web.form(request)
    try:
        if action == "test":
            with ctx.read() as s:
                target = tg.get_target(s, name)
            # No transaction is open during the network call; this handler is a plain ``def``,
            # so FastAPI runs it in its thread pool (run_in_threadpool), off the event loop.
            return targets_page(request, ctx, probe=lookup.probe_target(target))
        with ctx.write() as s:
            if action == "remove":
                tg.remove_target(s, name, actor=ctx.actor)
            else:
                priority = _number(
                    data,
                    "priority",
                    None,
                    int,
                    _("The priority must be between -1000 and 1000"),
                )
                if priority is None:
                    raise ServiceError(_("The priority must be between -1000 and 1000"))
                tg.set_priority(s, name, priority, actor=ctx.actor)
    except ServiceError as exc:
        return targets_page(request, ctx, error=exc.translated(ctx.t), status=400)
    return web.redirect("/targets")


SEARCH_KINDS = (
    ("any", _("Any field")),
    ("title", _("Title")),
    ("author", _("Author")),
    ("isbn", "ISBN"),
)
SEARCH_LIMIT = 10


@router.get("/targets/search", response_class=HTMLResponse)
def search_view(request: Request, ctx: web.CtxDep, q: str = "", kind: str = "any") -> Response:
    """Every enabled target at once (the same search as ``shuwu catalog external-search``);
    viewing only, so every role may. The session is closed before the network is asked."""
    q = " ".join(q.split())[:200]
    kind = kind if kind in lookup.KINDS else "any"
    hits: list[lookup.Hit] = []
    failed: list[lookup.Failure] = []
    with ctx.read() as s:
        targets = tg.list_targets(s, enabled_only=True)
    if q and targets:
        hits, failed = lookup.search_targets(targets, kind, q, SEARCH_LIMIT)
    return web.render(
        request,
        ctx,
        "targets_search.html",
        active="catalogue",
        q=q,
        kind=kind,
        kinds=SEARCH_KINDS,
        targets=targets,
        hits=hits,
        failed=failed,
        reasons=REASONS,
    )
