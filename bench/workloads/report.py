"""Workload 6: the annual report over the county-scale year (all branches), computed and
exported to XLSX; compared with one raw GROUP BY over the same loans."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from app.profile import open_profile
from app.services.reports import branch_report
from bench.results import Figure
from bench.workloads.common import BenchContext
from shuwu_shared.reports.export import export_report

START, END = "2025-11-01", "2026-10-31"


def _raw_group_by(db_path: Path) -> float:
    conn = sqlite3.connect(db_path)
    start = time.perf_counter()
    conn.execute(
        "SELECT substr(checkout_at, 1, 7), count(*) FROM loan"
        " WHERE checkout_at >= ? AND checkout_at < ? GROUP BY 1",
        (START, "2026-11-01"),
    ).fetchall()
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def run(ctx: BenchContext) -> list[Figure]:
    profile = open_profile(ctx.dataset.home)
    start = time.perf_counter()
    with profile.sessions() as session:
        report = branch_report(session, profile.clock, START, END, branch=None)
    computed = time.perf_counter() - start
    export_report(report, ctx.workdir / "annual.xlsx")
    total = time.perf_counter() - start
    profile.close()
    raw = _raw_group_by(ctx.dataset.db_path)
    return [
        Figure("annual report", "compute + XLSX", total, "s", "raw GROUP BY month", raw,
               "< 10 s", total < 10.0, f"computing {computed:.2f} s, all branches, one year"),
    ]  # fmt: skip
