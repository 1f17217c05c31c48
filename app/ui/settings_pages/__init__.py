"""Settings pages (tabs of the Settings section). Each module here defines ``PAGE``.

``PAGE = SettingsPageSpec(key=..., title=lambda: _("..."), factory=..., order=...)``; the
settings section discovers them, so an area adds its own page without touching shared code.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QWidget

from app.ui.context import AppContext


@dataclass(frozen=True)
class SettingsPageSpec:
    key: str
    title: Callable[[], str]
    factory: Callable[[AppContext], QWidget]
    order: int = 100


def discover_pages() -> list[SettingsPageSpec]:
    pages: list[SettingsPageSpec] = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        spec = getattr(module, "PAGE", None)
        if isinstance(spec, SettingsPageSpec):
            pages.append(spec)
    return sorted(pages, key=lambda p: (p.order, p.key))


def add_save_row(
    layout: QBoxLayout, text: str, accessible_name: str, on_save: Callable[[], None]
) -> tuple[QPushButton, QLabel]:
    """The Save button and the message line under it, ending the page."""
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    button.clicked.connect(on_save)
    layout.addWidget(button)
    message = QLabel()
    message.setWordWrap(True)
    layout.addWidget(message)
    layout.addStretch(1)
    return button, message
