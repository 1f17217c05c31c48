"""Workload: the start-up integrity check (``PRAGMA quick_check``) at county scale.

A village PC holds the whole county catalogue, so this is what a check costs on the largest
profile a branch has. Baseline: reading the same file once from start to end (the least any
check of every page can cost). The schedule in app/models/integrity.py (always below 64 MiB,
else once a day) is chosen from these figures.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from app.models.integrity import ALWAYS_BELOW_BYTES, _tables, quick_check, rotating_check
from bench.dataset import copy_of
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


def _starts(path: Path) -> list[float]:
    """Every start's share in one full rotation (on a copy's folder: the stamp is written)."""
    conn = sqlite3.connect(path)
    try:
        turns = len(_tables(conn))
    finally:
        conn.close()
    rounds: list[list[float]] = []
    for _ in range(3):  # three rotations; each turn's median (a busy machine adds noise)
        times = []
        for _turn in range(turns):
            start = time.perf_counter()
            assert rotating_check(path)
            times.append(time.perf_counter() - start)
        rounds.append(times)
    return [median(list(turn)) for turn in zip(*rounds, strict=True)]


def run(ctx: BenchContext) -> list[Figure]:
    path = copy_of(ctx.dataset, ctx.workdir / "integrity") / "shuwu.db"
    size_mb = path.stat().st_size / 1e6
    checks = [_check(path) for _ in range(3)]
    reads = [_read_through(path) for _ in range(3)]
    seconds = median(checks)
    starts = _starts(path)
    rotating = path.stat().st_size >= ALWAYS_BELOW_BYTES
    schedule = "outbox + one table in turn" if rotating else "the whole file"
    return [
        Figure("integrity check", "whole file (quick_check)", seconds, "s", "read the file once",
               median(reads), "—", None,
               f"{size_mb:,.0f} MB database; before every backup (daily), after restore, status"),
        Figure("integrity check", "at start, slowest turn", max(starts), "s",
               "read the file once", median(reads), "< 1 s", max(starts) < 1.0,
               f"{schedule}; {len(starts)} starts cover every table; "
               f"median turn {median(starts):.3f} s"),
    ]  # fmt: skip
