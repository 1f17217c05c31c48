"""The Stocktake (盘点) tab: choose a shelf (or the whole branch), scan, see what is missing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services import catalog_shelves, stocktake
from app.ui import ops
from app.ui.i18n import _
from shuwu_shared import vocabulary
from shuwu_shared.errors import ShuwuError

if TYPE_CHECKING:
    from app.ui.sections.catalog import CatalogPage


class StocktakeTab(QWidget):
    def __init__(self, page: CatalogPage) -> None:
        super().__init__()
        self.page = page
        self.ctx = page.ctx
        self.stocktake_uuid: str | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.stock_shelf = QComboBox()
        self.stock_shelf.setAccessibleName(_("Shelf to count"))
        self.stock_shelf.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.stock_shelf.setMinimumContentsLength(8)
        row.addWidget(self.stock_shelf, 1)
        for text, name, slot in (
            (_("Start stocktake"), _("Start stocktake"), self.start_stocktake),
            (_("Show result"), _("Show result"), self.show_stocktake_report),
            (_("Finish"), _("Finish stocktake"), self.finish_stocktake),
            (_("Export CSV…"), _("Export CSV"), self.export_stocktake),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)
        self.stock_status = QLabel(_("No stocktake is open."))
        self.stock_status.setWordWrap(True)
        layout.addWidget(self.stock_status)
        body = QSplitter()
        self.stock_list = QListWidget()
        self.stock_list.setAccessibleName(_("Scanned items"))
        body.addWidget(self.stock_list)
        self.stock_report = QPlainTextEdit()
        self.stock_report.setReadOnly(True)
        self.stock_report.setAccessibleName(_("Stocktake result"))
        body.addWidget(self.stock_report)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 2)
        layout.addWidget(body, 1)

    def refresh_shelves(self, shelves: list[catalog_shelves.ShelfLocationView]) -> None:
        current = self.stock_shelf.currentData()
        self.stock_shelf.clear()
        self.stock_shelf.addItem(_("Whole branch"), "")
        for shelf in shelves:
            label = shelf.code if shelf.name == shelf.code else f"{shelf.code}  {shelf.name}"
            self.stock_shelf.addItem(
                _("{shelf} ({n} copies)").format(shelf=label, n=shelf.items), shelf.code
            )
        if current:
            self.stock_shelf.setCurrentIndex(max(0, self.stock_shelf.findData(current)))

    def resume(self) -> None:
        open_ = ops.query(self.ctx, stocktake.open_sessions)
        if open_ and self.stocktake_uuid is None:
            self.stocktake_uuid = open_[0].uuid
            self.stock_status.setText(
                _("Stocktake in progress (started {when}), {count} scanned. Keep scanning.").format(
                    when=open_[0].started_at[:16], count=open_[0].scanned
                )
            )

    def start_stocktake(self) -> None:
        try:
            clock, shelf = self.ctx.profile.clock, self.stock_shelf.currentData() or None
            info = ops.change(self.ctx, lambda s: stocktake.start(s, clock, shelf), announce=False)
        except ShuwuError as exc:
            self.page.problem(exc)
            return
        self.stocktake_uuid = info.uuid
        self.stock_list.clear()
        self.stock_report.clear()
        self.stock_status.setText(_("Stocktake started. Scan every copy on the shelves."))
        self.page.scan_box.setFocus()

    def stocktake_scan(self, code: str) -> None:
        try:
            clock, uuid = self.ctx.profile.clock, self.stocktake_uuid
            outcome = ops.change(
                self.ctx, lambda s: stocktake.scan(s, clock, code, uuid), announce=False
            )
        except ShuwuError as exc:
            self.page.problem(exc)
            return
        words = vocabulary.stocktake_scan(outcome.status)  # the one table
        self.stock_list.insertItem(0, f"{outcome.barcode}  {outcome.title or ''}  — {words}")
        good = outcome.status in ("ok", "already")
        self.page.banner("ok" if good else "error", f"{outcome.barcode}: {words}")
        self.page.beep(1 if good else 2)

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
            uuid = self.stocktake_uuid
            result = ops.query(self.ctx, lambda s: stocktake.report(s, uuid))
        except ShuwuError as exc:
            self.page.problem(exc)
            return
        self.stock_report.setPlainText(self._report_text(result))

    def finish_stocktake(self) -> None:
        try:
            clock, uuid = self.ctx.profile.clock, self.stocktake_uuid
            result = ops.change(self.ctx, lambda s: stocktake.finish(s, clock, uuid))
        except ShuwuError as exc:
            self.page.problem(exc)
            return
        self.stock_report.setPlainText(self._report_text(result))
        self.stock_status.setText(_("Stocktake finished; the result will be sent to the county."))

    def export_stocktake(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export stocktake"), str(Path.home() / "stocktake.csv"), "CSV (*.csv)"
        )
        if not path:
            return
        try:
            uuid = self.stocktake_uuid
            result = ops.query(self.ctx, lambda s: stocktake.report(s, uuid))
            stocktake.export_csv(result, Path(path))
        except ShuwuError as exc:
            self.page.problem(exc)
            return
        self.page.banner("ok", _("Saved {path}").format(path=path))
