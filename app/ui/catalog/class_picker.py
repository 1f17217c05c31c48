"""The 中图法 picker: type a number (S83), a caption (养鸡, 家禽) or pinyin (jiaqin, jq).

The table (about 30,000 classes from resources/clc) loads on first use; searching it is a
plain scan of a few milliseconds, so it runs on every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.catalog.common import initial_size
from app.ui.i18n import _
from shuwu_shared.domain import clc_table
from shuwu_shared.domain.clc_table import ClcEntry


def describe(entry: ClcEntry) -> str:
    path = " › ".join(p for p in entry.path if p)
    return f"{entry.code}  {entry.name}" + (f"    ({path})" if path else "")


class ClassPickerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, query: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Choose a 中图法 class"))
        self.chosen: ClcEntry | None = None
        layout = QVBoxLayout(self)
        hint = QLabel(
            _("Type a class number (S83), words of the caption (家禽) or pinyin (jiaqin, jq).")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.search_box = QLineEdit()
        self.search_box.setAccessibleName(_("Search the 中图法 classes"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.refresh)
        layout.addWidget(self.search_box)
        self.results = QListWidget()
        self.results.setAccessibleName(_("Matching classes"))
        self.results.itemActivated.connect(lambda _item: self.accept_current())
        self.results.setUniformItemSizes(True)
        layout.addWidget(self.results, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept_current)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search_box.installEventFilter(self)
        initial_size(self, 640, 460)
        self.search_box.setText(query)
        if not query:
            self.refresh("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the search box walk the list, so the hands stay on the keyboard.
        if (
            watched is self.search_box
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return True
        return False

    def refresh(self, text: str) -> None:
        found = (
            clc_table.search(text)
            if text.strip()
            else tuple(e for e in clc_table.entries() if e.depth == 0)
        )
        self.results.clear()
        for entry in found:
            item = QListWidgetItem(describe(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(describe(entry))
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        self.count.setText(
            _("{n} classes shown.").format(n=len(found))
            if found
            else _("No class matches. Try fewer characters or the number.")
        )

    def accept_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
