"""The print queue: new copies waiting for labels, copies chosen by range, class, date or shelf,
re-printing a damaged label, and 补缺打印 (labels that came out wrong last time)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.printing.layout import LabelData, layout_label
from app.printing.templates import LabelTemplate
from app.services import catalog_shelves, labels
from app.services.labels import LabelSelection, OutputResult, QueueEntry
from app.ui import ops
from app.ui.catalog.common import size_columns
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.label_printing import preview_pixmap, print_pdf, printer_for
from app.ui.labels.print_outcome import PrintOutcomeDialog
from app.ui.labels.shared import PREVIEW_PX_PER_MM, SAMPLE, show_pixmap
from shuwu_shared.errors import ShuwuError

if TYPE_CHECKING:
    from app.ui.labels.page import LabelsPage


def _qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


PREVIEW_MAX_MIN_WIDTH = 420


class QueueTab(QWidget):
    def __init__(self, page: LabelsPage) -> None:
        super().__init__()
        self.page = page
        self.profile = page.profile
        self.entries: list[QueueEntry] = []
        self.outcome_dialog: PrintOutcomeDialog | None = None
        layout = QVBoxLayout(self)

        search_row = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            _("Scan a barcode or type a title to re-print a damaged label")
        )
        self.search_box.setAccessibleName(_("Find a copy to re-print"))
        self.search_box.setMinimumWidth(120)
        self.search_box.returnPressed.connect(self.search)
        search_row.addWidget(self.search_box, 1)
        for text, name, slot in (
            (_("Find"), _("Find"), self.search),
            (_("Show the queue"), _("Show the queue"), self.show_queue),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(slot)
            search_row.addWidget(button)
        self.failed_button = QPushButton(_("补缺打印"))
        self.failed_button.setAccessibleName(_("Print again the labels that failed"))
        self.failed_button.setToolTip(_("Labels that came out wrong, waiting to be printed again"))
        self.failed_button.clicked.connect(self.show_failed)
        search_row.addWidget(self.failed_button)
        self.choose_button = QPushButton(_("Choose copies…"))
        self.choose_button.setAccessibleName(_("Choose copies by range, class, date or shelf"))
        self.choose_button.setCheckable(True)
        search_row.addWidget(self.choose_button)
        layout.addLayout(search_row)

        self.criteria = self._build_criteria()
        self.criteria.hide()
        self.choose_button.toggled.connect(self.criteria.setVisible)
        layout.addWidget(self.criteria)

        self.list_title = QLabel()
        self.list_title.setWordWrap(True)
        layout.addWidget(self.list_title)
        split = QSplitter()
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(_("Labels to print"))
        self.table.setHorizontalHeaderLabels(
            [_("Barcode"), _("Call number"), _("Title"), _("Queued"), _("Check")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self.update_preview)
        split.addWidget(self.table)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(_("Preview (true proportions)")))
        self.preview = QLabel()
        self.preview.setAccessibleName(_("Label preview"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(120)
        self.preview_scroll = scroll
        right_layout.addWidget(scroll, 1)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        right_layout.addWidget(self.preview_note)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([3000, 1000])  # the list first; the preview scrolls if it is cramped
        layout.addWidget(split, 1)

        buttons = QHBoxLayout()
        for text, slot in (
            (_("Print selected…"), lambda: self.print_labels(True)),
            (_("Print all…"), lambda: self.print_labels(False)),
            (_("Save as file…"), self.save_file),
            (_("Mark selected printed"), self.mark_printed),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _build_criteria(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.range_from = QLineEdit()
        self.range_from.setAccessibleName(_("Barcodes from"))
        self.range_from.setPlaceholderText("V0010001")
        self.range_to = QLineEdit()
        self.range_to.setAccessibleName(_("Barcodes to"))
        self.range_to.setPlaceholderText("V0010050")
        self.range_from.returnPressed.connect(self.range_to.setFocus)
        self.range_to.returnPressed.connect(self.select_copies)
        self.class_edit = QLineEdit()
        self.class_edit.setAccessibleName(_("Class starts with"))
        self.class_edit.setPlaceholderText("S8")
        self.class_edit.returnPressed.connect(self.select_copies)
        self.shelf_combo = QComboBox()
        self.shelf_combo.setAccessibleName(_("Shelf"))
        self.shelf_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.shelf_combo.setMinimumContentsLength(6)
        self.date_check = QCheckBox(_("Catalogued from"))
        self.date_check.setAccessibleName(_("Choose by the date catalogued"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for edit, name in ((self.date_from, _("Catalogued from")), (self.date_to, _("to"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setEnabled(False)
            self.date_check.toggled.connect(edit.setEnabled)
        select = QPushButton(_("Select copies"))
        select.setAccessibleName(_("Select copies"))
        select.clicked.connect(self.select_copies)
        grid.addWidget(QLabel(_("Barcodes from")), 0, 0)
        grid.addWidget(self.range_from, 0, 1)
        grid.addWidget(QLabel(_("to")), 0, 2)
        grid.addWidget(self.range_to, 0, 3)
        grid.addWidget(self.date_check, 1, 0)
        grid.addWidget(self.date_from, 1, 1)
        grid.addWidget(QLabel(_("to")), 1, 2)
        grid.addWidget(self.date_to, 1, 3)
        grid.addWidget(QLabel(_("Class starts with")), 2, 0)
        grid.addWidget(self.class_edit, 2, 1)
        grid.addWidget(QLabel(_("Shelf")), 2, 2)
        grid.addWidget(self.shelf_combo, 2, 3)
        grid.addWidget(select, 2, 4)
        for column in (1, 3):
            grid.setColumnStretch(column, 1)
        return box

    # --- lists ----------------------------------------------------------------------------

    def refresh_shelves(self) -> None:
        try:
            shelves = ops.query(self.profile, catalog_shelves.list_shelves)
        except ShuwuError:
            shelves = []
        self.shelf_combo.clear()
        self.shelf_combo.addItem(_("(any shelf)"), "")
        for shelf in shelves:
            label = shelf.code if shelf.name == shelf.code else f"{shelf.code}  {shelf.name}"
            self.shelf_combo.addItem(label, shelf.code)

    def fill(self, entries: list[QueueEntry], title: str) -> None:
        self.entries = entries
        self.list_title.setText(title)
        template, kind = self.page.template(), self.page.kind()
        library = self.page.library_name()
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            lay = layout_label(kind, LabelData(e.barcode, e.call_number, library), template)
            check = "; ".join(lay.problems) if lay.problems else _("OK")
            if e.reason == labels.FAILED:
                queued = _("(failed, print again)")
            elif e.queued_at:
                queued = e.queued_at.strftime("%Y-%m-%d %H:%M")
            else:
                queued = _("(re-print)")
            cells = (e.barcode, e.call_number or "", e.title, queued, check)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 4 and lay.problems:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, col, item)
        size_columns(self.table, stretch=2)
        if entries:
            self.table.selectRow(0)
        self.update_preview()
        self.update_failed_button()

    def update_failed_button(self) -> None:
        n = len(ops.query(self.profile, labels.failed_queue))
        self.failed_button.setText(_("补缺打印 ({n})").format(n=n) if n else _("补缺打印"))
        self.failed_button.setEnabled(bool(n))

    def refresh_checks(self) -> None:
        """Kind or template changed: re-check every listed label, keep the selection."""
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        self.fill(self.entries, self.list_title.text())
        if rows:
            self.table.clearSelection()
            for row in rows:
                self.table.selectRow(row)

    def show_queue(self) -> None:
        entries = ops.query(self.profile, labels.list_queue)
        self.fill(entries, _("{n} copies waiting for labels").format(n=len(entries)))

    def show_failed(self) -> None:
        entries = ops.query(self.profile, labels.failed_queue)
        self.fill(
            entries,
            _("补缺打印: {n} labels that came out wrong. Print them on the free positions.").format(
                n=len(entries)
            ),
        )

    def search(self) -> None:
        try:
            text = self.search_box.text()
            found = ops.query(self.profile, lambda s: labels.find_copies(s, text))
        except ShuwuError as exc:
            self.page.say(exc.message, ok=False)
            return
        self.fill(found, _("{n} copies found for re-printing").format(n=len(found)))
        self.search_box.selectAll()

    def selection(self) -> LabelSelection:
        dated = self.date_check.isChecked()
        return LabelSelection(
            barcode_from=self.range_from.text().strip() or None,
            barcode_to=self.range_to.text().strip() or None,
            class_prefix=self.class_edit.text().strip() or None,
            catalogued_from=_qdate(self.date_from.date()) if dated else None,
            catalogued_to=_qdate(self.date_to.date()) if dated else None,
            shelf=str(self.shelf_combo.currentData() or "") or None,
        )

    def select_copies(self) -> None:
        try:
            chosen = self.selection()
            found = ops.query(self.profile, lambda s: labels.select_copies(s, chosen))
        except ShuwuError as exc:
            self.page.say(exc.message, ok=False)
            return
        self.fill(found, _("{n} copies chosen").format(n=len(found)))

    def selected_entries(self) -> list[QueueEntry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.entries[r] for r in rows if r < len(self.entries)]

    def update_preview(self) -> None:
        chosen = self.selected_entries()
        if chosen:
            e = chosen[0]
            data = LabelData(e.barcode, e.call_number, self.page.library_name(), e.title)
        else:
            data = SAMPLE
        lay = layout_label(self.page.kind(), data, self.page.template())
        pixmap = preview_pixmap(lay, PREVIEW_PX_PER_MM)
        show_pixmap(self.preview, pixmap)
        # Room for a whole label beside the queue (a roll label is ~300 px); larger sheets scroll.
        frame = (
            self.preview_scroll.frameWidth() * 2
            + self.preview_scroll.verticalScrollBar().sizeHint().width()
        )
        self.preview_scroll.setMinimumWidth(min(pixmap.width() + frame, PREVIEW_MAX_MIN_WIDTH))
        note = (
            "\n".join(lay.problems)
            if lay.problems
            else _("{w}×{h} mm label").format(w=f"{lay.width_mm:g}", h=f"{lay.height_mm:g}")
        )
        if not chosen:  # say so: staff must not take the example for a queued copy
            note = _("Example label: select a row of the queue to see its own.") + "\n" + note
        self.preview_note.setText(note)

    # --- output ---------------------------------------------------------------------------

    def _entries_for(self, selected_only: bool) -> list[QueueEntry] | None:
        entries = self.selected_entries() if selected_only else list(self.entries)
        if not entries:
            self.page.say(_("There are no labels to print."), ok=False)
            return None
        return entries

    def save_file(self) -> None:
        entries = self._entries_for(bool(self.selected_entries()))
        if entries is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save labels"),
            str(Path.home() / "labels.pdf"),
            _("PDF (*.pdf);;TSPL for TSC/Gprinter/HPRT (*.tspl);;ZPL for Zebra (*.zpl)"),
        )
        if path:
            self.page.generate(entries, Path(path), self._saved)

    def _saved(self, result: OutputResult) -> None:
        self.page.say(
            _("{n} labels written to {path} ({pages} pages).").format(
                n=result.labels, path=result.path, pages=result.pages
            )
        )

    def run_print_dialog(self, pdf: Path, template: LabelTemplate) -> bool:
        """The system print dialog, then printing at the template's exact page size."""
        printer = printer_for(template)
        dialog = QPrintDialog(printer, self)
        dialog.setAccessibleName(_("Print labels"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        printer_for(template, printer)  # the dialog must not change the page size
        print_pdf(pdf, template, printer)
        return True

    def print_labels(self, selected_only: bool) -> None:
        entries = self._entries_for(selected_only)
        if entries is None:
            return
        out = Path(tempfile.mkdtemp(prefix="shuwu-labels-")) / "labels.pdf"
        template = self.page.template()

        def ready(_result: OutputResult) -> None:
            try:
                printed = self.run_print_dialog(out, template)
            except ShuwuError as exc:
                show_error(self, exc)
                return
            if not printed:
                self.page.say(_("Printing cancelled; nothing was marked printed."))
                return
            self.ask_outcome(entries)

        self.page.generate(entries, out, ready)

    def ask_outcome(self, entries: list[QueueEntry]) -> None:
        dialog = PrintOutcomeDialog(entries, self)
        self.outcome_dialog = dialog
        dialog.accepted.connect(lambda: self.finish_print(entries, dialog.failed))
        dialog.rejected.connect(
            lambda: self.page.say(_("Nothing was marked printed; the labels stay in the queue."))
        )
        dialog.open()

    def finish_print(self, entries: list[QueueEntry], failed: list[str]) -> None:
        clock, uuids = self.profile.clock, [e.item_uuid for e in entries]
        outcome = ops.change(
            self.page.ctx, lambda s: labels.record_print_outcome(s, clock, uuids, failed)
        )
        text = _("{n} queued labels marked printed.").format(n=outcome.printed)
        if outcome.failed:
            text += " " + _("{n} wait for 补缺打印.").format(n=outcome.failed)
        self.page.say(text)
        self.show_queue()

    def mark_printed(self) -> None:
        entries = self.selected_entries()
        if not entries:
            return
        clock, uuids = self.profile.clock, [e.item_uuid for e in entries]
        n = ops.change(self.page.ctx, lambda s: labels.mark_printed(s, clock, uuids))
        self.page.say(_("{n} queued labels marked printed.").format(n=n))
        self.show_queue()
