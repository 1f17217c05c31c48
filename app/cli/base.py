"""Shared CLI plumbing: common options, the command context, results and output.

Every command module in app/cli/commands/ defines ``register(subparsers)`` and uses
``add_command`` so that each command takes ``--home DIR`` and ``--json``. A handler receives a
``CliContext`` and returns a ``CommandResult``; errors are ``ShuwuError`` subclasses, which
carry the exit code (2 bad input, 3 server unreachable).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from app.profile import Profile, open_profile
from shuwu_shared.i18n import _


@dataclass(frozen=True)
class CommandResult:
    data: dict[str, Any]
    text: str
    exit_code: int = 0


@dataclass
class CliContext:
    args: argparse.Namespace
    _opened: list[Profile] = field(default_factory=list)

    @cached_property
    def profile(self) -> Profile:
        profile = open_profile(self.args.home)
        self._opened.append(profile)
        return profile

    def close(self) -> None:
        for profile in self._opened:
            profile.close()


Handler = Callable[[CliContext], CommandResult]


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts, wherever they are placed on the line."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--home",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_("profile folder (default: $SHUWU_HOME or the user-data folder)"),
    )
    parent.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help=_("print one JSON object instead of text"),
    )
    return parent


def add_command(
    subparsers: Any, name: str, help_text: str, handler: Handler | None = None
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text, parents=[common_options()]
    )
    if handler is not None:
        parser.set_defaults(handler=handler)
    return parser


def add_group(subparsers: Any, name: str, help_text: str) -> Any:
    """A command with sub-commands, e.g. ``shuwu circ checkout``."""
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    group = parser.add_subparsers(dest=f"{name}_command", metavar="COMMAND")
    group.required = True
    return group
