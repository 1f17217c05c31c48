"""Workload: the start-up integrity check (``PRAGMA quick_check``) at county scale.

A village PC holds the whole county catalogue, so this is what a check costs on the largest
profile a branch has. Baseline: reading the same file once from start to end (the least any
check of every page can cost). The schedule in app/models/integrity.py (always below 64 MiB,
else once a day) is chosen from these figures.
"""

from __future__ import annotations

import time
from pathlib import Path

from app.models.integrity import ALWAYS_BELOW_BYTES, quick_check
from bench.results import Figure
from bench.workloads.common import BenchContext, median


def _read_through(path: Path) -> float:
    start = time.perf_counter()
    with path.open("rb") as fh:
        while fh.read(1 << 20):
            pass
    return time.perf_counter() - start


def _check(path: Path) -> float:
    start = time.perf_counter()
    assert quick_check(path), "the benchmark database failed its own integrity check"
    return time.perf_counter() - start


def run(ctx: BenchContext) -> list[Figure]:
    path = ctx.dataset.db_path
    size_mb = path.stat().st_size / 1e6
    checks = [_check(path) for _ in range(3)]
    reads = [_read_through(path) for _ in range(3)]
    seconds = median(checks)
    daily = path.stat().st_size >= ALWAYS_BELOW_BYTES
    schedule = "once a day at start" if daily else "every start"
    return [
        Figure("integrity check", "PRAGMA quick_check", seconds, "s", "read the file once",
               median(reads), "< 5 s", seconds < 5.0,
               f"{size_mb:,.0f} MB database; run {schedule}, before every backup, after restore"),
    ]  # fmt: skip
