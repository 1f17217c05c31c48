"""THE background runner: every slow job (sync, imports, PDFs, reports) goes through here.

``TaskRunner.run(fn, on_done=..., on_error=...)`` calls ``fn(control)`` on a worker thread;
``control`` implements shuwu_shared.progress.Progress. Results and errors come back on the GUI
thread through signals, so widgets are only touched there. Jobs open their own DB session.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from shuwu_shared.errors import ShuwuError, UserInputError
from shuwu_shared.progress import Cancelled

log = logging.getLogger(__name__)


class TaskControl(QObject):
    """Progress and cancel for one job. Signals: progress(done, total, text), finished(result),
    failed(exception), cancelled_done()."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled_done = Signal()

    def __init__(self, title: str = "") -> None:
        super().__init__()
        self.title = title
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int, text: str = "") -> None:
        self.progress.emit(done, total, text)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], Any], control: TaskControl) -> None:
        super().__init__()
        self.fn = fn
        self.control = control

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.control)
        except Cancelled:
            self.control.cancelled_done.emit()
        except UserInputError as exc:
            # A mistyped ISBN or barcode is the user's input, not a crash: no traceback.
            log.info("task %r refused the input (%s)", self.control.title, exc.code)
            self.control.failed.emit(exc)
        except ShuwuError as exc:
            log.warning("task %r failed: %s", self.control.title, exc.code)
            self.control.failed.emit(exc)
        except Exception as exc:  # delivered to the GUI thread, never lost
            log.exception("background task failed")
            self.control.failed.emit(exc)
        else:
            self.control.finished.emit(result)


class _Relay(QObject):
    """Lives on the GUI thread, so signals from workers reach its slots there (queued)."""

    def __init__(self, runner: TaskRunner, control: TaskControl, callbacks: dict[str, Any]):
        super().__init__()
        self.runner = runner
        self.control = control
        self.callbacks = callbacks
        control.progress.connect(self.on_progress)
        control.finished.connect(self.on_finished)
        control.failed.connect(self.on_failed)
        control.cancelled_done.connect(self.on_cancelled)

    def _call(self, name: str, *args: Any) -> None:
        callback = self.callbacks.get(name)
        if callback is not None:
            callback(*args)

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, text: str) -> None:
        self._call("progress", done, total, text)

    @Slot(object)
    def on_finished(self, result: Any) -> None:
        self.runner._finish(self)
        self._call("done", result)

    @Slot(object)
    def on_failed(self, exc: BaseException) -> None:
        self.runner._finish(self)
        self._call("error", exc)

    @Slot()
    def on_cancelled(self) -> None:
        self.runner._finish(self)
        self._call("cancelled")


class TaskRunner(QObject):
    """Runs jobs on a small pool; at most ``max_threads`` at once (SQLite likes few writers)."""

    busy_changed = Signal(int)

    def __init__(self, max_threads: int = 2) -> None:
        super().__init__()
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max_threads)
        self._running: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[TaskControl], Any],
        *,
        title: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> TaskControl:
        control = TaskControl(title)
        relay = _Relay(
            self,
            control,
            {
                "done": on_done,
                "error": on_error,
                "progress": on_progress,
                "cancelled": on_cancelled,
            },
        )
        self._running.add(relay)
        self.busy_changed.emit(len(self._running))
        self.pool.start(_Job(fn, control))
        return control

    def _finish(self, relay: _Relay) -> None:
        self._running.discard(relay)
        self.busy_changed.emit(len(self._running))

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
