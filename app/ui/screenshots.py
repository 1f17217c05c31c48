"""``shuwu selftest --screenshots``: a PNG of every section, tab and main dialog, plus misfits.

The window is built on a practice copy of the demo village (the training profile's data), at
the size asked for, in the language and font size asked for. Every screen is grabbed to a PNG
and checked with ``app.ui.fit_check``; the result lists each screen and what does not fit.

A section page may define ``screenshot_scene()`` to show something worth looking at first (the
desk loads a reader, reports compute). A section module may list its dialogs in
``SCREENSHOT_DIALOGS = {"name": callable(page) -> QDialog}``; each is shown, grabbed, checked
and closed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

SIZE_PATTERN = re.compile(r"^(\d{3,5})x(\d{3,5})$")


def parse_size(text: str) -> tuple[int, int]:
    match = SIZE_PATTERN.match(text.strip().lower())
    if not match:
        raise UserInputError(
            _("Give the size as WIDTHxHEIGHT, for example 1024x768."), code="bad_size"
        )
    width, height = int(match.group(1)), int(match.group(2))
    if not (640 <= width <= 7680 and 480 <= height <= 4320):
        raise UserInputError(
            _("Give the size as WIDTHxHEIGHT, for example 1024x768."), code="bad_size"
        )
    return width, height


@dataclass
class ScreenReport:
    name: str
    png: str
    width: int
    height: int
    misfits: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "png": self.png,
            "size": f"{self.width}x{self.height}",
            "misfits": self.misfits,
        }


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")


def _direct_tab_widgets(root: Any) -> list[Any]:
    """Tab widgets under ``root`` that are not inside another tab widget under ``root``."""
    from PySide6.QtWidgets import QTabWidget

    found = []
    for tabs in root.findChildren(QTabWidget):
        parent = tabs.parentWidget()
        nested = False
        while parent is not None and parent is not root:
            if isinstance(parent, QTabWidget):
                nested = True
                break
            parent = parent.parentWidget()
        if not nested:
            found.append(tabs)
    return found


def _tab_key(tabs: Any, index: int) -> str:
    page = tabs.widget(index)
    name = page.objectName() or type(page).__name__
    return f"{index + 1}-{name}"


def _visit_tabs(root: Any, prefix: str, settle: Callable[[], None]) -> Iterator[str]:
    """Show each tab (recursively) of ``root``; yields a screen name while each is shown."""
    tab_widgets = [t for t in _direct_tab_widgets(root) if t.isVisible()]
    if not tab_widgets:
        yield prefix
        return
    for tabs in tab_widgets:
        original = tabs.currentIndex()
        for index in range(tabs.count()):
            if not tabs.isTabVisible(index) or not tabs.isTabEnabled(index):
                continue
            tabs.setCurrentIndex(index)
            settle()
            yield from _visit_tabs(tabs.widget(index), f"{prefix}.{_tab_key(tabs, index)}", settle)
        tabs.setCurrentIndex(original)
        settle()


def capture_screens(
    home: Path,
    out_dir: Path,
    size: tuple[int, int],
    language: str | None = None,
    font_pt: int | None = None,
) -> list[ScreenReport]:
    """Build the window on ``home`` at ``size``; grab and check every screen into ``out_dir``."""
    from PySide6.QtWidgets import QApplication, QDialog

    from app.profile import open_profile
    from app.services import settings
    from app.ui import ops
    from app.ui.app import build_main_window
    from app.ui.fit_check import Misfit, find_misfits
    from app.ui.sections import NAVIGATION, load

    out_dir.mkdir(parents=True, exist_ok=True)
    width, height = size
    profile = open_profile(home)
    reports: list[ScreenReport] = []
    try:

        def prefer(session: ops.DbSession) -> None:
            if language:
                settings.put(session, settings.LANGUAGE, language)
            if font_pt:
                settings.put(session, settings.FONT_SIZE, font_pt)

        ops.change(profile, prefer)
        window = build_main_window(profile)
        window.timer.stop()
        window.resize(width, height)
        window.show()

        def settle() -> None:
            for _round in range(3):
                QApplication.processEvents()
            window.ctx.tasks.wait(5000)
            QApplication.processEvents()

        def record(name: str, widget: Any, check: bool = True) -> None:
            png = out_dir / f"{_safe(name)}.png"
            widget.grab().save(str(png))
            misfits = [m.to_json() for m in find_misfits(widget)] if check else []
            got = widget.size()
            if widget is window and (got.width() > width or got.height() > height):
                hint = window.minimumSizeHint()
                misfits.insert(
                    0,
                    Misfit(
                        "window_too_small",
                        "MainWindow",
                        f"needs at least {hint.width()}x{hint.height()}, the screen is"
                        f" {width}x{height}",
                    ).to_json(),
                )
            elif widget is not window and (got.width() > width or got.height() > height):
                misfits.insert(
                    0,
                    Misfit(
                        "window_too_small",
                        type(widget).__name__,
                        f"dialog is {got.width()}x{got.height()}, the screen is {width}x{height}",
                    ).to_json(),
                )
            reports.append(ScreenReport(name, png.name, got.width(), got.height(), misfits))

        settle()
        for key, _title in NAVIGATION:
            page = window.show_section(key)
            settle()
            scene = getattr(page, "screenshot_scene", None)
            if callable(scene):  # the section fills itself with demo data worth showing
                scene()
                settle()
            for name in _visit_tabs(page, key, settle):
                record(name, window)
            spec_module = load(key)
            dialogs = getattr(_module_of(spec_module), "SCREENSHOT_DIALOGS", {})
            for dialog_name, factory in dialogs.items():
                window.show_section(key)
                settle()
                dialog = factory(page)
                if dialog is None:
                    continue
                dialog.show()
                dialog.adjustSize()
                settle()
                record(f"{key}.dialog-{dialog_name}", dialog)
                dialog.done(QDialog.DialogCode.Rejected)
                dialog.deleteLater()
                settle()
        record_print_dialog(window, record, settle)
        window.close()
        window.ctx.tasks.wait(10000)
        window.deleteLater()
        settle()
    finally:
        profile.close()
    return reports


def _module_of(spec: Any) -> Any:
    import sys

    if spec is None:
        return None
    factory = spec.factory
    return sys.modules.get(getattr(factory, "__module__", ""), None)


def record_print_dialog(window: Any, record: Any, settle: Callable[[], None]) -> None:
    """Qt's own print dialog, to show it speaks the user's language."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer, window)
    dialog.show()
    settle()
    record("print-dialog", dialog, False)  # Qt's own layout: shown, not ours to check
    dialog.reject()
    dialog.deleteLater()
    settle()


def prepare_demo_profile(home: Path) -> Path:
    """The demo village's practice data, made fresh in ``home`` (no server needed)."""
    from app.services.training import create_training_profile

    create_training_profile(home)
    return home


def screenshot_run(
    out_dir: Path,
    size: tuple[int, int],
    language: str | None,
    font_pt: int | None,
    scratch: Path,
) -> list[ScreenReport]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    profile_home = prepare_demo_profile(scratch / "demo")
    return capture_screens(profile_home, out_dir, size, language, font_pt)
