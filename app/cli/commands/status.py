"""``shuwu status``: headline counts of the profile."""

from __future__ import annotations

from typing import Any

from app.cli.base import CliContext, CommandResult, add_command
from app.models.integrity import require_healthy
from app.services.catalog_search import receiving_text
from app.services.status import profile_status
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    add_command(subparsers, "status", _("show the profile's counts and sync state"), run)


def run(ctx: CliContext) -> CommandResult:
    # status is where staff look when something seems wrong: it always checks the file.
    require_healthy(ctx.profile.db_path)
    with ctx.profile.sessions() as session:
        status = profile_status(session)
    lines = [
        _("Profile: {path}").format(path=ctx.profile.home),
        _("Branch: {name}").format(name=status.branch_name or _("(not enrolled)")),
        _("Records: {bibs}  Items: {items}  Readers: {readers}").format(
            bibs=status.bibs, items=status.items, readers=status.readers
        ),
        _("Open loans: {loans}  Unsent operations: {pending}").format(
            loans=status.open_loans, pending=status.outbox_pending
        ),
        _("Last sync: {when}").format(when=status.last_sync or _("never")),
    ]
    if status.catalogue_percent is not None:
        lines.append(receiving_text(status.catalogue_percent))
    data = status.to_json()
    data["home"] = str(ctx.profile.home)
    data["integrity"] = "ok"
    return CommandResult(data=data, text="\n".join(lines))
