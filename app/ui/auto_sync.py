"""Background sync for the GUI: a QTimer drives the Qt-free schedule, jobs go through tasks.

One controller per window (``sync_controller(ctx)``), shared by the timer and the Sync screen's
button, so two syncs never run at once. Automatic runs fail quietly (the status bar turns
"offline"); a run the user started shows its error.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.device.enrol import is_enrolled
from app.device.errors import DeviceRevoked
from app.sync.engine import SyncResult, sync_once
from app.sync.schedule import AutoSyncSchedule
from app.ui.context import AppContext
from app.ui.tasks import TaskControl
from shuwu_shared.errors import ServerUnreachable

TICK_MS = 15_000


class SyncController(QObject):
    """Signals: started(), progress(done, total, text), failed(exc, manual), idle()."""

    started = Signal()
    progress = Signal(int, int, str)
    failed = Signal(object, bool)
    idle = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.schedule = AutoSyncSchedule()
        self.control: TaskControl | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self.control is not None

    def start_timer(self, tick_ms: int = TICK_MS) -> None:
        self.timer.start(tick_ms)
        self.tick()

    def tick(self) -> None:
        now = time.monotonic()
        if self.running or not self.schedule.due(now):
            return
        if not is_enrolled(self.ctx.profile):
            self.schedule.skip(now)
            return
        self.run(manual=False)

    def run(self, manual: bool = True) -> TaskControl | None:
        if self.running:
            return None
        profile = self.ctx.profile
        self.schedule.started()

        def job(control: TaskControl) -> SyncResult:
            return sync_once(profile, control)

        self.control = self.ctx.tasks.run(
            job,
            title="sync",
            on_done=self._done,
            on_error=lambda exc: self._error(exc, manual),
            on_progress=self.progress.emit,
            on_cancelled=self._cancelled,
        )
        self.started.emit()
        return self.control

    def cancel(self) -> None:
        if self.control is not None:
            self.control.cancel()

    def _finish(self) -> None:
        self.control = None
        self.idle.emit()

    def _done(self, result: Any) -> None:
        self.schedule.finished(time.monotonic(), ok=True)
        self._finish()
        self.ctx.set_online(True)
        self.ctx.sync_finished.emit(result)
        self.ctx.data_changed.emit()

    def _error(self, exc: BaseException, manual: bool) -> None:
        self.schedule.finished(time.monotonic(), ok=False)
        self._finish()
        offline = isinstance(exc, ServerUnreachable | DeviceRevoked)
        self.ctx.set_online(False if offline else self.ctx.online)
        self.failed.emit(exc, manual)
        self.ctx.data_changed.emit()

    def _cancelled(self) -> None:
        self.schedule.skip(time.monotonic())
        self._finish()
        self.ctx.data_changed.emit()


def sync_controller(ctx: AppContext) -> SyncController:
    controller = getattr(ctx, "_sync_controller", None)
    if controller is None:
        controller = SyncController(ctx)
        ctx._sync_controller = controller  # type: ignore[attr-defined]
    return controller


def start_auto_sync(ctx: AppContext) -> SyncController:
    """Called once at GUI start: sync now (if enrolled) and then every few minutes."""
    controller = sync_controller(ctx)
    controller.start_timer()
    return controller
