"""``shuwu training start|open|reset|advance|status``: the training sandbox.

Without --home these use the training folder next to the normal profile
(``<profile>-training``), so a trainer never points them at a real branch's data by accident;
and every command refuses a profile that is not a training profile.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command, add_group
from app.paths import resolve_home
from app.profile import open_profile
from app.services import training
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "training", _("training mode: practice data for trainees"))
    add_command(group, "start", _("create the training profile with demo data"), run_start)
    add_command(group, "open", _("open the desktop app on the training profile"), run_open)
    parser = add_command(group, "reset", _("put the demo data back (discard practice)"), run_reset)
    parser.add_argument(
        "--yes", action="store_true", help=_("do not ask for confirmation (for scripts)")
    )
    parser = add_command(
        group,
        "advance",
        _("move the training date forward by DAYS (0: back to today)"),
        run_advance,
    )
    parser.add_argument("days", type=float, metavar="DAYS")
    add_command(group, "status", _("show the exercises and whether each is done"), run_status)


def training_home(ctx: CliContext) -> Path:
    if ctx.args.home:
        return resolve_home(ctx.args.home)
    return training.default_training_home(resolve_home(None))


def _open(ctx: CliContext) -> Any:
    home = training_home(ctx)
    if not (home / "shuwu.db").exists():
        raise UserInputError(
            _("No training profile in {path}. Run: shuwu training start").format(path=home)
        )
    profile = open_profile(home)
    ctx._opened.append(profile)
    with profile.sessions() as session:
        if not training.is_training(session):
            raise UserInputError(
                _("{path} is a real branch's profile, not a training profile.").format(path=home)
            )
    return profile


def run_start(ctx: CliContext) -> CommandResult:
    info = training.create_training_profile(training_home(ctx))
    text = (
        _("Training profile created in {path} with demo data.")
        if info.created
        else _("The training profile in {path} already exists; it was not changed.")
    ).format(path=info.home)
    text += "\n" + _("Open it with: shuwu training open --home {path}").format(path=info.home)
    return CommandResult(data=info.to_json(), text=text)


def run_open(ctx: CliContext) -> CommandResult:
    home = training_home(ctx)
    training.create_training_profile(home)
    from app.ui.app import run_gui  # Qt only when the GUI is wanted

    code = run_gui(home)
    return CommandResult(data={"exit": code}, text="", exit_code=code)


def run_reset(ctx: CliContext) -> CommandResult:
    profile = _open(ctx)
    if not ctx.args.yes:
        question = _("Discard all practice work in {path} and restore the demo data?").format(
            path=profile.home
        )
        answer = ""
        if sys.stdin and sys.stdin.isatty():
            answer = input(question + " " + _("Type yes to continue: "))
        if answer.strip().lower() not in ("yes", "y", "是"):
            raise UserInputError(
                _("Reset cancelled; nothing was changed. Add --yes to reset without asking.")
            )
    training.reset(profile)
    return CommandResult(
        data={"home": str(profile.home), "reset": True},
        text=_("The training profile is back to the demo data, on today's date."),
    )


def run_advance(ctx: CliContext) -> CommandResult:
    profile = _open(ctx)
    days = ctx.args.days
    total = training.advance_days(profile, days) if days else training.advance_days(profile, -1e9)
    date = profile.clock.now().astimezone().date().isoformat()
    return CommandResult(
        data={"simulated_days": total, "date": date},
        text=_("The training date is now {date} ({days} days ahead).").format(
            date=date, days=f"{total:g}"
        ),
    )


def run_status(ctx: CliContext) -> CommandResult:
    profile = _open(ctx)
    with profile.sessions() as session:
        items = training.exercises(session)
        days = training.simulated_days(session)
    lines = [
        ("✔ " if e.done else "✘ ") + e.title + ("" if e.done else f" — {e.how}") for e in items
    ]
    lines.append(
        _("Done: {done} of {total}").format(done=sum(e.done for e in items), total=len(items))
    )
    data = {
        "home": str(profile.home),
        "simulated_days": days,
        "exercises": [{"key": e.key, "title": e.title, "done": e.done} for e in items],
    }
    return CommandResult(data=data, text="\n".join(lines))
