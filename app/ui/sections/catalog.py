"""The Catalogue screen: one scan box that routes every scan, search, the edit form, stocktake.

Scanners type like keyboards and end with Enter. Whatever has focus on this page, typed
text that no field wants goes to the scan box; the scan box then decides by the code itself:
an ISBN opens the record form, an item barcode goes to the current task (copies being added,
the stocktake, or a search), anything else is searched.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ShuwuError
from app.services import catalog, stocktake
from app.services.catalog import BibData, CopyInput, LookupResult
from app.services.catalog_rules import (
    CLC_T_SUBCLASSES,
    CLC_TOP_CLASSES,
    ScanDeduper,
    clean_scan,
)
from app.services.catalog_search import SearchResult, search
from app.services.catalog_union import origin_text, union_catalog_for
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.marc_import import add_import_button
from app.ui.sections import SectionSpec
from app.ui.style import font_css
from app.ui.transfers_tab import TransfersTab

STATUS_TEXT = {
    "available": lambda: _("on shelf"),
    "on_loan": lambda: _("on loan"),
    "in_transit": lambda: _("in transit"),
    "missing": lambda: _("missing"),
    "lost": lambda: _("lost"),
    "withdrawn": lambda: _("withdrawn"),
    "damaged": lambda: _("damaged"),
}
FORM_FIELDS = ("title", "author", "publisher", "pub_place", "pub_year", "isbn", "clc_class")


def status_text(status: str) -> str:
    label = STATUS_TEXT.get(status)
    return label() if label else status


class _ForwardTyping(QObject):
    """Sends printable keys that land on non-text widgets (tables, lists, tabs) to the scan box."""

    def __init__(self, page: CatalogPage) -> None:
        super().__init__(page)
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if (
                text
                and text.isprintable()
                and not event.modifiers()
                & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
            ):
                # On the 调拨 tab the tab's own scan field gets it, not the search box.
                target = self.page.typing_target()
                target.setFocus()
                target.insert(text)
                return True
        return False


class CatalogPage(QWidget):
    lookup_done = Signal(object)
    scan_handled = Signal(str, str)  # code, what it was routed to

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.deduper = ScanDeduper(1.0)
        self.current: LookupResult | None = None
        self.pending: list[str] = []
        self.stocktake_uuid: str | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.scan_box = QLineEdit()
        self.scan_box.setPlaceholderText(
            _("Scan or type: ISBN, item barcode, title, author, call number or pinyin (hlm)")
        )
        self.scan_box.setAccessibleName(_("Scan or search"))
        self.scan_box.setStyleSheet(f"{font_css(15)} padding: 6px;")
        self.scan_box.returnPressed.connect(self.on_scan)
        top.addWidget(self.scan_box, 1)
        search_button = QPushButton(_("Search"))
        search_button.setAccessibleName(_("Search"))
        search_button.clicked.connect(lambda: self.run_search(self.scan_box.text()))
        top.addWidget(search_button)
        add_import_button(self, top)
        layout.addLayout(top)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Message"))
        layout.addWidget(self.message)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Catalogue tasks"))
        self.tabs.addTab(self._build_results(), _("Search"))
        self.tabs.addTab(self._build_form(), _("Catalogue a book"))
        self.tabs.addTab(self._build_stocktake(), _("Stocktake"))
        self.transfers_tab = TransfersTab(ctx)
        self.tabs.addTab(self.transfers_tab, _("Transfers"))
        self.tabs.currentChanged.connect(self.on_tab_changed)
        layout.addWidget(self.tabs, 1)

        forwarder = _ForwardTyping(self)
        for widget in (
            self.results,
            self.tabs,
            self.pending_list,
            self.stock_list,
            self.transfers_tab.send_list,
            self.transfers_tab.receive_list,
            self.transfers_tab.history,
        ):
            widget.installEventFilter(forwarder)
        self.lookup_done.connect(self.show_lookup)

    # --- building ---------------------------------------------------------------------

    def _build_results(self) -> QWidget:
        self.results = QTableWidget(0, 6)
        self.results.setHorizontalHeaderLabels(
            [_("Call number"), _("Title"), _("Author"), _("Publisher"), _("ISBN"), _("Copies")]
        )
        self.results.setAccessibleName(_("Search results"))
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        return self.results

    def _build_form(self) -> QWidget:
        page = QWidget()
        outer = QHBoxLayout(page)
        form = QFormLayout()
        self.source_label = QLabel(_("Scan a book's ISBN to start."))
        form.addRow(self.source_label)
        labels = {
            "title": _("Title"),
            "author": _("Author"),
            "publisher": _("Publisher"),
            "pub_place": _("Place"),
            "pub_year": _("Year"),
            "isbn": _("ISBN"),
            "clc_class": _("中图法 class"),
        }
        self.fields: dict[str, QLineEdit] = {}
        for key in FORM_FIELDS:
            edit = QLineEdit()
            edit.setAccessibleName(labels[key])
            self.fields[key] = edit
            if key == "clc_class":
                row = QHBoxLayout()
                row.addWidget(edit)
                self.class_picker = QComboBox()
                self.class_picker.setAccessibleName(_("Choose a 中图法 class"))
                self.class_picker.addItem(_("Choose a class…"), "")
                for code, name in CLC_TOP_CLASSES:
                    self.class_picker.addItem(f"{code}  {name}", code)
                    if code == "T":
                        for sub, sub_name in CLC_T_SUBCLASSES:
                            self.class_picker.addItem(f"    {sub}  {sub_name}", sub)
                self.class_picker.activated.connect(self.on_class_picked)
                row.addWidget(self.class_picker)
                form.addRow(labels[key], row)
            else:
                form.addRow(labels[key], edit)
        outer.addLayout(form, 3)

        copies = QVBoxLayout()
        copies.addWidget(QLabel(_("Copies to add (scan the library barcodes):")))
        self.barcode_edit = QLineEdit()
        self.barcode_edit.setAccessibleName(_("Copy barcode"))
        self.barcode_edit.setPlaceholderText(_("Copy barcode, then Enter"))
        self.barcode_edit.returnPressed.connect(self.on_barcode_entered)
        copies.addWidget(self.barcode_edit)
        row = QHBoxLayout()
        self.shelf_combo = QComboBox()
        self.shelf_combo.setAccessibleName(_("Shelf location"))
        row.addWidget(QLabel(_("Shelf")))
        row.addWidget(self.shelf_combo, 1)
        self.aux_edit = QLineEdit()
        self.aux_edit.setAccessibleName(_("Volume/copy mark (辅助区分号)"))
        self.aux_edit.setPlaceholderText(_("辅助区分号"))
        self.aux_edit.setMaximumWidth(90)
        row.addWidget(self.aux_edit)
        copies.addLayout(row)
        self.pending_list = QListWidget()
        self.pending_list.setAccessibleName(_("Copies to add"))
        copies.addWidget(self.pending_list, 1)
        self.save_button = QPushButton(_("Save record and copies"))
        self.save_button.setAccessibleName(_("Save record and copies"))
        self.save_button.setStyleSheet(f"{font_css(13)} padding: 8px;")
        self.save_button.clicked.connect(self.save)
        copies.addWidget(self.save_button)
        outer.addLayout(copies, 2)
        return page

    def _build_stocktake(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.stock_shelf = QComboBox()
        self.stock_shelf.setAccessibleName(_("Shelf to count"))
        row.addWidget(self.stock_shelf, 1)
        start = QPushButton(_("Start stocktake"))
        start.setAccessibleName(_("Start stocktake"))
        start.clicked.connect(self.start_stocktake)
        row.addWidget(start)
        show = QPushButton(_("Show result"))
        show.setAccessibleName(_("Show result"))
        show.clicked.connect(self.show_stocktake_report)
        row.addWidget(show)
        finish = QPushButton(_("Finish"))
        finish.setAccessibleName(_("Finish stocktake"))
        finish.clicked.connect(self.finish_stocktake)
        row.addWidget(finish)
        export = QPushButton(_("Export CSV…"))
        export.setAccessibleName(_("Export CSV"))
        export.clicked.connect(self.export_stocktake)
        row.addWidget(export)
        layout.addLayout(row)
        self.stock_status = QLabel(_("No stocktake is open."))
        layout.addWidget(self.stock_status)
        body = QHBoxLayout()
        self.stock_list = QListWidget()
        self.stock_list.setAccessibleName(_("Scanned items"))
        body.addWidget(self.stock_list, 1)
        self.stock_report = QPlainTextEdit()
        self.stock_report.setReadOnly(True)
        self.stock_report.setAccessibleName(_("Stocktake result"))
        body.addWidget(self.stock_report, 2)
        layout.addLayout(body, 1)
        return page

    # --- helpers ----------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh_shelves()
        with self.ctx.profile.sessions() as s:
            open_ = stocktake.open_sessions(s)
        if open_ and self.stocktake_uuid is None:
            self.stocktake_uuid = open_[0].uuid
            self.stock_status.setText(
                _("Stocktake in progress (started {when}), {count} scanned. Keep scanning.").format(
                    when=open_[0].started_at[:16], count=open_[0].scanned
                )
            )
        self.scan_box.setFocus()

    def on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.transfers_tab:
            self.transfers_tab.activate()

    def typing_target(self) -> QLineEdit:
        if self.tabs.currentWidget() is self.transfers_tab:
            return self.transfers_tab.scan_target()
        return self.scan_box

    def refresh_shelves(self) -> None:
        try:
            with self.ctx.profile.sessions() as s:
                shelves = catalog.list_shelf_locations(s)
        except ShuwuError:
            shelves = []
        for combo, first in (
            (self.shelf_combo, _("(no shelf)")),
            (self.stock_shelf, _("Whole branch")),
        ):
            combo.clear()
            combo.addItem(first, "")
            for shelf in shelves:
                combo.addItem(f"{shelf.code}  {shelf.name}", shelf.code)

    def say(self, text: str, ok: bool = True) -> None:
        colour = "#2b8a3e" if ok else "#c92a2a"
        self.message.setStyleSheet(f"color: {colour}; {font_css(13)} font-weight: bold;")
        self.message.setText(text)
        if not ok:
            QApplication.beep()

    def problem(self, exc: BaseException) -> None:
        if isinstance(exc, ShuwuError):
            self.say(exc.message, ok=False)
        else:
            show_error(self, exc)

    # --- scan routing -----------------------------------------------------------------

    def on_scan(self) -> None:
        code = clean_scan(self.scan_box.text())
        self.scan_box.clear()
        if not code:
            return
        if not self.deduper.accept(code, time.monotonic()):
            self.say(_("{code} was scanned twice; counted once.").format(code=code))
            return
        self.route(code)

    def route(self, code: str) -> None:
        with self.ctx.profile.sessions() as s:
            kind = catalog.classify_scan(s, code)
        tab = self.tabs.currentIndex()
        if kind == "isbn":
            self.start_lookup(code)
        elif kind == "reader":
            self.say(
                _("{code} is a reader card. Use Circulation to lend books.").format(code=code),
                ok=False,
            )
        elif kind == "item" and tab == 2 and self.stocktake_uuid:
            self.stocktake_scan(code)
        elif kind == "item" and self.tabs.currentWidget() is self.transfers_tab:
            self.transfers_tab.add_outgoing(code)
            kind = "transfer"
        elif kind == "item" and tab == 1 and self.current is not None:
            self.add_pending(code)
        else:
            self.run_search(code)
            kind = "search"
        self.scan_handled.emit(code, kind)

    def run_search(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        with self.ctx.profile.sessions() as s:
            result = search(s, query)
        self.show_results(result)
        self.tabs.setCurrentIndex(0)

    def show_results(self, result: SearchResult) -> None:
        self.results.setRowCount(len(result.hits))
        for row, hit in enumerate(result.hits):
            copies = "; ".join(
                f"{c.barcode} {status_text(c.status)}"
                + (f" @{c.current_branch}" if c.current_branch != c.home_branch else "")
                for c in hit.copies
            ) or _("no copies")
            values = [
                hit.call_number or "",
                hit.title,
                hit.author or "",
                hit.publisher or "",
                hit.isbn or "",
                copies,
            ]
            for col, value in enumerate(values):
                self.results.setItem(row, col, QTableWidgetItem(value))
        self.results.resizeColumnToContents(0)
        more = _(" (more not shown)") if result.truncated else ""
        self.say(
            _("{count} records found for “{query}”").format(
                count=len(result.hits), query=result.query
            )
            + more
        )

    # --- cataloguing ------------------------------------------------------------------

    def start_lookup(self, code: str) -> None:
        self.tabs.setCurrentIndex(1)
        self.say(_("Looking up {code}…").format(code=code))
        profile = self.ctx.profile

        def job(_control: Any) -> LookupResult:
            with profile.sessions() as s:
                return catalog.lookup_isbn(s, code, union_catalog_for(s))

        self.ctx.tasks.run(job, on_done=self.lookup_done.emit, on_error=self.problem)

    def show_lookup(self, found: LookupResult) -> None:
        self.current = found
        self.tabs.setCurrentIndex(1)
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
        if found.origin:  # copy cataloguing (h15b): name the external target it came from
            text = origin_text(found.origin)
        self.source_label.setText(text)
        self.say(text)
        target = self.barcode_edit if found.data.title else self.fields["title"]
        target.setFocus()

    def on_class_picked(self, index: int) -> None:
        code = self.class_picker.itemData(index)
        if code:
            self.fields["clc_class"].setText(code)
            self.fields["clc_class"].setFocus()

    def on_barcode_entered(self) -> None:
        code = clean_scan(self.barcode_edit.text())
        self.barcode_edit.clear()
        if not code:
            return
        if not self.deduper.accept(code, time.monotonic()):
            return
        with self.ctx.profile.sessions() as s:
            kind = catalog.classify_scan(s, code)
        if kind == "isbn":
            self.start_lookup(code)
            return
        self.add_pending(code)

    def add_pending(self, code: str) -> None:
        if self.current is None:
            self.say(_("Scan the book's ISBN first."), ok=False)
            return
        if code in self.pending:
            self.say(
                _("Barcode {barcode} was scanned twice in this batch.").format(barcode=code),
                ok=False,
            )
            return
        self.pending.append(code)
        self.pending_list.addItem(code)
        self.say(_("{count} copies ready to save.").format(count=len(self.pending)))

    def form_data(self) -> BibData:
        return BibData.from_mapping({k: e.text() for k, e in self.fields.items()})

    def save(self) -> None:
        if self.current is None:
            self.say(_("Scan the book's ISBN first."), ok=False)
            return
        shelf = self.shelf_combo.currentData() or None
        aux = self.aux_edit.text().strip() or None
        copies = [CopyInput(code, shelf, aux) for code in self.pending]
        profile = self.ctx.profile
        try:
            with profile.sessions() as s, s.begin():
                union = union_catalog_for(s)
                bib = catalog.save_bib(
                    s,
                    profile.clock,
                    self.form_data(),
                    self.current.bib_uuid,
                    "union" if self.current.source == "union" else "manual",
                )
                added = (
                    catalog.add_copies(s, profile.clock, bib.uuid, copies, union)
                    if copies
                    else None
                )
        except Exception as exc:  # nothing was saved: the transaction rolled back
            self.problem(exc)
            return
        numbers = ", ".join(f"{i.barcode} → {i.call_number}" for i in added.items) if added else ""
        self.say(_("Saved “{title}”. {numbers}").format(title=bib.data.title, numbers=numbers))
        self.current = None
        self.pending.clear()
        self.pending_list.clear()
        self.ctx.data_changed.emit()
        self.scan_box.setFocus()

    # --- stocktake --------------------------------------------------------------------

    def start_stocktake(self) -> None:
        try:
            with self.ctx.profile.sessions() as s, s.begin():
                info = stocktake.start(
                    s, self.ctx.profile.clock, self.stock_shelf.currentData() or None
                )
        except ShuwuError as exc:
            self.problem(exc)
            return
        self.stocktake_uuid = info.uuid
        self.stock_list.clear()
        self.stock_report.clear()
        self.stock_status.setText(_("Stocktake started. Scan every copy on the shelves."))
        self.scan_box.setFocus()

    def stocktake_scan(self, code: str) -> None:
        try:
            with self.ctx.profile.sessions() as s, s.begin():
                outcome = stocktake.scan(s, self.ctx.profile.clock, code, self.stocktake_uuid)
        except ShuwuError as exc:
            self.problem(exc)
            return
        words = {
            "ok": _("on shelf"),
            "already": _("already counted"),
            "elsewhere": _("belongs elsewhere"),
            "on_loan": _("recorded as on loan!"),
            "unknown": _("unknown barcode"),
        }
        self.stock_list.insertItem(
            0, f"{outcome.barcode}  {outcome.title or ''}  — {words[outcome.status]}"
        )
        self.say(f"{outcome.barcode}: {words[outcome.status]}", outcome.status in ("ok", "already"))

    def _report_text(self, result: stocktake.StocktakeReport) -> str:
        lines = [
            _("Expected {expected}, found {found}.").format(
                expected=result.expected, found=result.found
            ),
            "",
            _("Missing ({count}):").format(count=len(result.missing)),
        ]
        lines += [f"  {m.call_number or ''}  {m.barcode}  {m.title}" for m in result.missing]
        lines += ["", _("Belongs elsewhere ({count}):").format(count=len(result.found_elsewhere))]
        lines += [f"  {m.barcode}  {m.title}  ({m.home_branch})" for m in result.found_elsewhere]
        lines += [
            "",
            _("On loan but on the shelf ({count}):").format(count=len(result.on_loan_found)),
        ]
        lines += [f"  {m.barcode}  {m.title}" for m in result.on_loan_found]
        if result.unknown:
            lines += ["", _("Unknown barcodes: {codes}").format(codes=", ".join(result.unknown))]
        return "\n".join(lines)

    def show_stocktake_report(self) -> None:
        try:
            with self.ctx.profile.sessions() as s:
                result = stocktake.report(s, self.stocktake_uuid)
        except ShuwuError as exc:
            self.problem(exc)
            return
        self.stock_report.setPlainText(self._report_text(result))

    def finish_stocktake(self) -> None:
        try:
            with self.ctx.profile.sessions() as s, s.begin():
                result = stocktake.finish(s, self.ctx.profile.clock, self.stocktake_uuid)
        except ShuwuError as exc:
            self.problem(exc)
            return
        self.stock_report.setPlainText(self._report_text(result))
        self.stock_status.setText(_("Stocktake finished; the result will be sent to the county."))
        self.ctx.data_changed.emit()

    def export_stocktake(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export stocktake"), str(Path.home() / "stocktake.csv"), "CSV (*.csv)"
        )
        if not path:
            return
        try:
            with self.ctx.profile.sessions() as s:
                result = stocktake.report(s, self.stocktake_uuid)
            stocktake.export_csv(result, Path(path))
        except ShuwuError as exc:
            self.problem(exc)
            return
        self.say(_("Saved {path}").format(path=path))


SECTION = SectionSpec(key="catalog", factory=CatalogPage)
