"""Reports: the county annual report (XLSX/PDF), and a per-branch dashboard for screenshots.

The annual report's computation and export live in server/commands/report.py (over the
shared report code, shuwu_shared.reports); the console only calls it.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select

from server import models as m
from server import settings
from server.commands.report import county_report, export_report  # type: ignore[attr-defined]
from server.console import web
from server.console.charts import bar_chart
from server.services.audit import audit
from server.services.errors import _
from server.timeutil import utcnow

router = APIRouter()
FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
BEIJING = timedelta(hours=8)
POPULATION_KEY = "report_population:{code}"


def _year(raw: str | None) -> int:
    this_year = (utcnow() + BEIJING).year
    try:
        year = int(raw or this_year)
    except ValueError:
        return this_year
    return year if 2000 <= year <= this_year + 1 else this_year


@router.get("/reports", response_class=HTMLResponse)
def reports(request: Request, ctx: web.CtxDep, year: str = "") -> Response:
    chosen = _year(year)
    with ctx.read() as s:
        branches = [
            b for b in s.scalars(select(m.Branch).order_by(m.Branch.code)) if ctx.sees(b.code)
        ]
    return web.render(
        request,
        ctx,
        "reports.html",
        active="reports",
        year=chosen,
        branches=branches,
        years=list(range((utcnow() + BEIJING).year, 2014, -1)),
    )


@router.get("/reports/annual.{fmt}")
def annual_report(request: Request, ctx: web.CtxDep, fmt: str, year: str = "") -> Response:
    if fmt not in FORMATS:
        raise web.Refused(404, ctx.t(_("Choose XLSX or PDF.")))
    if ctx.scope is not None:  # the county report covers every branch
        raise web.Refused(403, ctx.t(_("Your role may not do this.")))
    chosen = _year(year)
    with ctx.read() as s:
        report = county_report(s, chosen)
    with tempfile.TemporaryDirectory(prefix="shuwu-report-") as folder:
        path = export_report(report, Path(folder) / f"county-{chosen}.{fmt}")
        body = path.read_bytes()
    with ctx.write() as s:
        audit(s, ctx.actor, "report.download", f"{chosen}.{fmt}")
    return Response(
        body,
        media_type=FORMATS[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="shuwu-county-{chosen}.{fmt}"',
            "Cache-Control": "no-store",
        },
    )


def _local_bounds(year: int) -> tuple[datetime, datetime]:
    start = datetime(year, 1, 1, tzinfo=UTC) - BEIJING
    return start, datetime(year + 1, 1, 1, tzinfo=UTC) - BEIJING


@router.get("/reports/branch/{code}", response_class=HTMLResponse)
def branch_dashboard(request: Request, ctx: web.CtxDep, code: str, year: str = "") -> Response:
    chosen = _year(year)
    start, end = _local_bounds(chosen)
    with ctx.read() as s:
        branch = s.scalar(select(m.Branch).where(m.Branch.code == code[:32]))
        if branch is None or not ctx.sees(branch.code):
            raise web.Refused(404, ctx.t(_("No branch with code {code}")).format(code=code))
        loan_times = s.scalars(
            select(m.Loan.checkout_at).where(
                m.Loan.branch_code == branch.code,
                m.Loan.checkout_at >= start,
                m.Loan.checkout_at < end,
            )
        ).all()
        months = Counter((t + BEIJING).month for t in loan_times)
        visits = (
            s.scalar(
                select(func.coalesce(func.sum(m.VisitCount.count), 0)).where(
                    m.VisitCount.branch_code == branch.code,
                    m.VisitCount.day >= date(chosen, 1, 1),
                    m.VisitCount.day <= date(chosen, 12, 31),
                )
            )
            or 0
        )
        readers = (
            s.scalar(
                select(func.count())
                .select_from(m.Reader)
                .where(m.Reader.home_branch_code == branch.code, m.Reader.registered_at < end)
            )
            or 0
        )
        new_readers = (
            s.scalar(
                select(func.count())
                .select_from(m.Reader)
                .where(
                    m.Reader.home_branch_code == branch.code,
                    m.Reader.registered_at >= start,
                    m.Reader.registered_at < end,
                )
            )
            or 0
        )
        new_items = (
            s.scalar(
                select(func.count())
                .select_from(m.Item)
                .where(
                    m.Item.home_branch_code == branch.code,
                    m.Item.created_at >= start,
                    m.Item.created_at < end,
                )
            )
            or 0
        )
        holdings = (
            s.scalar(
                select(func.count())
                .select_from(m.Item)
                .where(m.Item.home_branch_code == branch.code, m.Item.status != "withdrawn")
            )
            or 0
        )
        events, attendance = s.execute(
            select(func.count(), func.coalesce(func.sum(m.Activity.attendance), 0)).where(
                m.Activity.branch_code == branch.code,
                m.Activity.day >= date(chosen, 1, 1),
                m.Activity.day <= date(chosen, 12, 31),
            )
        ).one()
        stored = settings.get(s, POPULATION_KEY.format(code=branch.code))
    population = int(stored) if stored and stored.isdigit() and int(stored) > 0 else None
    loans = len(loan_times)

    def per(value: int) -> str:
        return f"{value / population:.3f}" if population else "—"

    figures = {
        "loans": loans,
        "visits": int(visits),
        "readers": readers,
        "new_readers": new_readers,
        "new_items": new_items,
        "holdings": holdings,
        "events": int(events),
        "attendance": int(attendance),
    }
    indicators = [
        ("Loans per resident", per(loans)),
        ("Visits per resident", per(int(visits))),
        ("Registered readers per resident", per(readers)),
        ("New books per resident", per(new_items)),
        ("Holdings per resident", per(holdings)),
    ]
    chart = bar_chart(
        [(f"{mo}", months.get(mo, 0)) for mo in range(1, 13)], title=ctx.t(_("Loans per month"))
    )
    return web.render(
        request,
        ctx,
        "dashboard.html",
        active="reports",
        branch=branch,
        year=chosen,
        figures=figures,
        indicators=indicators,
        population=population,
        chart=chart,
    )


@router.post("/reports/branch/{code}/population")
def set_population(request: Request, ctx: web.CtxDep, code: str) -> Response:
    ctx.require("manage")
    raw = web.form(request).get("population", "").strip()
    if not raw.isdigit() or not 0 < int(raw) <= 10_000_000:
        raise web.Refused(400, ctx.t(_("The population must be a positive number.")))
    with ctx.write() as s:
        if s.scalar(select(m.Branch.id).where(m.Branch.code == code[:32])) is None:
            raise web.Refused(404, ctx.t(_("No branch with code {code}")).format(code=code))
        settings.put(s, POPULATION_KEY.format(code=code), raw)
        audit(s, ctx.actor, "report.population", code, population=int(raw))
    return web.redirect(f"/reports/branch/{code}")
