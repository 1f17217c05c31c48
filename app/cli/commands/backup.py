"""``shuwu backup [FILE]``, ``shuwu restore FILE [--yes] [--confirm-branch CODE]`` and
``shuwu recover [--yes]`` (a damaged database: see app/services/recovery.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from app.cli.base import CliContext, CommandResult, add_command
from app.paths import resolve_home
from app.services import backup, recovery
from shuwu_shared.clock import clock_from_env
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "backup",
        _("back up the database to FILE or a folder (default: the profile's backups folder)"),
        run_backup,
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help=_("backup file or folder"))
    parser = add_command(
        subparsers, "restore", _("replace the database with a backup file"), run_restore
    )
    parser.add_argument("file", metavar="FILE", help=_("backup file"))
    parser.add_argument(
        "--yes", action="store_true", help=_("do not ask for confirmation (for scripts)")
    )
    parser.add_argument(
        "--confirm-branch",
        metavar="CODE",
        default=None,
        help=_("restore a backup of another branch: its branch code, as a confirmation"),
    )
    parser = add_command(
        subparsers,
        "recover",
        _(
            "recover a damaged database: restore the newest good backup, keep the unsent "
            "operations, receive the county catalogue again at the next sync"
        ),
        run_recover,
    )
    parser.add_argument(
        "--yes", action="store_true", help=_("do not ask for confirmation (for scripts)")
    )


def run_backup(ctx: CliContext) -> CommandResult:
    profile = ctx.profile
    if ctx.args.file:
        info = backup.backup_to(profile.db_path, Path(ctx.args.file), profile.clock)
    else:
        with profile.sessions() as session:
            keep = backup.keep_count(session)
        made = backup.daily_backup(profile.home, profile.clock, keep, force=True)
        assert made is not None
        info = made
    text = _("Backup written to {path} ({counts}).").format(
        path=info.path, counts=info.counts.describe()
    )
    return CommandResult(data=info.to_json(), text=text)


def _confirm(question: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        return False
    answer = input(question + " " + _("Type yes to continue: "))
    return answer.strip().lower() in ("yes", "y", "是")


def _ask(question: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        return ""
    return input(question + " ").strip()


def run_recover(ctx: CliContext) -> CommandResult:
    # Like restore, the profile is not opened: its database is the damaged part.
    home = resolve_home(ctx.args.home)
    plan = recovery.plan_recovery(home)
    if not ctx.args.yes:
        print(plan, file=sys.stderr)
        if not _confirm(_("Recover now?")):
            raise UserInputError(
                _("Recovery cancelled; nothing was changed. Add --yes to recover without asking."),
                code="cancelled",
            )
    result = recovery.recover(home, clock_from_env())
    lines = [
        _("Restored from {path}: {counts}.").format(
            path=result.restored_from, counts=result.counts.describe()
        )
    ]
    if result.saved_damaged_to:
        lines.append(_("The damaged file was kept as {path}.").format(path=result.saved_damaged_to))
    lines.append(
        _("{count} unsent operations were kept and will be sent at the next sync.").format(
            count=result.carried_ops
        )
    )
    lines.append(
        _(
            "The next sync receives the county catalogue again and renews this computer's "
            "registration with the county. Sync as soon as there is a connection (or by USB)."
        )
    )
    return CommandResult(data=result.to_json(), text="\n".join(lines))


def run_restore(ctx: CliContext) -> CommandResult:
    # The profile is not opened first: a damaged current database must still be restorable.
    home = resolve_home(ctx.args.home)
    source = Path(ctx.args.file)
    plan = backup.plan_restore(home, source)
    confirm_branch = ctx.args.confirm_branch
    if not ctx.args.yes:
        print(plan.describe(), file=sys.stderr)
        if not _confirm(_("Replace the current data with this backup?")):
            raise UserInputError(
                _("Restore cancelled; nothing was changed. Add --yes to restore without asking."),
                code="cancelled",
            )
        if plan.other_branch and confirm_branch is None:
            assert plan.backup.branch is not None
            confirm_branch = _ask(
                _("Type the branch code {code} to make this computer that branch:").format(
                    code=plan.backup.branch.code
                )
            )
    result = backup.restore_backup(home, source, clock_from_env(), confirm_branch=confirm_branch)
    lines = [
        _("Restored from {path}: {counts}.").format(path=source, counts=result.counts.describe())
    ]
    if result.saved_current_to:
        lines.append(
            _("The previous data was saved to {path}.").format(path=result.saved_current_to)
        )
    if result.carried_ops:
        lines.append(
            _("{count} unsent operations were kept and will be sent at the next sync.").format(
                count=result.carried_ops
            )
        )
    lines.append(_("The next sync will renew this computer's registration with the county."))
    data = result.to_json()
    data["plan"] = plan.backup.to_json()
    return CommandResult(data=data, text="\n".join(lines))
