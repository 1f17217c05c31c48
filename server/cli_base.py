"""Plumbing for ``shuwu-server`` command modules (server/commands/*.py, discovered).

A module defines ``register(subparsers)`` and calls ``add_command`` (or ``add_group``); every
command gets ``--db URL`` and ``--json``. A handler takes the parsed args and returns a
``CommandResult``; raise ``InputError`` for bad input (exit 2). A database that does not
answer gives exit 3.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from server.db import default_db_url, make_engine, session_factory, writer
from server.devices import InputError
from shuwu_shared.i18n import _

EXIT_OK, EXIT_BAD_INPUT, EXIT_UNREACHABLE = 0, 2, 3

__all__ = [
    "CommandResult",
    "InputError",
    "add_command",
    "add_group",
    "engine_for",
    "read_session",
    "write_session",
]


@dataclass(frozen=True)
class CommandResult:
    data: dict[str, Any]
    text: str
    exit_code: int = EXIT_OK


Handler = Callable[[argparse.Namespace], CommandResult]


def common_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=_(
            "database URL: sqlite:///FILE or postgresql+psycopg://… "
            "(default: $SHUWU_SERVER_DB or ./shuwu-server.db)"
        ),
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
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    group = parser.add_subparsers(dest=f"{name}_command", metavar="COMMAND")
    group.required = True
    return group


def db_url(args: argparse.Namespace) -> str:
    return str(getattr(args, "db", None) or default_db_url())


_engines: dict[str, Engine] = {}


def engine_for(args: argparse.Namespace) -> Engine:
    url = db_url(args)
    if url not in _engines:
        _engines[url] = make_engine(url)
    return _engines[url]


@contextmanager
def write_session(args: argparse.Namespace) -> Iterator[Session]:
    with writer(session_factory(engine_for(args))) as session:
        yield session


@contextmanager
def read_session(args: argparse.Namespace) -> Iterator[Session]:
    with session_factory(engine_for(args))() as session, session.begin():
        yield session
