"""``shuwu-server staff add|list|disable``: county console accounts.

``staff add NAME --role admin|supervisor|readonly [--branch CODE] [--password-stdin]`` asks for
the password twice on a terminal, or reads one line from standard input for scripts.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from sqlalchemy import select

from server import settings
from server.cli_base import (
    CommandResult,
    InputError,
    add_command,
    add_group,
    read_session,
    write_session,
)
from server.console.i18n import translator
from server.console.models import ROLES, StaffAccount
from server.services import staff_accounts
from server.services.errors import ServiceError

_ = translator(os.environ.get("SHUWU_LANG", "zh_CN"))


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "staff", _("county console staff accounts"))
    p = add_command(group, "add", _("create a staff account"), add)
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=ROLES, help=_("admin, supervisor or readonly"))
    p.add_argument("--branch", metavar="CODE", help=_("the township of a supervisor"))
    p.add_argument(
        "--password-stdin", action="store_true", help=_("read the password from standard input")
    )
    add_command(group, "list", _("list staff accounts"), list_staff)
    p = add_command(
        group, "demo", _("create the demo logins (demo and training servers only)"), demo
    )
    p.add_argument("--demo-database", action="store_true", help=_("this database is a demo"))
    p = add_command(group, "disable", _("disable a staff account and end its sessions"), disable)
    p.add_argument("name")


def _cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):
        return "cli"


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise InputError(_("No terminal: give the password with --password-stdin."))
    first = getpass.getpass(_("Password: "))
    if first != getpass.getpass(_("Password again: ")):
        raise InputError(_("The two passwords differ."))
    return first


def add(args: argparse.Namespace) -> CommandResult:
    password = _password(args)
    try:
        with write_session(args) as s:
            staff = staff_accounts.add_account(
                s, args.name, args.role, password, args.branch, actor=_cli_actor()
            )
    except ServiceError as exc:
        raise InputError(exc.translated(_)) from exc
    data = {"name": staff.name, "role": staff.role, "branch": staff.branch_code}
    return CommandResult(data, _("Staff account {name} added.").format(name=staff.name))


def list_staff(args: argparse.Namespace) -> CommandResult:
    with read_session(args) as s:
        rows = [
            {"name": st.name, "role": st.role, "branch": st.branch_code, "active": active}
            for st, active in staff_accounts.list_accounts(s)
        ]
    text = "\n".join(
        f"{r['name']}\t{r['role']}\t{r['branch'] or '-'}\t"
        f"{_('active') if r['active'] else _('disabled')}"
        for r in rows
    )
    return CommandResult({"staff": rows}, text)


def disable(args: argparse.Namespace) -> CommandResult:
    try:
        with write_session(args) as s:
            staff_id = s.scalar(select(StaffAccount.id).where(StaffAccount.name == args.name))
            if staff_id is None:
                raise InputError(_("No staff account {name}").format(name=args.name))
            staff_accounts.set_active(s, staff_id, False, _cli_actor())
    except ServiceError as exc:
        raise InputError(exc.translated(_)) from exc
    return CommandResult(
        {"name": args.name, "active": False},
        _("Staff account {name} disabled.").format(name=args.name),
    )


def demo(args: argparse.Namespace) -> CommandResult:
    """Known passwords: only on a training server or a database the caller says is a demo."""
    with write_session(args) as s:
        if not (args.demo_database or settings.is_training(s)):
            raise InputError(_("Demo logins are only for demo and training servers."))
        logins = staff_accounts.ensure_demo_accounts(s)
    return CommandResult(
        {"console_logins": logins},
        "\n".join(f"{x['name']} / {x['password']} ({x['role']})" for x in logins),
    )
