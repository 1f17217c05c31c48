"""Business conflicts through the real server: kept, folded by corrected time, listed."""

from __future__ import annotations

import uuid
from typing import Any

from tests import serverproc
from tests.server.conftest import Client, enrol, new_reader, new_title


def _checkout(
    client: Client, item: dict[str, Any], reader: dict[str, Any], at: str, due: str, **extra: Any
) -> dict[str, Any]:
    return client.op(
        "checkout",
        {
            "loan_uuid": str(uuid.uuid4()),
            "item_uuid": item["item_uuid"],
            "barcode": item["barcode"],
            "reader_uuid": reader["reader_uuid"],
            "card": reader["card"],
            "branch": client.branch,
            "checkout_at": at,
            "due_at": due,
            "override_reason": None,
            **extra,
        },
    )


def _loans(client: Client, item_uuid: str) -> dict[str, dict[str, Any]]:
    changes, _ = client.all_changes()
    out: dict[str, dict[str, Any]] = {}
    for c in changes:
        if c["entity"] == "loan" and c["data"].get("item_uuid") == item_uuid:
            out[c["uuid"]] = c["data"]
    return out


def _exceptions(server: serverproc.ServerProcess, barcode: str, kind: str) -> list[dict[str, Any]]:
    rows = server.cli("exceptions", "--json", "--all")["exceptions"]
    return [e for e in rows if e["kind"] == kind and barcode in e["summary"]]


def test_double_checkout_from_two_branches(server: serverproc.ServerProcess) -> None:
    a = enrol(server, "CW01")
    b = enrol(server, "DH01")
    ops, title = new_title(a)
    reader_op, reader_a = new_reader(a)
    a.push([*ops, reader_op])
    item = title["items"][0]
    reader_b_op, reader_b = new_reader(b)
    b.push([reader_b_op])
    # Both offline: A lends on the 1st, B (whose copy it is not, but it was on B's shelf) on
    # the 3rd. B syncs first.
    op_b = _checkout(b, item, reader_b, "2026-03-03T09:00:00Z", "2026-04-02T09:00:00Z")
    op_a = _checkout(a, item, reader_a, "2026-03-01T09:00:00Z", "2026-03-31T09:00:00Z")
    assert b.push([op_b])[0]["status"] == "applied"
    result = a.push([op_a])[0]
    assert result["status"] == "applied_with_exception" and len(result["exception_ids"]) == 1
    loans = _loans(a, item["item_uuid"])
    loan_a, loan_b = loans[op_a["payload"]["loan_uuid"]], loans[op_b["payload"]["loan_uuid"]]
    # Both loans kept; the earlier (A) closed as an implied return when B lent it.
    assert loan_a["closed_by"] == "implied" and loan_a["returned_at"] == "2026-03-03T09:00:00Z"
    assert loan_b["returned_at"] is None
    listed = _exceptions(server, item["barcode"], "DOUBLE_CHECKOUT")
    assert len(listed) == 1
    assert set(listed[0]["branch_codes"]) >= {"CW01", "DH01"}
    assert reader_a["name"] not in listed[0]["summary"]
    # Both branches see it through their own feed and exceptions endpoint.
    for client in (a, b):
        feed, _ = client.all_changes()
        assert any(c["entity"] == "exception" and c["uuid"] == listed[0]["uuid"] for c in feed)
        r = client.http.get(
            client.base_url + "/v1/exceptions", headers=client.headers(), timeout=10
        )
        assert listed[0]["uuid"] in [e["uuid"] for e in r.json()["exceptions"]]
    # Replaying A's push files nothing new.
    assert a.push([op_a])[0]["status"] == "duplicate"
    assert len(_exceptions(server, item["barcode"], "DOUBLE_CHECKOUT")) == 1


def test_return_before_its_checkout_arrives(server: serverproc.ServerProcess) -> None:
    a = enrol(server, "CW01")
    b = enrol(server, "DH01")
    ops, title = new_title(a)
    reader_op, reader = new_reader(a)
    a.push([*ops, reader_op])
    item = title["items"][0]
    checkout = _checkout(a, item, reader, "2026-03-01T09:00:00Z", "2026-03-31T09:00:00Z")
    # The reader returns it at B (通还) on the 10th; B syncs before A ever does.
    ret = b.op(
        "return",
        {
            "loan_uuid": None,
            "item_uuid": item["item_uuid"],
            "barcode": item["barcode"],
            "branch": "DH01",
            "returned_at": "2026-03-10T09:00:00Z",
            "in_transit_to": "CW01",
        },
    )
    result = b.push([ret])[0]
    assert result["status"] == "applied_with_exception"
    orphan = _exceptions(server, item["barcode"], "ORPHAN_RETURN")
    assert len(orphan) == 1 and orphan[0]["resolved_at"] is None
    assert a.push([checkout])[0]["status"] == "applied"
    loan = _loans(a, item["item_uuid"])[checkout["payload"]["loan_uuid"]]
    assert loan["returned_at"] == "2026-03-10T09:00:00Z"
    assert loan["return_branch_code"] == "DH01" and loan["closed_by"] == "return"
    orphan = _exceptions(server, item["barcode"], "ORPHAN_RETURN")
    assert len(orphan) == 1 and orphan[0]["resolved_at"] is not None
    items = [c["data"] for c in a.all_changes()[0] if c["uuid"] == item["item_uuid"]]
    assert items[-1]["status"] == "in_transit" and items[-1]["current_branch"] == "DH01"
    assert not _exceptions(server, item["barcode"], "DOUBLE_CHECKOUT")


def test_unknown_barcode_and_card_are_parked(server: serverproc.ServerProcess) -> None:
    a = enrol(server, "CW01")
    ops, title = new_title(a)
    a.push(ops)
    ghost = {"item_uuid": str(uuid.uuid4()), "barcode": "GHOST" + uuid.uuid4().hex[:6]}
    nobody = {"reader_uuid": str(uuid.uuid4()), "card": "NOBODY" + uuid.uuid4().hex[:4]}
    results = a.push(
        [
            _checkout(a, ghost, nobody, "2026-03-01T09:00:00Z", "2026-03-31T09:00:00Z"),
            _checkout(a, title["items"][0], nobody, "2026-03-01T09:00:00Z", "2026-03-31T09:00:00Z"),
        ]
    )
    assert [r["status"] for r in results] == ["applied_with_exception"] * 2
    assert len(_exceptions(server, ghost["barcode"], "UNKNOWN_BARCODE")) == 1
    card_ex = _exceptions(server, nobody["card"], "UNKNOWN_CARD")
    assert len(card_ex) == 1 and card_ex[0]["detail"]["payload"]["loan_uuid"]


def test_lost_item_found_and_offline_override(server: serverproc.ServerProcess) -> None:
    a = enrol(server, "CW01")
    ops, title = new_title(a)
    reader_op, reader = new_reader(a)
    item = title["items"][0]
    ops += [
        reader_op,
        a.op(
            "item_status",
            {
                "item_uuid": item["item_uuid"],
                "barcode": item["barcode"],
                "status": "lost",
                "reason": "lost",
            },
        ),
    ]
    a.push(ops)
    result = a.push(
        [
            _checkout(
                a,
                item,
                reader,
                "2026-03-01T09:00:00Z",
                "2026-03-31T09:00:00Z",
                override_reason="读者超借，馆员同意",
            )
        ]
    )[0]
    assert result["status"] == "applied_with_exception" and len(result["exception_ids"]) == 2
    assert len(_exceptions(server, item["barcode"], "LOST_ITEM_FOUND")) == 1
    assert len(_exceptions(server, item["barcode"], "POLICY_OVERRIDE_OFFLINE")) == 1
    over = a.push(
        [
            a.op(
                "override",
                {
                    "reader_uuid": reader["reader_uuid"],
                    "item_uuid": item["item_uuid"],
                    "rule": "max_items",
                    "reason": "集体借阅",
                    "staff": "李",
                },
            )
        ]
    )[0]
    assert over["status"] == "applied_with_exception"
    assert len(_exceptions(server, item["barcode"], "STAFF_OVERRIDE")) == 1


def test_return_renew_and_undo(server: serverproc.ServerProcess) -> None:
    a = enrol(server, "CW01")
    ops, title = new_title(a)
    reader_op, reader = new_reader(a)
    item = title["items"][0]
    a.push([*ops, reader_op])
    checkout = _checkout(a, item, reader, "2026-03-01T09:00:00Z", "2026-03-31T09:00:00Z")
    loan_uuid = checkout["payload"]["loan_uuid"]
    renew = a.op(
        "renew",
        {
            "loan_uuid": loan_uuid,
            "barcode": item["barcode"],
            "renewed_at": "2026-03-20T09:00:00Z",
            "due_at": "2026-04-30T09:00:00Z",
            "renewals": 1,
            "override_reason": None,
        },
    )
    ret = a.op(
        "return",
        {
            "loan_uuid": loan_uuid,
            "item_uuid": item["item_uuid"],
            "barcode": item["barcode"],
            "branch": "CW01",
            "returned_at": "2026-04-02T09:00:00Z",
            "in_transit_to": None,
        },
    )
    assert [r["status"] for r in a.push([checkout, renew, ret])] == ["applied"] * 3
    loan = _loans(a, item["item_uuid"])[loan_uuid]
    assert loan["due_at"] == "2026-04-30T09:00:00Z" and loan["renewals"] == 1
    assert loan["returned_at"] == "2026-04-02T09:00:00Z"
    undo = a.op("undo", {"undone_op_id": ret["op_id"], "kind": "return", "reason": "scanned twice"})
    assert a.push([undo])[0]["status"] == "applied"
    loan = _loans(a, item["item_uuid"])[loan_uuid]
    assert loan["returned_at"] is None
    undo_checkout = a.op(
        "undo", {"undone_op_id": checkout["op_id"], "kind": "checkout", "reason": "wrong reader"}
    )
    assert a.push([undo_checkout])[0]["status"] == "applied"
    feed, _ = a.all_changes()
    last = [c for c in feed if c["uuid"] == loan_uuid][-1]
    assert last["op"] == "delete"
    items = [c["data"] for c in feed if c["uuid"] == item["item_uuid"]]
    assert items[-1]["status"] == "available"


def test_lent_returned_then_lent_elsewhere_is_no_conflict(
    server: serverproc.ServerProcess,
) -> None:
    """X lends on the 3rd and gets it back on the 4th; Y lends it on the 5th and syncs first."""
    x = enrol(server, "CW01")
    y = enrol(server, "DH01")
    ops, title = new_title(x)
    rx_op, reader_x = new_reader(x)
    x.push([*ops, rx_op])
    ry_op, reader_y = new_reader(y)
    y.push([ry_op])
    item = title["items"][0]
    lend_y = _checkout(y, item, reader_y, "2026-06-05T09:00:00Z", "2026-07-05T09:00:00Z")
    y.push([lend_y])
    lend_x = _checkout(x, item, reader_x, "2026-06-03T09:00:00Z", "2026-07-03T09:00:00Z")
    back_x = x.op(
        "return",
        {
            "loan_uuid": lend_x["payload"]["loan_uuid"],
            "item_uuid": item["item_uuid"],
            "barcode": item["barcode"],
            "branch": "CW01",
            "returned_at": "2026-06-04T09:00:00Z",
            "in_transit_to": None,
        },
    )
    x.push([lend_x, back_x])
    loans = _loans(x, item["item_uuid"])
    mine = loans[lend_x["payload"]["loan_uuid"]]
    assert mine["returned_at"] == "2026-06-04T09:00:00Z" and mine["closed_by"] == "return"
    assert loans[lend_y["payload"]["loan_uuid"]]["returned_at"] is None
    open_rows = server.cli("exceptions", "--json")["exceptions"]
    assert not [e for e in open_rows if item["barcode"] in e["summary"]]
    items = [c["data"] for c in y.all_changes()[0] if c["uuid"] == item["item_uuid"]]
    assert items[-1]["status"] == "on_loan" and items[-1]["current_branch"] == "DH01"


def test_seeded_loans_are_on_the_timeline(server: serverproc.ServerProcess) -> None:
    """Demo loans (seeded, not pushed) fold like pushed ones: returning an open one is clean,
    and lending a copy whose seeded loans were all returned is no double checkout."""
    from sqlalchemy import create_engine, text

    engine = create_engine(server.db_url)
    with engine.connect() as conn:
        seeded_open = conn.execute(
            text(
                "SELECT l.uuid, i.uuid, i.barcode, i.home_branch_code FROM loan l "
                "JOIN item i ON i.id = l.item_id WHERE l.device_id IS NULL "
                "AND l.returned_at IS NULL ORDER BY l.id LIMIT 1"
            )
        ).one()
        seeded_done = conn.execute(
            text(
                "SELECT i.uuid, i.barcode FROM item i WHERE i.status = 'available' AND EXISTS "
                "(SELECT 1 FROM loan l WHERE l.item_id = i.id AND l.device_id IS NULL) "
                "AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.item_id = i.id "
                "AND (l.returned_at IS NULL OR l.device_id IS NOT NULL)) ORDER BY i.id LIMIT 1"
            )
        ).one()
    engine.dispose()
    open_loan = {"uuid": seeded_open[0], "item_uuid": seeded_open[1]}
    item = {"uuid": seeded_open[1], "barcode": seeded_open[2]}
    client = enrol(server, seeded_open[3])
    feed_client = client
    back = client.op(
        "return",
        {
            "loan_uuid": None,
            "item_uuid": item["uuid"],
            "barcode": item["barcode"],
            "branch": client.branch,
            "returned_at": None,
            "in_transit_to": None,
        },
    )
    assert client.push([back])[0]["status"] == "applied"
    assert _loans(feed_client, item["uuid"])[open_loan["uuid"]]["closed_by"] == "return"
    reader_op, reader = new_reader(client)
    client.push([reader_op])
    lend = _checkout(
        client,
        {"item_uuid": seeded_done[0], "barcode": seeded_done[1]},
        reader,
        "2026-11-01T09:00:00Z",
        "2026-12-01T09:00:00Z",
    )
    assert client.push([lend])[0]["status"] == "applied"
