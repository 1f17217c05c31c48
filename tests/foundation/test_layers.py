"""The package layers: shuwu_shared at the bottom, app and server on top, never each other.

Static scan of every source file (Python, migrations and the Alembic .mako templates), then a run
time check that importing the whole server loads no client module.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What each package may not import (top-level package names).
FORBIDDEN = {"server": {"app"}, "shuwu_shared": {"app", "server"}}
# A Mako template is not Python: look for import lines and dotted uses of the package.
_MAKO_IMPORT = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][\w.]*)", re.M)


def imported_packages(source: str) -> set[str]:
    """Top-level package names imported by ``source``, incl. importlib.import_module("...")."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value.split(".")[0])
    return found


def mako_packages(source: str) -> set[str]:
    return {name.split(".")[0] for name in _MAKO_IMPORT.findall(source)}


def test_the_scanner_sees_every_kind_of_import() -> None:
    assert imported_packages("from app.models.base import X") == {"app"}
    assert imported_packages("import app.models.base as b") == {"app"}
    assert imported_packages("def f():\n    from app.demo import generate\n") == {"app"}
    assert imported_packages("import importlib\nimportlib.import_module('app.sync')") == {
        "importlib",
        "app",
    }
    assert imported_packages("from . import sibling\nfrom .x import y") == set()
    assert mako_packages("import sqlalchemy as sa\nimport app.models.base\n${imports}") == {
        "sqlalchemy",
        "app",
    }


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_source_file_imports_a_higher_layer(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py")) + sorted((ROOT / package).rglob("*.mako"))
    assert len(files) > 5  # the scan really looked (and migrations are included)
    offenders = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = mako_packages(text) if path.suffix == ".mako" else imported_packages(text)
        if bad := found & FORBIDDEN[package]:
            offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert offenders == []


def test_server_migrations_and_template_are_scanned() -> None:
    scanned = {p.relative_to(ROOT).as_posix() for p in (ROOT / "server").rglob("*.mako")}
    assert "server/migrations/script.py.mako" in scanned
    assert any((ROOT / "server" / "migrations" / "versions").glob("*.py"))


def test_importing_the_whole_server_loads_no_client_module() -> None:
    code = (
        "import importlib, pkgutil, sys, server\n"
        "for info in pkgutil.walk_packages(server.__path__, 'server.'):\n"
        "    if '.migrations' not in info.name:\n"
        "        importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'app')\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def imported_modules(source: str) -> set[str]:
    """Dotted names imported by ``source``; ``from a.b import c`` gives ``a.b.c``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


# app/device sits below the services and the sync engine: it may use the models, the profile
# (which reads its settings from app.device.settings) and shuwu_shared.
DEVICE_MAY_IMPORT = ("app.device", "app.models", "app.profile")
# The sync engine sits beside the services, not above them: models, device, the profile (and
# app.paths, where a profile's home is found) and shuwu_shared; never app.services or app.ui.
SYNC_MAY_IMPORT = ("app.sync", "app.device", "app.models", "app.profile", "app.paths")


def app_imports_outside(package: str, allowed: tuple[str, ...]) -> list[str]:
    files = sorted((ROOT / "app" / package).rglob("*.py"))
    assert len(files) >= 5  # the scan really looked
    return [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in files
        for name in sorted(imported_modules(path.read_text(encoding="utf-8")))
        if (name == "app" or name.startswith("app."))
        and not any(name == ok or name.startswith(ok + ".") for ok in allowed)
    ]


def test_the_device_module_imports_nothing_above_it() -> None:
    assert app_imports_outside("device", DEVICE_MAY_IMPORT) == []
    assert imported_modules("from app.services import settings, catalog") == {
        "app.services.settings",
        "app.services.catalog",
    }


def test_the_sync_engine_imports_no_service() -> None:
    # Lazy imports inside functions count too (imported_modules walks the whole tree).
    assert imported_modules(
        "def f():\n    from app.services.readers import name_search_keys\n"
    ) == {"app.services.readers.name_search_keys"}
    assert app_imports_outside("sync", SYNC_MAY_IMPORT) == []


def test_importing_the_sync_engine_loads_no_service_module() -> None:
    code = (
        "import importlib, pkgutil, sys, app.sync\n"
        "for info in pkgutil.walk_packages(app.sync.__path__, 'app.sync.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('app.services', 'app.ui')))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
