"""Publishing changed rows to the feed with the right branch scopes."""

from __future__ import annotations

from sqlalchemy import func, select

from server import models as m
from server.feed import record_change
from server.ops.context import OpContext


def _last_seq(ctx: OpContext) -> int:
    return int(ctx.session.scalar(select(func.max(m.ChangeLog.seq))) or 0)


def item(ctx: OpContext, row: m.Item) -> None:
    ctx.session.flush()
    record_change(ctx.session, "item", row.uuid)  # the county item index: every device
    row.version = _last_seq(ctx)


def bib(ctx: OpContext, row: m.Bib) -> None:
    ctx.session.flush()
    record_change(ctx.session, "bib", row.uuid)
    row.version = _last_seq(ctx)


def loan(ctx: OpContext, row: m.Loan, home_branch: str | None) -> None:
    ctx.session.flush()
    scopes = [row.branch_code, home_branch, row.return_branch_code, ctx.branch]
    record_change(ctx.session, "loan", row.uuid, [s for s in scopes if s])


def reader(ctx: OpContext, row: m.Reader, *extra_branches: str | None) -> None:
    ctx.session.flush()
    scopes = [row.home_branch_code, ctx.branch, *extra_branches]
    record_change(ctx.session, "reader", row.uuid, [s for s in scopes if s])


def credit(ctx: OpContext, row: m.CreditEntry, reader_row: m.Reader) -> None:
    ctx.session.flush()
    record_change(ctx.session, "credit_entry", row.uuid, [reader_row.home_branch_code, ctx.branch])
