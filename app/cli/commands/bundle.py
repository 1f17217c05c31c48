"""``shuwu bundle export FILE`` and ``shuwu bundle import REPLY``: sync by USB stick."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command, add_group
from app.sync import usb
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "bundle", _("sync by USB stick (no connection needed)"))
    parser = add_command(
        group, "export", _("write the unsent operations to FILE for the county"), run_export
    )
    parser.add_argument("file", metavar="FILE", help=_("bundle file, e.g. on the USB stick"))
    parser = add_command(group, "import", _("import the county's reply bundle"), run_import)
    parser.add_argument("file", metavar="REPLY", help=_("reply bundle from the county"))


def run_export(ctx: CliContext) -> CommandResult:
    result = usb.export_bundle(ctx.profile, Path(ctx.args.file))
    text = _(
        "{count} unsent operations written to {path}. Take it to the township or county "
        "library; bring back the reply bundle and import it with: shuwu bundle import REPLY"
    ).format(count=result.ops, path=result.path)
    return CommandResult(data=result.to_json(), text=text)


def run_import(ctx: CliContext) -> CommandResult:
    result = usb.import_reply(ctx.profile, Path(ctx.args.file))
    lines = [
        _(
            "Reply imported: {acked} operations confirmed by the county, {rejected} refused, "
            "{changes} changes received."
        ).format(acked=result.acked, rejected=result.rejected, changes=result.changes_applied),
        _("Still unsent: {pending}.").format(pending=result.pending),
    ]
    if result.conflicts:
        lines.append(
            _("{count} operations had conflicts; the county will look at them.").format(
                count=result.conflicts
            )
        )
    if result.stale_changes_skipped:
        lines.append(
            _(
                "This computer already has newer data from an online sync; only the "
                "confirmations were taken from the reply."
            )
        )
    return CommandResult(data=result.to_json(), text="\n".join(lines))
