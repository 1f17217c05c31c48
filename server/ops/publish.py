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
    record_change(ctx.session, "item", _uuid(ctx, row), target=row)


def bib(ctx: OpContext, row: m.Bib) -> None:
    record_change(ctx.session, "bib", _uuid(ctx, row), target=row)


def loan(
    ctx: OpContext, row: m.Loan, home_branch: str | None, borrower: m.Reader | None = None
) -> None:
    """The loan to the branch that lent it, the copy's owner, where it came back, and here.

    A branch can store a loan only with its reader: branches other than the lending one
    (which got the reader at the checkout) and the reader's home get the reader first, with
    what their desk needs (server/feed.py masks the rest).
    """
    scopes = {s for s in (row.branch_code, home_branch, row.return_branch_code, ctx.branch) if s}
    others = scopes - {row.branch_code}
    if others:
        if borrower is None or borrower.id != row.reader_id:
            borrower = ctx.session.get(m.Reader, row.reader_id)
        if borrower is not None:
            needing = others - {borrower.home_branch_code}
            if needing:
                record_change(ctx.session, "reader", _uuid(ctx, borrower), sorted(needing))
    record_change(ctx.session, "loan", _uuid(ctx, row), sorted(scopes))


def reader(ctx: OpContext, row: m.Reader, *extra_branches: str | None) -> None:
    scopes = [row.home_branch_code, ctx.branch, *extra_branches]
    record_change(ctx.session, "reader", _uuid(ctx, row), [s for s in scopes if s])


def credit(ctx: OpContext, row: m.CreditEntry, reader_row: m.Reader) -> None:
    scopes = [reader_row.home_branch_code, ctx.branch]
    record_change(ctx.session, "credit_entry", _uuid(ctx, row), scopes)
