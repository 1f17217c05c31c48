"""Main-window sections. Each module here defines ``SECTION = SectionSpec(...)``.

The navigation lists every key in ``NAVIGATION``; a key whose module is missing shows a plain
"not built yet" page, never fake data.
"""

from __future__ import annotations

import importlib
import pkgutil
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


def discover() -> dict[str, SectionSpec]:
    specs: dict[str, SectionSpec] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        spec = getattr(module, "SECTION", None)
        if isinstance(spec, SectionSpec):
            specs[spec.key] = spec
    return specs
