"""Workload 7: app cold start to a usable main window (offscreen), and peak RSS."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from bench.results import Figure
from bench.workloads.common import BenchContext, median

# The peak of this process only. ru_maxrss would not do: Linux carries the forking parent's
# high-water mark across exec, so every probe reported the benchmark runner's own size.
PEAK_RSS = r"""
def peak_rss_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

PROBE = (
    PEAK_RSS
    + r"""
import json, os, sys, time
t0 = time.perf_counter()
from app.profile import open_profile
from app.ui.app import application, build_main_window
app = application()
profile = open_profile(sys.argv[1])
window = build_main_window(profile)
window.show()
app.processEvents()
usable = time.perf_counter() - t0
print(json.dumps({"seconds": usable, "peak_rss_mb": peak_rss_mb()}))
"""
)

BASELINE_PROBE = (
    PEAK_RSS
    + r"""
import json, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.show(); app.processEvents()
print(json.dumps({"seconds": time.perf_counter() - t0,
                  "peak_rss_mb": peak_rss_mb()}))
"""
)


def _run(code: str, *args: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def run(ctx: BenchContext) -> list[Figure]:
    runs = [_run(PROBE, str(ctx.dataset.home)) for _ in range(3)]
    base = [_run(BASELINE_PROBE) for _ in range(3)]
    seconds = median([r["seconds"] for r in runs])
    rss = max(r["peak_rss_mb"] for r in runs)
    return [
        Figure("app cold start", "to usable window", seconds, "s", "empty Qt window",
               median([b["seconds"] for b in base]), "< 2 s", seconds < 2.0,
               "includes opening and checking the database, migrations check, first section"),
        Figure("app cold start", "peak RSS", rss, "MB", "empty Qt window",
               max(b["peak_rss_mb"] for b in base), "< 400 MB", rss < 400),
    ]  # fmt: skip
