"""``shuwu-server``: the county server's command line. Commands live in server/commands/."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from sqlalchemy.exc import OperationalError, ProgrammingError

from server.cli_base import EXIT_BAD_INPUT, EXIT_UNREACHABLE, common_options
from server.devices import InputError
from shuwu_shared.cli import (
    command_word,
    configure_stdio,
    print_error_json,
    print_result,
    register_commands,
)
from shuwu_shared.i18n import _
from shuwu_shared.version import __version__


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; given ``argv``, only the command it names (if known) is loaded."""
    parser = argparse.ArgumentParser(
        prog="shuwu-server", description=_("Shuwu county server"), parents=[common_options()]
    )
    parser.add_argument("--version", action="version", version=f"shuwu-server {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    import server.commands as commands_pkg

    command = command_word(list(argv), common_options()) if argv is not None else None
    register_commands(subparsers, commands_pkg, command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    configure_stdio()
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_BAD_INPUT
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    as_json = bool(getattr(args, "json", False))
    try:
        result = handler(args)
    except InputError as exc:
        _fail(str(exc), "bad_input", as_json)
        return EXIT_BAD_INPUT
    except OperationalError as exc:
        if "no such table" in str(exc.orig):
            _fail(
                _("The database is not set up; run shuwu-server init first"), "bad_input", as_json
            )
            return EXIT_BAD_INPUT
        _fail(
            _("The database cannot be reached: {error}").format(error=str(exc.orig)),
            "unreachable",
            as_json,
        )
        return EXIT_UNREACHABLE
    except ProgrammingError:
        _fail(_("The database is not set up; run shuwu-server init first"), "bad_input", as_json)
        return EXIT_BAD_INPUT
    print_result(result, as_json)
    return int(result.exit_code)


def _fail(message: str, code: str, as_json: bool) -> None:
    if as_json:
        print_error_json(code, message)
    else:
        print(message, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
