"""The core never imports Qt: models, sync, services, server, shuwu_shared, the CLI (bar `gui`)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_FREE = ["app/models", "app/sync", "app/services", "server", "shuwu_shared"]


def test_no_pyside_import_in_core_sources() -> None:
    offenders = []
    for folder in QT_FREE:
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_importing_core_packages_loads_no_qt() -> None:
    import pkgutil

    modules = []
    for folder in QT_FREE:
        package = folder.replace("/", ".")
        modules.append(package)
        for info in pkgutil.walk_packages([str(ROOT / folder)], prefix=package + "."):
            if ".migrations" not in info.name:
                modules.append(info.name)
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "import app.cli.main\n"
        "app.cli.main.build_parser()\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
