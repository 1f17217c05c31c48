"""``shuwu circ …``: the desk from the command line (scripted tests, trainers)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command, add_group
from app.services import circulation, credit, overdues
from app.services.readers import reader_by_card
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "circ", _("circulation desk: checkout, return, renew"))
    p = add_command(group, "checkout", _("lend an item to a reader"), run_checkout)
    p.add_argument("card", help=_("reader card number"))
    p.add_argument("item", help=_("item barcode"))
    p.add_argument("--override", metavar="REASON", help=_("override a refusal, with a reason"))
    p = add_command(group, "return", _("return an item here"), run_return)
    p.add_argument("item", help=_("item barcode"))
    p = add_command(group, "renew", _("renew a loan"), run_renew)
    p.add_argument("item", help=_("item barcode"))
    p.add_argument("--override", metavar="REASON", help=_("override a refusal, with a reason"))
    p = add_command(group, "undo", _("undo a desk scan by its operation id"), run_undo)
    p.add_argument("op_id", help=_("operation id printed by checkout/return"))
    p.add_argument("--reason", required=True, help=_("why the scan is undone"))
    p = add_command(group, "reader", _("show a reader's points and loans"), run_reader)
    p.add_argument("card", help=_("reader card number"))
    p = add_command(group, "ledger", _("show a reader's credit-points ledger"), run_ledger)
    p.add_argument("card", help=_("reader card number"))
    p = add_command(group, "overdues", _("list overdue loans"), run_overdues)
    p.add_argument("--slips", metavar="PDF", help=_("also write reminder slips to this PDF"))
    p = add_command(group, "amnesty", _("add and apply an amnesty window (免扣积分)"), run_amnesty)
    p.add_argument("--start", required=True, help=_("first day, YYYY-MM-DD"))
    p.add_argument("--end", required=True, help=_("last day, YYYY-MM-DD"))
    p.add_argument("--note", default="", help=_("what the amnesty is for"))
    p.add_argument(
        "--restore", action="store_true", help=_("also restore every reader's starting points")
    )


def _scan(ctx: CliContext, action: str) -> CommandResult:
    profile = ctx.profile
    args: argparse.Namespace = ctx.args
    with profile.sessions() as session, session.begin():
        if action == "checkout":
            result = circulation.checkout(
                session, profile.clock, args.card, args.item, override_reason=args.override
            )
        elif action == "return":
            result = circulation.return_item(session, profile.clock, args.item)
        else:
            result = circulation.renew(
                session, profile.clock, args.item, override_reason=args.override
            )
    data = result.to_json()
    # The resulting loan at top level, as scripts expect, plus the scan's details.
    out: dict[str, Any] = dict(result.loan.to_json()) if result.loan else {"loan_uuid": None}
    out["scan"] = data
    text = result.message + (f"\n[op {result.op_id}]" if result.op_id else "")
    return CommandResult(data=out, text=text)


def run_checkout(ctx: CliContext) -> CommandResult:
    return _scan(ctx, "checkout")


def run_return(ctx: CliContext) -> CommandResult:
    return _scan(ctx, "return")


def run_renew(ctx: CliContext) -> CommandResult:
    return _scan(ctx, "renew")


def run_undo(ctx: CliContext) -> CommandResult:
    profile = ctx.profile
    with profile.sessions() as session, session.begin():
        result = circulation.undo(session, profile.clock, ctx.args.op_id, ctx.args.reason)
    return CommandResult(data=result.to_json(), text=result.message)


def run_reader(ctx: CliContext) -> CommandResult:
    profile = ctx.profile
    with profile.sessions() as session, session.begin():
        info = circulation.desk_reader(session, profile.clock, ctx.args.card)
    lines = [
        _("{name}  card {card}  points {points} (borrowing needs {threshold})").format(
            name=info.name_masked, card=info.card, points=info.points, threshold=info.threshold
        )
    ]
    if info.frozen_until:
        lines.append(_("Frozen until {date}").format(date=info.frozen_until))
    for loan in info.loans:
        lines.append(f"  {loan.barcode}  {loan.title}  {credit.local_date(loan.due_at)}")
    return CommandResult(data=info.to_json(), text="\n".join(lines))


def run_ledger(ctx: CliContext) -> CommandResult:
    profile = ctx.profile
    with profile.sessions() as session:
        reader = reader_by_card(session, ctx.args.card)
        entries = credit.ledger(session, reader.id)
        total = credit.balance(session, reader.id)
    rows = [
        {
            "entry_uuid": e.uuid,
            "delta": e.delta,
            "reason": e.reason,
            "loan_uuid": e.loan_uuid,
            "note": e.note,
            "created_at": e.created_at.isoformat(),
        }
        for e in entries
    ]
    lines = [f"{e.created_at:%Y-%m-%d}  {e.delta:+d}  {e.reason}  {e.note or ''}" for e in entries]
    lines.append(_("Balance: {points}").format(points=total))
    return CommandResult(data={"balance": total, "entries": rows}, text="\n".join(lines))


def run_overdues(ctx: CliContext) -> CommandResult:
    profile = ctx.profile
    with profile.sessions() as session, session.begin():
        rows = overdues.list_overdues(session, profile.clock)
        slips = None
        if ctx.args.slips:
            slips = overdues.write_reminder_slips(session, profile.clock, Path(ctx.args.slips))
    lines = [
        f"{r.overdue_days:>4}  {r.barcode}  {r.title}  {r.name_masked}  {r.phone_masked}"
        for r in rows
    ] or [_("No overdue books.")]
    if slips is not None:
        lines.append(_("{n} reminder slips written to {path}").format(n=slips, path=ctx.args.slips))
    return CommandResult(
        data={"overdues": [r.to_json() for r in rows], "slips": slips}, text="\n".join(lines)
    )


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UserInputError(
            _("{text} is not a date; write it as YYYY-MM-DD.").format(text=text), code="date"
        ) from exc


def run_amnesty(ctx: CliContext) -> CommandResult:
    profile = ctx.profile
    window = credit.AmnestyWindow(
        start=_date(ctx.args.start),
        end=_date(ctx.args.end),
        note=ctx.args.note,
        restore=ctx.args.restore,
    )
    with profile.sessions() as session, session.begin():
        result = credit.add_amnesty(session, profile.clock, window)
    data = {
        "window": window.to_json(),
        "refunded_entries": result.refunded_entries,
        "refunded_points": result.refunded_points,
        "restored_readers": result.restored_readers,
    }
    text = _("Amnesty applied: {n} deductions refunded ({points} points), {r} readers restored.")
    return CommandResult(
        data=data,
        text=text.format(
            n=result.refunded_entries, points=result.refunded_points, r=result.restored_readers
        ),
    )
