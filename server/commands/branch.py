"""``shuwu-server branch add|list``."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import func, select

from server import models as m
from server.cli_base import (
    CommandResult,
    InputError,
    add_command,
    add_group,
    read_session,
    write_session,
)
from server.feed import record_change
from shuwu_shared.i18n import _

KINDS = ("county", "township", "village")


def register(subparsers: Any) -> None:
    group = add_group(subparsers, "branch", _("branches of the county network"))
    p = add_command(group, "add", _("add a branch"), add)
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument("--parent", metavar="CODE")
    p.add_argument("--kind", choices=KINDS, default="village")
    p.add_argument("--barcode-start", metavar="BARCODE")
    p.add_argument("--barcode-end", metavar="BARCODE")
    add_command(group, "list", _("list branches"), list_branches)


def add(args: argparse.Namespace) -> CommandResult:
    code = args.code.strip()
    if not code or len(code) > 32:
        raise InputError(_("A branch code has 1 to 32 characters"))
    with write_session(args) as s:
        if s.scalar(select(m.Branch.id).where(m.Branch.code == code)) is not None:
            raise InputError(_("Branch {code} already exists").format(code=code))
        if (
            args.parent
            and s.scalar(select(m.Branch.id).where(m.Branch.code == args.parent)) is None
        ):
            raise InputError(_("No branch with code {code}").format(code=args.parent))
        row = m.Branch(
            code=code,
            name=args.name,
            kind=args.kind,
            parent_code=args.parent,
            barcode_range_start=args.barcode_start,
            barcode_range_end=args.barcode_end,
        )
        s.add(row)
        s.flush()
        record_change(s, "branch", row.uuid)
        data = {
            "code": code,
            "name": args.name,
            "kind": args.kind,
            "parent_code": args.parent,
            "uuid": row.uuid,
        }
    return CommandResult(data, _("Branch {code} added.").format(code=code))


def list_branches(args: argparse.Namespace) -> CommandResult:
    """Every branch; ``items``: how many copies it owns (the demo plays the fullest village)."""
    with read_session(args) as s:
        counted = select(m.Item.home_branch_code, func.count()).group_by(m.Item.home_branch_code)
        owned = {str(code): int(n) for code, n in s.execute(counted).all()}
        rows = [
            {
                "code": b.code,
                "name": b.name,
                "kind": b.kind,
                "parent_code": b.parent_code,
                "items": owned.get(b.code, 0),
            }
            for b in s.scalars(select(m.Branch).order_by(m.Branch.code))
        ]
    text = "\n".join(f"{r['code']}\t{r['kind']}\t{r['name']}" for r in rows)
    return CommandResult({"branches": rows}, text)
