"""app/printing is Qt-free like the rest of the core (the CLI prints labels without Qt)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_printing_and_labels_service_load_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, app.printing\n"
        "for info in pkgutil.walk_packages(app.printing.__path__, 'app.printing.'):\n"
        "    importlib.import_module(info.name)\n"
        "import app.services.labels, app.cli.commands.labels\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
