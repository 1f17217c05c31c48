"""The "Catalogue a book" tab, built for a scanner and a keyboard, no mouse needed.

ISBN scan → the form fills (local record, county union catalogue, or empty) → Enter walks the
fields → the class (typed, or F4 for the picker) → copy barcodes, each checked as it is
scanned (format, this branch's range, unused as far as this PC knows) with the desk's banner
and beep → Delete removes a pending row → Ctrl+S or F10 saves, off the GUI thread.
"""

from __future__ import annotations

import functools
import re
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.profile import Profile
from app.services import catalog, catalog_save, catalog_shelves
from app.services.catalog import AddedCopies, BibView, CopyInput, LookupResult
from app.services.catalog_rules import ScanDeduper, clean_scan
from app.services.catalog_union import origin_text
from app.ui import ops
from app.ui.catalog.class_picker import ClassPickerDialog
from app.ui.catalog.record import field_labels
from app.ui.i18n import _
from app.ui.style import font_css
from shuwu_shared.bib import BibData
from shuwu_shared.domain import clc_table
from shuwu_shared.domain.clc import is_valid_class_number, normalise_class_number
from shuwu_shared.errors import ShuwuError

if TYPE_CHECKING:
    from app.ui.sections.catalog import CatalogPage

FORM_FIELDS = ("title", "author", "publisher", "pub_place", "pub_year", "isbn", "clc_class")
# A class number as written has a dot after every third digit; a longer run of digits means
# a barcode was scanned into the class box.
_WELL_FORMED_CLASS = re.compile(r"^[A-Z]{1,2}(\d{1,3}(\.\d{1,3})*)?([-=(\"<:+][^\s]*)?$")


# Typed without dots (S8314) is accepted up to this many digits; more is a stray scan.
MAX_TYPED_DIGITS = 6


def well_formed_class(text: str) -> bool:
    return bool(_WELL_FORMED_CLASS.match(text)) and is_valid_class_number(text)


class _RemoveOnDelete(QObject):
    def __init__(self, form: CatalogueForm) -> None:
        super().__init__(form)
        self.form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.form.remove_selected()
            return True
        return False


class CatalogueForm(QWidget):
    saved = Signal(object)  # (BibView, AddedCopies | None)

    def __init__(self, page: CatalogPage) -> None:
        super().__init__()
        self.page = page
        self.ctx = page.ctx
        self.current: LookupResult | None = None
        self.pending: list[str] = []
        self.deduper = ScanDeduper(1.0)
        self.saving = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        grid = QGridLayout(body)
        grid.addLayout(self._build_fields(), 0, 0)
        grid.addLayout(self._build_copies(), 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.saved.connect(self._show_saved)

    # --- building -------------------------------------------------------------------------

    def _build_fields(self) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.source_label = QLabel(_("Scan a book's ISBN to start."))
        self.source_label.setWordWrap(True)
        form.addRow(self.source_label)
        labels = field_labels()
        self.fields: dict[str, QLineEdit] = {}
        for n, key in enumerate(FORM_FIELDS):
            edit = QLineEdit()
            edit.setAccessibleName(labels[key])
            edit.setMinimumWidth(60)
            self.fields[key] = edit
            if key == "clc_class":  # room for a class number such as S831.42 at any font size
                edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("S831.42") + 24)
                edit.setPlaceholderText(_("e.g. S831.4 — F4 to search"))
                edit.returnPressed.connect(self.on_class_entered)
                edit.textChanged.connect(self._show_class_caption)
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                self.pick_button = QPushButton(_("Choose… (F4)"))
                self.pick_button.setAccessibleName(_("Choose a 中图法 class"))
                self.pick_button.setAutoDefault(False)
                self.pick_button.clicked.connect(self.open_picker)
                row.addWidget(self.pick_button)
                form.addRow(labels[key], row)
                self.class_caption = QLabel()
                self.class_caption.setWordWrap(True)
                self.class_caption.setAccessibleName(_("Class caption"))
                form.addRow("", self.class_caption)
            else:
                nxt = FORM_FIELDS[n + 1]
                edit.returnPressed.connect(lambda k=nxt: self.fields[k].setFocus())
                form.addRow(labels[key], edit)
        return form

    def _build_copies(self) -> QVBoxLayout:
        copies = QVBoxLayout()
        heading = QLabel(_("Copies to add (scan the library barcodes):"))
        heading.setWordWrap(True)
        copies.addWidget(heading)
        self.barcode_edit = QLineEdit()
        self.barcode_edit.setAccessibleName(_("Copy barcode"))
        self.barcode_edit.setPlaceholderText(_("Copy barcode, then Enter"))
        self.barcode_edit.setStyleSheet(f"{font_css(13)} padding: 4px;")
        self.barcode_edit.returnPressed.connect(self.on_barcode_entered)
        copies.addWidget(self.barcode_edit)

        run = QHBoxLayout()
        self.run_start = QLineEdit()
        self.run_start.setAccessibleName(_("First barcode of a run"))
        self.run_start.setPlaceholderText(_("First barcode"))
        self.run_start.setMinimumWidth(60)
        self.run_count = QSpinBox()
        self.run_count.setRange(1, catalog.MAX_RUN)
        self.run_count.setValue(2)
        self.run_count.setAccessibleName(_("How many copies in the run"))
        self.run_start.returnPressed.connect(self.run_count.setFocus)
        run_button = QPushButton(_("Add run"))
        run_button.setAccessibleName(_("Add a run of copies"))
        run_button.setAutoDefault(False)
        run_button.clicked.connect(self.add_run)
        run.addWidget(self.run_start, 1)
        run.addWidget(QLabel("×"))
        run.addWidget(self.run_count)
        run.addWidget(run_button)
        copies.addLayout(run)

        shelf_row = QHBoxLayout()
        self.shelf_combo = QComboBox()
        self.shelf_combo.setAccessibleName(_("Shelf location"))
        self.shelf_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.shelf_combo.setMinimumContentsLength(6)
        shelf_row.addWidget(QLabel(_("Shelf")))
        shelf_row.addWidget(self.shelf_combo, 1)
        self.aux_edit = QLineEdit()
        self.aux_edit.setAccessibleName(_("Volume/copy mark (辅助区分号)"))
        self.aux_edit.setPlaceholderText(_("辅助区分号"))
        self.aux_edit.setMinimumWidth(50)
        self.aux_edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        shelf_row.addWidget(self.aux_edit)
        copies.addLayout(shelf_row)

        self.pending_list = QListWidget()
        self.pending_list.setAccessibleName(_("Copies to add"))
        self.pending_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.pending_list.setMinimumHeight(60)
        self.pending_list.installEventFilter(_RemoveOnDelete(self))
        copies.addWidget(self.pending_list, 1)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton(_("Remove selected (Del)"))
        self.remove_button.setAccessibleName(_("Remove selected copies"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        copies.addLayout(buttons)
        self.save_button = QPushButton(_("Save record and copies (Ctrl+S)"))
        self.save_button.setAccessibleName(_("Save record and copies"))
        self.save_button.setStyleSheet(f"{font_css(13)} padding: 6px;")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        copies.addWidget(self.save_button)
        return copies

    # --- state ----------------------------------------------------------------------------

    def refresh_shelves(self, shelves: list[catalog_shelves.ShelfLocationView]) -> None:
        current = self.shelf_combo.currentData()
        self.shelf_combo.clear()
        self.shelf_combo.addItem(_("(no shelf)"), "")
        for shelf in shelves:
            label = shelf.code if shelf.name == shelf.code else f"{shelf.code}  {shelf.name}"
            self.shelf_combo.addItem(label, shelf.code)
        if current:
            self.shelf_combo.setCurrentIndex(max(0, self.shelf_combo.findData(current)))

    def show_lookup(self, found: LookupResult) -> None:
        self.current = found
        self.pending.clear()
        self.pending_list.clear()
        for key, edit in self.fields.items():
            edit.setText(getattr(found.data, key) or "")
        text = {
            "local": _("Already in the catalogue ({count} copies). Scan barcodes to add copies."),
            "union": _("Record from the county union catalogue. Check it, then scan barcodes."),
            "empty": _("No record found; please fill in the form, then scan barcodes."),
        }[found.source].format(count=len(found.items))
        if found.offline and found.source == "empty":
            text = _("Offline: the county catalogue could not be asked. ") + text
        if found.origin:  # copy cataloguing: name the external target it came from
            text = origin_text(found.origin)
        self.source_label.setText(text)
        self.page.banner("idle", text)
        if not found.data.title:
            self.fields["title"].setFocus()
        elif not found.data.clc_class:
            self.fields["clc_class"].setFocus()
        else:
            self.barcode_edit.setFocus()

    def _show_class_caption(self, text: str) -> None:
        code = text.strip().upper()
        entry = None
        # The deepest class of the table the number starts with (I247.57 → I247.5 新体长篇…).
        while code and entry is None:
            entry = clc_table.lookup(code)
            code = code[:-1].rstrip(".")
        if entry is None:
            self.class_caption.clear()
            return
        path = " › ".join(p for p in (*entry.path, entry.name) if p)
        self.class_caption.setText(f"{entry.code}: {path}")

    # --- class ----------------------------------------------------------------------------

    def open_picker(self) -> None:
        dialog = ClassPickerDialog(self, self.fields["clc_class"].text().strip())
        self.picker = dialog

        def chosen() -> None:
            if dialog.chosen is not None:
                self.fields["clc_class"].setText(dialog.chosen.code)
                self.barcode_edit.setFocus()

        dialog.accepted.connect(chosen)
        dialog.open()

    def on_class_entered(self) -> None:
        edit = self.fields["clc_class"]
        text = clean_scan(edit.text()).upper()
        if not text:
            self.open_picker()
            return
        if well_formed_class(text):
            edit.setText(text)
            self.barcode_edit.setFocus()
            return
        split = self._stray_scan(text)
        if split is not None:  # a scan landed in the class box: keep the class, take the scan
            klass, scan = split
            edit.setText(klass)
            self.barcode_edit.setFocus()
            self.scan_barcode(scan)
            return
        digits = sum(ch.isdigit() for ch in text)
        if is_valid_class_number(text) and digits <= MAX_TYPED_DIGITS:  # typed without dots
            edit.setText(normalise_class_number(text))
            self.barcode_edit.setFocus()
            return
        self.page.banner(
            "error",
            _(
                "{clc} is not a 中图法 class number (for example I247.5 or TS976.3). "
                "Press F4 to search the classes."
            ).format(clc=text),
        )
        self.page.beep(2)
        edit.selectAll()

    def _stray_scan(self, text: str) -> tuple[str, str] | None:
        """``S831.4V0010003`` or ``S831.420280102``: a class followed by a scanned code."""
        for cut in range(len(text) - 1, 0, -1):
            head, tail = text[:cut], text[cut:]
            if (
                (head == "" or well_formed_class(head))
                and len(tail) >= 4
                and ops.query(self.ctx, functools.partial(self._takes, code=tail))
            ):
                return head, tail
        if len(text) >= 4 and ops.query(
            self.ctx, lambda s: catalog.check_new_barcode(s, text, self.pending).ok
        ):
            return "", text
        return None

    def _takes(self, s: ops.DbSession, code: str) -> bool:
        """A scan the form would take: an ISBN, or a copy barcode it would add."""
        kind = catalog.classify_scan(s, code)
        return kind == "isbn" or catalog.check_new_barcode(s, code, self.pending).ok

    # --- copies ---------------------------------------------------------------------------

    def on_barcode_entered(self) -> None:
        code = clean_scan(self.barcode_edit.text())
        self.barcode_edit.clear()
        if not code or not self.deduper.accept(code, time.monotonic()):
            return
        self.scan_barcode(code)

    def scan_barcode(self, code: str) -> None:
        """A code scanned while this tab is open: an ISBN opens that book, else a copy."""
        kind = ops.query(self.ctx, lambda s: catalog.classify_scan(s, code))
        if kind == "isbn":
            self.page.isbn_scanned(code)
            return
        self.add_pending(code)

    def add_pending(self, code: str) -> bool:
        if self.current is None:
            self.page.banner("error", _("Scan the book's ISBN first."))
            self.page.beep(2)
            return False
        check = ops.query(self.ctx, lambda s: catalog.check_new_barcode(s, code, self.pending))
        if not check.ok:
            self.page.banner("error", check.message)
            self.page.beep(2)
            return False
        self._append([check.barcode])
        return True

    def _append(self, codes: list[str]) -> None:
        self.pending.extend(codes)
        self.pending_list.addItems(codes)
        self.pending_list.scrollToBottom()
        self.page.banner(
            "ok",
            _("{barcode} added: {count} copies ready to save (Ctrl+S).").format(
                barcode=codes[-1] if len(codes) == 1 else f"{codes[0]}–{codes[-1]}",
                count=len(self.pending),
            ),
        )
        self.page.beep(1)

    def add_run(self) -> None:
        if self.current is None:
            self.page.banner("error", _("Scan the book's ISBN first."))
            self.page.beep(2)
            return
        try:
            codes = catalog.barcode_run(self.run_start.text(), self.run_count.value())
        except ShuwuError as exc:
            self.page.banner("error", exc.message)
            self.page.beep(2)
            return
        refused = ops.query(self.ctx, lambda s: catalog.refused_in_run(s, codes, self.pending))
        if refused:  # all or none: a run with a hole would misnumber the labels on the sheet
            more = _(" (and {n} more)").format(n=len(refused) - 1) if len(refused) > 1 else ""
            self.page.banner("error", _("Run not added: ") + refused[0] + more)
            self.page.beep(2)
            return
        self._append(list(codes))
        self.run_start.clear()
        self.barcode_edit.setFocus()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.pending_list.selectedIndexes()}, reverse=True)
        if not rows and self.pending_list.currentRow() >= 0:
            rows = [self.pending_list.currentRow()]
        if not rows:
            self.page.banner("error", _("Choose the copies to remove in the list first."))
            return
        removed = [self.pending.pop(r) for r in rows]
        for r in rows:
            self.pending_list.takeItem(r)
        self.page.banner(
            "warn",
            _("Removed {codes}; {count} copies ready to save.").format(
                codes=", ".join(reversed(removed)), count=len(self.pending)
            ),
        )

    # --- saving ---------------------------------------------------------------------------

    def form_data(self) -> BibData:
        # Columns the form does not show (subjects, summary, …) stay as looked up.
        shown = {k: e.text() for k, e in self.fields.items()}
        looked_up = vars(self.current.data) if self.current is not None else {}
        return BibData.from_mapping({**looked_up, **shown})

    def save(self) -> None:
        if self.saving:
            return
        if self.current is None:
            self.page.banner("error", _("Scan the book's ISBN first."))
            self.page.beep(2)
            return
        shelf = self.shelf_combo.currentData() or None
        aux = self.aux_edit.text().strip() or None
        copies = [CopyInput(code, shelf, aux) for code in self.pending]
        data, current = self.form_data(), self.current
        source = "union" if current.source == "union" else "manual"

        def job(profile: Profile, _control: Any) -> tuple[BibView, AddedCopies | None]:
            # The county's 种次号 is reserved before the save's one transaction (no network
            # call inside it), on the worker thread: app.services.catalog_save.
            return catalog_save.save_title(
                profile, data, current.bib_uuid, source, current.source_record, copies
            )

        self.saving = True
        self.save_button.setEnabled(False)
        self.page.banner("idle", _("Saving…"))
        ops.job(self.ctx, job, on_done=self.saved.emit, on_error=self._save_failed)

    def _save_failed(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.page.problem(exc)

    def _show_saved(self, result: tuple[BibView, AddedCopies | None]) -> None:
        bib, added = result
        self.saving = False
        self.save_button.setEnabled(True)
        numbers = ", ".join(f"{i.barcode} → {i.call_number}" for i in added.items) if added else ""
        self.page.banner(
            "ok", _("Saved “{title}”. {numbers}").format(title=bib.data.title, numbers=numbers)
        )
        self.page.beep(1)
        self.current = None
        self.pending.clear()
        self.pending_list.clear()
        self.source_label.setText(_("Scan a book's ISBN to start."))
        self.ctx.data_changed.emit()
        self.page.scan_box.setFocus()
