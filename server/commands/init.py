"""``shuwu-server init [--demo] [--training]``: create or migrate the county database."""

from __future__ import annotations

import argparse
from typing import Any

from server import settings
from server.cli_base import CommandResult, add_command, engine_for, write_session
from server.migrate import upgrade
from shuwu_shared.i18n import _

DEMO_SIZES: dict[str, dict[str, int]] = {
    "tiny": {"titles": 60, "items": 150, "readers": 40, "loans": 60, "villages_per_township": 1},
    "small": {"titles": 600, "items": 1500, "readers": 300, "loans": 1000},
    "normal": {},
}


def register(subparsers: Any) -> None:
    p = add_command(subparsers, "init", _("create or migrate the county database"), run)
    p.add_argument("--demo", action="store_true", help=_("seed the demo county"))
    p.add_argument(
        "--demo-size",
        choices=sorted(DEMO_SIZES),
        default="normal",
        help=_("size of the demo county"),
    )
    p.add_argument("--seed", type=int, default=2020, help=_("demo random seed"))
    p.add_argument(
        "--training", action="store_true", help=_("mark this server as a training server")
    )


def run(args: argparse.Namespace) -> CommandResult:
    upgrade(engine_for(args))
    data: dict[str, Any] = {"migrated": True}
    with write_session(args) as session:
        if args.training:
            settings.put(session, settings.TRAINING, "1")
        data["training"] = settings.is_training(session)
        if args.demo:
            from server.seed import seed_county
            from shuwu_shared.demo import generate

            size = DEMO_SIZES[args.demo_size]
            county = generate(
                seed=args.seed,
                titles=size.get("titles"),
                items=size.get("items"),
                readers=size.get("readers"),
                loans=size.get("loans"),
                villages_per_township=size.get("villages_per_township"),
            )
            data["seeded"] = seed_county(session, county)
        if args.demo or args.training:
            # County console demo logins (issue 18): trainers show the county side too.
            from server.services.staff_accounts import ensure_demo_accounts

            data["console_logins"] = ensure_demo_accounts(session)
    text = _("Database ready.")
    if "seeded" in data:
        text += " " + _(
            "Demo county: {branches} branches, {items} copies, {readers} readers."
        ).format(**data["seeded"])
    return CommandResult(data, text)
