"""``shuwu``: the command-line entry point and automation surface.

Command modules in app/cli/commands/ are discovered automatically; each has ``register``.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy.exc

from app.cli.base import CliContext, common_options
from app.models.db import DB_FILENAME, plain_reason
from app.models.integrity import damage_message, forget_checks, is_damage
from app.paths import resolve_home
from shuwu_shared.cli import (
    command_word,
    configure_stdio,
    print_error_json,
    print_result,
    register_commands,
)
from shuwu_shared.errors import EXIT_BAD_INPUT, EXIT_FAILURE, ShuwuError
from shuwu_shared.i18n import _
from shuwu_shared.version import __version__

log = logging.getLogger("shuwu.cli")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; given ``argv``, only the command it names (if known) is loaded."""
    parser = argparse.ArgumentParser(
        prog="shuwu",
        description=_("Shuwu (书屋): library desktop tool for village bookrooms"),
        parents=[common_options()],
    )
    parser.add_argument("--version", action="version", version=f"shuwu {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    import app.cli.commands as commands_pkg

    command = command_word(list(argv), common_options()) if argv is not None else None
    register_commands(subparsers, commands_pkg, command)
    return parser


def _is_operational(exc: BaseException) -> bool:
    return isinstance(exc, (sqlite3.OperationalError, sqlalchemy.exc.OperationalError))


class _LogOnFirstRecord(logging.FileHandler):
    """Creates logs/ and the file only when there is something to write: a command that
    logs nothing leaves the profile folder as it found it."""

    def _open(self) -> io.TextIOWrapper:
        Path(self.baseFilename).parent.mkdir(exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """A read-only or full disk: the message on screen is what matters; no traceback."""


def _log_to_profile(home: str | None) -> logging.Handler:
    """Log records go to the profile's logs/cli.log, never to the terminal: a user sees the
    one-line message, not a traceback. Without a profile folder (yet) they are dropped."""
    root = logging.getLogger()
    handler: logging.Handler = logging.NullHandler()
    try:  # a folder we may not even look into is the command's to refuse, in words
        log_dir = resolve_home(home) / "logs"
        if log_dir.parent.is_dir():
            line = "%(asctime)s %(levelname)s %(name)s %(message)s"
            file_handler = _LogOnFirstRecord(log_dir / "cli.log", encoding="utf-8", delay=True)
            file_handler.setFormatter(logging.Formatter(line))
            handler = file_handler
    except (OSError, ValueError):
        handler = logging.NullHandler()
    root.addHandler(handler)
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    configure_stdio()
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(args_list or ["gui"])
    args = parser.parse_args(args_list or ["gui"])
    if not getattr(args, "command", None):
        args = parser.parse_args([*args_list, "gui"])
    args.home = getattr(args, "home", None)
    args.json = getattr(args, "json", False)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    # The window sets up its own log (app/ui/errors.py).
    log_handler = _log_to_profile(args.home) if args.command != "gui" else None
    context = CliContext(args)
    try:
        result = handler(context)
    except ShuwuError as exc:
        if args.json:
            print_error_json(exc.code, exc.message)
        else:
            print(_("Error: {message}").format(message=exc.message), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: a message, not a traceback
        if is_damage(exc):  # "database disk image is malformed" in the middle of work
            log.error("the profile database is damaged: %s", type(exc).__name__)
            home = resolve_home(args.home)
            forget_checks(home)  # the next start checks the file for sure
            message = damage_message(home / DB_FILENAME)
            if args.json:
                print_error_json("database_damaged", message)
            else:
                print(_("Error: {message}").format(message=message), file=sys.stderr)
            return EXIT_BAD_INPUT
        if _is_operational(exc):  # read-only file, full disk, locked: words, never SQL
            log.error("database error: %s", type(exc).__name__)
            message = _("The database could not be changed: {reason}. Nothing was saved.").format(
                reason=plain_reason(exc)
            )
            if args.json:
                print_error_json("database", message)
            else:
                print(_("Error: {message}").format(message=message), file=sys.stderr)
            return EXIT_BAD_INPUT
        log.exception("command failed")
        message = _("Unexpected error: {error}").format(error=type(exc).__name__)
        if args.json:
            print_error_json("internal", message)
        else:
            print(message, file=sys.stderr)
        return EXIT_FAILURE
    finally:
        context.close()
        if log_handler is not None:
            logging.getLogger().removeHandler(log_handler)
            log_handler.close()
    try:
        print_result(result, args.json)
        sys.stdout.flush()
    except BrokenPipeError:
        # `shuwu readers list | head`: the reader stopped reading; that is not an error.
        # Point stdout at devnull so the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return int(result.exit_code)


if __name__ == "__main__":
    sys.exit(main())
