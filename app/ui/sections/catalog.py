"""The Catalogue screen: one scan box that routes every scan, search, the form, stocktake.

Scanners type like keyboards and end with Enter. Whatever has focus on this page, typed
text that no field wants goes to the scan box; the scan box then decides by the code itself:
an ISBN opens the record form, an item barcode goes to the current task (copies being added,
the stocktake, or a search), anything else is searched. The tabs live in app/ui/catalog/;
a search result opens its record (double-click or Enter), 书架… manages the shelves.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from app.profile import Profile
from app.services import catalog, catalog_save, catalog_shelves
from app.services.catalog import LookupResult
from app.services.catalog_rules import ScanDeduper, clean_scan
from app.services.catalog_search import SearchHit, SearchResult, search
from app.ui import ops
from app.ui.catalog.common import fill_table, read_only, scrolling_body, size_columns, status_text
from app.ui.catalog.form import CatalogueForm
from app.ui.catalog.record import RecordDialog
from app.ui.catalog.shelves import ShelvesDialog
from app.ui.catalog.stocktake_tab import StocktakeTab
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.marc_import import add_import_button
from app.ui.sections import SectionSpec
from app.ui.sections.circulation import Banner, beep
from app.ui.style import font_css
from app.ui.transfers_tab import TransfersTab
from shuwu_shared.domain import clc_table
from shuwu_shared.errors import ShuwuError

__all__ = ["CatalogPage", "status_text"]

SEARCH_TAB, FORM_TAB, STOCKTAKE_TAB = 0, 1, 2


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
        self.hits: tuple[SearchHit, ...] = ()
        self.last_query = ""
        self.record_dialog: RecordDialog | None = None
        self.shelves_dialog: ShelvesDialog | None = None
        layout = scrolling_body(self)

        top = QHBoxLayout()
        self.scan_box = QLineEdit()
        self.scan_box.setPlaceholderText(
            _("Scan or type: ISBN, item barcode, title, author, call number or pinyin (hlm)")
        )
        self.scan_box.setAccessibleName(_("Scan or search"))
        self.scan_box.setStyleSheet(f"{font_css(15)} padding: 4px;")
        self.scan_box.setMinimumWidth(120)
        self.scan_box.returnPressed.connect(self.on_scan)
        top.addWidget(self.scan_box, 1)
        search_button = QPushButton(_("Search"))
        search_button.setAccessibleName(_("Search"))
        search_button.setAutoDefault(False)
        search_button.clicked.connect(lambda: self.run_search(self.scan_box.text()))
        top.addWidget(search_button)
        shelves_button = QPushButton(_("Shelves…"))
        shelves_button.setAccessibleName(_("Shelves"))
        shelves_button.setAutoDefault(False)
        shelves_button.clicked.connect(self.open_shelves)
        top.addWidget(shelves_button)
        add_import_button(self, top)
        layout.addLayout(top)

        self.message = Banner()
        self.message.setMinimumHeight(0)
        self.message.setAccessibleName(_("Message"))
        self.banner("idle", _("Scan a book's ISBN to catalogue it, or search."))
        layout.addWidget(self.message)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Catalogue tasks"))
        self.tabs.addTab(self._build_results(), _("Search"))
        self.form = CatalogueForm(self)
        self.tabs.addTab(self.form, _("Catalogue a book"))
        self.stocktake = StocktakeTab(self)
        self.tabs.addTab(self.stocktake, _("Stocktake"))
        self.transfers_tab = TransfersTab(ctx)
        self.tabs.addTab(self.transfers_tab, _("Transfers"))
        self.tabs.currentChanged.connect(self.on_tab_changed)
        layout.addWidget(self.tabs, 1)

        forwarder = _ForwardTyping(self)
        for widget in (
            self.results,
            self.tabs,
            self.form.pending_list,
            self.stocktake.stock_list,
            self.transfers_tab.send_list,
            self.transfers_tab.receive_list,
            self.transfers_tab.history,
        ):
            widget.installEventFilter(forwarder)
        self.lookup_done.connect(self.show_lookup)
        for keys in ("Ctrl+S", "F10"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_shortcut)
        picker = QShortcut(QKeySequence("F4"), self)
        picker.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        picker.activated.connect(self.picker_shortcut)

    # --- building ---------------------------------------------------------------------

    def _build_results(self) -> QWidget:
        self.results = QTableWidget(0, 6)
        self.results.setHorizontalHeaderLabels(
            [_("Call number"), _("Title"), _("Author"), _("Publisher"), _("ISBN"), _("Copies")]
        )
        self.results.setAccessibleName(_("Search results"))
        self.results.setToolTip(_("Double-click or press Enter to open the record."))
        read_only(self.results)
        size_columns(self.results, stretch=5)  # headers readable before the first search
        self.results.activated.connect(lambda index: self.open_record_at(index.row()))
        self.results.doubleClicked.connect(lambda index: self.open_record_at(index.row()))
        return self.results

    # --- compatibility names the tests and other screens use --------------------------

    @property
    def current(self) -> LookupResult | None:
        return self.form.current

    @property
    def pending(self) -> list[str]:
        return self.form.pending

    @property
    def stocktake_uuid(self) -> str | None:
        return self.stocktake.stocktake_uuid

    # --- helpers ----------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh_shelves()
        self.stocktake.resume()
        # The 中图法 table takes about a second to load: do it now, off the GUI thread (a
        # plain thread: nothing comes back to Qt).
        threading.Thread(target=clc_table.warm, name="clc-warm", daemon=True).start()
        self.scan_box.setFocus()

    def on_tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None:
            return
        if widget is self.transfers_tab:
            self.transfers_tab.activate()
        hints = {  # a fresh line per tab: no stale message from another task
            self.results: _("Scan or type to search; Enter on a result opens its record."),
            self.form: _("Scan a book's ISBN; then the copy barcodes; Ctrl+S saves."),
            self.stocktake: _("Choose a shelf, start the stocktake, then scan every copy."),
            self.transfers_tab: _("Scan the copies to send, or a transfer slip to receive."),
        }
        if self.message.state != "error" or widget is not self.form:
            self.banner("idle", hints.get(widget, ""))

    def typing_target(self) -> QLineEdit:
        if self.tabs.currentWidget() is self.transfers_tab:
            return self.transfers_tab.scan_target()
        if self.tabs.currentWidget() is self.form and self.form.current is not None:
            return self.form.barcode_edit
        return self.scan_box

    def refresh_shelves(self) -> None:
        try:
            shelves = ops.query(self.ctx, catalog_shelves.list_shelves)
        except ShuwuError:
            shelves = []
        self.form.refresh_shelves(shelves)
        self.stocktake.refresh_shelves(shelves)

    def banner(self, state: str, text: str) -> None:
        self.message.show_message(state, text)
        # A smaller banner than the desk's: the form needs the room at 1024×768.
        self.message.setStyleSheet(
            self.message.styleSheet()
            .replace(font_css(20), f"{font_css(13)}")
            .replace("padding: 12px", "padding: 4px")
        )

    def beep(self, times: int = 1) -> None:
        beep(times)

    def say(self, text: str, ok: bool = True) -> None:
        self.banner("ok" if ok else "error", text)
        if not ok:
            beep(2)

    def problem(self, exc: BaseException) -> None:
        if isinstance(exc, ShuwuError):
            self.say(exc.message, ok=False)
        else:
            show_error(self, exc)

    def save_shortcut(self) -> None:
        if self.tabs.currentWidget() is self.form:
            self.form.save()

    def picker_shortcut(self) -> None:
        if self.tabs.currentWidget() is self.form:
            self.form.open_picker()

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
        kind = ops.query(self.ctx, lambda s: catalog.classify_scan(s, code))
        tab = self.tabs.currentWidget()
        if kind == "isbn":
            self.isbn_scanned(code)
        elif kind == "reader":
            self.say(
                _("{code} is a reader card. Use Circulation to lend books.").format(code=code),
                ok=False,
            )
        elif kind == "item" and tab is self.stocktake and self.stocktake_uuid:
            self.stocktake.stocktake_scan(code)
        elif kind == "item" and tab is self.transfers_tab:
            self.transfers_tab.add_outgoing(code)
            kind = "transfer"
        elif kind == "item" and tab is self.form and self.form.current is not None:
            self.form.add_pending(code)
        else:
            self.run_search(code)
            kind = "search"
        self.scan_handled.emit(code, kind)

    def run_search(self, query: str) -> None:
        query = query.strip()
        if not query:
            return
        result = ops.query(self.ctx, lambda s: search(s, query))
        self.last_query = query
        self.tabs.setCurrentIndex(SEARCH_TAB)
        self.show_results(result)

    def show_results(self, result: SearchResult) -> None:
        self.hits = tuple(result.hits)
        rows = []
        for hit in result.hits:
            copies = "; ".join(
                f"{c.barcode} {status_text(c.status)}"
                + (f" @{c.current_branch}" if c.current_branch != c.home_branch else "")
                for c in hit.copies
            ) or _("no copies")
            rows.append(
                (
                    hit.call_number or "",
                    hit.title,
                    hit.author or "",
                    hit.publisher or "",
                    hit.isbn or "",
                    copies,
                )
            )
        fill_table(self.results, rows, stretch=5)
        if rows:
            self.results.selectRow(0)
        more = _(" (more not shown)") if result.truncated else ""
        found = (
            _("{count} records found for “{query}”").format(
                count=len(result.hits), query=result.query
            )
            + more
            + (_(" Double-click or Enter opens a record.") if rows else "")
        )
        if result.receiving_text:
            # A new device: the county's records are still arriving, so results are partial.
            self.banner("warn", result.receiving_text + " · " + found)
        else:
            self.say(found)

    def open_record_at(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            self.open_record(self.hits[row].bib_uuid)

    def open_record(self, bib_uuid: str) -> None:
        if self.record_dialog is not None and self.record_dialog.isVisible():
            return  # activated and doubleClicked both fire on some platforms
        try:
            dialog = RecordDialog(self.ctx, bib_uuid, self)
        except ShuwuError as exc:
            self.problem(exc)
            return
        self.record_dialog = dialog
        dialog.finished.connect(lambda _result: self._record_closed())
        dialog.resize(self.window().width() * 3 // 4, self.window().height() * 3 // 4)
        dialog.open()

    def _record_closed(self) -> None:
        if self.hits and self.last_query:  # show the edits in the list
            QTimer.singleShot(0, lambda: self.run_search(self.last_query))
        self.results.setFocus()

    def open_shelves(self) -> None:
        dialog = ShelvesDialog(self.ctx, self)
        self.shelves_dialog = dialog
        dialog.finished.connect(lambda _result: self.refresh_shelves())
        dialog.open()

    # --- cataloguing ------------------------------------------------------------------

    def isbn_scanned(self, code: str) -> None:
        form = self.form
        if form.pending and form.current is not None:
            self.say(
                _(
                    "{count} copies of “{title}” are not saved yet. Save them (Ctrl+S) or "
                    "remove them (Del) before scanning another book."
                ).format(
                    count=len(form.pending), title=form.current.data.title or form.current.isbn
                ),
                ok=False,
            )
            self.tabs.setCurrentWidget(form)
            return
        self.start_lookup(code)

    def start_lookup(self, code: str) -> None:
        self.tabs.setCurrentWidget(self.form)
        try:
            catalog.require_isbn(code)  # a mistyped ISBN is a message, not a failed job
        except ShuwuError as exc:
            self.problem(exc)
            return
        self.banner("idle", _("Looking up {code}…").format(code=code))

        def job(profile: Profile, _control: Any) -> LookupResult:
            # The local read's session is closed before the county is asked.
            return catalog_save.lookup_title(profile, code)

        ops.job(self.ctx, job, on_done=self.lookup_done.emit, on_error=self.problem)

    def show_lookup(self, found: LookupResult) -> None:
        self.tabs.setCurrentWidget(self.form)
        self.form.show_lookup(found)


SECTION = SectionSpec(key="catalog", factory=CatalogPage)
