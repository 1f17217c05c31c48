"""``shuwu exceptions``: the conflicts the county filed for this branch, and how it resolved them.

Open ones by default; ``--all`` adds the resolved ones with the county staff's note and the time
of the resolution (both arrive at the next sync after the county resolves a conflict).
"""

from __future__ import annotations

from typing import Any

from app.cli.base import CliContext, CommandResult, add_command
from app.sync.exceptions import ExceptionView, list_exceptions
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "exceptions",
        _("list the conflicts the county filed for this branch"),
        run_exceptions,
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help=_("also list the resolved ones, with the county's note"),
    )


def _line(row: ExceptionView) -> str:
    head = f"{row.created_at.astimezone():%Y-%m-%d %H:%M}  {row.kind_label}  {row.summary}"
    if row.resolved_at is None:
        return head + "  " + _("Not resolved yet")
    resolved = _("Resolved {when}").format(when=f"{row.resolved_at.astimezone():%Y-%m-%d %H:%M}")
    if row.resolution:
        resolved += _(": {note}").format(note=row.resolution)
    return head + "\n    " + resolved


def run_exceptions(ctx: CliContext) -> CommandResult:
    include_resolved = bool(getattr(ctx.args, "all", False))
    with ctx.profile.sessions() as session:
        rows = list_exceptions(session, include_resolved=include_resolved)
    data = {
        "exceptions": [
            {
                "uuid": r.uuid,
                "kind": r.kind,
                "kind_label": r.kind_label,
                "summary": r.summary,
                "created_at": r.created_at.isoformat(),
                "resolved_at": r.resolved_at.isoformat() if r.resolved_at else None,
                "resolution": r.resolution,
            }
            for r in rows
        ]
    }
    if not rows:
        text = _("No conflicts.") if include_resolved else _("No open conflicts.")
        return CommandResult(data=data, text=text)
    return CommandResult(data=data, text="\n".join(_line(r) for r in rows))
