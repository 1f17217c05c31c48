"""After printing: which labels came out wrong? Those wait for 补缺打印, the rest are done.

Staff tick the bad ones, or scan their barcodes (the scan box ticks the row), then confirm.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.catalog_rules import clean_scan
from app.services.labels import QueueEntry
from app.ui.catalog.common import initial_size
from app.ui.i18n import _


class PrintOutcomeDialog(QDialog):
    def __init__(self, entries: Sequence[QueueEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = list(entries)
        self.failed: list[str] = []  # item uuids, filled on accept
        self.setWindowTitle(_("Did the labels print well?"))
        layout = QVBoxLayout(self)
        note = QLabel(
            _(
                "{n} labels were sent to the printer. Tick (or scan) the ones that came out "
                "wrong: they wait for 补缺打印. The others are marked printed."
            ).format(n=len(self.entries))
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.scan_box = QLineEdit()
        self.scan_box.setAccessibleName(_("Scan a badly printed label"))
        self.scan_box.setPlaceholderText(_("Scan a badly printed label to tick it"))
        self.scan_box.returnPressed.connect(self.tick_scanned)
        layout.addWidget(self.scan_box)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Printed labels"))
        for entry in self.entries:
            item = QListWidgetItem(f"{entry.barcode}  {entry.call_number or ''}  {entry.title}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(item.text())
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.done_button = QPushButton(_("Done: mark the others printed"))
        self.done_button.setAutoDefault(False)
        buttons.addButton(self.done_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("Not now (mark nothing)"))
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        initial_size(self, 560, 460)

    def tick_scanned(self) -> None:
        code = clean_scan(self.scan_box.text())
        self.scan_box.clear()
        for row, entry in enumerate(self.entries):
            if entry.barcode == code:
                self.list.item(row).setCheckState(Qt.CheckState.Checked)
                self.list.setCurrentRow(row)
                self.message.setText(_("{code} will be printed again.").format(code=code))
                return
        self.message.setText(_("{code} was not in this print run.").format(code=code))

    def confirm(self) -> None:
        self.failed = [
            entry.item_uuid
            for row, entry in enumerate(self.entries)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        self.accept()
