"""The Labels screen: the "to print" queue, re-printing, the template designer, calibration.

All generation runs through the task runner (a background thread with progress and cancel),
so a batch of 1,000 labels never freezes the window. Output is the same PDF/TSPL/ZPL the CLI
writes; printing goes through the system dialog at the template's exact page size.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ShuwuError
from app.printing import calibration as cal_store
from app.printing.calibration import Calibration
from app.printing.layout import LabelData, layout_label
from app.printing.pdf import write_test_page
from app.printing.templates import (
    LabelTemplate,
    copy_template,
    list_templates,
    save_user_template,
    validate,
)
from app.services import labels
from app.services.labels import OutputResult, QueueEntry
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.label_printing import preview_pixmap, print_pdf, printer_for
from app.ui.sections import SectionSpec

DEFAULT_TEMPLATE = "a4-5x10-40x29.5"
SAMPLE = LabelData("V0010001", "I247.5/123:2", "东村农家书屋", "平凡的世界", "张三")


def kind_names() -> dict[str, str]:
    return {
        "spine": _("Spine label (书标)"),
        "barcode": _("Barcode label"),
        "combined": _("Spine + barcode"),
        "reader": _("Reader card"),
    }


def _show_pixmap(label: QLabel, pixmap: QPixmap) -> None:
    label.setPixmap(pixmap)
    label.setMinimumSize(pixmap.size())  # never squeezed: the preview keeps true proportions


class _PolledProgress:
    """Progress the worker writes and a GUI timer reads: no signal per step.

    PySide6 6.12 miscounts references on every Signal.emit (True/None are over-released; many
    emits crash Python at exit), so long jobs here report through plain attributes instead.
    """

    def __init__(self, control: Any) -> None:
        self.control = control
        self.done = 0
        self.total = 0
        self.text = ""

    def report(self, done: int, total: int, text: str = "") -> None:
        self.done, self.total, self.text = done, total, text

    @property
    def cancelled(self) -> bool:
        return bool(self.control.cancelled)


class LabelsPage(QWidget):
    output_ready = Signal(object)  # OutputResult, after a background generation

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.profile = ctx.profile
        self.entries: list[QueueEntry] = []
        self.templates: list[LabelTemplate] = []
        self.control: Any = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(_("Label template"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(_("Label kind"))
        for key, name in kind_names().items():
            self.kind_combo.addItem(name, key)
        self.printer_combo = QComboBox()
        self.printer_combo.setEditable(True)
        self.printer_combo.setAccessibleName(_("Printer (for its calibration)"))
        self.printer_combo.setMinimumContentsLength(14)
        self.start_spin = QSpinBox()
        self.start_spin.setRange(1, 1)
        self.start_spin.setAccessibleName(_("Start at label position"))
        for text, widget in (
            (_("Template"), self.template_combo),
            (_("Kind"), self.kind_combo),
            (_("Printer"), self.printer_combo),
            (_("Start at position"), self.start_spin),
        ):
            top.addWidget(QLabel(text))
            top.addWidget(widget, 1 if widget is self.template_combo else 0)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Label tasks"))
        self.tabs.addTab(self._queue_tab(), _("Print queue"))
        self.tabs.addTab(self._designer_tab(), _("Template designer"))
        self.tabs.addTab(self._calibration_tab(), _("Printer calibration"))
        layout.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Message"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress"))
        self.progress.hide()
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._cancel)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(100)
        self.poll_timer.timeout.connect(self._poll)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)

        self.template_combo.currentIndexChanged.connect(self._template_changed)
        self.kind_combo.currentIndexChanged.connect(self._refresh_checks)
        self.reload_templates()
        self._load_printers()
        self.show_queue()

    # --- shared state ---------------------------------------------------------------------

    def reload_templates(self, select: str | None = None) -> None:
        current = select or self.template_combo.currentData() or DEFAULT_TEMPLATE
        self.templates = list_templates(self.profile.home)
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for t in self.templates:
            mark = _(" (my copy)") if t.user else ""
            self.template_combo.addItem(f"{t.name}{mark} — {t.describe()}", t.name)
        index = max(0, self.template_combo.findData(current))
        self.template_combo.setCurrentIndex(index)
        self.template_combo.blockSignals(False)
        self.template_list.clear()
        for t in self.templates:
            self.template_list.addItem(t.name + (_(" (my copy)") if t.user else ""))
        self._template_changed()

    def template(self) -> LabelTemplate:
        name = self.template_combo.currentData()
        return next(t for t in self.templates if t.name == name)

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def calibration(self) -> Calibration:
        name = self.printer_combo.currentText().strip()
        return cal_store.load_calibration(self.profile.home, name) if name else cal_store.NONE

    def _template_changed(self) -> None:
        t = self.template()
        self.start_spin.setRange(1, t.per_page)
        self.start_spin.setEnabled(t.media == "sheet")
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(t.default_kind)))
        self.kind_combo.blockSignals(False)
        if hasattr(self, "table"):
            self._refresh_checks()

    def _load_printers(self) -> None:
        self.printer_combo.clear()
        self.printer_combo.addItems(["", *cal_store.printers_with_calibration(self.profile.home)])

    # --- queue tab ------------------------------------------------------------------------

    def _queue_tab(self) -> QWidget:
        page = QWidget()
        outer = QHBoxLayout(page)
        left = QVBoxLayout()
        search_row = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            _("Scan a barcode or type a title to re-print a damaged label")
        )
        self.search_box.setAccessibleName(_("Find a copy to re-print"))
        self.search_box.returnPressed.connect(self.search)
        find = QPushButton(_("Find"))
        find.setAccessibleName(_("Find"))
        find.clicked.connect(self.search)
        show_queue = QPushButton(_("Show the queue"))
        show_queue.setAccessibleName(_("Show the queue"))
        show_queue.clicked.connect(self.show_queue)
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(find)
        search_row.addWidget(show_queue)
        left.addLayout(search_row)

        self.list_title = QLabel()
        left.addWidget(self.list_title)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(_("Labels to print"))
        self.table.setHorizontalHeaderLabels(
            [_("Barcode"), _("Call number"), _("Title"), _("Queued"), _("Check")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_preview)
        left.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        specs = (
            (_("Print selected…"), lambda: self.print_labels(True)),
            (_("Print all…"), lambda: self.print_labels(False)),
            (_("Save as file…"), self.save_file),
            (_("Mark selected printed"), self.mark_printed),
        )
        for text, slot in specs:
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        left.addLayout(buttons)
        outer.addLayout(left, 3)

        right = QVBoxLayout()
        right.addWidget(QLabel(_("Preview (true proportions)")))
        self.preview = QLabel()
        self.preview.setAccessibleName(_("Label preview"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        right.addWidget(self.preview)
        right.addWidget(self.preview_note)
        right.addStretch(1)
        outer.addLayout(right, 2)
        return page

    def _fill_table(self, entries: list[QueueEntry], title: str) -> None:
        self.entries = entries
        self.list_title.setText(title)
        template, kind = self.template(), self.kind()
        library = self._library_name()
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            lay = layout_label(kind, LabelData(e.barcode, e.call_number, library), template)
            check = "; ".join(lay.problems) if lay.problems else _("OK")
            queued = e.queued_at.strftime("%Y-%m-%d %H:%M") if e.queued_at else _("(re-print)")
            cells = (e.barcode, e.call_number or "", e.title, queued, check)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4 and lay.problems:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, col, item)
        if entries:
            self.table.selectRow(0)
        self._update_preview()

    def _refresh_checks(self) -> None:
        """Kind or template changed: re-check every listed label, keep the selection."""
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        self._fill_table(self.entries, self.list_title.text())
        if rows:
            self.table.clearSelection()
            for row in rows:
                self.table.selectRow(row)

    def _library_name(self) -> str:
        with self.profile.sessions() as s:
            return labels.library_name(s)

    def show_queue(self) -> None:
        with self.profile.sessions() as s:
            entries = labels.list_queue(s)
        self._fill_table(entries, _("{n} copies waiting for labels").format(n=len(entries)))

    def search(self) -> None:
        try:
            with self.profile.sessions() as s:
                found = labels.find_copies(s, self.search_box.text())
        except ShuwuError as exc:
            show_error(self, exc)
            return
        self._fill_table(found, _("{n} copies found for re-printing").format(n=len(found)))
        self.search_box.selectAll()

    def selected_entries(self) -> list[QueueEntry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.entries[r] for r in rows if r < len(self.entries)]

    def _update_preview(self) -> None:
        if not hasattr(self, "preview"):
            return
        chosen = self.selected_entries() if hasattr(self, "table") else []
        if chosen:
            e = chosen[0]
            data = LabelData(e.barcode, e.call_number, self._library_name(), e.title)
        else:
            data = SAMPLE
        lay = layout_label(self.kind(), data, self.template())
        _show_pixmap(self.preview, preview_pixmap(lay, 8.0))
        note = (
            "\n".join(lay.problems)
            if lay.problems
            else _("{w}×{h} mm label").format(w=f"{lay.width_mm:g}", h=f"{lay.height_mm:g}")
        )
        if not chosen:  # say so: staff must not take the example for a queued copy
            note = _("Example label: select a row of the queue to see its own.") + "\n" + note
        self.preview_note.setText(note)

    # --- generation -----------------------------------------------------------------------

    def _entries_for(self, selected_only: bool) -> list[QueueEntry] | None:
        entries = self.selected_entries() if selected_only else list(self.entries)
        if not entries:
            QMessageBox.information(self, _("Labels"), _("There are no labels to print."))
            return None
        return entries

    def generate(
        self, entries: list[QueueEntry], out: Path, on_done: Any, *, skip: int | None = None
    ) -> Any:
        """Lay out and write the labels in the background; ``on_done(OutputResult)``."""
        template, kind, cal = self.template(), self.kind(), self.calibration()
        skip = self.start_spin.value() - 1 if skip is None else skip
        profile = self.profile

        def job(control: Any) -> OutputResult:
            polled = _PolledProgress(control)
            self._polled = polled
            with profile.sessions() as s:  # the job's own session, on the worker thread
                data = labels.label_data(s, entries)
            layouts = labels.build_layouts(data, kind, template, polled)
            return labels.write_output(
                layouts, template, out, calibration=cal, skip=skip, progress=polled
            )

        def done(result: OutputResult) -> None:
            self._busy(False)
            self.output_ready.emit(result)
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._busy(False)
            show_error(self, exc)

        def cancelled() -> None:
            self._busy(False)
            self.message.setText(_("Cancelled; nothing was marked printed."))

        self._busy(True)
        self.control = self.ctx.tasks.run(
            job,
            title=_("Labels"),
            on_done=done,
            on_error=failed,
            on_cancelled=cancelled,
        )
        self.poll_timer.start()
        return self.control

    def _poll(self) -> None:
        polled = getattr(self, "_polled", None)
        if polled is not None and polled.total:
            self._progress(polled.done, polled.total, polled.text)

    def _busy(self, busy: bool) -> None:
        if not busy:
            self.poll_timer.stop()
            self._polled = None
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.message.setText(_("Preparing labels…"))

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.message.setText(
            _("{text} {done} of {total}").format(text=text or _("Writing"), done=done, total=total)
        )

    def _cancel(self) -> None:
        if self.control is not None:
            self.control.cancel()

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
            self.generate(entries, Path(path), self._saved)

    def _saved(self, result: OutputResult) -> None:
        self.message.setText(
            _("{n} labels written to {path} ({pages} pages).").format(
                n=result.labels, path=result.path, pages=result.pages
            )
        )

    def print_labels(self, selected_only: bool) -> None:
        entries = self._entries_for(selected_only)
        if entries is None:
            return
        out = Path(tempfile.mkdtemp(prefix="shuwu-labels-")) / "labels.pdf"
        template = self.template()

        def ready(result: OutputResult) -> None:
            printer = printer_for(template)
            dialog = QPrintDialog(printer, self)
            dialog.setAccessibleName(_("Print labels"))
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                self.message.setText(_("Printing cancelled; nothing was marked printed."))
                return
            try:
                printer_for(template, printer)  # the dialog must not change the page size
                print_pdf(out, template, printer)
            except ShuwuError as exc:
                show_error(self, exc)
                return
            self._ask_mark_printed(entries, result)

        self.generate(entries, out, ready)

    def _ask_mark_printed(self, entries: list[QueueEntry], result: OutputResult) -> None:
        answer = QMessageBox.question(
            self,
            _("Labels"),
            _("{n} labels sent to the printer. Did they print well? Mark them printed?").format(
                n=result.labels
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._mark([e.item_uuid for e in entries])

    def mark_printed(self) -> None:
        entries = self.selected_entries()
        if entries:
            self._mark([e.item_uuid for e in entries])

    def _mark(self, uuids: list[str]) -> None:
        with self.profile.sessions() as s, s.begin():
            n = labels.mark_printed(s, self.profile.clock, uuids)
        self.message.setText(_("{n} queued labels marked printed.").format(n=n))
        self.show_queue()
        self.ctx.data_changed.emit()

    # --- template designer ----------------------------------------------------------------

    def _designer_tab(self) -> QWidget:
        page = QWidget()
        outer = QHBoxLayout(page)
        left = QVBoxLayout()
        self.template_list = QListWidget()
        self.template_list.setAccessibleName(_("Templates"))
        self.template_list.currentRowChanged.connect(self._load_into_designer)
        left.addWidget(self.template_list, 1)
        copy_button = QPushButton(_("Copy as my template…"))
        copy_button.setAccessibleName(_("Copy as my template"))
        copy_button.clicked.connect(self.copy_current)
        left.addWidget(copy_button)
        outer.addLayout(left, 1)

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        self.fields: dict[str, Any] = {}

        def number(key: str, label: str, low: float, high: float, step: float = 0.5) -> None:
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setDecimals(2)
            spin.setSingleStep(step)
            spin.setAccessibleName(label)
            spin.valueChanged.connect(self._designer_changed)
            self.fields[key] = spin
            form.addRow(label, spin)

        def integer(key: str, label: str) -> None:
            spin = QSpinBox()
            spin.setRange(-5, 50)  # let a wrong value be typed; validation explains it
            spin.setAccessibleName(label)
            spin.valueChanged.connect(self._designer_changed)
            self.fields[key] = spin
            form.addRow(label, spin)

        self.name_label = QLabel()
        form.addRow(_("Template"), self.name_label)
        number("page_width_mm", _("Page width (mm)"), -10, 500)
        number("page_height_mm", _("Page height (mm)"), -10, 500)
        number("margin_left_mm", _("Left margin (mm)"), -10, 100, 0.1)
        number("margin_top_mm", _("Top margin (mm)"), -10, 100, 0.1)
        integer("rows", _("Rows"))
        integer("cols", _("Columns"))
        number("gap_x_mm", _("Gap between columns (mm)"), -10, 50, 0.1)
        number("gap_y_mm", _("Gap between rows (mm)"), -10, 50, 0.1)
        number("label_width_mm", _("Label width (mm)"), -10, 300)
        number("label_height_mm", _("Label height (mm)"), -10, 300)
        number("padding_mm", _("Padding (mm)"), -5, 20, 0.1)
        number("call_font_pt", _("Call number font (pt)"), 1, 72)
        number("min_font_pt", _("Smallest font (pt)"), 1, 72)
        number("name_font_pt", _("Library name font (pt)"), 1, 72)
        number("barcode_height_mm", _("Barcode height (mm)"), 1, 100)
        self.show_name_check = QCheckBox(_("Print the library name"))
        self.show_name_check.setAccessibleName(_("Print the library name"))
        self.show_name_check.toggled.connect(self._designer_changed)
        form.addRow("", self.show_name_check)
        self.symbology_combo = QComboBox()
        self.symbology_combo.addItem(_("Code 128 (recommended)"), "code128")
        self.symbology_combo.addItem(_("Code 39 (old scanners)"), "code39")
        self.symbology_combo.setAccessibleName(_("Barcode type"))
        self.symbology_combo.currentIndexChanged.connect(self._designer_changed)
        form.addRow(_("Barcode type"), self.symbology_combo)
        self.check_char = QCheckBox(_("Add a Code 39 check character"))
        self.check_char.setAccessibleName(_("Add a Code 39 check character"))
        self.check_char.toggled.connect(self._designer_changed)
        form.addRow("", self.check_char)
        self.save_template_button = QPushButton(_("Save template"))
        self.save_template_button.setAccessibleName(_("Save template"))
        self.save_template_button.clicked.connect(self.save_designer)
        form.addRow("", self.save_template_button)
        scroll = QScrollArea()
        scroll.setWidget(form_widget)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll, 2)

        right = QVBoxLayout()
        right.addWidget(QLabel(_("Live preview")))
        self.designer_preview = QLabel()
        self.designer_preview.setAccessibleName(_("Template preview"))
        self.designer_message = QLabel()
        self.designer_message.setWordWrap(True)
        self.designer_message.setAccessibleName(_("Template check"))
        right.addWidget(self.designer_preview)
        right.addWidget(self.designer_message)
        right.addStretch(1)
        outer.addLayout(right, 2)
        self._designer_source: LabelTemplate | None = None
        return page

    def _load_into_designer(self, row: int) -> None:
        if not 0 <= row < len(self.templates):
            return
        t = self.templates[row]
        self._designer_source = t
        self._loading = True
        for key, widget in self.fields.items():
            widget.setValue(getattr(t, key))
        self.show_name_check.setChecked(t.show_library_name)
        self.symbology_combo.setCurrentIndex(self.symbology_combo.findData(t.symbology))
        self.check_char.setChecked(t.code39_check)
        self._loading = False
        editable = t.user
        self.name_label.setText(
            t.name if editable else _("{name} (shipped; copy it to edit)").format(name=t.name)
        )
        for widget in (*self.fields.values(), self.show_name_check, self.symbology_combo):
            widget.setEnabled(editable)
        self.check_char.setEnabled(editable)
        self.save_template_button.setEnabled(editable)
        self._designer_changed()

    def designer_template(self) -> LabelTemplate | None:
        if self._designer_source is None:
            return None
        values: dict[str, Any] = {key: w.value() for key, w in self.fields.items()}
        return replace(
            self._designer_source,
            **values,
            show_library_name=self.show_name_check.isChecked(),
            symbology=str(self.symbology_combo.currentData()),
            code39_check=self.check_char.isChecked(),
        )

    def _designer_changed(self) -> None:
        if getattr(self, "_loading", False):
            return
        t = self.designer_template()
        if t is None:
            return
        try:
            validate(t)
        except ShuwuError as exc:
            self.designer_message.setText(exc.message)
            self.designer_message.setStyleSheet("color: #b00020;")
            self.designer_preview.clear()
            return
        kind = "reader" if t.default_kind == "reader" else "combined"
        lay = layout_label(kind, SAMPLE, t)
        _show_pixmap(self.designer_preview, preview_pixmap(lay, 8.0))
        self.designer_message.setStyleSheet("")
        self.designer_message.setText("\n".join(lay.problems) or _("The template fits."))

    def copy_current(self) -> None:
        source = self._designer_source or self.template()
        name, ok = QInputDialog.getText(
            self,
            _("Copy template"),
            _("Name of your copy (letters, digits, dashes):"),
            text=f"{source.name}-copy",
        )
        if not ok:
            return
        try:
            made = copy_template(source, name.strip(), self.profile.home)
        except ShuwuError as exc:
            show_error(self, exc)
            return
        self.reload_templates(select=made.name)
        self.template_list.setCurrentRow([t.name for t in self.templates].index(made.name))

    def save_designer(self) -> None:
        t = self.designer_template()
        if t is None:
            return
        try:
            saved = save_user_template(t, self.profile.home)
        except ShuwuError as exc:
            show_error(self, exc)  # the saved file is unchanged
            return
        row = self.template_list.currentRow()
        self.reload_templates(select=saved.name)
        self.template_list.setCurrentRow(row)
        self.designer_message.setText(_("Template {name} saved.").format(name=saved.name))

    # --- calibration ----------------------------------------------------------------------

    def _calibration_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        help_text = QLabel(
            _(
                "Print the test page on plain paper and hold it against a label sheet. If the "
                "boxes sit too far right, enter a negative horizontal shift; if the lower rows "
                "drift down, enter a negative creep per row."
            )
        )
        help_text.setWordWrap(True)
        form.addRow(help_text)
        self.cal_printer = QLineEdit()
        self.cal_printer.setAccessibleName(_("Printer name"))
        form.addRow(_("Printer name"), self.cal_printer)
        self.cal_spins: dict[str, QDoubleSpinBox] = {}
        for key, label, limit in (
            ("dx_mm", _("Horizontal shift (mm, + moves right)"), cal_store.MAX_SHIFT_MM),
            ("dy_mm", _("Vertical shift (mm, + moves down)"), cal_store.MAX_SHIFT_MM),
            ("creep_mm_per_row", _("Creep per row (mm)"), cal_store.MAX_CREEP_MM),
        ):
            spin = QDoubleSpinBox()
            spin.setRange(-limit, limit)
            spin.setDecimals(2)
            spin.setSingleStep(0.1)
            spin.setAccessibleName(label)
            self.cal_spins[key] = spin
            form.addRow(label, spin)
        row = QHBoxLayout()
        for text, slot in (
            (_("Save calibration"), self.save_calibration),
            (_("Test page with rulers…"), self.test_page),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        form.addRow(row)
        self.printer_combo.currentTextChanged.connect(self._calibration_for_printer)
        return page

    def _calibration_for_printer(self, name: str) -> None:
        cal = cal_store.load_calibration(self.profile.home, name) if name else cal_store.NONE
        self.cal_printer.setText(name)
        for key, spin in self.cal_spins.items():
            spin.setValue(getattr(cal, key))

    def current_calibration_input(self) -> Calibration:
        return Calibration(
            self.cal_printer.text().strip(),
            self.cal_spins["dx_mm"].value(),
            self.cal_spins["dy_mm"].value(),
            self.cal_spins["creep_mm_per_row"].value(),
        )

    def save_calibration(self) -> None:
        try:
            cal = cal_store.save_calibration(self.profile.home, self.current_calibration_input())
        except ShuwuError as exc:
            show_error(self, exc)
            return
        self._load_printers()
        self.printer_combo.setCurrentText(cal.printer)
        self.message.setText(_("Calibration for {printer} saved.").format(printer=cal.printer))

    def test_page(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the test page"), str(Path.home() / "test-page.pdf"), "PDF (*.pdf)"
        )
        if path:
            write_test_page(self.template(), Path(path), self.current_calibration_input())
            self.message.setText(_("Test page written to {path}.").format(path=path))

    def activate(self) -> None:
        self.show_queue()
        QTimer.singleShot(0, self.search_box.setFocus)


SECTION = SectionSpec(key="labels", factory=LabelsPage)
