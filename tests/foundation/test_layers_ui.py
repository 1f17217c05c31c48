"""Widgets only ask: nothing under app/ui imports sqlalchemy or app.models (issue 19).

Sessions, queries and ORM rows belong to app/services, which return frozen dataclasses and
raise app.errors exceptions; the UI calls them and shows the result.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BANNED = ("sqlalchemy", "app.models")


def banned(name: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in BANNED)


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # "from app import models" names the banned package too
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def offenders_in(folder: Path) -> list[str]:
    bad = []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, name in imported_names(tree):
            if banned(name):
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    return bad


def test_no_widget_imports_sqlalchemy_or_models() -> None:
    assert offenders_in(ROOT / "app" / "ui") == []


def test_the_scan_sees_every_spelling(tmp_path: Path) -> None:
    """The check itself can fail: each way of importing a banned module is caught."""
    lines = [
        "import sqlalchemy",
        "import sqlalchemy.exc as sa_exc",
        "from sqlalchemy.orm import Session",
        "from app.models import Item",
        "from app.models.integrity import DamagedDatabase",
        "from app import models",
        "def later():\n    from sqlalchemy import select",
        "import importlib\nimportlib.import_module('app.models.db')",
    ]
    for number, line in enumerate(lines):
        (tmp_path / f"w{number}.py").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "fine.py").write_text(
        "from app.services import transfers\nfrom app.modelsx import y\nimport app.ui.tasks\n",
        encoding="utf-8",
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found = offenders_in(tmp_path)
    finally:
        ROOT = saved
    assert {entry.split(":")[0] for entry in found} == {f"w{n}.py" for n in range(len(lines))}
