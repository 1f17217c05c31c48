"""Workload 2 alone: `python -m bench.incremental [--quick] [--runs N] [--profile FILE]`.

The incremental sync of ``bench/workloads/sync.py`` (a second device of the township made
1,000 changes; the first, with 1,000 offline operations of its own, syncs once: push + pull)
without the workload's initial syncs through the throttling proxy. The state just before that
sync (the county database and both enrolled PCs) is built once per scale under bench/data/
and copied for every run, so each run measures the same sync from the same state.

``--profile FILE``: cProfile of the client side of the last run; with
``SHUWU_BENCH_SERVER_PROFILE=FILE`` also py-spy's collapsed stacks of the server meanwhile.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from app.device import state
from app.device.enrol import enrol
from app.profile import open_profile
from app.sync.engine import sync_once
from bench.dataset import DATA_DIR, DATASET_VERSION, build
from bench.workloads.common import BenchContext
from bench.workloads.sync import TOWNSHIP, _code, _desk_ops, server_db
from server.migrate import head_revision
from tests.serverproc import ServerProcess


def _copy_db(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()


def _point_at(home: Path, url: str) -> None:
    """The enrolled PC talks to this run's server (a new port every run)."""
    profile = open_profile(home)
    with profile.sessions() as session, session.begin():
        state.put(session, state.SERVER_URL, url)
    profile.close()


def prepared(ctx: BenchContext) -> Path:
    """The state just before the measured sync, built once: server.db, client-a, client-b."""
    folder = DATA_DIR / f"incremental-{ctx.dataset.scale}-v{DATASET_VERSION}-{head_revision()}"
    if (folder / "done").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    _copy_db(server_db(ctx), folder / "server.db")
    db_url = f"sqlite:///{folder / 'server.db'}"
    server = ServerProcess(db_url, init=False)
    base_url = server.start()
    try:
        for name, seed in (("client-a", None), ("client-b", 1)):
            home = folder / name
            profile = open_profile(home)
            enrol(profile, base_url, _code(db_url, TOWNSHIP))
            sync_once(profile)
            profile.close()
            print(f"  · {name} enrolled and synced", file=sys.stderr, flush=True)
            if seed is not None:
                _desk_ops(home, 1000, seed=seed)
                profile = open_profile(home)
                sync_once(profile)
                profile.close()
        _desk_ops(folder / "client-a", 1000, seed=2)
    finally:
        server.stop()
    (folder / "done").write_text("ok\n")
    return folder


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _server_profiler(server: ServerProcess) -> subprocess.Popen[bytes] | None:
    """py-spy on the server process while the sync runs (SHUWU_BENCH_SERVER_PROFILE=FILE:
    collapsed stacks, one line per stack; py-spy must be installed)."""
    target = os.environ.get("SHUWU_BENCH_SERVER_PROFILE")
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not target or server.proc is None or not Path(spy).exists():
        return None
    args = [spy, "record", "--pid", str(server.proc.pid), "--format", "raw", "--rate", "500"]
    process = subprocess.Popen([*args, "--output", target], stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # attached before the sync starts
    return process


class Steps:
    """Wall time of the sync's steps (``--steps``): wraps the engine's functions by name."""

    NAMES = ("push_outbox", "pull_changes", "apply_page", "_record_results")

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.saved: dict[str, Any] = {}
        self.wait = 0.0  # in Transport.request: the server's time and the wire

    def __enter__(self) -> Steps:
        from app.device.transport import Transport
        from app.sync import engine

        for name in self.NAMES:
            original = getattr(engine, name)
            self.saved[name] = original
            setattr(engine, name, self._timed(name, original))
        self.saved["request"] = Transport.request
        request = Transport.request

        def timed_request(transport: Transport, *args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return request(transport, *args, **kwargs)
            finally:
                if threading.current_thread() is threading.main_thread():
                    self.wait += time.perf_counter() - began

        Transport.request = timed_request  # type: ignore[method-assign,assignment]
        return self

    def _timed(self, name: str, function: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - began

        return timed

    def __exit__(self, *exc: object) -> None:
        from app.device.transport import Transport
        from app.sync import engine

        Transport.request = self.saved.pop("request")  # type: ignore[method-assign]
        for name, original in self.saved.items():
            setattr(engine, name, original)

    def line(self) -> str:
        parts = [f"{name} {seconds:.3f}" for name, seconds in self.seconds.items()]
        return "; ".join([*parts, f"waiting on the server (main thread) {self.wait:.3f}"])


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (Linux; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(
    folder: Path, workdir: Path, profile_to: str | None, steps: bool = False
) -> tuple[float, str]:
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=workdir))
    _copy_db(folder / "server.db", run_dir / "server.db")
    for name in ("client-a", "client-b"):
        _checkpoint(folder / name / "shuwu.db")
        shutil.copytree(folder / name, run_dir / name)
    db_url = f"sqlite:///{run_dir / 'server.db'}"
    server = ServerProcess(db_url, init=False)
    base_url = server.start()
    try:
        for name in ("client-a", "client-b"):
            _point_at(run_dir / name, base_url)
        # As in the workload, the other PC has just synced (the server is warm), and this
        # process has loaded the pinyin tables before (the workload's initial syncs did).
        from shuwu_shared.domain.pinyin import name_search_keys

        name_search_keys("张小红")
        other = open_profile(run_dir / "client-b")
        sync_once(other)
        other.close()
        profile = open_profile(run_dir / "client-a")
        profiler = cProfile.Profile() if profile_to else None
        spy = _server_profiler(server) if profile_to else None
        timer = Steps() if steps else contextlib.nullcontext()
        with timer:
            assert server.proc is not None
            server_cpu = _cpu_seconds(server.proc.pid)
            client_cpu = time.process_time()
            start = time.perf_counter()
            if profiler is not None:
                profiler.enable()
            result = sync_once(profile)
            seconds = time.perf_counter() - start
            client_cpu = time.process_time() - client_cpu
            server_cpu = _cpu_seconds(server.proc.pid) - server_cpu
        if profiler is not None and profile_to:
            profiler.disable()
            profiler.dump_stats(profile_to)
        if spy is not None:
            spy.send_signal(signal.SIGINT)
            spy.wait(timeout=60)
        profile.close()
    finally:
        server.stop()
    shutil.rmtree(run_dir, ignore_errors=True)
    note = (
        f"pushed {result.pushed} (duplicates {result.duplicates}, conflicts {result.conflicts},"
        f" rejected {result.rejected}), pulled {result.pulled}; CPU: client {client_cpu:.2f} s,"
        f" server {server_cpu:.2f} s"
    )
    if isinstance(timer, Steps):
        note += "\n    " + timer.line()
    return seconds, note


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.incremental")
    parser.add_argument("--quick", action="store_true", help="1/10 scale")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", help="write a cProfile of the last run's client here")
    parser.add_argument("--steps", action="store_true", help="time the sync's steps too")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    dataset = build(args.quick)
    workdir = Path(tempfile.mkdtemp(prefix="shuwu-bench-incr-"))
    try:
        ctx = BenchContext(dataset=dataset, workdir=workdir, quick=args.quick)
        folder = prepared(ctx)
        times = []
        for n in range(args.runs):
            last = n == args.runs - 1
            seconds, note = one_run(folder, workdir, args.profile if last else None, args.steps)
            times.append(seconds)
            print(f"run {n + 1}: {seconds:.3f} s ({note})", flush=True)
        median = statistics.median(times)
        print(
            f"incremental sync, push + pull ({dataset.scale}): median {median:.3f} s,"
            f" best {min(times):.3f} s of {len(times)}",
            flush=True,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
