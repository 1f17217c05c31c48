"""``shuwu refused``: the operations the county server refused (listed, never dropped)."""

from __future__ import annotations

from typing import Any

from app.cli.base import CliContext, CommandResult, add_command
from app.sync.refused import list_refused
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    add_command(
        subparsers, "refused", _("list the operations the county server refused"), run_refused
    )


def run_refused(ctx: CliContext) -> CommandResult:
    with ctx.profile.sessions() as session:
        rows = list_refused(session)
    data = {
        "refused": [
            {
                "device_seq": r.device_seq,
                "kind": r.kind,
                "about": r.subject,
                "error": r.error,
                "reason": r.reason,
                "made_at": r.made_at.isoformat(),
            }
            for r in rows
        ]
    }
    if not rows:
        return CommandResult(data=data, text=_("The county server refused no operations."))
    lines = [
        f"{r.made_at.astimezone():%Y-%m-%d %H:%M}  {r.kind_label}  {r.subject}  {r.reason}"
        for r in rows
    ]
    return CommandResult(data=data, text="\n".join(lines))
