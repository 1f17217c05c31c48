"""Print a PDF we wrote (reader cards, reminder slips) through the system print dialog.

The PDF stays the single source of truth: the same file "Save as PDF" writes is rendered page
by page onto the printer the user chose in QPrintDialog, scaled to fit the printable area.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from app.ui.context import AppContext
from app.ui.errors import show_error
from app.ui.i18n import _
from shuwu_shared.errors import UserInputError


def choose_printer(parent: QWidget | None, title: str) -> QPrinter | None:
    """The system print dialog; the chosen printer, or None when the user cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def print_pdf_pages(pdf: Path, printer: QPrinter) -> int:
    """Every page of ``pdf`` onto ``printer``, kept in proportion; returns the page count."""
    document = QPdfDocument()
    document.load(str(pdf))
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise UserInputError(_("The file to print could not be opened."))
    painter = QPainter()
    if not painter.begin(printer):
        raise UserInputError(_("The printer could not be started."))
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            target = QSize(round(points.width()), round(points.height())).scaled(
                area.size(), Qt.AspectRatioMode.KeepAspectRatio
            )
            image = document.render(page, target)
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
    return document.pageCount()


def print_document(
    parent: QWidget,
    ctx: AppContext,
    title: str,
    write_pdf: Callable[[Path], Any],
    on_printed: Callable[[int], None] | None = None,
) -> QPrinter | None:
    """Ask for a printer, write the PDF off the GUI thread, then print it.

    Returns the chosen printer (None when cancelled); printing finishes when the task does.
    """
    printer = choose_printer(parent, title)
    if printer is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="shuwu-print-"))
    target = folder / "print.pdf"

    def job(_control: Any) -> Any:
        return write_pdf(target)

    def done(_result: Any) -> None:
        try:
            pages = print_pdf_pages(target, printer)
        except UserInputError as exc:
            show_error(parent, exc)
            return
        finally:
            target.unlink(missing_ok=True)
        if on_printed is not None:
            on_printed(pages)

    ctx.tasks.run(job, title=title, on_done=done, on_error=lambda exc: show_error(parent, exc))
    return printer
