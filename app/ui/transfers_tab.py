"""The 调拨 (transfers) tab of the Catalogue screen: send a batch, receive by scanning, list.

Keyboard/scanner only. Sending collects scanned barcodes in a list and saves nothing until
"Send" is confirmed; each scan is checked by running the service in a transaction that is
rolled back, so the rules live in one place (app.services.transfers). Receiving acts on each
scan at once: the copy either arrived in a transfer (received) or it did not (refused, nothing
changes), so the librarian sees every problem at the moment of the scan.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import transfers
from app.services.catalog_rules import clean_scan
from app.ui import ops
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from app.ui.style import font_css
from shuwu_shared import vocabulary
from shuwu_shared.errors import ShuwuError


class TransfersTab(QWidget):
    sent = Signal(object)  # TransferView
    received = Signal(object)  # TransferView

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.outgoing: list[str] = []
        layout = QVBoxLayout(self)

        self.message = QLabel(_("Choose where the books go, then scan them."))
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Transfer message"))
        layout.addWidget(self.message)

        body = QHBoxLayout()
        body.addLayout(self._build_send(), 1)
        body.addLayout(self._build_receive(), 1)
        layout.addLayout(body, 2)

        layout.addWidget(QLabel(_("Recent transfers")))
        self.history = QTableWidget(0, 6)
        self.history.setHorizontalHeaderLabels(
            [_("Batch"), _("From"), _("To"), _("Status"), _("Copies"), _("Received")]
        )
        self.history.setAccessibleName(_("Recent transfers"))
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.history.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.history, 1)

    # --- building ---------------------------------------------------------------------

    def _build_send(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.addWidget(QLabel(_("Send books to another branch")))
        row = QHBoxLayout()
        row.addWidget(QLabel(_("To")))
        self.destination = QComboBox()
        self.destination.setAccessibleName(_("Destination branch"))
        row.addWidget(self.destination, 1)
        box.addLayout(row)
        self.send_scan = QLineEdit()
        self.send_scan.setAccessibleName(_("Barcode to send"))
        self.send_scan.setPlaceholderText(_("Scan a copy to send, then Enter"))
        self.send_scan.returnPressed.connect(self.on_send_scan)
        box.addWidget(self.send_scan)
        self.send_list = QListWidget()
        self.send_list.setAccessibleName(_("Copies to send"))
        box.addWidget(self.send_list, 1)
        row = QHBoxLayout()
        self.remove_button = QPushButton(_("Remove line"))
        self.remove_button.setAccessibleName(_("Remove the selected copy from the batch"))
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.remove_button)
        self.send_button = QPushButton(_("Send"))
        self.send_button.setAccessibleName(_("Send the batch"))
        self.send_button.setStyleSheet(f"{font_css(13)} padding: 6px;")
        self.send_button.clicked.connect(self.send_batch)
        row.addWidget(self.send_button)
        box.addLayout(row)
        return box

    def _build_receive(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.addWidget(QLabel(_("Receive books that arrived")))
        self.receive_scan = QLineEdit()
        self.receive_scan.setAccessibleName(_("Barcode received"))
        self.receive_scan.setPlaceholderText(_("Scan each arriving copy, then Enter"))
        self.receive_scan.returnPressed.connect(self.on_receive_scan)
        box.addWidget(self.receive_scan)
        self.receive_list = QListWidget()
        self.receive_list.setAccessibleName(_("Copies received"))
        box.addWidget(self.receive_list, 1)
        return box

    # --- helpers ----------------------------------------------------------------------

    def activate(self) -> None:
        self.refresh_branches()
        self.refresh_history()
        self.send_scan.setFocus()

    def scan_target(self) -> QLineEdit:
        """Where typing that lands elsewhere on this tab should go (scanner anywhere)."""
        return self.receive_scan if self.receive_scan.hasFocus() else self.send_scan

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

    def refresh_branches(self) -> None:
        chosen = self.destination.currentData()
        try:
            choices = ops.query(self.ctx, transfers.other_branches)
        except ShuwuError as exc:
            self.problem(exc)
            choices = []
        self.destination.clear()
        for choice in choices:
            self.destination.addItem(f"{choice.code}  {choice.name}", choice.code)
        index = self.destination.findData(chosen)
        if index >= 0:
            self.destination.setCurrentIndex(index)

    def refresh_history(self) -> None:
        def load(s: ops.DbSession) -> tuple[list[transfers.TransferView], dict[str, str]]:
            views = transfers.list_transfers(s)[:50]
            return views, transfers.branch_names(s, views)

        views, names = ops.query(self.ctx, load)
        self.history.setRowCount(len(views))
        for row, view in enumerate(views):
            values = [
                view.uuid[:8],
                names.get(view.from_branch, view.from_branch),
                names.get(view.to_branch, view.to_branch),
                vocabulary.transfer_status(view.status),  # the one table
                str(len(view.barcodes)),
                ", ".join(view.received),
            ]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.history.setItem(row, col, cell)

    # --- sending ----------------------------------------------------------------------

    def on_send_scan(self) -> None:
        code = clean_scan(self.send_scan.text())
        self.send_scan.clear()
        if code:
            self.add_outgoing(code)

    def add_outgoing(self, code: str) -> None:
        destination = self.destination.currentData()
        if not destination:
            self.say(_("Choose the branch the books go to first."), ok=False)
            return
        if code in self.outgoing:
            self.say(
                _("{barcode} is already in this batch (scanned twice).").format(barcode=code),
                ok=False,
            )
            return
        try:
            clock = self.ctx.profile.clock
            checked = ops.query(
                self.ctx, lambda s: transfers.check_sendable(s, clock, destination, code)
            )
        except Exception as exc:
            self.problem(exc)
            return
        self.outgoing.append(code)
        self.send_list.addItem(f"{code}  {checked.title}")
        self.say(_("{count} copies in the batch.").format(count=len(self.outgoing)))

    def remove_selected(self) -> None:
        row = self.send_list.currentRow()
        if row < 0:
            self.say(_("Select the line to remove first (arrow keys)."), ok=False)
            return
        code = self.outgoing.pop(row)
        self.send_list.takeItem(row)
        self.say(_("{barcode} removed from the batch.").format(barcode=code))
        self.send_scan.setFocus()

    def send_batch(self) -> None:
        destination = self.destination.currentData()
        if not self.outgoing:
            self.say(_("Scan the copies to send first."), ok=False)
            return
        if not destination:
            self.say(_("Choose the branch the books go to first."), ok=False)
            return
        answer = QMessageBox.question(
            self,
            _("Send transfer"),
            _("Send {count} copies to {branch}? They will be marked in transit.").format(
                count=len(self.outgoing), branch=self.destination.currentText()
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.send_now()

    def send_now(self) -> None:
        """Create, fill and send the batch in one transaction (all or nothing)."""
        clock, codes = self.ctx.profile.clock, list(self.outgoing)
        target = self.destination.currentData()

        def send(s: ops.DbSession) -> tuple[transfers.TransferView, str]:
            view = transfers.send_batch(s, clock, target, codes)
            return view, transfers.branch_names(s, [view])[view.to_branch]

        try:
            view, destination = ops.change(self.ctx, send)
        except Exception as exc:  # rolled back: the batch is still on screen to fix
            self.problem(exc)
            return
        self.outgoing.clear()
        self.send_list.clear()
        self.say(
            _("Batch {batch} sent to {branch}: {count} copies now in transit.").format(
                batch=view.uuid[:8], branch=destination, count=len(view.barcodes)
            )
        )
        self.refresh_history()
        self.sent.emit(view)

    # --- receiving --------------------------------------------------------------------

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            _("Receive a copy not announced?"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def on_receive_scan(self) -> None:
        code = clean_scan(self.receive_scan.text())
        self.receive_scan.clear()
        if code:
            self.receive_code(code)

    def receive_code(self, code: str) -> None:
        """The rules are the service's; a question it raises is asked here, outside any
        transaction, and the scan is tried again only after a "Yes"."""
        clock = self.ctx.profile.clock
        try:
            got = ops.confirmed_change(
                self.ctx,
                self,
                lambda s, confirmed: transfers.receive_one(s, clock, code, confirmed=confirmed),
                confirm=self.confirm,
            )
            if got is None:
                self.not_received(
                    code,
                    _(
                        "{barcode} was not sent in any transfer, so it was not received. "
                        "Check where it came from."
                    ).format(barcode=code),
                )
                return
        except transfers.NotInTransfer as exc:
            self.not_received(code, exc.message)
            return
        except Exception as exc:
            self.problem(exc)
            return
        view = got.transfer
        self.receive_list.insertItem(
            0,
            _("{barcode}  {title}  — received (batch {batch} from {branch})").format(
                barcode=code, title=got.title, batch=view.uuid[:8], branch=got.from_branch_name
            ),
        )
        self.say(_("{barcode} received.").format(barcode=code))
        self.refresh_history()
        self.received.emit(view)

    def not_received(self, code: str, message: str) -> None:
        self.receive_list.insertItem(
            0, _("{barcode}  — not part of any transfer").format(barcode=code)
        )
        self.say(message, ok=False)
