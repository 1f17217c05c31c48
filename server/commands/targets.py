"""``shuwu-server targets add|list|test|remove``: external Z39.50/SRU copy-cataloguing targets.

Passwords come from stdin (``--password-stdin``) so they never sit in shell history or in
``ps``; they are never printed.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from server.cli_base import (
    EXIT_UNREACHABLE,
    CommandResult,
    add_command,
    add_group,
    read_session,
    write_session,
)
from server.copycat import lookup
from server.copycat import targets as tg
from server.devices import InputError
from server.services.errors import ServiceError
from shuwu_shared.i18n import _

TEST_ISBN = lookup.PROBE_ISBN
T = TypeVar("T")


def _cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):
        return "cli"


def _service(call: Callable[[], T]) -> T:
    """The shared service's refusal, in this process's language (exit 2)."""
    try:
        return call()
    except ServiceError as exc:
        raise InputError(exc.translated(_)) from exc


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "targets", _("external Z39.50/SRU targets for copy cataloguing"))
    p = add_command(group, "add", _("add a target"), add)
    p.add_argument("name", help=_("a short name, e.g. NLC or CALIS"))
    p.add_argument("url", help=_("z3950://host:port/database or http(s)://host/path (SRU)"))
    p.add_argument("--syntax", required=True, choices=tg.SYNTAXES)
    p.add_argument(
        "--charset",
        choices=(*tg.CHARSETS, *tg.CHARSET_ALIASES),
        help=_("the records' character set (default: gb18030 for unimarc, utf-8 for marc21)"),
    )
    p.add_argument("--user", help=_("user name, if the target needs a login"))
    p.add_argument(
        "--password-stdin", action="store_true", help=_("read the password from standard input")
    )
    p.add_argument(
        "--password", help=_("the password (visible to other users of this computer; prefer stdin)")
    )
    p.add_argument(
        "--priority", type=int, default=100, help=_("lower is asked first (default 100)")
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=tg.DEFAULT_TIMEOUT,
        help=_("seconds to wait for the target (default 5)"),
    )
    add_command(group, "list", _("list the targets"), list_all)
    p = add_command(group, "test", _("connect to a target and run a search"), test)
    p.add_argument("name")
    p.add_argument("--isbn", default=TEST_ISBN, help=_("the ISBN to search for"))
    p = add_command(group, "remove", _("remove a target"), remove)
    p.add_argument("name")
    p = add_command(group, "priority", _("change the order in which targets are asked"), priority)
    p.add_argument("name")
    p.add_argument("priority", type=int, help=_("lower is asked first"))


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin and args.password is not None:
        raise InputError(_("Give the password either on stdin or with --password, not both"))
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise InputError(_("No password on standard input"))
        return line
    if args.password is not None:
        print(
            _("Warning: a password on the command line can be seen by other users."),
            file=sys.stderr,
        )
        return str(args.password)
    return None


def add(args: argparse.Namespace) -> CommandResult:
    password = _password(args)
    with write_session(args) as s:
        target = _service(
            lambda: tg.add_target(
                s,
                args.name,
                args.url,
                syntax=args.syntax,
                charset=args.charset,
                username=args.user,
                password=password,
                priority=args.priority,
                timeout=args.timeout,
                actor=_cli_actor(),
            )
        )
    return CommandResult(
        {"target": target.public()},
        _("Target {name} added: {url} ({syntax}, {charset}, priority {priority}).").format(
            name=target.name,
            url=target.url,
            syntax=target.syntax,
            charset=target.charset,
            priority=target.priority,
        ),
    )


def _line(t: tg.Target) -> str:
    login = t.username + (":***" if t.password else "") if t.username else "-"
    return (
        f"{t.priority:>5}  {t.name:<12} {t.protocol:<6} {t.syntax:<8} {t.charset:<8} "
        f"{login}  {t.url}"
    )


def list_all(args: argparse.Namespace) -> CommandResult:
    with read_session(args) as s:
        rows = tg.list_targets(s)
    text = "\n".join(_line(t) for t in rows) or _(
        "No targets. Add one with: shuwu-server targets add NAME URL --syntax unimarc"
    )
    return CommandResult({"targets": [t.public() for t in rows]}, text)


def test(args: argparse.Namespace) -> CommandResult:
    with read_session(args) as s:
        target = _service(lambda: tg.get_target(s, args.name))
    outcome = lookup.probe_target(target, args.isbn)
    if outcome.failure is not None:
        failure = outcome.failure
        return CommandResult(
            {"target": target.name, "ok": False, "seconds": outcome.seconds, **failure.to_json()},
            _("{name}: failed ({reason}): {message}").format(
                name=target.name, reason=failure.reason, message=failure.message
            ),
            EXIT_UNREACHABLE,
        )
    text = _("{name}: answered in {seconds} s; {count} records for ISBN {isbn}.").format(
        name=target.name, seconds=outcome.seconds, count=len(outcome.titles), isbn=args.isbn
    )
    if outcome.titles:
        text += "\n" + "\n".join(f"  {title}" for title in outcome.titles)
    return CommandResult(
        {
            "target": target.name,
            "ok": True,
            "seconds": outcome.seconds,
            "records": len(outcome.titles),
            "titles": list(outcome.titles),
        },
        text,
    )


def remove(args: argparse.Namespace) -> CommandResult:
    with write_session(args) as s:
        _service(lambda: tg.remove_target(s, args.name, actor=_cli_actor()))
    return CommandResult(
        {"target": args.name, "removed": True},
        _("Target {name} removed.").format(name=args.name),
    )


def priority(args: argparse.Namespace) -> CommandResult:
    with write_session(args) as s:
        target = _service(lambda: tg.set_priority(s, args.name, args.priority, actor=_cli_actor()))
    return CommandResult(
        {"target": target.public()},
        _("Target {name} now has priority {priority}.").format(
            name=target.name, priority=target.priority
        ),
    )
