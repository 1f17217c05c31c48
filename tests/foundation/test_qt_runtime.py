"""The installed Qt binding does not corrupt Python's reference counts when signals fire.

PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit()``: after some thousand
progress updates Python aborts. pyproject.toml excludes it; this test keeps it excluded.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    progress = Signal(int, int, str)

app = QCoreApplication([])
emitter = Emitter()
before = sys.getrefcount(True)
for n in range(200):
    emitter.progress.emit(n, 200, "step")
print(sys.getrefcount(True) - before)
"""


def test_signal_emit_keeps_reference_counts() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip().splitlines()[-1])) < 5
