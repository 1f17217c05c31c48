"""``shuwu-server exceptions [--json] [--branch CODE] [--all]``: conflicts staff must resolve.

``--resolve UUID [--note TEXT]`` marks one as handled (it stays listed with ``--all``, and the
branches see it resolved after their next sync).
"""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select

from app.i18n import _
from server import models as m
from server.cli_base import CommandResult, InputError, add_command, read_session, write_session
from server.exceptions import list_exceptions, resolve
from server.feed import exception_data


def register(subparsers: Any) -> None:
    p = add_command(subparsers, "exceptions", _("list the conflicts staff must resolve"), run)
    p.add_argument("--branch", metavar="CODE", help=_("only this branch"))
    p.add_argument("--all", action="store_true", help=_("include resolved ones"))
    p.add_argument("--resolve", metavar="UUID", help=_("mark this exception as handled"))
    p.add_argument("--note", default="", help=_("what was done (with --resolve)"))


def run(args: argparse.Namespace) -> CommandResult:
    if args.resolve:
        return _resolve(args)
    with read_session(args) as s:
        rows = list_exceptions(s, args.branch, "all" if args.all else "open")
    text = "\n".join(
        f"{r['created_at']}  {r['kind']:<24} {','.join(r['branch_codes'])}  {r['summary']}  "
        f"[{r['uuid']}]"
        for r in rows
    ) or _("No open exceptions.")
    return CommandResult({"exceptions": rows, "count": len(rows)}, text)


def _resolve(args: argparse.Namespace) -> CommandResult:
    with write_session(args) as s:
        row = s.scalar(
            select(m.SyncExceptionRow).where(m.SyncExceptionRow.uuid == args.resolve.strip())
        )
        if row is None:
            raise InputError(_("No exception {uuid}").format(uuid=args.resolve))
        if row.resolved_at is not None:
            raise InputError(_("Exception {uuid} is already resolved").format(uuid=row.uuid))
        resolve(s, row, args.note or _("handled by staff"))
        data = exception_data(row)
    return CommandResult(data, _("Exception {uuid} resolved.").format(uuid=data["uuid"]))
