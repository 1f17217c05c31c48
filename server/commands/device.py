"""``shuwu-server device add|revoke|list``."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select

from server import devices
from server import models as m
from server.cli_base import CommandResult, add_command, add_group, read_session, write_session
from server.timeutil import iso
from shuwu_shared.i18n import _


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "device", _("client devices"))
    p = add_command(group, "add", _("register a device and print its one-time enrolment code"), add)
    p.add_argument("--branch", required=True, metavar="CODE")
    p.add_argument("--training", action="store_true", help=_("a training device"))
    p = add_command(group, "revoke", _("revoke a device"), revoke)
    p.add_argument("id", type=int)
    add_command(group, "list", _("list devices"), list_devices)


def add(args: argparse.Namespace) -> CommandResult:
    with write_session(args) as s:
        new = devices.add_device(s, args.branch, training=args.training)
    text = _(
        "Device {id} for branch {branch}. One-time enrolment code: {code} (valid 7 days)"
    ).format(id=new.device_id, branch=new.branch_code, code=new.code)
    return CommandResult(
        {
            "device_id": new.device_id,
            "branch": new.branch_code,
            "code": new.code,
            "expires_at": new.expires_at,
        },
        text,
    )


def revoke(args: argparse.Namespace) -> CommandResult:
    with write_session(args) as s:
        device = devices.revoke(s, args.id)
        data = {"device_id": device.id, "revoked": True}
    return CommandResult(data, _("Device {id} revoked.").format(id=args.id))


def list_devices(args: argparse.Namespace) -> CommandResult:
    with read_session(args) as s:
        rows = [
            {
                "device_id": d.id,
                "branch": d.branch_code,
                "name": d.name,
                "enrolled": d.token_sha256 is not None,
                "revoked": d.revoked,
                "epoch": d.epoch,
                "last_seen": iso(d.last_seen),
                "clock_offset_ms": d.clock_offset_ms,
                "training": d.training,
            }
            for d in s.scalars(select(m.Device).order_by(m.Device.id))
        ]
    text = "\n".join(
        f"{r['device_id']}\t{r['branch']}\t{r['name'] or '-'}\t"
        f"{_('revoked') if r['revoked'] else (_('enrolled') if r['enrolled'] else _('waiting'))}\t"
        f"{r['last_seen'] or '-'}"
        for r in rows
    )
    return CommandResult({"devices": rows}, text)
