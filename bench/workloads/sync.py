"""Workloads 1 and 2: initial and incremental sync from the real server process on loopback.

1. An empty client of one township enrols and pulls the county item index and its collection;
   reported as items/s against raw sqlite3 executemany rows/s.
2. A second device of the same township makes 1,000 changes; then the first device, with 1,000
   offline operations of its own, syncs once (push + pull). Target < 2 s.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from app.device.enrol import enrol
from app.profile import open_profile
from app.services.circulation import checkout, return_item
from app.sync.engine import sync_once
from bench.dataset import DATA_DIR, DATASET_VERSION
from bench.results import Figure
from bench.workloads.common import BenchContext
from server.db import make_engine, session_factory
from server.devices import add_device
from server.migrate import head_revision, upgrade
from server.seed import seed_county
from shuwu_shared.demo import generate
from shuwu_shared.errors import ShuwuError
from tests.serverproc import ServerProcess

TOWNSHIP = "CW"


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
        profile = open_profile(first)
        enrol(profile, base_url, _code(db_url, TOWNSHIP))
        start = time.perf_counter()
        result = sync_once(profile)
        seconds = time.perf_counter() - start
        profile.close()
        items = _local_items(first)
        rate = items / seconds
        raw = ctx.baselines["raw_insert_rows_per_s"]
        figures.append(
            Figure("initial sync", "items/s", rate, "items/s", "raw executemany", raw,
                   "≥ 50% of raw insert", rate >= 0.5 * raw,
                   f"{items:,} items ({result.pulled:,} changes) in {seconds:.1f} s")
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
            Figure("incremental sync", "push + pull", seconds, "s", "—", 0.0, "< 2 s",
                   seconds < 2.0,
                   f"pushed {result.pushed} of {pending} ops, pulled {result.pulled} changes "
                   f"after {changes} changes elsewhere")
        )  # fmt: skip
    finally:
        server.stop()
    return figures
