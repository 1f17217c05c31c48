"""``shuwu demo``: the app on an embedded demo county (what ``make run`` starts)."""

from __future__ import annotations

import sys
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command
from app.profile import open_profile
from app.sync.demo import demo_home, prepare_demo
from app.sync.engine import sync_once
from shuwu_shared.i18n import _

# The county console's demo login (server/services/staff_accounts.py DEMO_PASSWORD).
CONSOLE_DEMO_PASSWORD = "shuwu-demo"


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "demo",
        _("open the app on a demo county served from this computer"),
        run,
    )
    parser.add_argument(
        "--no-gui", action="store_true", help=_("prepare and sync the demo, then stop")
    )
    parser.add_argument("--branch", default=None, help=_("demo branch code to play"))


def run(ctx: CliContext) -> CommandResult:
    home = demo_home(ctx.args.home)
    profile = open_profile(home)
    try:
        if not ctx.args.json:
            print(_("Preparing the demo county (the first time takes a minute)…"), file=sys.stderr)
        server = prepare_demo(profile, ctx.args.branch)
        try:
            result = sync_once(profile)
            data: dict[str, Any] = {
                "home": str(home),
                "server_url": server.url,
                "console_url": server.console_url,
                "console_login": {"name": "admin", "password": CONSOLE_DEMO_PASSWORD},
                "sync": result.to_json(),
            }
            if not ctx.args.json:
                print(
                    _("County console: {url} (login admin, password {password})").format(
                        url=server.console_url, password=CONSOLE_DEMO_PASSWORD
                    ),
                    file=sys.stderr,
                )
            if ctx.args.no_gui:
                return CommandResult(
                    data=data,
                    text=_("Demo ready in {home} (server {url}).").format(
                        home=home, url=server.url
                    ),
                )
            profile.close()
            from app.ui.app import run_gui  # Qt only when the window is wanted

            code = run_gui(home)
            data["exit"] = code
            return CommandResult(data=data, text="", exit_code=code)
        finally:
            server.stop()
    finally:
        profile.close()
