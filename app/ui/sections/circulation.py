"""借还 Circulation desk: checkout, return and overdues, driven by a barcode scanner.

Scanners type like keyboards and end with Enter, so the whole desk works from the keyboard:
scan the reader card, then items; F5 renews the selected loan (rescanning a book the reader
already has selects it and offers the renewal), Ctrl+Z undoes the last scan, named on its
button (a compensating op; never a scan before a refused one), F8 overrides the last refusal
when the rule allows it, Esc starts over. Every scan ends in a big green (done), amber (look:
overdue books, not on loan, put aside) or red (refused) banner and a beep.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import circulation, credit, overdues
from app.services.circulation import DeskReader, Refused, ScanResult
from app.ui import ops
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.pdf_printing import print_document
from app.ui.sections import SectionSpec
from app.ui.style import font_css
from app.ui.tables import fit_columns, header_minimums
from shuwu_shared.errors import ShuwuError

OK_STYLE = "background: #2b8a3e; color: white;"
WARN_STYLE = "background: #e67700; color: white;"
ERROR_STYLE = "background: #c92a2a; color: white;"
IDLE_STYLE = "background: #e9ecef; color: #343a40;"
UNDO_BUTTON_MAX_PX = 420  # the undo button names the scan; longer titles are elided


class Banner(QLabel):
    """The loud feedback line: green for done, amber for "put aside", red for refused."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("deskBanner")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(84)
        self.setAccessibleName(_("Result of the last scan"))
        self.state = "idle"
        self.show_message("idle", _("Ready: scan a card or a book."))

    def show_message(self, state: str, text: str) -> None:
        self.state = state
        style = {"ok": OK_STYLE, "warn": WARN_STYLE, "error": ERROR_STYLE}.get(state, IDLE_STYLE)
        self.setStyleSheet(
            f"#deskBanner {{ {style} {font_css(20)} font-weight: bold; padding: 12px;"
            " border-radius: 6px; }"
        )
        self.setText(text)
        self.setAccessibleDescription(text)


def beep(times: int = 1) -> None:
    """A plain system beep; refusals beep twice so they are heard without looking."""
    for _n in range(times):
        QApplication.beep()


class ScanField(QLineEdit):
    """A line edit for scanner input that leaves Ctrl+Z to the desk's "undo last scan"."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            event.ignore()
            return False
        return super().event(event)


class ReasonDialog(QDialog):
    """Asks for the reason of an override or an undo; Enter accepts, Esc cancels."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, default: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QFormLayout(self)
        self.reason = QLineEdit(default)
        self.reason.setAccessibleName(prompt)
        layout.addRow(QLabel(prompt))
        layout.addRow(self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.reason.selectAll()

    def text(self) -> str:
        return self.reason.text().strip()


AskReason = Callable[[str, str, str], str | None]


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header_minimums(table)
    table.verticalHeader().setVisible(False)
    table.setAccessibleName(name)
    return table


OVERDUE_COLOUR = QColor("#c92a2a")


def _set_row(
    table: QTableWidget,
    row: int,
    values: list[str],
    key: str | None = None,
    colour: QColor | None = None,
) -> None:
    for col, value in enumerate(values):
        cell = QTableWidgetItem(value)
        cell.setToolTip(value)  # a narrow column still shows the whole text on hover
        if key is not None:
            cell.setData(Qt.ItemDataRole.UserRole, key)
        if colour is not None:
            cell.setForeground(QBrush(colour))
        table.setItem(row, col, cell)


def scan_description(scan: ScanResult) -> str:
    """What a scan did, in words a person checks before undoing it."""
    title = scan.title or scan.barcode
    if scan.kind == "checkout":
        return _("lending of “{title}”").format(title=title)
    if scan.kind == "return":
        return _("return of “{title}”").format(title=title)
    return _("renewal of “{title}”").format(title=title)


def overdue_note(reader: DeskReader) -> str:
    """ "2 books overdue: 红岩 (18 days), …" or "" when none is late."""
    late = [loan for loan in reader.loans if loan.overdue_days > 0]
    if not late:
        return ""
    listed = "、".join(
        _("{title} ({days} days)").format(title=loan.title or loan.barcode, days=loan.overdue_days)
        for loan in late[:3]
    )
    if len(late) > 3:
        listed += "…"
    return _("{n} books overdue: {books}").format(n=len(late), books=listed)


class CheckoutTab(QWidget):
    def __init__(self, page: CirculationPage) -> None:
        super().__init__()
        self.page = page
        self.reader: DeskReader | None = None
        self.loan_order: list[str] = []  # barcodes as first shown: renewals never re-sort
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.card_input = ScanField()
        self.card_input.setPlaceholderText(_("Scan the reader card, then press Enter"))
        self.card_input.setAccessibleName(_("Reader card"))
        self.item_input = ScanField()
        self.item_input.setPlaceholderText(_("Scan each book to lend it"))
        self.item_input.setAccessibleName(_("Book barcode to lend"))
        for field in (self.card_input, self.item_input):
            field.setStyleSheet(f"{font_css(16)} padding: 4px;")
        form.addRow(_("Reader card:"), self.card_input)
        form.addRow(_("Book barcode:"), self.item_input)
        layout.addLayout(form)
        self.reader_label = QLabel(_("No reader yet."))
        self.reader_label.setAccessibleName(_("Reader summary"))
        self.reader_label.setStyleSheet(f"{font_css(14)} padding: 6px;")
        self.reader_label.setWordWrap(True)
        layout.addWidget(self.reader_label)
        self.loans = _table(
            [_("Barcode"), _("Title"), _("Due"), _("Days overdue"), _("Renewals")],
            _("Loans of this reader"),
        )
        layout.addWidget(self.loans, 1)
        buttons = QHBoxLayout()
        self.renew_button = QPushButton(_("Renew selected (F5)"))
        self.renew_button.setAccessibleName(_("Renew the selected loan"))
        self.renew_button.clicked.connect(self.renew_selected)
        self.clear_button = QPushButton(_("Next reader (Esc)"))
        self.clear_button.setAccessibleName(_("Start over with the next reader"))
        self.clear_button.clicked.connect(self.clear)
        buttons.addWidget(self.renew_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.card_input.returnPressed.connect(self.load_reader)
        self.item_input.returnPressed.connect(self.lend)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.renew_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear)

    # -- actions --------------------------------------------------------------------------

    def load_reader(self) -> None:
        card = self.card_input.text().strip()
        if not card:
            return
        try:
            clock = self.page.ctx.profile.clock
            self.reader = ops.query(
                self.page.ctx, lambda s: circulation.desk_reader(s, clock, card)
            )
        except ShuwuError as exc:
            self.reader = None
            self.loan_order = []
            self.show_reader()
            self.card_input.selectAll()
            self.page.refused(exc)
            return
        self.loan_order = []
        self.show_reader()
        text = _("Reader {name}: scan the books.").format(name=self.reader.name_masked)
        late = overdue_note(self.reader)
        if late:
            # Lending is still allowed (the rules decide), but the desk must see it first.
            self.page.banner.show_message(
                "warn", late + "\n" + _("Ask for them back before lending more.")
            )
            beep(2)
        else:
            self.page.banner.show_message("ok", text)
        self.item_input.setFocus()

    def lend(self, override_reason: str | None = None) -> None:
        barcode = self.item_input.text().strip()
        if not barcode:
            return
        if self.reader is None:
            # No reader yet: a card scanned into the book field is taken as the card.
            self.card_input.setText(barcode)
            self.item_input.clear()
            self.load_reader()
            return
        clock, card = self.page.ctx.profile.clock, self.reader.card
        try:
            # page.done() announces the change when the scan recorded one (result.op_id).
            result = ops.change(
                self.page.ctx,
                lambda s: circulation.checkout(
                    s, clock, card, barcode, override_reason=override_reason
                ),
                announce=False,
            )
        except ShuwuError as exc:
            if exc.code == "card_not_item":  # the next reader's card: switch to them
                self.card_input.setText(barcode)
                self.item_input.clear()
                self.load_reader()
                return
            if isinstance(exc, Refused) and exc.rule == "already_lent_to_reader":
                self.item_input.clear()
                self.offer_renewal(barcode)
                return
            self.item_input.selectAll()
            self.page.refused(exc, retry=lambda reason: self._retry(barcode, reason))
            return
        self.item_input.clear()
        self.refresh_reader()
        self.page.done(result)
        late = overdue_note(self.reader) if self.reader else ""
        if late:
            self.page.banner.show_message("warn", result.message + "\n" + late)

    def offer_renewal(self, barcode: str) -> None:
        """The reader already has this book: select its row so F5 renews it."""
        self.refresh_reader()
        row = self.row_of(barcode)
        if row is not None:
            self.loans.selectRow(row)
        self.page.pending_override = None
        self.page.override_button.setEnabled(False)
        self.page.banner.show_message(
            "warn",
            _("{code} is already lent to this reader. Press F5 to renew it.").format(code=barcode),
        )
        beep(1)

    def row_of(self, barcode: str) -> int | None:
        for row in range(self.loans.rowCount()):
            cell = self.loans.item(row, 0)
            if cell is not None and cell.text() == barcode:
                return row
        return None

    def _retry(self, barcode: str, reason: str) -> None:
        self.item_input.setText(barcode)
        self.lend(override_reason=reason)

    def selected_barcode(self) -> str | None:
        rows = self.loans.selectionModel().selectedRows()
        cell = self.loans.item(rows[0].row(), 0) if rows else None
        return cell.text() if cell is not None else None

    def renew_selected(self, override_reason: str | None = None) -> None:
        barcode = self.selected_barcode()
        if barcode is None:
            # Never guess: renewing "the first one" renewed a book nobody asked about.
            if self.loans.rowCount():
                self.page.banner.show_message(
                    "warn", _("Select the loan to renew in the list, then press F5.")
                )
            return
        self._renew(barcode, override_reason)

    def _renew(self, barcode: str, override_reason: str | None = None) -> None:
        clock = self.page.ctx.profile.clock
        try:
            result = ops.change(
                self.page.ctx,
                lambda s: circulation.renew(s, clock, barcode, override_reason=override_reason),
                announce=False,  # page.done() announces it
            )
        except ShuwuError as exc:
            self.page.refused(exc, retry=lambda reason: self._renew(barcode, reason))
            return
        self.refresh_reader()
        row = self.row_of(barcode)
        if row is not None:
            self.loans.selectRow(row)
        self.page.done(result)

    def clear(self) -> None:
        self.reader = None
        self.loan_order = []
        self.card_input.clear()
        self.item_input.clear()
        self.show_reader()
        self.page.banner.show_message("idle", _("Ready: scan a card or a book."))
        self.card_input.setFocus()

    def refresh_reader(self) -> None:
        if self.reader is None:
            return
        clock, card = self.page.ctx.profile.clock, self.reader.card
        self.reader = ops.query(self.page.ctx, lambda s: circulation.desk_reader(s, clock, card))
        self.show_reader()

    def show_reader(self) -> None:
        reader = self.reader
        self.loans.setRowCount(0)
        if reader is None:
            self.reader_label.setText(_("No reader yet."))
            return
        parts = [
            _("{name}  card {card}").format(name=reader.name_masked, card=reader.card),
            _("points {points} (needs {threshold})").format(
                points=reader.points, threshold=reader.threshold
            ),
            _("{n} of {max} books").format(n=len(reader.loans), max=reader.max_items),
        ]
        if reader.card_provisional:
            parts.append(_("provisional card"))
        if reader.status == "blocked":
            parts.append(_("BLOCKED"))
        if reader.frozen_until:
            parts.append(_("frozen until {date}").format(date=reader.frozen_until))
        late = overdue_note(reader)
        if late:
            parts.append(late)
        self.reader_label.setText("   ·   ".join(parts))
        # Keep the order the desk first saw; new loans go at the end.
        known = {loan.barcode: loan for loan in reader.loans}
        order = [code for code in self.loan_order if code in known]
        order += [loan.barcode for loan in reader.loans if loan.barcode not in order]
        self.loan_order = order
        self.loans.setRowCount(len(order))
        for row, code in enumerate(order):
            loan = known[code]
            _set_row(
                self.loans,
                row,
                [
                    loan.barcode,
                    loan.title,
                    credit.local_date(loan.due_at).isoformat(),
                    str(loan.overdue_days) if loan.overdue_days else "",
                    str(loan.renewals),
                ],
                colour=OVERDUE_COLOUR if loan.overdue_days else None,
            )
        fit_columns(self.loans, stretch=1)


class ReturnTab(QWidget):
    def __init__(self, page: CirculationPage) -> None:
        super().__init__()
        self.page = page
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.item_input = ScanField()
        self.item_input.setPlaceholderText(_("Scan each returned book"))
        self.item_input.setAccessibleName(_("Book barcode to return"))
        self.item_input.setStyleSheet(f"{font_css(16)} padding: 4px;")
        form.addRow(_("Book barcode:"), self.item_input)
        layout.addLayout(form)
        self.returned = _table(
            [_("Barcode"), _("Title"), _("Reader"), _("Result")], _("Books returned just now")
        )
        layout.addWidget(self.returned, 1)
        self.item_input.returnPressed.connect(self.give_back)

    def give_back(self) -> None:
        barcode = self.item_input.text().strip()
        if not barcode:
            return
        clock = self.page.ctx.profile.clock
        try:
            result = ops.change(
                self.page.ctx,
                lambda s: circulation.return_item(s, clock, barcode),
                announce=False,  # page.done() announces it
            )
        except ShuwuError as exc:
            self.item_input.selectAll()
            self.page.refused(exc)
            return
        self.item_input.clear()
        self.page.done(result)
        self.returned.insertRow(0)
        loan = result.loan
        _set_row(
            self.returned,
            0,
            [
                result.barcode,
                result.title,
                loan.reader_name_masked if loan else "",
                result.message,
            ],
        )
        fit_columns(self.returned, stretch=3)


class OverduesTab(QWidget):
    def __init__(self, page: CirculationPage) -> None:
        super().__init__()
        self.page = page
        layout = QVBoxLayout(self)
        self.table = _table(
            [_("Days"), _("Barcode"), _("Title"), _("Reader"), _("Card"), _("Phone")],
            _("Overdue loans"),
        )
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.reveal_button = QPushButton(_("Show phone to call"))
        self.reveal_button.setAccessibleName(_("Show the full phone number of the selected reader"))
        self.reveal_button.clicked.connect(self.reveal_selected)
        self.slips_button = QPushButton(_("Print reminder slips…"))
        self.slips_button.setAccessibleName(_("Print reminder slips"))
        self.slips_button.clicked.connect(self.print_slips)
        self.slips_pdf_button = QPushButton(_("Save slips as PDF…"))
        self.slips_pdf_button.setAccessibleName(_("Write reminder slips to a PDF file"))
        self.slips_pdf_button.clicked.connect(self.choose_slips_file)
        self.refresh_button = QPushButton(_("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        for button in (
            self.reveal_button,
            self.slips_button,
            self.slips_pdf_button,
            self.refresh_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = QLabel()
        layout.addWidget(self.status)

    def refresh(self) -> None:
        clock = self.page.ctx.profile.clock
        rows = ops.query(self.page.ctx, lambda s: overdues.list_overdues(s, clock))
        self.table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            _set_row(
                self.table,
                row,
                [
                    str(item.overdue_days),
                    item.barcode,
                    item.title,
                    item.name_masked,
                    item.card,
                    item.phone_masked,
                ],
                key=item.reader_uuid,
            )
        fit_columns(self.table, stretch=2)
        self.status.setText(_("{n} overdue loans").format(n=len(rows)))

    def reveal_selected(self) -> None:
        row = self.table.currentRow()
        cell = self.table.item(row, 5) if row >= 0 else None
        if cell is None:
            return
        clock = self.page.ctx.profile.clock
        reader_uuid = str(cell.data(Qt.ItemDataRole.UserRole))
        phone = ops.change(
            self.page.ctx, lambda s: overdues.reveal_phone(s, clock, reader_uuid), announce=False
        )
        cell.setText(phone or _("(no phone)"))

    def print_slips(self) -> None:
        """The system print dialog, then every reminder slip on the chosen printer."""
        self.refresh()
        if self.table.rowCount() == 0:
            self.status.setText(_("No overdue loans: there is nothing to print."))
            return
        profile = self.page.ctx.profile

        def write(path: Path) -> int:  # on the print job's thread, in a session of its own
            return ops.change(
                profile, lambda s: overdues.write_reminder_slips(s, profile.clock, path)
            )

        print_document(
            self,
            self.page.ctx,
            _("Print reminder slips"),
            write,
            on_printed=lambda pages: self.status.setText(
                _("Reminder slips sent to the printer ({n} pages).").format(n=pages)
            ),
        )

    def choose_slips_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save reminder slips"), "催还单.pdf", "PDF (*.pdf)"
        )
        if path:
            self.write_slips(Path(path))

    def write_slips(self, path: Path) -> None:
        clock = self.page.ctx.profile.clock

        def done(count: int) -> None:
            self.status.setText(
                _("{n} reminder slips written to {path}").format(n=count, path=path)
            )

        ops.in_background(
            self.page.ctx,
            lambda s, _control: overdues.write_reminder_slips(s, clock, path),
            write=True,
            announce=False,
            title=_("Reminder slips"),
            on_done=done,
            on_error=lambda exc: show_error(self, exc),
        )


class CirculationPage(QWidget):
    def __init__(self, ctx: AppContext, ask_reason: AskReason | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.ask_reason: AskReason = ask_reason or self._ask_reason_dialog
        self.last_scan: ScanResult | None = None
        self.pending_override: Callable[[str], None] | None = None
        layout = QVBoxLayout(self)
        self.banner = Banner()
        layout.addWidget(self.banner)
        hint = QLabel(
            _("F5 renew · Ctrl+Z undo last scan · F8 override the refusal · Esc next reader")
        )
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Desk"))
        self.checkout_tab = CheckoutTab(self)
        self.return_tab = ReturnTab(self)
        self.overdues_tab = OverduesTab(self)
        self.tabs.addTab(self.checkout_tab, _("Lend (Alt+1)"))
        self.tabs.addTab(self.return_tab, _("Return (Alt+2)"))
        self.tabs.addTab(self.overdues_tab, _("Overdue (Alt+3)"))
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.undo_button = QPushButton(_("Undo last scan (Ctrl+Z)"))
        self.undo_button.setAccessibleName(_("Undo the last scan"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last)
        self.override_button = QPushButton(_("Override (F8)…"))
        self.override_button.setAccessibleName(_("Override the refusal with a reason"))
        self.override_button.setEnabled(False)
        self.override_button.clicked.connect(self.override)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.override_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Z"), self, self.undo_last)
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, self.override)
        for index in range(3):
            QShortcut(QKeySequence(f"Alt+{index + 1}"), self, lambda i=index: self.show_tab(i))
        self.tabs.currentChanged.connect(self._on_tab)

    def activate(self) -> None:
        self._on_tab(self.tabs.currentIndex())

    def screenshot_scene(self) -> None:
        """For `shuwu selftest --screenshots`: the first reader with an overdue book, scanned."""
        clock = self.ctx.profile.clock
        late = ops.query(self.ctx, lambda s: overdues.list_overdues(s, clock))
        if late:
            self.show_tab(0)
            self.checkout_tab.card_input.setText(late[0].card)
            self.checkout_tab.load_reader()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self._on_tab(index)

    def _on_tab(self, index: int) -> None:
        if index == 0:
            tab = self.checkout_tab
            (tab.item_input if tab.reader else tab.card_input).setFocus()
        elif index == 1:
            self.return_tab.item_input.setFocus()
        else:
            self.overdues_tab.refresh()
            self.overdues_tab.table.setFocus()

    # -- feedback -------------------------------------------------------------------------

    def set_last_scan(self, scan: ScanResult | None) -> None:
        """The scan Ctrl+Z would undo, named on the button so nobody undoes the wrong one."""
        self.last_scan = scan
        self.undo_button.setEnabled(scan is not None)
        if scan is None:
            self.undo_button.setText(_("Undo last scan (Ctrl+Z)"))
            self.undo_button.setToolTip("")
        else:
            what = scan_description(scan)
            text = _("Undo the {what} (Ctrl+Z)").format(what=what)
            # A long title would widen the button past the window at 1024×768: elided, and
            # the whole description is in the tooltip.
            metrics = self.undo_button.fontMetrics()
            self.undo_button.setText(
                metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, UNDO_BUTTON_MAX_PX)
            )
            self.undo_button.setToolTip(what)

    def done(self, result: ScanResult) -> None:
        if result.kind in ("checkout", "return", "renew"):
            self.set_last_scan(result)
        elif result.kind == "not_on_loan":
            self.set_last_scan(None)  # nothing happened; an older scan must not be undone next
        self.pending_override = None
        self.override_button.setEnabled(False)
        warn = result.in_transit_to or result.credit_delta < 0 or result.kind == "not_on_loan"
        self.banner.show_message("warn" if warn else "ok", result.message)
        beep(2 if result.kind == "not_on_loan" else 1)
        if result.op_id:
            self.ctx.data_changed.emit()

    def refused(self, exc: ShuwuError, retry: Callable[[str], None] | None = None) -> None:
        # After a refusal, Ctrl+Z must not reach back past it to an older scan.
        self.set_last_scan(None)
        overridable = isinstance(exc, Refused) and exc.overridable and retry is not None
        self.pending_override = retry if overridable else None
        self.override_button.setEnabled(overridable)
        text = exc.message
        if overridable:
            text += "\n" + _("Press F8 to override with a reason.")
        self.banner.show_message("error", text)
        beep(2)

    # -- override and undo ----------------------------------------------------------------

    def _ask_reason_dialog(self, title: str, prompt: str, default: str) -> str | None:
        dialog = ReasonDialog(self, title, prompt, default)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text() or None

    def override(self) -> None:
        retry = self.pending_override
        if retry is None:
            return
        reason = self.ask_reason(
            _("Override"),
            _("Why is this allowed? (written to the log and sent to the county)"),
            "",
        )
        if not reason:
            return
        retry(reason)

    def undo_last(self) -> None:
        scan = self.last_scan
        if scan is None:
            self.banner.show_message(
                "warn", _("Nothing to undo: the last scan changed nothing or was refused.")
            )
            return
        what = scan_description(scan)
        reason = self.ask_reason(
            _("Undo the {what}").format(what=what),
            _("Undo the {what}? Why?").format(what=what),
            _("Scanned by mistake"),
        )
        if not reason:
            return
        clock = self.ctx.profile.clock
        try:
            ops.change(self.ctx, lambda s: circulation.undo(s, clock, scan.op_id, reason))
        except ShuwuError as exc:
            self.refused(exc)
            return
        self.set_last_scan(None)
        self.banner.show_message("ok", _("Undone: the {what}.").format(what=what))
        beep(1)
        self.checkout_tab.refresh_reader()


SECTION = SectionSpec(key="circulation", factory=CirculationPage)
SCREENSHOT_DIALOGS: dict[str, Callable[[Any], QDialog]] = {
    "override-reason": lambda page: ReasonDialog(
        page,
        _("Override"),
        _("Why is this allowed? (written to the log and sent to the county)"),
    ),
}
