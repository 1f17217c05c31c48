"""``shuwu-server report --year Y --out FILE``: the county's annual statistics over all branches.

The same computation as the branch reports (shuwu_shared.reports), over the server's tables,
plus one row per branch and the evaluation indicators. ``report-settings`` stores the service
population and the new-books-per-capita target the indicators use.
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m
from server import settings
from server.cli_base import CommandResult, InputError, add_command, read_session, write_session
from shuwu_shared.clock import Clock
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.reports.compute import compute_report, parse_age_bands, year_period
from shuwu_shared.reports.export import export_report
from shuwu_shared.reports.model import DEFAULT_AGE_BANDS, IndicatorSettings, Report
from shuwu_shared.reports.source import ReportSource

POPULATION_KEY = "report_population"
TARGET_KEY = "report_new_books_per_capita_target"
AGE_BANDS_KEY = "report_age_bands"


def server_source(session: Session) -> ReportSource:
    """The server's tables under the column names the report expects."""
    activity = select(
        m.Activity.branch_code,
        m.Activity.day.label("on_date"),
        m.Activity.kind,
        m.Activity.title,
        m.Activity.attendance,
    ).subquery("activity_src")
    visit = select(
        m.VisitCount.branch_code, m.VisitCount.day.label("on_date"), m.VisitCount.count
    ).subquery("visit_src")
    return ReportSource(
        session=session,
        branch=m.Branch.__table__,
        bib=m.Bib.__table__,
        item=m.Item.__table__,
        reader=m.Reader.__table__,
        loan=m.Loan.__table__,
        credit=m.CreditEntry.__table__,
        activity=activity,
        visit=visit,
    )


def county_report(
    session: Session,
    year: int,
    *,
    population: int | None = None,
    target: float | None = None,
    age_bands: str | None = None,
    top_n: int = 10,
    clock: Clock | None = None,
) -> Report:
    """Settings stored on the server fill in what the caller leaves out."""
    if population is None:
        stored = settings.get(session, POPULATION_KEY)
        population = int(stored) if stored else None
    if target is None:
        stored = settings.get(session, TARGET_KEY)
        target = float(stored) if stored else None
    bands_text = age_bands or settings.get(session, AGE_BANDS_KEY)
    bands = parse_age_bands(bands_text) if bands_text else DEFAULT_AGE_BANDS
    return compute_report(
        server_source(session),
        year_period(year),
        clock or Clock(),
        branch=None,
        age_bands=bands,
        top_n=top_n,
        indicator_settings=IndicatorSettings(population, target),
        per_branch=True,
    )


def register(subparsers: Any) -> None:
    p = add_command(
        subparsers, "report", _("the county's annual statistics report (.xlsx, .csv, .pdf)"), run
    )
    p.add_argument("--year", type=int, required=True, help=_("the calendar year"))
    p.add_argument("--out", metavar="FILE", help=_("write the report here (.xlsx, .csv, .pdf)"))
    p.add_argument("--population", type=int, help=_("service population (default: stored)"))
    p.add_argument("--target", type=float, help=_("target new books per capita (default: stored)"))
    p.add_argument(
        "--age-bands", metavar="BANDS", help=_("age bands, e.g. 0-6,7-14,15-17,18-59,60+")
    )
    p.add_argument("--top", type=int, default=10, help=_("length of the top lists"))
    p = add_command(
        subparsers,
        "report-settings",
        _("store the evaluation settings of the report"),
        run_settings,
    )
    p.add_argument("--population", type=int, help=_("service population (常住人口)"))
    p.add_argument("--target", type=float, help=_("target new books per capita, e.g. 0.05"))
    p.add_argument(
        "--age-bands", metavar="BANDS", help=_("age bands, e.g. 0-6,7-14,15-17,18-59,60+")
    )


def run(args: argparse.Namespace) -> CommandResult:
    if args.population is not None and args.population <= 0:
        raise InputError(_("The population must be a positive number."))
    if args.target is not None and args.target <= 0:
        raise InputError(_("The target must be a positive number."))
    try:
        with read_session(args) as session:
            report = county_report(
                session,
                args.year,
                population=args.population,
                target=args.target,
                age_bands=args.age_bands,
                top_n=args.top,
            )
        data = report.summary()
        if args.out:
            data["out"] = str(export_report(report, args.out))
    except UserInputError as exc:
        raise InputError(exc.message) from exc
    ind = report.indicators
    lines = [
        _("County report {year}: {branches} branches").format(
            year=args.year, branches=len(report.branches)
        ),
        _("Loans: {loans}  Returns: {returns}  Visits: {visits}").format(**data),
        _("Registered readers: {registered}  New: {new}  Active: {active}").format(
            registered=data["registered_readers"],
            new=data["new_readers"],
            active=data["active_readers"],
        ),
        _("New books per capita: {value} (target {target})").format(
            value="—" if ind.new_books_per_capita is None else ind.new_books_per_capita,
            target="—"
            if ind.new_books_per_capita_target is None
            else ind.new_books_per_capita_target,
        ),
    ]
    if "out" in data:
        lines.append(_("Written to {path}").format(path=data["out"]))
    data["branch_rows"] = [
        {
            "code": b.branch_code,
            "loans": b.loans,
            "registered_readers": b.registered_readers,
            "visits": b.visits,
            "new_items": b.new_items,
        }
        for b in report.branches
    ]
    return CommandResult(data=data, text="\n".join(lines))


def run_settings(args: argparse.Namespace) -> CommandResult:
    if args.population is not None and args.population <= 0:
        raise InputError(_("The population must be a positive number."))
    if args.target is not None and args.target <= 0:
        raise InputError(_("The target must be a positive number."))
    if args.age_bands is not None:
        try:
            parse_age_bands(args.age_bands)
        except UserInputError as exc:
            raise InputError(exc.message) from exc
    with write_session(args) as session:
        if args.population is not None:
            settings.put(session, POPULATION_KEY, str(args.population))
        if args.target is not None:
            settings.put(session, TARGET_KEY, str(args.target))
        if args.age_bands is not None:
            settings.put(session, AGE_BANDS_KEY, args.age_bands)
        data = {
            "population": settings.get(session, POPULATION_KEY),
            "target": settings.get(session, TARGET_KEY),
            "age_bands": settings.get(session, AGE_BANDS_KEY),
        }
    return CommandResult(
        data=data,
        text=_("Population: {population}  Target: {target}  Age bands: {age_bands}").format(
            **{k: v or "—" for k, v in data.items()}
        ),
    )
