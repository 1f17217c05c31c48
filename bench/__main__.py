"""`python -m bench [--quick] [--only NAME ...]`: run the workloads, print and save the table."""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import baselines
from bench.dataset import build
from bench.heartbeat import heartbeat
from bench.results import Figure, table, write_results
from bench.workloads.common import BenchContext

HERE = Path(__file__).resolve().parent
# Order matters only for readability of the table.
WORKLOADS = (
    "sync",
    "checkout",
    "search",
    "labels",
    "report",
    "coldstart",
    "server_load",
    "integrity",
)


def available(name: str) -> bool:
    return importlib.util.find_spec(f"bench.workloads.{name}") is not None


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="1/10 scale, for CI")
    parser.add_argument("--only", nargs="*", choices=WORKLOADS, help="run only these workloads")
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached dataset")
    args = parser.parse_args()

    started = time.perf_counter()
    figures: list[Figure] = []
    with heartbeat("dataset"):
        dataset = build(args.quick, fresh=args.fresh)
    with heartbeat("raw baselines"):
        raw_rate = baselines.raw_insert_rows_per_s()
        lookup_p50, lookup_p95 = baselines.raw_lookup_latency_s(dataset.db_path)
        write_p50, write_p99 = baselines.raw_durable_write_s()
    counts = ", ".join(f"{k} {v:,}" for k, v in dataset.counts.items())
    if dataset.build_seconds:
        figures.append(
            Figure("dataset build", "rows/s", sum(dataset.counts.values()) / dataset.build_seconds,
                   "rows/s", "raw executemany", raw_rate, "—", None,
                   f"{counts}; generation, pinyin keys and search indexes included")
        )  # fmt: skip
    workdir = Path(tempfile.mkdtemp(prefix="shuwu-bench-"))
    ctx = BenchContext(
        dataset=dataset,
        workdir=workdir,
        quick=args.quick,
        baselines={
            "raw_insert_rows_per_s": raw_rate,
            "raw_lookup_p50_s": lookup_p50,
            "raw_lookup_p95_s": lookup_p95,
            "durable_write_p50_s": write_p50,
            "durable_write_p99_s": write_p99,
        },
    )
    missing = []
    try:
        for name in args.only or WORKLOADS:
            if not available(name):
                missing.append(name)
                continue
            module = importlib.import_module(f"bench.workloads.{name}")
            with heartbeat(name):
                figures.extend(module.run(ctx))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report = table(figures)
    total = time.perf_counter() - started
    header = f"Scale: {dataset.scale} ({counts}). Total time {total:.0f} s."
    if missing:
        header += f" Not measured yet (workload not built): {', '.join(missing)}."
    print(header)
    print(report)
    write_results(figures, dataset.scale, HERE / "results.json", ctx.baselines)
    (HERE / f"results-{dataset.scale}.md").write_text(header + "\n\n" + report + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
