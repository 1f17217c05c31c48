"""``shuwu enrol`` and ``shuwu sync``: join the county server, then exchange changes."""

from __future__ import annotations

from typing import Any

from app.cli.base import CliContext, CommandResult, add_command
from app.device import credentials
from app.device.enrol import enrol
from app.sync.apply import waiting_count
from app.sync.engine import SyncResult, sync_once
from app.sync.overview import clock_text, credential_note, waiting_text
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers, "enrol", _("enrol this computer with the county server"), run_enrol
    )
    parser.add_argument("--server", required=True, metavar="URL", help=_("county server address"))
    parser.add_argument(
        "--code", required=True, help=_("one-time enrolment code from the county library")
    )
    parser.add_argument("--name", default=None, help=_("a name for this computer"))
    add_command(subparsers, "sync", _("send unsent operations and receive changes"), run_sync)


def run_enrol(ctx: CliContext) -> CommandResult:
    result = enrol(ctx.profile, ctx.args.server, ctx.args.code, ctx.args.name)
    lines = [
        _("Enrolled as {branch} ({code}) on {url}.").format(
            branch=result.branch_name, code=result.branch_code, url=result.server_url
        ),
        credential_note(result.credential_storage),
        _("Run shuwu sync to receive the branch's data."),
    ]
    return CommandResult(data=result.to_json(), text="\n".join(lines))


def sync_text(result: SyncResult) -> str:
    lines = [
        _(
            "Sent {pushed} operations ({duplicates} already on the server), received {pulled}"
            " changes."
        ).format(pushed=result.pushed, duplicates=result.duplicates, pulled=result.pulled),
        _("Conflicts filed by the county: {conflicts} now, {open} open in total.").format(
            conflicts=result.conflicts + result.new_exceptions, open=result.open_exceptions
        ),
    ]
    if result.rejected:
        lines.append(
            _(
                "{count} operations were refused by the server; see the Sync screen or"
                " shuwu refused."
            ).format(count=result.rejected)
        )
    if result.pending:
        lines.append(_("{count} operations still waiting.").format(count=result.pending))
    if result.clock_warning:
        lines.append(clock_text(result.clock_offset_ms))
    note = credential_note(result.credential_storage)
    if note == credential_note(credentials.FILE):
        lines.append(note)
    return "\n".join(lines)


def run_sync(ctx: CliContext) -> CommandResult:
    result = sync_once(ctx.profile)
    data = result.to_json()
    data["credential_note"] = credential_note(result.credential_storage)
    with ctx.profile.sessions() as session:
        data["waiting_changes"] = waiting_count(session)
    text = sync_text(result)
    waiting = waiting_text(data["waiting_changes"])
    return CommandResult(data=data, text=f"{text}\n{waiting}" if waiting else text)
