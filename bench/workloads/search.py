"""Workload 4: catalogue search by title word, two-character word, pinyin initials, barcode."""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from app.profile import open_profile
from app.services.catalog_search import search
from bench.results import Figure
from bench.workloads.common import BenchContext, percentile

REPEATS = 60


def _queries(db_path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(db_path)
    titles = [
        r[0] for r in conn.execute("SELECT title FROM bib_record ORDER BY random() LIMIT 200")
    ]
    barcodes = [r[0] for r in conn.execute("SELECT barcode FROM item ORDER BY random() LIMIT 200")]
    conn.close()
    rng = random.Random(5)
    words = [t[:4] for t in titles if len(t) >= 4]
    pairs = [t[i : i + 2] for t in titles for i in range(0, max(1, len(t) - 1), 3)]
    return {
        "title word": [rng.choice(words) for _ in range(REPEATS)],
        "two-character word": [rng.choice(pairs) for _ in range(REPEATS)],
        "pinyin initials": [rng.choice(["hlm", "xyj", "gsz", "ymgc", "jszp", "nczs"])
                            for _ in range(REPEATS)],
        "barcode": [rng.choice(barcodes) for _ in range(REPEATS)],
    }  # fmt: skip


def run(ctx: BenchContext) -> list[Figure]:
    profile = open_profile(ctx.dataset.home)
    figures = []
    base = ctx.baselines["raw_lookup_p95_s"]
    for kind, queries in _queries(ctx.dataset.db_path).items():
        times = []
        hits = 0
        for query in queries:
            start = time.perf_counter()
            with profile.sessions() as session:
                result = search(session, query)
            times.append(time.perf_counter() - start)
            hits += bool(result.hits)
        p95 = percentile(times, 0.95)
        figures.append(
            Figure(f"search: {kind}", "p95", p95 * 1000, "ms", "raw indexed SELECT p95",
                   base * 1000, "p95 < 50 ms", p95 < 0.050,
                   f"{len(queries)} queries, {hits} with hits")
        )  # fmt: skip
    profile.close()
    return figures
