"""``shuwu transfer …``: 调拨 batches between branches."""

from __future__ import annotations

from typing import Any

from app.cli import values
from app.cli.base import CliContext, CommandResult, add_command, add_group
from app.i18n import _
from app.services import transfers
from app.services.transfers import TransferView


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "transfer", _("transfers (调拨) between branches"))
    p = add_command(group, "send", _("send copies to another branch"), run_send)
    p.add_argument("to_branch")
    p.add_argument("barcodes", nargs="+")
    p = add_command(group, "receive", _("receive copies by barcode"), run_receive)
    p.add_argument("barcodes", nargs="+")
    p.add_argument("--transfer")
    add_command(group, "list", _("list transfers"), run_list)


def _line(view: TransferView) -> str:
    return _("{uuid}: {src} → {dst}, {status}, {count} copies, {received} received").format(
        uuid=view.uuid[:8],
        src=view.from_branch,
        dst=view.to_branch,
        status=values.transfer_status(view.status),
        count=len(view.barcodes),
        received=len(view.received),
    )


def run_send(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        view = transfers.create(s, ctx.profile.clock, ctx.args.to_branch)
        for code in ctx.args.barcodes:
            transfers.add_item(s, view.uuid, code)
        view = transfers.send(s, ctx.profile.clock, view.uuid)
    return CommandResult(view.to_json(), _line(view))


def run_receive(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        view = transfers.receive(s, ctx.profile.clock, ctx.args.barcodes, ctx.args.transfer)
    return CommandResult(view.to_json(), _line(view))


def run_list(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s:
        views = transfers.list_transfers(s)
    return CommandResult(
        {"transfers": [v.to_json() for v in views]},
        "\n".join(_line(v) for v in views) or _("No transfers."),
    )
