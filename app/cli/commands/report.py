"""``shuwu report``: the branch's statistics to XLSX/CSV/PDF; ``shuwu activity``/``visits``."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command, add_group
from app.models.reports import ACTIVITY_KINDS
from app.services.reports import branch_report
from app.services.reports.activities import record_activity, set_visit_count
from app.services.reports.preferences import load_preferences, save_preferences
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.reports.export import export_report


def register(subparsers: Any) -> None:
    p = add_command(subparsers, "report", _("statistics report to .xlsx, .csv or .pdf"), run_report)
    p.add_argument("--from", dest="start", required=True, help=_("first day, YYYY-MM-DD"))
    p.add_argument("--to", dest="end", required=True, help=_("last day, YYYY-MM-DD"))
    p.add_argument("--out", metavar="FILE", help=_("write the report here (.xlsx, .csv, .pdf)"))
    p.add_argument("--branch", help=_("branch code (default: this computer's branch)"))
    p.add_argument("--all-branches", action="store_true", help=_("every branch in this database"))
    p.add_argument("--top", type=int, default=10, help=_("length of the top lists"))
    p.add_argument(
        "--age-bands", metavar="BANDS", help=_("age bands, e.g. 0-6,7-14,15-17,18-59,60+")
    )

    p = add_command(
        subparsers,
        "report-settings",
        _("show or change the age bands, population and new-books target of the reports"),
        run_report_settings,
    )
    p.add_argument("--age-bands", metavar="BANDS", help=_("e.g. 0-6,7-14,15-17,18-59,60+"))
    p.add_argument("--population", type=int, help=_("people this branch serves (0: not set)"))
    p.add_argument(
        "--target", type=float, help=_("new books per person per year to aim for (0: not set)")
    )

    group = add_group(subparsers, "activity", _("the branch's activities log"))
    p = add_command(group, "add", _("record an activity (送书下乡, lecture, class…)"), run_activity)
    p.add_argument("--date", required=True, help=_("day of the activity, YYYY-MM-DD"))
    p.add_argument("--kind", required=True, choices=ACTIVITY_KINDS, help=_("kind of activity"))
    p.add_argument("--title", required=True, help=_("what it was"))
    p.add_argument("--attendance", type=int, required=True, help=_("number of people"))
    p.add_argument("--note", default="", help=_("optional note"))

    group = add_group(subparsers, "visits", _("daily head counts (到馆人次)"))
    p = add_command(group, "set", _("enter the head count of a day"), run_visits)
    p.add_argument("--date", required=True, help=_("the day, YYYY-MM-DD"))
    p.add_argument("--count", type=int, required=True, help=_("number of visitors"))


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserInputError(
            _("{value} is not a date; write it as YYYY-MM-DD.").format(value=text), code="date"
        ) from None


def run_report(ctx: CliContext) -> CommandResult:
    args: argparse.Namespace = ctx.args
    branch: str | None = None if args.all_branches else (args.branch or "")
    with ctx.profile.sessions() as session:
        report = branch_report(
            session,
            ctx.profile.clock,
            args.start,
            args.end,
            branch=branch,
            age_bands=args.age_bands,
            top_n=args.top,
        )
    data = report.summary()
    lines = [
        _("{branch}, {start} to {end}").format(
            branch=report.branch_name, start=data["from"], end=data["to"]
        ),
        _("Loans: {loans}  Returns: {returns}  Visits: {visits}").format(**data),
        _("Registered readers: {registered}  New: {new}  Active: {active}").format(
            registered=data["registered_readers"],
            new=data["new_readers"],
            active=data["active_readers"],
        ),
        _("Holdings: {holdings}  New items: {new_items}  Overdue: {overdue}").format(
            holdings=data["holdings"], new_items=data["new_items"], overdue=data["overdue_loans"]
        ),
    ]
    if args.out:
        path = export_report(report, args.out)
        data["out"] = str(path)
        lines.append(_("Written to {path}").format(path=path))
    return CommandResult(data=data, text="\n".join(lines))


def run_activity(ctx: CliContext) -> CommandResult:
    args: argparse.Namespace = ctx.args
    with ctx.profile.sessions() as session, session.begin():
        view = record_activity(
            session,
            ctx.profile.clock,
            on_date=_day(args.date),
            kind=args.kind,
            title=args.title,
            attendance=args.attendance,
            note=args.note,
        )
    return CommandResult(
        data={"activity_uuid": view.uuid, "date": view.on_date.isoformat(), "kind": view.kind},
        text=_("Activity recorded: {title}").format(title=view.title),
    )


def run_visits(ctx: CliContext) -> CommandResult:
    args: argparse.Namespace = ctx.args
    with ctx.profile.sessions() as session, session.begin():
        view = set_visit_count(
            session, ctx.profile.clock, on_date=_day(args.date), count=args.count
        )
    return CommandResult(
        data={"branch": view.branch_code, "date": view.on_date.isoformat(), "count": view.count},
        text=_("Head count of {day}: {count}").format(
            day=view.on_date.isoformat(), count=view.count
        ),
    )


def run_report_settings(ctx: CliContext) -> CommandResult:
    args = ctx.args
    with ctx.profile.sessions() as session, session.begin():
        prefs = load_preferences(session)
        if args.age_bands is not None or args.population is not None or args.target is not None:
            prefs = save_preferences(
                session,
                args.age_bands if args.age_bands is not None else prefs.age_bands,
                args.population if args.population is not None else prefs.population,
                args.target if args.target is not None else prefs.new_books_target,
            )
    text = _("Age bands: {bands}; population: {population}; new books per person: {target}").format(
        bands=prefs.age_bands,
        population=prefs.population if prefs.population is not None else _("not set"),
        target=prefs.new_books_target if prefs.new_books_target is not None else _("not set"),
    )
    return CommandResult(data=asdict(prefs), text=text)
