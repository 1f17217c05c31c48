"""The window's start path loads no heavy module it does not need yet (cold start, issue 17).

The HTTP client, the protocol models, MARC and migrations load on first use: a regression here
costs every village PC start-up time (bench/workloads/coldstart.py measures it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAZY = ("requests", "pymarc", "alembic", "shuwu_shared.protocol.messages", "app.device.transport")


def test_opening_the_main_window_loads_no_lazy_module(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from app.profile import open_profile\n"
        f"open_profile({str(tmp_path / 'p')!r}).close()\n"  # first start: migrations may run
        "from app.ui.app import application, build_main_window\n"
        "app = application()\n"
        f"window = build_main_window(open_profile({str(tmp_path / 'p')!r}))\n"
        "window.show(); app.processEvents()\n"
        f"print(json.dumps(sorted(m for m in {LAZY!r} if m in sys.modules)))\n"
    )
    second_start = code.replace(f"open_profile({str(tmp_path / 'p')!r}).close()\n", "", 1)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, timeout=120)
    out = subprocess.run(
        [sys.executable, "-c", second_start],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
