"""Workloads 1 and 2: initial and incremental sync from the real server process.

1. An empty client of one township enrols and pulls the county item index and its collection;
   reported as items/s against raw sqlite3 executemany rows/s, with the seconds until its desk
   is ready (desk first: every county copy by barcode, the branch's own copies in full and its
   history) and the bytes of that desk index on the wire (against the plain JSON pages, gzip,
   of every copy). Then the same through our throttling proxy (bench/throttle.py): 1 Mbit/s,
   300 ms each way: seconds until the desk is ready, until search is complete (the records
   are here), and until every copy is here in full.
2. A second device of the same township makes 1,000 changes; then the first device, with 1,000
   offline operations of its own, syncs once (push + pull). Target ≤ 1 s (issue 17).
"""

from __future__ import annotations

import gzip
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

import requests

from app.device import state
from app.device.enrol import enrol
from app.profile import open_profile
from app.services.circulation import checkout, return_item
from app.sync.engine import sync_once
from bench.dataset import DATA_DIR, DATASET_VERSION
from bench.results import Figure
from bench.throttle import Throttle
from bench.workloads.common import BenchContext
from server.db import make_engine, session_factory
from server.devices import add_device
from server.migrate import head_revision, upgrade
from server.seed import seed_county
from shuwu_shared.demo import generate
from shuwu_shared.errors import ShuwuError
from shuwu_shared.i18n import _
from shuwu_shared.protocol.index import zstd_available
from tests.serverproc import ServerProcess

TOWNSHIP = "CW"
LINK_BPS = 1_000_000
LINK_LATENCY_S = 0.3  # each way


class Phases:
    """Times of the initial sync's phases, and a progress line on stderr for each."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.started = time.perf_counter()
        self.desk_ready: float | None = None
        self.search_ready: float | None = None
        self.cancelled = False
        self._last = ""
        self._last_line = 0.0

    def report(self, done: int, total: int, text: str = "") -> None:
        now = time.perf_counter() - self.started
        if text == _("The desk is ready: lending and returning work now"):
            self.desk_ready = now
            print(f"  · {self.label}: desk ready at {now:.1f} s", file=sys.stderr, flush=True)
        elif text == _("The county catalogue can be searched now"):
            self.search_ready = now
            print(f"  · {self.label}: search complete at {now:.1f} s", file=sys.stderr, flush=True)
        elif text != self._last or now - self._last_line > 10:
            share = f" {done:,}/{total:,}" if total else f" {done:,}"
            print(f"  · {self.label}: {text}{share} ({now:.0f} s)", file=sys.stderr, flush=True)
            self._last_line = now
        self._last = text


def _plain_index_bytes(base_url: str, token: str) -> int:
    """The same copies as plain JSON pages (gzip, as the server sends them): the baseline."""
    total = 0
    after = 0
    with requests.Session() as session:
        session.headers.update({"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"})
        while True:
            reply = session.get(
                f"{base_url}/v1/snapshot/item?after={after}&limit=20000", stream=True, timeout=120
            )
            raw = reply.raw.read(decode_content=False)
            total += len(raw)
            page = json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
            after = int(page["next_after"])
            if not page["has_more"]:
                return total


def _token(home: Path) -> str:
    from app.device.credentials import load_token

    profile = open_profile(home)
    try:
        with profile.sessions() as session:
            return str(load_token(session, profile.home))
    finally:
        profile.close()


def _index_bytes(home: Path, key: str = state.SNAPSHOT_INDEX_BYTES) -> int:
    conn = sqlite3.connect(home / "shuwu.db")
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    conn.close()
    return int(row[0]) if row else 0


def _initial(home: Path, url: str, code: str, label: str) -> tuple[float, float, float, int]:
    """Seconds until the desk is ready, until search is complete and until every copy is here
    in full; and the rows received."""
    profile = open_profile(home)
    enrol(profile, url, code)
    phases = Phases(label)
    result = sync_once(profile, progress=phases)
    seconds = time.perf_counter() - phases.started
    profile.close()
    return phases.desk_ready or seconds, phases.search_ready or seconds, seconds, result.pulled


def server_db(ctx: BenchContext) -> Path:
    """A seeded county server database, cached beside the client dataset."""
    # Named after the server schema too: a cached database of an older schema is not reused.
    path = DATA_DIR / f"server-{ctx.dataset.scale}-v{DATASET_VERSION}-{head_revision()}.db"
    if path.exists():
        return path
    counts = ctx.dataset.counts
    county = ctx.dataset.county or generate(
        seed=2020, titles=counts["titles"], items=counts["items"], readers=counts["readers"],
        loans=counts["loans"], villages_per_township=27,
    )  # fmt: skip
    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{tmp}")
    upgrade(engine)
    with session_factory(engine)() as session, session.begin():
        seed_county(session, county)
    engine.dispose()
    tmp.rename(path)
    return path


def _code(db_url: str, branch: str) -> str:
    engine = make_engine(db_url)
    with session_factory(engine)() as session, session.begin():
        code = add_device(session, branch).code
    engine.dispose()
    return code


def _local_items(home: Path) -> int:
    conn = sqlite3.connect(home / "shuwu.db")
    count = int(conn.execute("SELECT count(*) FROM item").fetchone()[0])
    conn.close()
    return count


def _desk_ops(home: Path, operations: int, seed: int) -> int:
    """Checkouts and returns at the desk while offline: each is one outbox op."""
    profile = open_profile(home)
    conn = sqlite3.connect(home / "shuwu.db")
    branch = conn.execute("SELECT value FROM app_setting WHERE key='branch_code'").fetchone()[0]
    items = [r[0] for r in conn.execute(
        "SELECT barcode FROM item WHERE status='available' AND home_branch_code=? LIMIT 2000",
        (branch,))]  # fmt: skip
    cards = [r[0] for r in conn.execute(
        "SELECT card FROM reader WHERE status='active' LIMIT 400")]  # fmt: skip
    conn.close()
    rng = random.Random(seed)
    made = 0
    for barcode in items:
        if made >= operations:
            break
        try:
            with profile.sessions() as session, session.begin():
                checkout(session, profile.clock, rng.choice(cards), barcode)
            made += 1
            with profile.sessions() as session, session.begin():
                return_item(session, profile.clock, barcode)
            made += 1
        except ShuwuError:
            continue
    profile.close()
    return made


def run(ctx: BenchContext) -> list[Figure]:
    db_url = f"sqlite:///{server_db(ctx)}"
    working = ctx.workdir / "server.db"
    src = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    dst = sqlite3.connect(working)
    src.backup(dst)
    src.close()
    dst.close()
    db_url = f"sqlite:///{working}"
    server = ServerProcess(db_url, init=False)
    base_url = server.start()
    figures: list[Figure] = []
    try:
        first = ctx.workdir / "client-a"
        desk, _search, seconds, pulled = _initial(
            first, base_url, _code(db_url, TOWNSHIP), "loopback"
        )
        items = _local_items(first)
        rate = items / seconds
        raw = ctx.baselines["raw_insert_rows_per_s"]
        figures.append(
            Figure("initial sync", "items/s", rate, "items/s", "raw executemany", raw,
                   "≥ 10% of raw insert", rate >= 0.1 * raw,
                   f"{items:,} items ({pulled:,} rows) in {seconds:.1f} s, loopback")
        )  # fmt: skip
        figures.append(
            Figure("initial sync", "desk ready (loopback)", desk, "s", "—", 0.0, "≤ 10 s",
                   desk <= 10.0, "every county copy by barcode, the branch's own in full, its"
                   " readers, loans, policies")
        )  # fmt: skip
        sent = _index_bytes(first)
        plain = _plain_index_bytes(base_url, _token(first))
        every = _index_bytes(first, state.SNAPSHOT_COPY_BYTES)
        figures.append(
            Figure("initial sync", "desk index on the wire", sent / 1e6, "MB",
                   "plain JSON pages, gzip", plain / 1e6, "≤ 25 MB at county scale",
                   sent <= 25e6 * (0.1 if ctx.quick else 1.0),
                   f"every copy by barcode, the branch's own in full: {sent / items:.2f} bytes"
                   f" a copy (zstd: {zstd_available()})")
        )  # fmt: skip
        figures.append(
            Figure("initial sync", "every copy on the wire, in full at last", every / 1e6, "MB",
                   "plain JSON pages, gzip", plain / 1e6, "≤ 25 MB at county scale",
                   every <= 25e6 * (0.1 if ctx.quick else 1.0),
                   f"the desk index and every copy's full row: {every / items:.1f} bytes a copy")
        )  # fmt: skip

        slow = ctx.workdir / "client-slow"
        with Throttle(server.port, LINK_BPS, LINK_LATENCY_S) as link:
            desk_slow, search_slow, all_slow, _rows = _initial(
                slow, link.url, _code(db_url, TOWNSHIP), "1 Mbit/s"
            )
            carried = link.bytes_down
        figures.append(
            Figure("initial sync at 1 Mbit/s, 300 ms", "desk ready", desk_slow, "s", "—", 0.0,
                   "≤ 60 s", desk_slow <= 60.0,
                   "throttling proxy of our own (bench/throttle.py), 300 ms each way")
        )  # fmt: skip
        figures.append(
            Figure("initial sync at 1 Mbit/s, 300 ms", "search complete", search_slow, "s", "—",
                   0.0, "≤ 5 min", search_slow <= 300.0,
                   f"{carried / 1e6:.1f} MB from the server in all")
        )  # fmt: skip
        figures.append(
            Figure("initial sync at 1 Mbit/s, 300 ms", "every copy in full", all_slow, "s", "—",
                   0.0, "—", None, "the other branches' copies follow the records")
        )  # fmt: skip

        second = ctx.workdir / "client-b"
        other = open_profile(second)
        enrol(other, base_url, _code(db_url, TOWNSHIP))
        sync_once(other)
        other.close()
        changes = _desk_ops(second, 1000, seed=1)
        other = open_profile(second)
        sync_once(other)
        other.close()
        pending = _desk_ops(first, 1000, seed=2)
        profile = open_profile(first)
        start = time.perf_counter()
        result = sync_once(profile)
        seconds = time.perf_counter() - start
        profile.close()
        figures.append(
            Figure("incremental sync", "push + pull", seconds, "s", "—", 0.0, "≤ 1 s",
                   seconds <= 1.0,
                   f"pushed {result.pushed} of {pending} ops, pulled {result.pulled} changes "
                   f"after {changes} changes elsewhere")
        )  # fmt: skip
    finally:
        server.stop()
    return figures
