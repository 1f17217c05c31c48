"""What ``shuwu`` (app/cli) and ``shuwu-server`` (server/cli.py) share: results, the ``--json``
option, command and group registration, discovery of command modules, and printing.

Each program adds its own location option (``--home DIR`` / ``--db URL``) and its own handler
signature; ``app.cli.base`` and ``server.cli_base`` are thin layers over this module.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from shuwu_shared.errors import EXIT_OK
from shuwu_shared.i18n import _


@dataclass(frozen=True)
class CommandResult:
    """What a command hands back: ``data`` for ``--json``, ``text`` for people."""

    data: dict[str, Any]
    text: str
    exit_code: int = EXIT_OK


def add_json_option(parent: argparse.ArgumentParser) -> None:
    parent.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help=_("print one JSON object instead of text"),
    )


def add_command(
    subparsers: Any,
    name: str,
    help_text: str,
    handler: Callable[..., CommandResult] | None,
    common: argparse.ArgumentParser,
) -> argparse.ArgumentParser:
    """A command that accepts the program's ``common`` options wherever they are placed."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text, parents=[common]
    )
    if handler is not None:
        parser.set_defaults(handler=handler)
    return parser


def add_group(subparsers: Any, name: str, help_text: str) -> Any:
    """A command with sub-commands, e.g. ``shuwu circ checkout``, ``shuwu-server branch add``."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    group = parser.add_subparsers(dest=f"{name}_command", metavar="COMMAND")
    group.required = True
    return group


def register_commands(subparsers: Any, package: ModuleType, command: str | None = None) -> None:
    """Import every module of ``package`` (sorted, ``_private`` ones skipped) and call its
    ``register(subparsers)``.

    With ``command`` (the word the user typed) found in the package's ``COMMANDS`` map
    (command → module, kept true by tests/foundation/test_cli_commands_map.py), only that
    module is imported: a command-line call then starts without loading every other command's
    services (the server's web stack, the client's reports...).
    """
    only = getattr(package, "COMMANDS", {}).get(command) if command else None
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or (only is not None and info.name != only):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        module.register(subparsers)


def command_word(argv: list[str], common: argparse.ArgumentParser) -> str | None:
    """The command named on ``argv`` (the first word left once the options every command
    accepts are taken out), or None when there is none or the line does not parse."""
    try:
        _known, rest = common.parse_known_args(argv)
    except SystemExit:
        return None
    if rest and not rest[0].startswith("-"):
        return rest[0]
    return None


def configure_stdio() -> None:
    """Windows consoles default to a legacy code page; Chinese output must not crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def print_result(result: CommandResult, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result.data, ensure_ascii=False, default=str))
    elif result.text:
        print(result.text)


def print_error_json(code: str, message: str) -> None:
    print(json.dumps({"error": code, "message": message}, ensure_ascii=False))
