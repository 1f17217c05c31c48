"""One batch that creates, renames and then uses the same readers and copies.

The server looks a batch's readers, copies and loans up once before the first op
(server.ops.lookups); every later op must still see what the earlier ops of the batch did.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import create_engine, select

from server import models as m
from tests import serverproc
from tests.server.conftest import Client, enrol, new_reader, new_title


def _checkout(client: Client, loan_uuid: str, **names: Any) -> dict[str, Any]:
    return client.op(
        "checkout",
        {
            "loan_uuid": loan_uuid,
            "branch": client.branch,
            "checkout_at": "2026-03-01T08:00:00Z",
            "due_at": "2026-03-31T08:00:00Z",
            **names,
        },
    )


def _rows(db_url: str) -> tuple[dict[str, m.Reader], dict[str, m.Item], dict[str, m.Loan]]:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        readers = {r.uuid: r for r in conn.execute(select(m.Reader))}
        items = {r.uuid: r for r in conn.execute(select(m.Item))}
        loans = {r.uuid: r for r in conn.execute(select(m.Loan))}
    engine.dispose()
    return readers, items, loans  # type: ignore[return-value]


def test_a_batch_sees_its_own_readers_copies_and_loans(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "CW01")
    ops, title = new_title(client, copies=2)
    copy1, copy2 = title["items"]
    a_op, a = new_reader(client)
    b_op, b = new_reader(client)
    ops += [a_op, b_op]
    l1, l2, l3 = (str(uuid.uuid4()) for _ in range(3))
    ops.append(_checkout(client, l1, item_uuid=copy1["item_uuid"], card=a["card"]))
    ops.append(_checkout(client, l1, item_uuid=copy1["item_uuid"], card=a["card"]))  # again
    ops.append(
        client.op(
            "return",
            {"barcode": copy1["barcode"], "branch": "CW01", "returned_at": "2026-03-02T08:00:00Z"},
        )
    )
    moved_card = "M" + uuid.uuid4().hex[:10]
    ops.append(client.op("reader_upsert", {**a, "card": moved_card}))
    c_op, c = new_reader(client, card=a["card"])  # the card A gave up
    d_op, d = new_reader(client, card=b["card"])  # B still holds it: a clash
    ops += [c_op, d_op]
    new_barcode = "N" + uuid.uuid4().hex[:12].upper()
    ops.append(client.op("item_upsert", {**copy2, "barcode": new_barcode}))
    ops.append(_checkout(client, l2, barcode=copy2["barcode"], card=c["card"]))  # old barcode
    ops.append(_checkout(client, l3, barcode=new_barcode, card=c["card"]))
    results = client.push(ops)
    statuses = [r["status"] for r in results]
    assert statuses == [
        *["applied"] * 8,  # title, two copies, A, B, checkout, the same checkout, return
        "applied",  # A moves to another card
        "applied",  # C takes A's old card
        "applied",  # D clashes with B
        "applied",  # copy 2 gets a new barcode
        "applied_with_exception",  # the old barcode is unknown now
        "applied",
    ], statuses
    assert results[9]["data"] == {"card": a["card"], "card_changed": False}
    assert results[10]["data"]["card_changed"] is True
    readers, items, loans = _rows(server.db_url)
    assert readers[a["reader_uuid"]].card == moved_card
    assert readers[c["reader_uuid"]].card == a["card"]
    assert readers[d["reader_uuid"]].card == results[10]["data"]["card"] != b["card"]
    assert loans[l1].reader_id == readers[a["reader_uuid"]].id
    assert loans[l1].returned_at is not None
    assert l2 not in loans
    assert loans[l3].reader_id == readers[c["reader_uuid"]].id
    assert loans[l3].item_id == items[copy2["item_uuid"]].id
    assert items[copy1["item_uuid"]].status == "available"
    assert items[copy2["item_uuid"]].status == "on_loan"
    assert items[copy2["item_uuid"]].barcode == new_barcode
    assert {r["status"] for r in client.push(ops)} == {"duplicate"}


def test_a_rejected_op_does_not_leave_rolled_back_rows_in_the_index(
    server: serverproc.ServerProcess,
) -> None:
    """The group is rolled back and replayed op by op: the readers it made must be made again."""
    client = enrol(server, "DH01")
    ops, title = new_title(client)
    e_op, e = new_reader(client)
    bad_op, _bad = new_reader(client)
    bad_op["payload"]["name"] = ""
    loan = str(uuid.uuid4())
    ops += [
        e_op,
        bad_op,
        _checkout(
            client,
            loan,
            item_uuid=title["items"][0]["item_uuid"],
            reader_uuid=e["reader_uuid"],
            card=e["card"],
        ),
    ]
    results = client.push(ops)
    assert [r["status"] for r in results] == [
        "applied",
        "applied",
        "applied",
        "rejected",
        "applied",
    ]
    readers, items, loans = _rows(server.db_url)
    assert loans[loan].reader_id == readers[e["reader_uuid"]].id
    assert items[title["items"][0]["item_uuid"]].status == "on_loan"


def test_a_double_checkout_filed_and_explained_within_one_batch(
    server: serverproc.ServerProcess,
) -> None:
    """The copy's timeline is indexed for the batch: the conflict it files is seen by later ops."""
    client = enrol(server, "CW01")
    ops, title = new_title(client)
    r_op, reader = new_reader(client)
    copy = title["items"][0]
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    names = {"item_uuid": copy["item_uuid"], "reader_uuid": reader["reader_uuid"]}
    ops += [r_op, _checkout(client, first, **names)]
    later = _checkout(client, second, **names)
    later["payload"]["checkout_at"] = "2026-03-05T08:00:00Z"
    back = client.op(
        "return",
        {
            "loan_uuid": first,
            "item_uuid": copy["item_uuid"],
            "branch": "CW01",
            "returned_at": "2026-03-03T08:00:00Z",
        },
    )
    results = client.push([*ops, later, back])
    assert [r["status"] for r in results[-2:]] == ["applied_with_exception", "applied"]
    engine = create_engine(server.db_url)
    with engine.connect() as conn:
        rows = list(
            conn.execute(
                select(m.SyncExceptionRow).where(
                    m.SyncExceptionRow.subject_uuid == copy["item_uuid"]
                )
            )
        )
    engine.dispose()
    assert [(r.kind, r.resolved_at is not None) for r in rows] == [("DOUBLE_CHECKOUT", True)]
    _readers, items, loans = _rows(server.db_url)
    assert loans[first].closed_by == "return"
    assert loans[second].returned_at is None
    assert items[copy["item_uuid"]].status == "on_loan"
