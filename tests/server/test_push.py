"""Pushing ops through the real server: exactly once, receipts, rejections, nothing half-done."""

from __future__ import annotations

import gzip
import json
import uuid

import requests
from sqlalchemy import create_engine, func, select, text

from server import models as m
from tests import serverproc
from tests.server.conftest import enrol, new_reader, new_title


def _count(db_url: str, model: type[m.Base]) -> int:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        value = conn.execute(select(func.count()).select_from(model)).scalar_one()
    engine.dispose()
    return int(value)


def _snapshot(db_url: str) -> dict[str, int]:
    return {
        model.__tablename__: _count(db_url, model)
        for model in (
            m.OpReceipt,
            m.Bib,
            m.Item,
            m.Reader,
            m.Loan,
            m.ChangeLog,
            m.SyncExceptionRow,
            m.CircEvent,
        )
    }


def test_replay_returns_stored_results_and_changes_nothing(
    server: serverproc.ServerProcess,
) -> None:
    client = enrol(server, "CW01")
    ops, title = new_title(client, copies=2)
    reader_op, reader = new_reader(client)
    ops.append(reader_op)
    ops.append(
        client.op(
            "checkout",
            {
                "loan_uuid": str(uuid.uuid4()),
                "item_uuid": title["items"][0]["item_uuid"],
                "barcode": title["items"][0]["barcode"],
                "reader_uuid": reader["reader_uuid"],
                "card": reader["card"],
                "branch": "CW01",
                "checkout_at": "2026-03-01T08:00:00Z",
                "due_at": "2026-03-31T08:00:00Z",
            },
        )
    )
    first = client.push(ops)
    assert [r["status"] for r in first] == ["applied"] * len(ops)
    before = _snapshot(server.db_url)
    again = client.push(ops)
    assert [r["status"] for r in again] == ["duplicate"] * len(ops)
    assert [r["op_id"] for r in again] == [o["op_id"] for o in ops]
    assert [r["data"] for r in again] == [r["data"] for r in first]
    assert _snapshot(server.db_url) == before


def test_op_id_reused_with_other_payload_is_rejected(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "CW01")
    op = client.op("visit_count", {"date": "2026-02-01", "count": 12})
    assert client.push([op])[0]["status"] == "applied"
    forged = {**client.op("visit_count", {"date": "2026-02-01", "count": 99}), "op_id": op["op_id"]}
    result = client.push([forged])[0]
    assert result["status"] == "rejected" and result["error"] == "op_id_reused"
    engine = create_engine(server.db_url)
    with engine.connect() as conn:
        count = conn.execute(
            text("SELECT count FROM visit_count WHERE branch_code='CW01' AND date='2026-02-01'")
        ).scalar_one()
    engine.dispose()
    assert count == 12


def test_sequence_reuse_then_new_epoch(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "DH01")
    first = client.op("visit_count", {"date": "2026-02-02", "count": 1})
    client.push([first])
    clash = {**client.op("visit_count", {"date": "2026-02-03", "count": 2}), "seq": first["seq"]}
    result = client.push([clash])[0]
    assert result["status"] == "rejected" and result["error"] == "sequence_reused"
    r = requests.post(client.base_url + "/v1/devices/epoch", headers=client.headers(), timeout=10)
    assert r.status_code == 200 and r.json()["epoch"] == 2
    client.epoch = 2
    assert client.push([clash])[0]["status"] == "applied"  # same seq, new epoch: fine
    # op_ids dedupe across epochs.
    assert client.push([{**first, "seq": 99}])[0]["status"] == "duplicate"


def test_malformed_and_oversized_pushes_apply_nothing(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "CW01")
    before = _snapshot(server.db_url)
    url = client.base_url + "/v1/ops/push"
    good = client.op("visit_count", {"date": "2026-02-05", "count": 1})
    cases: list[tuple[bytes, dict[str, str], int]] = [
        (b"{not json", {}, 400),
        (b"not gzip at all", {"Content-Encoding": "gzip"}, 400),
        (json.dumps({"device_id": client.device_id, "epoch": 1, "ops": "x"}).encode(), {}, 400),
        (
            json.dumps(
                {
                    "device_id": client.device_id,
                    "epoch": 1,
                    "ops": [good, 5],  # an op that cannot be answered alone: not an object
                }
            ).encode(),
            {},
            422,
        ),
        (
            json.dumps(
                {
                    "device_id": client.device_id,
                    "epoch": 1,
                    "ops": [good, {**good, "op_id": str(uuid.uuid4())}],
                }
            ).encode(),
            {},
            422,
        ),
        (
            json.dumps(
                {
                    "device_id": client.device_id,
                    "epoch": 1,
                    "ops": [
                        client.op("visit_count", {"date": "2026-02-06", "count": 1})
                        for _ in range(501)
                    ],
                }
            ).encode(),
            {},
            413,
        ),
        # A gzip bomb: 3 MiB of zeros compresses to a few kB.
        (
            gzip.compress(b'{"ops": "' + b"0" * (3 * 1024 * 1024) + b'"}'),
            {"Content-Encoding": "gzip"},
            413,
        ),
        (
            json.dumps({"device_id": client.device_id + 1000, "epoch": 1, "ops": [good]}).encode(),
            {},
            409,
        ),
    ]
    for body, headers, status in cases:
        r = requests.post(
            url,
            data=body,
            timeout=30,
            headers={**client.headers(), "Content-Type": "application/json", **headers},
        )
        assert r.status_code == status, (status, r.text)
        assert r.headers["X-Shuwu-Server"] == "1"
        payload = r.json()
        assert payload["error"] and payload["message"], payload
    assert _snapshot(server.db_url) == before


def test_bad_payload_is_rejected_and_stays_rejected(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "CW01")
    ops = [
        client.op("visit_count", {"date": "yesterday", "count": 1}),
        client.op("teleport", {}),
        client.op("visit_count", {"date": "2026-02-07", "count": 4}),
    ]
    results = client.push(ops)
    assert [r["status"] for r in results] == ["rejected", "rejected", "applied"]
    assert [r["error"] for r in results[:2]] == ["invalid_payload", "unknown_kind"]
    replay = client.push(ops)
    assert [r["status"] for r in replay] == ["rejected", "rejected", "duplicate"]
    assert [r["error"] for r in replay[:2]] == ["invalid_payload", "unknown_kind"]
    assert replay[2]["original_status"] == "applied"


def test_provisional_card_kept_or_replaced_and_published(server: serverproc.ServerProcess) -> None:
    a = enrol(server, "CW01")
    b = enrol(server, "DH01")
    card = "TMP" + uuid.uuid4().hex[:8]
    op_a, reader_a = new_reader(a, card=card, provisional=True)
    op_b, reader_b = new_reader(b, card=card, provisional=True)
    res_a = a.push([op_a])[0]
    res_b = b.push([op_b])[0]
    assert res_a["data"] == {"card": card, "card_changed": False}
    assert res_b["data"]["card_changed"] is True and res_b["data"]["card"] != card
    feed_b, _ = b.all_changes()
    published = [c["data"] for c in feed_b if c["uuid"] == reader_b["reader_uuid"]]
    assert published[-1]["card"] == res_b["data"]["card"]
    assert published[-1]["card_provisional"] is False
    # A reader of another branch is not in this branch's feed.
    assert all(c["uuid"] != reader_a["reader_uuid"] for c in feed_b)


def test_clock_skew_is_filed_once_and_never_refused(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "DH01")
    days = 3 * 24 * 3600 * 1000
    for _ in range(2):
        ops = [client.op("visit_count", {"date": "2026-02-08", "count": 2})]
        ops[0]["device_wall_ms"] -= days
        assert client.push(ops, offset_ms=days)[0]["status"] == "applied"
    listed = server.cli("exceptions", "--json", "--branch", "DH01")["exceptions"]
    mine = [
        e
        for e in listed
        if e["kind"] == "CLOCK_SKEW" and e["detail"]["device_id"] == client.device_id
    ]
    assert len(mine) == 1
    assert mine[0]["severity"] == "info"


def test_unknown_kind_of_client(server: serverproc.ServerProcess) -> None:
    """Everything the docs list as an op kind has an apply function on the server."""
    from pathlib import Path

    from server.ops import APPLY

    doc = (Path(serverproc.ROOT) / "docs" / "ops.md").read_text(encoding="utf-8")
    import re

    kinds = set(re.findall(r"^### `([a-z_]+)`$", doc, flags=re.M))  # one section per kind
    assert kinds and kinds <= set(APPLY), kinds - set(APPLY)


def test_a_rejected_op_inside_a_batch_leaves_nothing_behind(
    server: serverproc.ServerProcess,
) -> None:
    """Ops share SAVEPOINTs on the server; a rejection must still undo only its own op."""
    client = enrol(server, "CW01")
    taken_op, taken = new_reader(client)
    probe_op, _probe = new_reader(client, card=taken["card"])
    client.push([taken_op])
    number = int(client.push([probe_op])[0]["data"]["card"][1:])  # the county card counter
    first, before = new_reader(client)
    half_op, half = new_reader(client, card=taken["card"])
    half_op["payload"]["name"] = ""  # rejected (by the protocol model, before it is applied)
    after_op, after = new_reader(client, card=taken["card"])
    ops = [first, half_op, after_op, client.op("visit_count", {"date": "2026-03-02", "count": 2})]
    results = client.push(ops)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied", "applied"]
    assert results[1]["error"] == "invalid_payload"
    # The rejected op's card number was given back: the next clash gets it.
    assert results[2]["data"] == {"card": f"R{number + 1:07d}", "card_changed": True}
    feed, _ = client.all_changes()
    published = [c["uuid"] for c in feed]
    assert half["reader_uuid"] not in published
    assert published.count(before["reader_uuid"]) == published.count(after["reader_uuid"]) == 1
    replay = client.push(ops)
    assert [r["status"] for r in replay] == ["duplicate", "rejected", "duplicate", "duplicate"]


def test_rejections_in_a_long_batch(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "DH01")
    bad = {7, 64, 65, 180}
    ops = [
        client.op("visit_count", {"date": "yesterday" if n in bad else "2026-04-01", "count": n})
        for n in range(200)
    ]
    results = client.push(ops)
    assert [r["status"] == "rejected" for r in results] == [n in bad for n in range(200)]
    assert [r["seq"] for r in results] == [o["seq"] for o in ops]
    engine = create_engine(server.db_url)
    with engine.connect() as conn:
        count = conn.execute(
            text("SELECT count FROM visit_count WHERE branch_code='DH01' AND date='2026-04-01'")
        ).scalar_one()
    engine.dispose()
    assert count == max(set(range(200)) - bad)  # each op sets the day's count; the last wins


def test_undo_in_the_same_batch_as_its_op(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "CW01")
    ops, title = new_title(client)
    reader_op, reader = new_reader(client)
    item = title["items"][0]
    loan_uuid = str(uuid.uuid4())
    checkout = client.op(
        "checkout",
        {
            "loan_uuid": loan_uuid,
            "item_uuid": item["item_uuid"],
            "barcode": item["barcode"],
            "reader_uuid": reader["reader_uuid"],
            "card": reader["card"],
            "branch": "CW01",
            "checkout_at": "2026-03-01T08:00:00Z",
            "due_at": "2026-03-31T08:00:00Z",
        },
    )
    undo = client.op("undo", {"undone_op_id": checkout["op_id"], "kind": "checkout"})
    batch = [*ops, reader_op, checkout, undo]
    assert {r["status"] for r in client.push(batch)} == {"applied"}
    feed, _ = client.all_changes()
    assert [c["op"] for c in feed if c["uuid"] == loan_uuid][-1] == "delete"
    assert [c for c in feed if c["uuid"] == item["item_uuid"]][-1]["data"]["status"] == "available"
    assert {r["status"] for r in client.push(batch)} == {"duplicate"}
