"""读者 Readers: find (card, name, pinyin, phone), register, edit; lists are masked.

The full name and phone appear only in the reader's own form. Ctrl+N registers a reader,
Enter on a row edits it, Ctrl+F jumps to the search field.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import readers
from app.services.readers import ReaderInput, ReaderView
from app.ui import ops
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.pdf_printing import print_document
from app.ui.sections import SectionSpec
from app.ui.style import scaled_px
from app.ui.tables import fit_columns
from shuwu_shared import vocabulary
from shuwu_shared.errors import ShuwuError

NO_YEAR = 0


_gender_label = vocabulary.gender  # the one table (shuwu_shared.vocabulary)
_status_label = vocabulary.reader_status


READER_CARD_TEMPLATE = "a4-2x5-card-85.6x54"


def reader_card_printer() -> Callable[[Any, Path, list[str], Path], Any] | None:
    """The labels module's reader-card output (app.services.labels), when this build has it."""
    try:
        labels = importlib.import_module("app.services.labels")
        templates = importlib.import_module("app.printing.templates")
    except ImportError:
        return None
    needed = ("reader_card_data", "build_layouts", "write_output")
    if not all(hasattr(labels, name) for name in needed) or not hasattr(templates, "load_template"):
        return None

    def write(session: Any, home: Path, cards: list[str], out: Path) -> Any:
        template = templates.load_template(READER_CARD_TEMPLATE, home)
        data = labels.reader_card_data(session, cards)
        layouts = labels.build_layouts(data, "reader", template)
        return labels.write_output(layouts, template, out)

    return write


class ReaderForm(QDialog):
    """Register or edit one reader. Saving goes through the same service as the CLI."""

    def __init__(self, page: ReadersPage, existing: ReaderView | None = None) -> None:
        super().__init__(page)
        self.page = page
        self.existing = existing
        self.saved: ReaderView | None = None
        self.setWindowTitle(_("Edit reader") if existing else _("Register a reader"))
        layout = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Name"))
        self.gender = QComboBox()
        self.gender.setAccessibleName(_("Gender"))
        for code in readers.GENDERS:
            self.gender.addItem(_gender_label(code), code)
        self.birth_year = QSpinBox()
        self.birth_year.setAccessibleName(_("Birth year"))
        self.birth_year.setRange(NO_YEAR, 2100)
        self.birth_year.setSpecialValueText(_("(not given)"))
        self.age_band = QComboBox()
        self.age_band.setAccessibleName(_("Age band"))
        self.age_band.addItem(_("(not given)"), None)
        for band in readers.AGE_BANDS:
            self.age_band.addItem(band, band)
        self.phone = QLineEdit()
        self.phone.setAccessibleName(_("Phone"))
        self.reader_type = QComboBox()
        self.reader_type.setAccessibleName(_("Reader type"))
        for rtype, label in ops.query(page.ctx, readers.reader_type_labels).items():
            self.reader_type.addItem(label, rtype)
        self.card = QLineEdit()
        self.card.setAccessibleName(_("Card number"))
        self.card.setPlaceholderText(_("empty: a provisional number is given"))
        self.card.setToolTip(self.card.placeholderText())
        self.status = QComboBox()
        self.status.setAccessibleName(_("Status"))
        for code in readers.READER_STATUSES:
            self.status.addItem(_status_label(code), code)
        layout.addRow(_("Name:"), self.name)
        layout.addRow(_("Gender:"), self.gender)
        layout.addRow(_("Birth year:"), self.birth_year)
        layout.addRow(_("or age band:"), self.age_band)
        layout.addRow(_("Phone:"), self.phone)
        layout.addRow(_("Reader type:"), self.reader_type)
        layout.addRow(_("Card number:"), self.card)
        layout.addRow(_("Status:"), self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        self.gender.setCurrentIndex(self.gender.findData("U"))
        # Wide enough for the card hint at the default font, never wider than a small screen.
        self.setMinimumWidth(min(scaled_px(460), 900))
        if existing is not None:
            self._fill(existing)
        self.name.setFocus()

    def _fill(self, reader: ReaderView) -> None:
        self.name.setText(reader.name)
        self.gender.setCurrentIndex(max(0, self.gender.findData(reader.gender)))
        self.birth_year.setValue(reader.birth_year or NO_YEAR)
        self.age_band.setCurrentIndex(max(0, self.age_band.findData(reader.age_band)))
        self.phone.setText(reader.phone or "")
        index = self.reader_type.findData(reader.reader_type)
        if index < 0:
            self.reader_type.addItem(reader.reader_type, reader.reader_type)
            index = self.reader_type.count() - 1
        self.reader_type.setCurrentIndex(index)
        self.card.setText(reader.card)
        self.status.setCurrentIndex(max(0, self.status.findData(reader.status)))

    def data(self) -> ReaderInput:
        year = self.birth_year.value()
        return ReaderInput(
            name=self.name.text(),
            gender=str(self.gender.currentData()),
            birth_year=year if year != NO_YEAR else None,
            age_band=self.age_band.currentData(),
            phone=self.phone.text(),
            reader_type=str(self.reader_type.currentData()),
            card=self.card.text(),
            status=str(self.status.currentData()),
        )

    def save(self) -> None:
        clock, data, existing = self.page.ctx.profile.clock, self.data(), self.existing

        uuid = existing.uuid if existing is not None else None
        try:
            # The page announces the change once the form is closed (after_save).
            self.saved = ops.change(
                self.page.ctx, lambda s: readers.save_reader(s, clock, data, uuid), announce=False
            )
        except ShuwuError as exc:
            show_error(self, exc)  # the form stays open with everything typed
            return
        self.accept()


class ReadersPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[ReaderView] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Find by card, name, pinyin (e.g. zxm) or phone"))
        self.search.setAccessibleName(_("Find readers"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self.edit_first_if_single)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(_("Register reader (Ctrl+N)"))
        self.new_button.setAccessibleName(_("Register a new reader"))
        self.new_button.clicked.connect(self.register)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [_("Card"), _("Name"), _("Gender"), _("Phone"), _("Type"), _("Status")]
        )
        self.table.setAccessibleName(_("Readers (personal data masked)"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_columns(self.table, stretch=1)
        self.table.verticalHeader().setVisible(False)
        self.table.activated.connect(lambda _index: self.edit_selected())
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.edit_button = QPushButton(_("Edit (Enter)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.card_button = QPushButton(_("Print reader card…"))
        self.card_button.setAccessibleName(_("Print the selected reader's card"))
        self.card_button.clicked.connect(self.print_card)
        self.card_pdf_button = QPushButton(_("Save card as PDF…"))
        self.card_pdf_button.setAccessibleName(_("Save the selected reader's card as a PDF file"))
        self.card_pdf_button.clicked.connect(self.save_card_pdf)
        if reader_card_printer() is None:
            for button in (self.card_button, self.card_pdf_button):
                button.setEnabled(False)
                button.setToolTip(_("Card printing comes with the labels module."))
        self.count_label = QLabel()
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.card_button)
        bottom.addWidget(self.card_pdf_button)
        bottom.addStretch(1)
        bottom.addWidget(self.count_label)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+N"), self, self.register)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        ctx.data_changed.connect(self.refresh)
        self.refresh()

    def activate(self) -> None:
        self.refresh()
        self.search.setFocus()

    def refresh(self) -> None:
        text = self.search.text()
        self.rows, labels = ops.query(
            self.ctx, lambda s: (readers.find_readers(s, text), readers.reader_type_labels(s))
        )
        self.table.setRowCount(len(self.rows))
        for row, reader in enumerate(self.rows):
            card = reader.card + (" " + _("(provisional)") if reader.card_provisional else "")
            values = [
                card,
                reader.name_masked,
                _gender_label(reader.gender),
                reader.phone_masked,
                labels.get(reader.reader_type, reader.reader_type),
                _status_label(reader.status),
            ]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, reader.uuid)
                cell.setToolTip(value)
                self.table.setItem(row, col, cell)
        fit_columns(self.table, stretch=1)
        self.count_label.setText(_("{n} readers").format(n=len(self.rows)))

    def selected(self) -> ReaderView | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            return self.rows[row]
        return None

    def open_form(self, existing: ReaderView | None) -> ReaderForm:
        """The form, not yet shown (tests drive it by keyboard)."""
        return ReaderForm(self, existing)

    def register(self) -> None:
        form = self.open_form(None)
        if form.exec() == QDialog.DialogCode.Accepted and form.saved is not None:
            self.after_save(form.saved)

    def edit_first_if_single(self) -> None:
        if len(self.rows) == 1:
            self.table.selectRow(0)
            self.edit_selected()

    def edit_selected(self) -> None:
        reader = self.selected()
        if reader is None:
            return
        full = ops.query(self.ctx, lambda s: readers.get_reader(s, reader.uuid))
        form = self.open_form(full)
        if form.exec() == QDialog.DialogCode.Accepted and form.saved is not None:
            self.after_save(form.saved)

    def after_save(self, saved: ReaderView) -> None:
        self.ctx.data_changed.emit()
        self.search.setText(saved.card)
        note = _("Saved: card {card}").format(card=saved.card)
        if saved.card_provisional:
            note += " " + _("(provisional until the next sync)")
        self.count_label.setText(note)

    def card_writer(self) -> Callable[[Path], Any] | None:
        """Writes the selected reader's card to a PDF path (None: no reader or no module)."""
        reader = self.selected()
        printer = reader_card_printer()
        if reader is None or printer is None:
            return None
        profile = self.ctx.profile

        def write(path: Path) -> Any:  # on the print job's thread, in a session of its own
            return ops.query(profile, lambda s: printer(s, profile.home, [reader.card], path))

        return write

    def print_card(self) -> None:
        """The system print dialog, then the card on the chosen printer."""
        write = self.card_writer()
        if write is None:
            return
        print_document(
            self,
            self.ctx,
            _("Print reader card"),
            write,
            on_printed=lambda _pages: self.count_label.setText(
                _("Reader card sent to the printer.")
            ),
        )

    def save_card_pdf(self) -> None:
        reader = self.selected()
        printer = reader_card_printer()
        if reader is None or printer is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save reader card"), f"{reader.card}.pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        home = self.ctx.profile.home
        ops.in_background(
            self.ctx,
            lambda s, _control: printer(s, home, [reader.card], Path(path)),
            title=_("Reader card"),
            on_done=lambda _r: self._saved(path),
            on_error=lambda exc: show_error(self, exc),
        )

    def _saved(self, path: str) -> None:
        QMessageBox.information(self, _("Reader card"), _("Saved to {path}").format(path=path))


SECTION = SectionSpec(key="readers", factory=ReadersPage)
SCREENSHOT_DIALOGS: dict[str, Callable[[Any], QDialog]] = {
    "register-reader": lambda page: page.open_form(None),
}
