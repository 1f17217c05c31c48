"""``shuwu-server exceptions [--json] [--branch CODE] [--all]``: conflicts staff must resolve."""

from __future__ import annotations

import argparse
from typing import Any

from app.i18n import _
from server.cli_base import CommandResult, add_command, read_session
from server.exceptions import list_exceptions


def register(subparsers: Any) -> None:
    p = add_command(subparsers, "exceptions", _("list the conflicts staff must resolve"), run)
    p.add_argument("--branch", metavar="CODE", help=_("only this branch"))
    p.add_argument("--all", action="store_true", help=_("include resolved ones"))


def run(args: argparse.Namespace) -> CommandResult:
    with read_session(args) as s:
        rows = list_exceptions(s, args.branch, "all" if args.all else "open")
    text = "\n".join(
        f"{r['created_at']}  {r['kind']:<24} {','.join(r['branch_codes'])}  {r['summary']}"
        for r in rows
    ) or _("No open exceptions.")
    return CommandResult({"exceptions": rows, "count": len(rows)}, text)
