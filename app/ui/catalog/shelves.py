"""Shelves (书架): add, rename, retire. Every change is queued for the county like any edit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import catalog_shelves
from app.services.catalog_shelves import ShelfLocationView
from app.ui import ops
from app.ui.catalog.common import fill_table, initial_size, no_default, read_only
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from shuwu_shared.errors import ShuwuError


class ShelvesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shelves: list[ShelfLocationView] = []
        self.setWindowTitle(_("Shelves"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Code"), _("Shelf name"), _("Copies"), _("State")])
        self.table.setAccessibleName(_("Shelves"))
        read_only(self.table)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        layout.addWidget(self.table, 1)
        self.show_retired = QCheckBox(_("Show retired shelves"))
        self.show_retired.toggled.connect(self.refresh)
        layout.addWidget(self.show_retired)

        add_row = QFormLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setAccessibleName(_("New shelf code"))
        self.code_edit.setPlaceholderText(_("e.g. 书架5"))
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(_("New shelf name"))
        self.name_edit.setPlaceholderText(_("e.g. 农业技术"))
        self.name_edit.returnPressed.connect(self.add)
        self.code_edit.returnPressed.connect(self.name_edit.setFocus)
        add_row.addRow(_("New shelf code"), self.code_edit)
        add_row.addRow(_("Shelf name"), self.name_edit)
        layout.addLayout(add_row)

        buttons = QHBoxLayout()
        for text, slot in (
            (_("Add shelf"), self.add),
            (_("Rename…"), self.rename),
            (_("Retire"), self.retire),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        no_default(close)  # Enter belongs to the fields, it must not close the dialog
        layout.addWidget(close)
        self.changed = False
        initial_size(self, 560, 460)
        self.refresh()

    def refresh(self) -> None:
        retired = self.show_retired.isChecked()
        self.shelves = ops.query(
            self.ctx, lambda s: catalog_shelves.list_shelves(s, include_retired=retired)
        )

        def state(v: ShelfLocationView) -> str:
            if v.retired:
                return _("retired")
            return _("in use") if v.defined else _("in use, not yet named")

        fill_table(self.table, [(v.code, v.name, str(v.items), state(v)) for v in self.shelves], 1)

    def selected(self) -> ShelfLocationView | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.shelves):
            return self.shelves[row]
        self.message.setText(_("Choose a shelf in the list first."))
        return None

    def _write(self, action: Callable[[Any], ShelfLocationView], done: str) -> bool:
        try:
            view = ops.change(self.ctx, action, announce=False)
        except ShuwuError as exc:
            self.message.setText(exc.message)
            return False
        except Exception as exc:  # unexpected: the standard error dialog
            show_error(self, exc)
            return False
        self.message.setText(done.format(code=view.code, name=view.name))
        self.changed = True
        self.refresh()
        self.ctx.data_changed.emit()
        return True

    def add(self) -> None:
        code, name = self.code_edit.text(), self.name_edit.text()
        clock = self.ctx.profile.clock
        if self._write(
            lambda s: catalog_shelves.add_shelf(s, clock, code, name),
            _("Shelf {code} ({name}) added."),
        ):
            self.code_edit.clear()
            self.name_edit.clear()

    def rename(self) -> None:
        shelf = self.selected()
        if shelf is None:
            return
        name, ok = QInputDialog.getText(
            self,
            _("Rename shelf"),
            _("New name of shelf {code}:").format(code=shelf.code),
            text=shelf.name,
        )
        if ok:
            self.rename_to(shelf.code, name)

    def rename_to(self, code: str, name: str) -> bool:
        clock = self.ctx.profile.clock
        return self._write(
            lambda s: catalog_shelves.rename_shelf(s, clock, code, name),
            _("Shelf {code} is now called {name}."),
        )

    def retire(self) -> None:
        shelf = self.selected()
        if shelf is not None:
            clock = self.ctx.profile.clock
            self._write(
                lambda s: catalog_shelves.retire_shelf(s, clock, shelf.code),
                _("Shelf {code} retired."),
            )
