"""``shuwu gui``: open the desktop app (the default when no command is given)."""

from __future__ import annotations

from typing import Any

from app.cli.base import CliContext, CommandResult, add_command
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    add_command(subparsers, "gui", _("open the desktop app (default)"), run)


def run(ctx: CliContext) -> CommandResult:
    from app.ui.app import run_gui  # Qt is imported only when the GUI is wanted

    code = run_gui(ctx.args.home)
    return CommandResult(data={"exit": code}, text="", exit_code=code)
