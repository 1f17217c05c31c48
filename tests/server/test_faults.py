"""Faults: the server SIGKILLed mid-batch, and 50 devices pushing at once on PostgreSQL."""

from __future__ import annotations

import random
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, func, select

from server import models as m
from server.db import session_factory, writer
from server.devices import add_device
from tests import serverproc
from tests.server.conftest import Client, new_reader, new_title


def _count(db_url: str, query: Any) -> int:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        value = conn.execute(query).scalar_one()
    engine.dispose()
    return int(value)


def _enrol_many(proc: serverproc.ServerProcess, branches: list[str]) -> list[Client]:
    engine = create_engine(proc.db_url)
    with writer(session_factory(engine)) as s:
        codes = [add_device(s, b).code for b in branches]
    engine.dispose()

    def one(code: str) -> Client:
        r = requests.post(
            proc.base_url + "/v1/enrol",
            json={"code": code, "device_name": "x", "client_time": None},
            timeout=60,
        )
        assert r.status_code == 200, r.text
        return Client(proc.base_url, r.json())

    with ThreadPoolExecutor(10) as pool:
        return list(pool.map(one, codes))


@pytest.mark.slow
@pytest.mark.parametrize("fresh_server", ["sqlite", "postgres"], indirect=True)
def test_sigkill_mid_batch_then_resend(fresh_server: serverproc.ServerProcess) -> None:
    proc = fresh_server
    client = _enrol_many(proc, ["CW01"])[0]
    rng = random.Random(7)
    batches = []
    for _ in range(4):
        ops, _title = new_title(client, copies=249)  # 250 ops
        batches.append(ops)
    for batch in batches:
        outcome: dict[str, Any] = {}

        def send(ops: list[dict[str, Any]] = batch, out: dict[str, Any] = outcome) -> None:
            try:
                out["response"] = client.push_raw(
                    {"device_id": client.device_id, "epoch": 1, "clock_offset_ms": 0, "ops": ops}
                )
            except requests.RequestException as exc:
                out["error"] = exc

        sender = threading.Thread(target=send)
        sender.start()
        time.sleep(rng.uniform(0.05, 0.6))
        proc.kill()
        sender.join(60)
        proc.start()
        results = client.push(batch)  # resend after the restart
        statuses = {r["status"] for r in results}
        # All or nothing: the batch committed before the kill (all duplicate) or not at all.
        assert statuses in ({"applied"}, {"duplicate"}), statuses
        if "response" in outcome and outcome["response"].status_code == 200:
            assert statuses == {"duplicate"}
    total_ops = sum(len(b) for b in batches)
    assert _count(proc.db_url, select(func.count()).select_from(m.OpReceipt)) == total_ops
    item_uuids = [
        o["payload"]["item_uuid"] for b in batches for o in b if o["kind"] == "item_upsert"
    ]
    assert _count(
        proc.db_url, select(func.count()).select_from(m.Item).where(m.Item.uuid.in_(item_uuids))
    ) == len(item_uuids)


@pytest.mark.slow
@pytest.mark.parametrize("fresh_server", ["postgres", "sqlite"], indirect=True)
def test_fifty_devices_push_at_once(fresh_server: serverproc.ServerProcess) -> None:
    proc = fresh_server
    branches = ["CW01", "DH01"] * 25
    clients = _enrol_many(proc, branches)
    # One shared copy that every device lends while "offline": 49 double checkouts.
    owner = clients[0]
    ops, shared = new_title(owner)
    owner.push(ops)
    shared_item = shared["items"][0]
    expected_items: list[str] = []
    feed_seen: list[int] = []
    stop = threading.Event()

    def watch_feed() -> None:
        # A device pulling while everyone pushes: its incremental cursor must see everything.
        watcher = clients[1]
        cursor = 0
        while not stop.is_set():
            page = watcher.changes(cursor, 500)
            feed_seen.extend(c["seq"] for c in page["changes"])
            cursor = page["next_cursor"]
        while True:
            page = watcher.changes(cursor, 500)
            feed_seen.extend(c["seq"] for c in page["changes"])
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return

    def device_work(client: Client) -> int:
        sent = 0
        reader_op, reader = new_reader(client)
        batches: list[list[dict[str, Any]]] = [[reader_op]]
        for _ in range(3):
            ops, title = new_title(client, copies=9)
            batches.append(ops)
            expected_items.extend(i["item_uuid"] for i in title["items"])
        batches.append(
            [
                client.op(
                    "checkout",
                    {
                        "loan_uuid": str(uuid.uuid4()),
                        "item_uuid": shared_item["item_uuid"],
                        "barcode": shared_item["barcode"],
                        "reader_uuid": reader["reader_uuid"],
                        "card": reader["card"],
                        "branch": client.branch,
                        "checkout_at": f"2026-05-{1 + client.device_id % 28:02d}T"
                        f"{client.device_id % 24:02d}:00:00Z",
                        "due_at": "2026-07-01T00:00:00Z",
                    },
                )
            ]
        )
        for batch in batches:
            first = client.push(batch)
            assert {r["status"] for r in first} <= {"applied", "applied_with_exception"}
            again = client.push(batch)  # a duplicate request (lost reply)
            assert {r["status"] for r in again} == {"duplicate"}
            sent += len(batch)
        return sent

    watcher = threading.Thread(target=watch_feed)
    watcher.start()
    with ThreadPoolExecutor(50) as pool:
        sent = sum(pool.map(device_work, clients))
    stop.set()
    watcher.join(120)
    url = proc.db_url
    receipts = _count(url, select(func.count()).select_from(m.OpReceipt))
    assert receipts == sent + len(ops)
    assert (
        _count(url, select(func.count()).select_from(m.Item).where(m.Item.uuid.in_(expected_items)))
        == len(expected_items)
        == 50 * 27
    )
    shared_id = select(m.Item.id).where(m.Item.uuid == shared_item["item_uuid"]).scalar_subquery()
    assert (
        _count(url, select(func.count()).select_from(m.Loan).where(m.Loan.item_id == shared_id))
        == 50
    )
    assert (
        _count(
            url,
            select(func.count())
            .select_from(m.Loan)
            .where(m.Loan.item_id == shared_id, m.Loan.returned_at.is_(None)),
        )
        == 1
    )
    doubles = [
        e
        for e in proc.cli("exceptions", "--json")["exceptions"]
        if e["kind"] == "DOUBLE_CHECKOUT" and shared_item["barcode"] in e["summary"]
    ]
    assert len(doubles) == 49
    # The incremental feed skipped nothing that a fresh full read shows for that device.
    full, _ = clients[1].all_changes(0, 5000)
    assert sorted(set(feed_seen)) == [c["seq"] for c in full]
