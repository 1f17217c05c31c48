"""A record and its copies: edit the record, move copies between shelves, change a status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import catalog, catalog_shelves
from app.services.catalog import BibView, ItemView
from app.ui import ops
from app.ui.catalog.class_picker import ClassPickerDialog
from app.ui.catalog.common import fill_table, no_default, read_only, status_text
from app.ui.catalog.copy_status import CopyStatusDialog
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from shuwu_shared.bib import BibData
from shuwu_shared.errors import ShuwuError

FIELDS = ("title", "author", "publisher", "pub_place", "pub_year", "isbn", "clc_class")


def field_labels() -> dict[str, str]:
    return {
        "title": _("Title"),
        "author": _("Author"),
        "publisher": _("Publisher"),
        "pub_place": _("Place"),
        "pub_year": _("Year"),
        "isbn": _("ISBN"),
        "clc_class": _("中图法 class"),
    }


class RecordDialog(QDialog):
    def __init__(self, ctx: AppContext, bib_uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bib_uuid = bib_uuid
        self.view: BibView | None = None
        self.setWindowTitle(_("Record and copies"))
        outer = QVBoxLayout(self)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # the record's fields scroll; the copies below keep their room
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 3)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fields: dict[str, QLineEdit] = {}
        names = field_labels()
        keys = list(FIELDS)
        for n, key in enumerate(keys):
            edit = QLineEdit()
            edit.setAccessibleName(names[key])
            self.fields[key] = edit
            if n + 1 < len(keys):
                nxt = keys[n + 1]
                edit.returnPressed.connect(lambda k=nxt: self.fields[k].setFocus())
            if key == "clc_class":
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                pick = QPushButton(_("Choose…"))
                pick.setAccessibleName(_("Choose a 中图法 class"))
                pick.setAutoDefault(False)
                pick.clicked.connect(self.pick_class)
                row.addWidget(pick)
                form.addRow(names[key], row)
            else:
                form.addRow(names[key], edit)
        layout.addLayout(form)
        save = QPushButton(_("Save record"))
        save.setAccessibleName(_("Save record"))
        save.setAutoDefault(False)
        save.clicked.connect(self.save_record)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)

        outer.addWidget(QLabel(_("Copies")))
        self.copies = QTableWidget(0, 4)
        self.copies.setHorizontalHeaderLabels(
            [_("Barcode"), _("Call number"), _("Shelf"), _("Status")]
        )
        self.copies.setAccessibleName(_("Copies of this record"))
        read_only(self.copies)
        self.copies.setMinimumHeight(80)
        outer.addWidget(self.copies, 2)
        move_row = QHBoxLayout()
        self.shelf_combo = QComboBox()
        self.shelf_combo.setAccessibleName(_("Move to shelf"))
        self.shelf_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        move = QPushButton(_("Move to this shelf"))
        move.setAccessibleName(_("Move to this shelf"))
        move.setAutoDefault(False)
        move.clicked.connect(self.move_selected)
        status = QPushButton(_("Change status…"))
        status.setAccessibleName(_("Change status"))
        status.setAutoDefault(False)
        status.clicked.connect(self.change_status)
        move_row.addWidget(self.shelf_combo, 1)
        move_row.addWidget(move)
        move_row.addWidget(status)
        outer.addLayout(move_row)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Message"))
        outer.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        no_default(close)  # Enter belongs to the fields, it must not close the dialog
        outer.addWidget(close)
        self.load()

    def load(self) -> None:
        self.view, shelves = ops.query(
            self.ctx,
            lambda s: (catalog.get_record(s, self.bib_uuid), catalog_shelves.list_shelves(s)),
        )
        for key, edit in self.fields.items():
            edit.setText(getattr(self.view.data, key) or "")
        current = self.shelf_combo.currentData()
        self.shelf_combo.clear()
        self.shelf_combo.addItem(_("(no shelf)"), "")
        for shelf in shelves:
            label = shelf.code if shelf.name == shelf.code else f"{shelf.code}  {shelf.name}"
            self.shelf_combo.addItem(label, shelf.code)
        if current:
            self.shelf_combo.setCurrentIndex(max(0, self.shelf_combo.findData(current)))
        fill_table(
            self.copies,
            [
                (i.barcode, i.call_number or "", i.shelf_location or "", status_text(i.status))
                for i in self.view.items
            ],
            stretch=3,
        )

    def say(self, text: str, ok: bool = True) -> None:
        self.message.setStyleSheet(f"color: {'#2b8a3e' if ok else '#c92a2a'};")
        self.message.setText(text)

    def pick_class(self) -> None:
        dialog = ClassPickerDialog(self, self.fields["clc_class"].text())
        field = self.fields["clc_class"]

        def chosen() -> None:
            if dialog.chosen is not None:
                field.setText(dialog.chosen.code)

        dialog.accepted.connect(chosen)
        dialog.open()

    def save_record(self) -> None:
        data = BibData.from_mapping({k: e.text() for k, e in self.fields.items()})
        try:
            clock = self.ctx.profile.clock
            saved = ops.change(self.ctx, lambda s: catalog.save_bib(s, clock, data, self.bib_uuid))
        except ShuwuError as exc:
            self.say(exc.message, ok=False)
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.say(_("Record “{title}” saved.").format(title=saved.data.title))
        self.load()

    def selected_copies(self) -> list[ItemView]:
        assert self.view is not None
        rows = sorted({i.row() for i in self.copies.selectionModel().selectedRows()})
        return [self.view.items[r] for r in rows if r < len(self.view.items)]

    def move_selected(self) -> None:
        chosen = self.selected_copies()
        if not chosen:
            self.say(_("Choose one or more copies in the list first."), ok=False)
            return
        shelf = str(self.shelf_combo.currentData() or "")
        try:
            clock, codes = self.ctx.profile.clock, [c.barcode for c in chosen]
            ops.change(self.ctx, lambda s: catalog_shelves.move_copies(s, clock, codes, shelf))
        except ShuwuError as exc:
            self.say(exc.message, ok=False)
            return
        self.say(
            _("{n} copies moved to {shelf}.").format(n=len(chosen), shelf=shelf or _("(no shelf)"))
        )
        self.load()

    def change_status(self) -> None:
        chosen = self.selected_copies()
        if len(chosen) != 1:
            self.say(_("Choose one copy in the list first."), ok=False)
            return
        dialog = CopyStatusDialog(self.ctx, chosen[0], self)
        self.status_dialog = dialog

        def done() -> None:
            view = dialog.result_view
            if view is not None:
                self.say(
                    _("{barcode} is now {status}.").format(
                        barcode=view.barcode, status=status_text(view.status)
                    )
                )
                self.load()

        dialog.accepted.connect(done)
        dialog.open()
