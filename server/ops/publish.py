"""Publishing changed rows to the feed with the right branch scopes."""

from __future__ import annotations

from typing import Any

from server import models as m
from server.feed import record_change
from server.ops.context import OpContext


def _uuid(ctx: OpContext, row: Any) -> str:
    if row.uuid is None:
        ctx.session.flush()  # the uuid column default is applied at flush
    return str(row.uuid)


def item(ctx: OpContext, row: m.Item) -> None:
    # The county item index: every device.
    row.version = record_change(ctx.session, "item", _uuid(ctx, row))


def bib(ctx: OpContext, row: m.Bib) -> None:
    row.version = record_change(ctx.session, "bib", _uuid(ctx, row))


def loan(ctx: OpContext, row: m.Loan, home_branch: str | None) -> None:
    scopes = [row.branch_code, home_branch, row.return_branch_code, ctx.branch]
    record_change(ctx.session, "loan", _uuid(ctx, row), [s for s in scopes if s])


def reader(ctx: OpContext, row: m.Reader, *extra_branches: str | None) -> None:
    scopes = [row.home_branch_code, ctx.branch, *extra_branches]
    record_change(ctx.session, "reader", _uuid(ctx, row), [s for s in scopes if s])


def credit(ctx: OpContext, row: m.CreditEntry, reader_row: m.Reader) -> None:
    scopes = [reader_row.home_branch_code, ctx.branch]
    record_change(ctx.session, "credit_entry", _uuid(ctx, row), scopes)
