"""Returns of one copy at the same time, in one push: folded in the order they came.

The timeline replay orders equal times by event id. The ops of a push share one flush
(server/ops/run.py), so a return is replayed before it has an id; it must still come after the
stored events and after the earlier returns of its batch, as its id will.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import create_engine, select

from server import models as m
from tests import serverproc
from tests.server.conftest import Client, enrol, new_reader, new_title

AT = "2026-03-02T08:00:00Z"


def _return(client: Client, item_uuid: str, **extra: Any) -> dict[str, Any]:
    payload = {"item_uuid": item_uuid, "branch": client.branch, "returned_at": AT, **extra}
    return client.op("return", payload)


def _state(db_url: str, item_uuid: str) -> tuple[str, str, list[str | None]]:
    """The copy's status and branch, and the op ids of its ORPHAN_RETURN exceptions."""
    engine = create_engine(db_url)
    with engine.connect() as conn:
        item = conn.execute(select(m.Item).where(m.Item.uuid == item_uuid)).one()
        orphans = conn.execute(
            select(m.SyncExceptionRow.op_id).where(
                m.SyncExceptionRow.kind == "ORPHAN_RETURN",
                m.SyncExceptionRow.subject_uuid == item_uuid,
            )
        )
        found = (item.status, item.current_branch_code, [row[0] for row in orphans])
    engine.dispose()
    return found


@pytest.mark.parametrize("stored_first", [False, True], ids=["same-batch", "first-stored"])
def test_returns_at_one_time_fold_in_arrival_order(
    server: serverproc.ServerProcess, stored_first: bool
) -> None:
    client = enrol(server, "CW01")
    ops, title = new_title(client)
    copy = title["items"][0]
    reader_op, reader = new_reader(client)
    checkout = client.op(
        "checkout",
        {
            "loan_uuid": str(uuid.uuid4()),
            "item_uuid": copy["item_uuid"],
            "card": reader["card"],
            "branch": "CW01",
            "checkout_at": "2026-03-01T08:00:00Z",
            "due_at": "2026-03-31T08:00:00Z",
        },
    )
    # The first return closes the loan and sends the copy on; the second, at the same time,
    # has no loan left (an orphan) and, being the newest fact, leaves the copy here.
    first = _return(client, copy["item_uuid"], in_transit_to="DH01")
    second = _return(client, copy["item_uuid"])
    if stored_first:
        client.push([*ops, reader_op, checkout, first])
        results = client.push([second])
    else:
        results = client.push([*ops, reader_op, checkout, first, second])[-2:]
        assert results[0]["status"] == "applied"
    assert results[-1]["status"] == "applied_with_exception"
    status, branch, orphans = _state(server.db_url, copy["item_uuid"])
    assert (status, branch) == ("available", "CW01")
    assert orphans == [second["op_id"]]
