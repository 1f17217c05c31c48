"""The physical limits each workload is compared with, measured in the same run."""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

ROWS = 200_000


def raw_insert_rows_per_s(rows: int = ROWS) -> float:
    """Raw sqlite3 executemany of 8-column rows into a table with a unique index."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "raw.db")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, barcode TEXT, a TEXT,"
            " b TEXT, c TEXT, d INTEGER, e TEXT)"
        )
        data = [
            (i, f"{i:032x}", f"{20000000 + i}", "I247.5/12", "书架1", "available", i, "CW01")
            for i in range(rows)
        ]
        start = time.perf_counter()
        with conn:
            conn.executemany("INSERT INTO t VALUES (?,?,?,?,?,?,?,?)", data)
        elapsed = time.perf_counter() - start
        conn.close()
    return rows / elapsed


def raw_lookup_latency_s(db_path: Path, samples: int = 2000) -> tuple[float, float]:
    """p50 and p95 of a raw indexed SELECT of an item by barcode in the benchmark database."""
    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    barcodes = [r[0] for r in conn.execute("SELECT barcode FROM item ORDER BY random() LIMIT 500")]
    rng = random.Random(1)
    times = []
    for _ in range(samples):
        code = rng.choice(barcodes)
        start = time.perf_counter()
        conn.execute("SELECT id, status, bib_id FROM item WHERE barcode = ?", (code,)).fetchone()
        times.append(time.perf_counter() - start)
    conn.close()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def raw_durable_write_s(samples: int = 200) -> tuple[float, float]:
    """p50/p99 of one committed single-row insert with synchronous=FULL (one fsync)."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "w.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        times = []
        for i in range(samples):
            start = time.perf_counter()
            conn.execute("BEGIN")
            conn.execute("INSERT INTO t(v) VALUES (?)", (str(i),))
            conn.execute("COMMIT")
            times.append(time.perf_counter() - start)
        conn.close()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99)]
