"""``shuwu-server serve --host 127.0.0.1 --port N``: run the HTTP API."""

from __future__ import annotations

import argparse
from typing import Any

from server.cli_base import CommandResult, add_command, db_url, engine_for
from server.migrate import upgrade
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    p = add_command(subparsers, "serve", _("run the county server"), run)
    p.add_argument("--host", default="127.0.0.1", help=_("address to listen on"))
    p.add_argument("--port", type=int, default=8340, help=_("port to listen on"))


def run(args: argparse.Namespace) -> CommandResult:
    import uvicorn

    from server.app import create_app

    upgrade(engine_for(args))  # a new version migrates its database before serving
    # uvicorn's access log prints the request line only: never headers, so never tokens.
    uvicorn.run(
        create_app(db_url(args)),
        host=args.host,
        port=args.port,
        log_level="info",
        timeout_keep_alive=30,
    )
    return CommandResult({"stopped": True}, "")
