"""A copy's status: lost, damaged, withdrawn, or found again, always with a reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.services import catalog
from app.services.catalog import ItemView
from app.ui import ops
from app.ui.catalog.common import status_text
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from shuwu_shared.errors import ShuwuError

# "found" is how staff say it; the service calls it available again.
CHOICES: tuple[tuple[str, Callable[[], str]], ...] = (
    ("lost", lambda: _("Lost")),
    ("damaged", lambda: _("Damaged")),
    ("withdrawn", lambda: _("Withdrawn (weeded)")),
    ("available", lambda: _("Found: back on the shelf")),
)


class CopyStatusDialog(QDialog):
    def __init__(self, ctx: AppContext, copy: ItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.copy = copy
        self.result_view: ItemView | None = None
        self.setWindowTitle(_("Copy status"))
        form = QFormLayout(self)
        form.addRow(_("Copy"), QLabel(f"{copy.barcode}  {copy.call_number or ''}"))
        form.addRow(_("Now"), QLabel(status_text(copy.status)))
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(_("New status"))
        for key, label in CHOICES:
            self.status_combo.addItem(label(), key)
        form.addRow(_("New status"), self.status_combo)
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(_("Reason"))
        self.reason_edit.setPlaceholderText(_("e.g. reader lost it; water damage; outdated"))
        form.addRow(_("Reason"), self.reason_edit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c92a2a;")
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choose(self, status: str) -> None:
        self.status_combo.setCurrentIndex(self.status_combo.findData(status))

    def apply(self) -> None:
        reason = self.reason_edit.text().strip()
        if not reason:
            self.message.setText(_("Say why, in a few words: the county sees the reason."))
            self.reason_edit.setFocus()
            return
        status = str(self.status_combo.currentData())
        try:
            clock, barcode = self.ctx.profile.clock, self.copy.barcode
            self.result_view = ops.change(
                self.ctx, lambda s: catalog.set_item_status(s, clock, barcode, status, reason)
            )
        except ShuwuError as exc:
            self.message.setText(exc.message)
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()
