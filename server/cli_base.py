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
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from server.db import default_db_url, make_engine, session_factory, writer
from server.devices import InputError
from shuwu_shared import cli as shared_cli
from shuwu_shared.cli import CommandResult, add_group, add_json_option
from shuwu_shared.errors import EXIT_BAD_INPUT, EXIT_UNREACHABLE
from shuwu_shared.i18n import _

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_UNREACHABLE",
    "CommandResult",
    "InputError",
    "add_command",
    "add_group",
    "common_options",
    "engine_for",
    "read_session",
    "write_session",
]

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
    add_json_option(parent)
    return parent


def add_command(
    subparsers: Any, name: str, help_text: str, handler: Handler | None = None
) -> argparse.ArgumentParser:
    return shared_cli.add_command(subparsers, name, help_text, handler, common_options())


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
