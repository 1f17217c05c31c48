"""Showing errors: domain errors as plain messages, crashes as a copyable report."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.services.db_errors import as_domain_error, damaged_message
from app.ui.i18n import _
from shuwu_shared.errors import DatabaseDamaged, DatabaseError, ShuwuError

log = logging.getLogger("shuwu.crash")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """The default failure path of tasks and actions."""
    raw = exc
    exc = as_domain_error(raw)
    if isinstance(exc, DatabaseDamaged) and exc is not raw:  # malformed in the middle of work
        show_damage(parent)
        return
    if isinstance(exc, DatabaseError):
        log.warning("database error: %s", type(raw).__name__)
        QMessageBox.warning(parent, _("Cannot do that"), exc.message)
        return
    if isinstance(exc, ShuwuError):
        QMessageBox.warning(parent, _("Cannot do that"), exc.message)
        return
    show_crash(parent, type(exc), exc, exc.__traceback__)


def show_damage(parent: QWidget | None) -> None:
    """ "database disk image is malformed" in the middle of work: say so, and how to recover."""
    QMessageBox.critical(parent, _("The database is damaged"), damaged_message())


def show_crash(
    parent: QWidget | None,
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> None:
    report = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("uncaught exception:\n%s", report)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("Something went wrong"))
    box.setText(
        _(
            "Shuwu hit an unexpected error. Your saved work is safe. "
            "Please copy the details below and send them to the county library."
        )
    )
    box.setDetailedText(report)
    box.setAccessibleName(_("Error report"))
    box.exec()


def install_crash_handler(log_dir: Path) -> None:
    """Uncaught exceptions go to a dialog and to logs/crash.log; the app does not vanish."""
    handler = logging.FileHandler(log_dir / "crash.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        app = QApplication.instance()
        if app is None or threading.current_thread() is not threading.main_thread():
            log.error("uncaught exception", exc_info=(exc_type, exc, tb))
            return
        if isinstance(as_domain_error(exc), ShuwuError):
            QTimer.singleShot(0, lambda: show_error(QApplication.activeWindow(), exc))
            return
        QTimer.singleShot(0, lambda: show_crash(QApplication.activeWindow(), exc_type, exc, tb))

    sys.excepthook = hook
    threading.excepthook = lambda args: log.error(
        "uncaught exception in thread %s",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),  # type: ignore[arg-type]
    )
