"""``shuwu transfer …``: 调拨 batches between branches."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.cli.base import CliContext, CommandResult, add_command, add_group
from app.services import transfers
from app.services.circulation import branch_name
from app.services.transfers import TransferView
from shuwu_shared import vocabulary as values
from shuwu_shared.errors import NeedsConfirmation
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "transfer", _("transfers (调拨) between branches"))
    p = add_command(group, "send", _("send copies to another branch"), run_send)
    p.add_argument("to_branch")
    p.add_argument("barcodes", nargs="+")
    p = add_command(group, "receive", _("receive copies by barcode"), run_receive)
    p.add_argument("barcodes", nargs="+")
    p.add_argument("--transfer")
    p.add_argument(
        "--yes",
        action="store_true",
        help=_("receive copies no known transfer announced (the sender may not have synced)"),
    )
    add_command(group, "list", _("list transfers"), run_list)


def _names(session: Session, views: list[TransferView]) -> dict[str, str]:
    """Branch names for the text a person reads (JSON keeps the codes)."""
    codes = {v.from_branch for v in views} | {v.to_branch for v in views}
    return {code: branch_name(session, code) for code in codes}


def _line(view: TransferView, names: dict[str, str] | None = None) -> str:
    names = names or {}
    return _("{uuid}: {src} → {dst}, {status}, {count} copies, {received} received").format(
        uuid=view.uuid[:8],
        src=names.get(view.from_branch, view.from_branch),
        dst=names.get(view.to_branch, view.to_branch),
        status=values.transfer_status(view.status),
        count=len(view.barcodes),
        received=len(view.received),
    )


def run_send(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        view = transfers.send_batch(s, ctx.profile.clock, ctx.args.to_branch, ctx.args.barcodes)
        names = _names(s, [view])
    return CommandResult(view.to_json(), _line(view, names))


def run_receive(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s, s.begin():
        try:
            view = transfers.receive(
                s, ctx.profile.clock, ctx.args.barcodes, ctx.args.transfer, confirmed=ctx.args.yes
            )
        except NeedsConfirmation as question:  # exit 2, nothing saved
            raise NeedsConfirmation(
                question.question + " " + _("Run the command again with --yes to receive it.")
            ) from None
        names = _names(s, [view])
    return CommandResult(view.to_json(), _line(view, names))


def run_list(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as s:
        views = transfers.list_transfers(s)
        names = _names(s, views)
    return CommandResult(
        {"transfers": [v.to_json() for v in views]},
        "\n".join(_line(v, names) for v in views) or _("No transfers."),
    )
