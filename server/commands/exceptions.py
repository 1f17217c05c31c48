"""``shuwu-server exceptions [--json] [--branch CODE] [--all]``: conflicts staff must resolve.

``--resolve UUID [--note TEXT]`` marks one as handled (it stays listed with ``--all``, and the
branches see it resolved after their next sync).
"""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from server.cli_base import CommandResult, InputError, add_command, read_session, write_session
from server.exceptions import list_exceptions
from server.services.errors import ServiceError
from server.services.exceptions_resolve import resolve_exception
from shuwu_shared.i18n import _


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
    # The same service the county console uses (checks, resolution, audit entry).
    try:
        with write_session(args) as s:
            data = resolve_exception(
                s, args.resolve, args.note, _cli_actor(), default_note=_("handled by staff")
            )
    except ServiceError as exc:
        raise InputError(exc.translated(_)) from exc
    return CommandResult(data, _("Exception {uuid} resolved.").format(uuid=data["uuid"]))


def _cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):
        return "cli"
