"""The ``shuwu`` CLI's plumbing over shuwu_shared.cli: ``--home``, the command context.

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
from shuwu_shared import cli as shared_cli
from shuwu_shared.cli import CommandResult as CommandResult
from shuwu_shared.cli import add_group as add_group
from shuwu_shared.cli import add_json_option
from shuwu_shared.i18n import _


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
    add_json_option(parent)
    return parent


def add_command(
    subparsers: Any, name: str, help_text: str, handler: Handler | None = None
) -> argparse.ArgumentParser:
    return shared_cli.add_command(subparsers, name, help_text, handler, common_options())
