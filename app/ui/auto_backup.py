"""The automatic daily backup: at start-up and then hourly, through the task runner."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QTimer

from app.services import backup
from app.ui import ops
from app.ui.context import AppContext
from app.ui.errors import show_error
from shuwu_shared.errors import DatabaseDamaged

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60 * 60 * 1000


def start_auto_backup(ctx: AppContext) -> QTimer:
    """Returns the timer (keep a reference). A failed backup is logged, never a pop-up storm."""
    profile = ctx.profile

    def job(_control: Any) -> backup.BackupInfo | None:
        keep = ops.query(profile, backup.keep_count)  # the job's own session
        return backup.daily_backup(profile.home, profile.clock, keep)

    def tick() -> None:
        ctx.tasks.run(job, on_error=failed)

    def failed(exc: BaseException) -> None:
        log.warning("daily backup failed: %s", type(exc).__name__)
        if isinstance(exc, DatabaseDamaged):  # the daily full check found damage: say it once
            timer.stop()
            show_error(None, exc)

    timer = QTimer(ctx)
    timer.timeout.connect(tick)
    timer.start(CHECK_EVERY_MS)
    QTimer.singleShot(30_000, tick)  # not at the very first second: let the desk start working
    return timer
