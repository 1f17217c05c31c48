"""Pushes run side by side on PostgreSQL, and the feed stays commit-ordered.

Real server process, real PostgreSQL. (a) Pullers racing many concurrent pushers never skip a
change: what a device gathers page by page while the writers run equals the whole feed read
afterwards. (b) A push that is held open (one of its rows is locked by another connection)
blocks neither a push of another branch nor another push of its own branch on other rows.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from server.db import WRITER_LOCK, lock_sql, make_engine
from tests import serverproc
from tests.server.conftest import Client, backend_url, enrol, new_reader, new_title


@pytest.fixture
def pg_server(tmp_path: Path) -> Iterator[serverproc.ServerProcess]:
    url = backend_url("postgres", tmp_path)
    proc = serverproc.ServerProcess(url, init_args=("--demo", "--demo-size", "tiny"))
    proc.start()
    yield proc
    proc.stop()
    serverproc.drop_pg_schema(url)


def _circulation(
    client: Client, item: dict[str, Any], reader: dict[str, Any], day: int = 1
) -> list[Any]:
    loan = str(uuid.uuid4())
    common = {"loan_uuid": loan, "item_uuid": item["item_uuid"], "barcode": item["barcode"]}
    return [
        client.op(
            "checkout",
            {
                **common,
                "reader_uuid": reader["reader_uuid"],
                "card": reader["card"],
                "branch": client.branch,
                "checkout_at": f"2026-03-{day:02d}T08:00:00Z",
                "due_at": "2026-03-31T08:00:00Z",
            },
        ),
        client.op(
            "return",
            {**common, "branch": client.branch, "returned_at": f"2026-03-{day:02d}T09:00:00Z"},
        ),
    ]


def _prepare(client: Client) -> tuple[dict[str, Any], dict[str, Any]]:
    """A copy and a reader of the client's branch (pushed serialised: catalogue ops)."""
    ops, title = new_title(client)
    reader_op, reader = new_reader(client)
    assert {r["status"] for r in client.push([*ops, reader_op])} == {"applied"}
    return title["items"][0], reader


def test_pullers_racing_pushers_never_skip_a_change(
    pg_server: serverproc.ServerProcess,
) -> None:
    branches = ["CW01", "DH01"]
    pushers = [enrol(pg_server, branches[n % 2]) for n in range(8)]
    prepared = [_prepare(c) for c in pushers]
    pullers = {b: enrol(pg_server, b) for b in branches}
    start = {b: p.all_changes()[1] for b, p in pullers.items()}
    done = threading.Event()
    errors: list[BaseException] = []

    def push_many(n: int) -> None:
        client = pushers[n]
        item, reader = prepared[n]
        try:
            for day in range(1, 7):
                ops = _circulation(client, item, reader, day)
                ops += [new_reader(client)[0] for _ in range(20)]
                assert {r["status"] for r in client.push(ops)} == {"applied"}
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    seen: dict[str, list[int]] = {b: [] for b in branches}

    def pull(branch: str) -> None:
        cursor = start[branch]
        try:
            while True:
                finished = done.is_set()
                changes, cursor = pullers[branch].all_changes(cursor, limit=50)
                seen[branch] += [c["seq"] for c in changes]
                if finished:
                    return
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=push_many, args=(n,)) for n in range(len(pushers))]
    readers = [threading.Thread(target=pull, args=(b,)) for b in branches]
    for t in [*readers, *threads]:
        t.start()
    for t in threads:
        t.join(timeout=300)
    done.set()
    for t in readers:
        t.join(timeout=120)
    assert not errors, errors
    for branch in branches:
        everything, _ = pullers[branch].all_changes(start[branch])
        expected = [c["seq"] for c in everything]
        # 4 pushers × 6 batches × (20 readers + checkout + return) per branch, at least.
        assert len(expected) >= 4 * 6 * 22
        assert sorted(seen[branch]) == expected, "a puller skipped a change"
        assert len(set(seen[branch])) == len(seen[branch])


def test_a_push_held_open_blocks_no_other_push(pg_server: serverproc.ServerProcess) -> None:
    a1, a2, b = (enrol(pg_server, code) for code in ("CW01", "CW01", "DH01"))
    held_item, held_reader = _prepare(a1)
    other_a, other_b = _prepare(a2), _prepare(b)
    engine = make_engine(pg_server.db_url)
    results: dict[str, float] = {}

    def push(name: str, client: Client, ops: list[Any]) -> None:
        assert {r["status"] for r in client.push(ops)} == {"applied"}
        results[name] = time.monotonic()

    with engine.connect() as conn, conn.begin():
        # Another writer holds the reader's row: a1's push waits for it, inside its transaction.
        conn.execute(
            text("SELECT id FROM reader WHERE uuid = :u FOR UPDATE"),
            {"u": held_reader["reader_uuid"]},
        )
        held = threading.Thread(
            target=push, args=("held", a1, _circulation(a1, held_item, held_reader))
        )
        held.start()
        time.sleep(1.0)
        assert "held" not in results
        began = time.monotonic()
        push("other branch", b, _circulation(b, *other_b))
        push("same branch", a2, _circulation(a2, *other_a))
        assert "held" not in results, "the held push should still be waiting"
        assert results["same branch"] - began < 20
        conn.rollback()
    held.join(timeout=60)
    assert "held" in results
    engine.dispose()
    feed, _ = a1.all_changes()
    loans = [c for c in feed if c["entity"] == "loan" and c["data"].get("item_uuid")]
    assert {c["data"]["item_uuid"] for c in loans} >= {
        held_item["item_uuid"],
        other_a[0]["item_uuid"],
    }


def test_another_schemas_writer_never_blocks_this_server(
    pg_server: serverproc.ServerProcess, tmp_path: Path
) -> None:
    """Two servers in one database (a training and a production county, or two test workers)
    each take their own locks: a serialised writer elsewhere holding its writer lock for as
    long as it likes does not stop this server's pushes, serialised or parallel."""
    client = enrol(pg_server, "CW01")
    item, reader = _prepare(client)
    other_url = backend_url("postgres", tmp_path / "other")
    other = make_engine(other_url)
    try:
        with other.connect() as conn, conn.begin():
            conn.execute(lock_sql("pg_advisory_xact_lock"), {"lock": WRITER_LOCK})
            began = time.monotonic()
            _prepare(client)  # catalogue ops: the serialised path, this schema's writer lock
            push_results = client.push(_circulation(client, item, reader))  # the parallel path
            assert {r["status"] for r in push_results} == {"applied"}
            assert time.monotonic() - began < 30
            conn.rollback()
    finally:
        other.dispose()
        serverproc.drop_pg_schema(other_url)
