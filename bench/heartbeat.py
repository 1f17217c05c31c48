"""A progress line while a workload runs, so a long step never sits silent."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

INTERVAL_S = 15.0


@contextmanager
def heartbeat(name: str, interval_s: float = INTERVAL_S) -> Iterator[None]:
    """Print "… NAME" at start, "… NAME still running (N s)" every interval, and the time at
    the end, on stderr (stdout carries the table)."""
    started = time.perf_counter()
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(interval_s):
            elapsed = time.perf_counter() - started
            print(f"  … {name} still running ({elapsed:.0f} s)", file=sys.stderr, flush=True)

    print(f"… {name}", file=sys.stderr, flush=True)
    thread = threading.Thread(target=beat, name=f"heartbeat-{name}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        elapsed = time.perf_counter() - started
        print(f"  ✓ {name} done in {elapsed:.1f} s", file=sys.stderr, flush=True)
