"""A UI that only asks: app/ui/ops.py is the only UI module that opens a database session.

Widgets hand a service call to ``ops.query`` / ``ops.change`` / ``ops.confirmed_change`` /
``ops.in_background`` / ``ops.job``; the helper opens one session for that call (issue 19).
The scan looks for any use of a ``sessions`` attribute (``profile.sessions()``,
``ctx.profile.sessions``, ``getattr(profile, "sessions")``), a ``sessionmaker`` or a
``Session(`` built by hand, anywhere under app/ui but the helper.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HELPER = Path("app/ui/ops.py")
NAMES = {"sessions", "sessionmaker", "Session"}


def session_uses(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in NAMES:
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.Name) and node.id in NAMES:
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.ImportFrom):
            found += [(node.lineno, a.name) for a in node.names if a.name in NAMES]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and node.args[1].value in NAMES
        ):
            found.append((node.lineno, f"getattr {node.args[1].value}"))
    return found


def offenders(root: Path) -> list[str]:
    bad = []
    for path in sorted((root / "app" / "ui").rglob("*.py")):
        relative = path.relative_to(root)
        if relative == HELPER:
            continue
        for line, what in session_uses(ast.parse(path.read_text(encoding="utf-8"))):
            bad.append(f"{relative}:{line} uses {what}")
    return bad


def test_only_the_ops_helper_opens_sessions() -> None:
    assert offenders(ROOT) == []


def test_the_helper_is_where_sessions_are_opened() -> None:
    """The exemption is not vacuous: the helper itself does open sessions."""
    tree = ast.parse((ROOT / HELPER).read_text(encoding="utf-8"))
    assert any(what == "sessions" for _line, what in session_uses(tree))


def test_the_scan_sees_every_spelling(tmp_path: Path) -> None:
    """The check itself can fail: each way of reaching a session is caught."""
    lines = [
        "with self.ctx.profile.sessions() as s:\n    pass",
        "with profile.sessions() as s, s.begin():\n    pass",
        "factory = ctx.profile.sessions",
        "factory = getattr(profile, 'sessions')",
        "from somewhere import sessionmaker",
        "s = Session(engine)",
    ]
    ui = tmp_path / "app" / "ui"
    ui.mkdir(parents=True)
    for number, line in enumerate(lines):
        (ui / f"w{number}.py").write_text(line + "\n", encoding="utf-8")
    (ui / "fine.py").write_text(
        "from app.ui import ops\nrows = ops.query(ctx, transfers.list_transfers)\n"
        "n = stocktake.open_sessions(s)\n",
        encoding="utf-8",
    )
    (ui / "ops.py").write_text("with profile.sessions() as s:\n    pass\n", encoding="utf-8")
    found = offenders(tmp_path)
    assert {entry.split(":")[0] for entry in found} == {
        f"app/ui/w{n}.py" for n in range(len(lines))
    }
