"""The GUI half of ``shuwu selftest``: open the main window offscreen and visit every section."""

from __future__ import annotations

import os
from pathlib import Path

from app.profile import open_profile


def open_every_section(home: Path) -> list[str]:
    """Build the main window on ``home`` and show each section once; returns the keys shown."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.ui.app import build_main_window
    from app.ui.sections import NAVIGATION

    profile = open_profile(home)
    try:
        window = build_main_window(profile)
        window.show()
        visited = []
        for key, _title in NAVIGATION:
            window.show_section(key)
            QApplication.processEvents()
            visited.append(key)
        window.timer.stop()
        window.close()
        window.ctx.tasks.wait(10000)
        return visited
    finally:
        profile.close()
