"""Main-window sections. Module ``<key>.py`` here defines ``SECTION = SectionSpec(key=...)``.

Modules are imported only when their section is first shown, so start-up stays fast.

The navigation lists every key in ``NAVIGATION``; a key whose module is missing shows a plain
"not built yet" page, never fake data.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.ui.context import AppContext
from app.ui.i18n import _

# (key, title) in navigation order. Titles are translated when the window is built.
NAVIGATION: tuple[tuple[str, Callable[[], str]], ...] = (
    ("catalog", lambda: _("Catalogue")),
    ("circulation", lambda: _("Circulation")),
    ("readers", lambda: _("Readers")),
    ("labels", lambda: _("Labels")),
    ("sync", lambda: _("Sync")),
    ("reports", lambda: _("Reports")),
    ("settings", lambda: _("Settings")),
)


@dataclass(frozen=True)
class SectionSpec:
    key: str
    factory: Callable[[AppContext], QWidget]
    shortcut: str = ""


def load(key: str) -> SectionSpec | None:
    """The section's spec, importing its module now; None when it is not built."""
    if importlib.util.find_spec(f"{__name__}.{key}") is None:
        return None
    spec = getattr(importlib.import_module(f"{__name__}.{key}"), "SECTION", None)
    return spec if isinstance(spec, SectionSpec) else None


def discover() -> dict[str, SectionSpec]:
    """Every built section (imports them all: for tests and tools, not start-up)."""
    specs = {key: load(key) for key, _title in NAVIGATION}
    return {key: spec for key, spec in specs.items() if spec is not None}
