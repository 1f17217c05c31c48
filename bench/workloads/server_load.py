"""Workload 8: 300 devices pushing at once against the server on PostgreSQL, 100 ops each.

Each device pushes one batch of 100 ops (reader registrations plus a checkout and a return of
its own items), all devices concurrently through a thread pool. Reports ops/s and the p99
latency of a push, then checks that the server holds exactly one receipt per op: nothing lost,
nothing applied twice. Runs twice in one run on fresh schemas: first with every push
serialised (``SHUWU_SERIAL_PUSH=1``, the design before issue 17), then with parallel writers.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import requests
from sqlalchemy import func, select, text

from bench.results import Figure
from bench.workloads.common import BenchContext, median, percentile
from server import models as m
from server.db import SERIAL_PUSH_ENV, make_engine, session_factory
from server.devices import add_device
from server.migrate import upgrade
from server.seed import seed_county
from shuwu_shared.demo import generate
from tests.serverproc import PG_BASE, ServerProcess

FULL_DEVICES = 300
OPS = 100
# One schema per run, so two benchmark runs on one machine never share tables.
SCHEMA = f"shuwu_bench_{os.getpid()}"


def _drop_schema() -> None:
    engine = make_engine(PG_BASE)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
    engine.dispose()


def _pg_url() -> str | None:
    engine = make_engine(PG_BASE)
    try:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
    except Exception:
        return None
    finally:
        engine.dispose()
    return f"{PG_BASE}?options=-csearch_path%3D{SCHEMA}"


def _ops(
    device_no: int, items: list[tuple[str, str]], readers: list[tuple[str, str]]
) -> list[dict[str, object]]:
    now = datetime.now(UTC)
    ops: list[dict[str, object]] = []
    seq = 0

    def add(kind: str, payload: dict[str, object]) -> None:
        nonlocal seq
        seq += 1
        ops.append({"seq": seq, "op_id": str(uuid.uuid4()), "kind": kind, "payload": payload,
                    "device_wall_ms": int(now.timestamp() * 1000) + seq})  # fmt: skip

    item_uuid, barcode = items[device_no]
    reader_uuid, card = readers[device_no % len(readers)]
    loan = str(uuid.uuid4())
    due = (now + timedelta(days=30)).isoformat()
    add("checkout", {"loan_uuid": loan, "item_uuid": item_uuid, "barcode": barcode,
                     "reader_uuid": reader_uuid, "card": card, "branch": "LC",
                     "checkout_at": now.isoformat(), "due_at": due,
                     "override_reason": None})  # fmt: skip
    add(
        "return",
        {
            "loan_uuid": loan,
            "item_uuid": item_uuid,
            "barcode": barcode,
            "branch": "LC",
            "returned_at": (now + timedelta(minutes=5)).isoformat(),
            "in_transit_to": None,
        },
    )
    while seq < OPS:
        add("reader_upsert", {"reader_uuid": str(uuid.uuid4()),
                              "card": f"B{device_no:03d}{seq:04d}", "card_provisional": False,
                              "name": "压测读者", "gender": "U", "birth_year": None,
                              "age_band": None, "phone": None, "reader_type": "adult",
                              "home_branch": "LC", "status": "active"})  # fmt: skip
    return ops


def _raw_pg_rows_per_s(url: str, rows: int) -> float:
    """Baseline: raw executemany of receipt-sized rows into a PostgreSQL table, one commit."""
    engine = make_engine(url)
    data = [{"a": str(uuid.uuid4()), "b": n, "c": "x" * 64} for n in range(rows)]
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS raw_bench"))
        conn.execute(text("CREATE TABLE raw_bench (a text primary key, b int, c text)"))
    start = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO raw_bench VALUES (:a, :b, :c)"), data)
    seconds = time.perf_counter() - start
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE raw_bench"))
    engine.dispose()
    return rows / seconds


@dataclass
class _Pass:
    seconds: float
    latencies: list[float]
    receipts: int
    statuses: dict[str, int]


def _one_pass(url: str, devices_n: int, serial: bool) -> _Pass:
    """Seed a fresh schema, start a server, push from every device at once."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
    upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as session, session.begin():
        seed_county(session, generate(seed=9, titles=400, items=devices_n + 50, readers=200,
                                      loans=0, villages_per_township=1))  # fmt: skip
        items = [(u, b) for u, b in session.execute(select(m.Item.uuid, m.Item.barcode))]
        readers = [(u, c) for u, c in session.execute(select(m.Reader.uuid, m.Reader.card))]
        codes = [add_device(session, "LC").code for _ in range(devices_n)]
    if serial:
        os.environ[SERIAL_PUSH_ENV] = "1"  # the server process inherits it
    try:
        server = ServerProcess(url, init=False)
        base = server.start()
    finally:
        os.environ.pop(SERIAL_PUSH_ENV, None)
    try:
        http = requests.Session()
        adapter = requests.adapters.HTTPAdapter(pool_connections=64, pool_maxsize=64)
        http.mount("http://", adapter)
        devices = []
        for code in codes:
            r = http.post(f"{base}/v1/enrol", json={"code": code, "device_name": "bench",
                                                    "client_time": datetime.now(UTC).isoformat()},
                          timeout=30)  # fmt: skip
            r.raise_for_status()
            devices.append(r.json())
        latencies: list[float] = []
        lock = threading.Lock()
        statuses: dict[str, int] = {}

        def push(n: int) -> None:
            dev = devices[n]
            body = gzip.compress(json.dumps({
                "device_id": dev["device_id"], "epoch": dev["epoch"], "clock_offset_ms": 0,
                "ops": _ops(n, items, readers)}).encode())  # fmt: skip
            start = time.perf_counter()
            r = http.post(f"{base}/v1/ops/push", data=body, timeout=900, headers={
                "Authorization": f"Bearer {dev['token']}", "Content-Encoding": "gzip",
                "Content-Type": "application/json"})  # fmt: skip
            elapsed = time.perf_counter() - start
            r.raise_for_status()
            with lock:
                latencies.append(elapsed)
                for result in r.json()["results"]:
                    statuses[result["status"]] = statuses.get(result["status"], 0) + 1

        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=devices_n) as pool:
            list(pool.map(push, range(devices_n)))
        seconds = time.perf_counter() - start
    finally:
        server.stop()
    with sessions() as session:
        receipts = session.scalar(select(func.count()).select_from(m.OpReceipt)) or 0
    engine.dispose()
    return _Pass(seconds, latencies, receipts, statuses)


def run(ctx: BenchContext) -> list[Figure]:
    """Twice in one run: every push serialised (the design before issue 17), then parallel."""
    devices_n = FULL_DEVICES // 10 if ctx.quick else FULL_DEVICES
    url = _pg_url()
    if url is None:
        return [Figure("server under load", "ops/s", 0, "ops/s", "—", 0, "nothing lost", None,
                       "PostgreSQL on 127.0.0.1:5432 did not answer: not measured")]  # fmt: skip
    total = devices_n * OPS
    before = _one_pass(url, devices_n, serial=True)
    after = _one_pass(url, devices_n, serial=False)
    raw = _raw_pg_rows_per_s(url, total)
    _drop_schema()

    def note(p: _Pass, how: str) -> str:
        return (f"{how}: {devices_n} devices × {OPS} ops in {p.seconds:.1f} s; receipts "
                f"{p.receipts:,} of {total:,}; statuses {p.statuses}; median push "
                f"{median(p.latencies):.2f} s")  # fmt: skip

    exact = before.receipts == total and after.receipts == total
    rate, rate_before = total / after.seconds, total / before.seconds
    p99, p99_before = percentile(after.latencies, 0.99), percentile(before.latencies, 0.99)
    return [
        Figure("server under load (PostgreSQL)", "throughput", rate, "ops/s",
               "raw PostgreSQL executemany rows/s", raw,
               "≥ 0.15 of raw, nothing lost", exact and rate / raw >= 0.15,
               note(after, "parallel writers")),
        Figure("server under load (PostgreSQL)", "push p99", p99, "s",
               "same run, every push serialised", p99_before, "≤ 5 s", p99 <= 5.0,
               note(after, "parallel writers")),
        Figure("server under load (PostgreSQL)", "throughput, every push serialised",
               rate_before, "ops/s", "raw PostgreSQL executemany rows/s", raw, "—", None,
               note(before, "the design before: one lock for every push's transaction")),
        Figure("server under load (PostgreSQL)", "push p99, every push serialised",
               p99_before, "s", "—", 0, "—", None,
               note(before, "the design before")),
    ]  # fmt: skip
