"""导入 MARC: choose a file, see what the import would do (decoded title sample, matches,
skipped records, flags), then import. The dialog only asks app.services.catalog_marc, whose
preview and commit are the same ones ``shuwu catalog import`` uses; both run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui import ops
from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from shuwu_shared.errors import ShuwuError

if TYPE_CHECKING:
    # Imported when a file is read, not at start: pymarc is a noticeable share of a cold start.
    from app.services import catalog_marc


def status_label(status: str) -> str:
    return {
        "new": _("new"),
        "matched": _("matches"),
        "rejected": _("skipped"),
    }.get(status, status)


class MarcImportDialog(QDialog):
    preview_ready = Signal(object)
    import_done = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.preview: catalog_marc.ImportPreview | None = None
        self.setWindowTitle(_("Import MARC records"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)

        row = QHBoxLayout()
        self.file_label = QLabel(_("No file chosen."))
        row.addWidget(self.file_label, 1)
        choose = QPushButton(_("Choose file…"))
        choose.clicked.connect(self.choose_file)
        row.addWidget(choose)
        row.addWidget(QLabel(_("Encoding")))
        self.encoding = QComboBox()
        self.encoding.setAccessibleName(_("Encoding"))
        for code, text in (
            ("auto", _("automatic (by content)")),
            ("utf-8", "UTF-8"),
            ("gb18030", "GB18030 / GBK"),
            ("marc8", "MARC-8"),
        ):
            self.encoding.addItem(text, code)
        self.encoding.currentIndexChanged.connect(lambda _i: self.start_preview())
        row.addWidget(self.encoding)
        layout.addLayout(row)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("Import summary"))
        layout.addWidget(self.summary)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_("No."), _("Result"), _("Title"), _("ISBN"), _("Notes")]
        )
        self.table.setAccessibleName(_("Records in the file"))
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)  # the record number is its own column
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(_("Records already in the catalogue")))
        self.on_match = QComboBox()
        self.on_match.addItem(_("keep the catalogue's record (skip)"), "skip")
        self.on_match.addItem(_("update it from the file (merge)"), "merge")
        bottom.addWidget(self.on_match)
        self.all_or_nothing = QCheckBox(_("import nothing if any record is skipped"))
        bottom.addWidget(self.all_or_nothing)
        bottom.addStretch(1)
        self.import_button = QPushButton(_("Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        bottom.addWidget(self.import_button)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.preview_ready.connect(self.show_preview)
        self.import_done.connect(self.show_outcome)

    # --- actions -------------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("MARC file"),
            "",
            _("MARC files (*.iso *.mrc *.marc *.dat *.xml);;All files (*)"),
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(str(path))
        self.start_preview()

    def start_preview(self) -> None:
        if self.path is None:
            return
        path, encoding = self.path, str(self.encoding.currentData())
        self.import_button.setEnabled(False)
        self.summary.setText(_("Reading {file}…").format(file=path.name))

        def job(s: ops.DbSession, control: Any) -> catalog_marc.ImportPreview:
            from app.services import catalog_marc  # on first use: pymarc is slow to load

            return catalog_marc.preview_import(s, path, encoding, control)

        ops.in_background(self.ctx, job, on_done=self.preview_ready.emit, on_error=self.problem)

    def start_import(self) -> None:
        if self.path is None or self.preview is None:
            return
        path, encoding = self.path, str(self.encoding.currentData())
        on_match, strict = str(self.on_match.currentData()), self.all_or_nothing.isChecked()
        clock = self.ctx.profile.clock
        self.import_button.setEnabled(False)

        def job(s: ops.DbSession, control: Any) -> catalog_marc.ImportOutcome:
            from app.services import catalog_marc

            # The service reads the file and matches again in this transaction (a preview
            # shown earlier may be stale).
            return catalog_marc.import_file(
                s, clock, path, encoding, on_match, control, all_or_nothing=strict
            ).outcome

        # show_outcome announces the change.
        ops.in_background(
            self.ctx,
            job,
            write=True,
            announce=False,
            on_done=self.import_done.emit,
            on_error=self.problem,
        )

    # --- showing -------------------------------------------------------------------------------

    def show_preview(self, preview: catalog_marc.ImportPreview) -> None:
        self.preview = preview
        encodings = ", ".join(f"{k} × {v}" for k, v in sorted(preview.encodings.items()))
        sample = " / ".join(preview.sample_titles)
        self.summary.setText(
            _(
                "{syntax}, {fmt}, encoding {encodings}. New: {new}, matches: {matched}, "
                "skipped: {rejected}.\nDecoded titles (check they read correctly): {sample}"
            ).format(
                syntax=preview.syntax,
                fmt=preview.marc_format,
                encodings=encodings or "-",
                new=preview.count("new"),
                matched=preview.count("matched"),
                rejected=preview.count("rejected"),
                sample=sample,
            )
        )
        self.table.setRowCount(len(preview.rows))
        for index, row in enumerate(preview.rows):
            notes = list(row.notes)
            if row.reason:
                notes.insert(0, row.reason)
            if row.status == "matched":
                target = (
                    _("record {other} of this file").format(other=row.matched_row)
                    if row.matched_row
                    else row.matched_title
                )
                notes.insert(0, _("matches {target}").format(target=target))
            cells = [
                str(row.number),
                status_label(row.status),
                row.title,
                row.isbn or "",
                "; ".join(notes),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.import_button.setEnabled(any(r.converted for r in preview.rows))

    def show_outcome(self, outcome: catalog_marc.ImportOutcome) -> None:
        self.ctx.data_changed.emit()
        self.summary.setText(
            _(
                "Imported: {created} new, {merged} merged, {skipped} skipped; "
                "{rejected} not imported, {cleaned} with cleaned fields."
            ).format(
                created=outcome.created,
                merged=outcome.merged,
                skipped=outcome.skipped,
                rejected=outcome.rejected,
                cleaned=outcome.cleaned,
            )
        )

    def problem(self, exc: BaseException) -> None:
        self.import_button.setEnabled(self.preview is not None)
        if isinstance(exc, ShuwuError):
            self.summary.setText(exc.message)
        else:
            show_error(self, exc)


def add_import_button(page: Any, layout: QBoxLayout) -> QPushButton:
    """The hook for the Catalogue screen: a button that opens this dialog."""
    button = QPushButton(_("Import MARC…"))
    button.setAccessibleName(_("Import MARC records"))
    button.clicked.connect(lambda: MarcImportDialog(page.ctx, page).exec())
    layout.addWidget(button)
    return button
