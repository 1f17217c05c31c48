"""``shuwu stocktake …``: 盘点 from the command line (start, scan, report, finish)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command, add_group
from app.services import stocktake
from app.services.stocktake import StocktakeReport
from shuwu_shared import vocabulary as values
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "stocktake", _("stocktake (盘点) of this branch's shelves"))
    p = add_command(group, "start", _("start a stocktake"), run_start)
    p.add_argument("--shelf", help=_("only this shelf location"))
    p = add_command(group, "scan", _("record scanned barcodes"), run_scan)
    p.add_argument("barcodes", nargs="+")
    p.add_argument("--session")
    p = add_command(group, "report", _("missing / elsewhere / on loan"), run_report)
    p.add_argument("--session")
    p.add_argument("--csv", help=_("also write the result as CSV"))
    p = add_command(group, "finish", _("finish and send the result"), run_finish)
    p.add_argument("--session")
    p.add_argument("--csv")
    p.add_argument("--keep-status", action="store_true", help=_("do not mark missing copies"))


def run_start(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        info = stocktake.start(s, ctx.profile.clock, ctx.args.shelf)
    return CommandResult(vars(info), _("Stocktake {uuid} started.").format(uuid=info.uuid))


def run_scan(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        outcomes = [
            stocktake.scan(s, ctx.profile.clock, code, ctx.args.session)
            for code in ctx.args.barcodes
        ]
    return CommandResult(
        {"scans": [vars(o) for o in outcomes]},
        "\n".join(f"{o.barcode} {values.scan_outcome(o.status)} {o.title or ''}" for o in outcomes),
    )


def _text(result: StocktakeReport) -> str:
    return _(
        "Expected {expected}, found {found}. Missing {missing}, belongs elsewhere {elsewhere}, "
        "on loan but on the shelf {on_loan}, unknown {unknown}."
    ).format(
        expected=result.expected,
        found=result.found,
        missing=len(result.missing),
        elsewhere=len(result.found_elsewhere),
        on_loan=len(result.on_loan_found),
        unknown=len(result.unknown),
    )


def run_report(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s:
        result = stocktake.report(s, ctx.args.session)
    if ctx.args.csv:
        stocktake.export_csv(result, Path(ctx.args.csv))
    return CommandResult(result.to_json(), _text(result))


def run_finish(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        result = stocktake.finish(s, ctx.profile.clock, ctx.args.session, not ctx.args.keep_status)
    if ctx.args.csv:
        stocktake.export_csv(result, Path(ctx.args.csv))
    return CommandResult(result.to_json(), _text(result))
