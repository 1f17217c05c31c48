"""Qt side of label printing: PDF pages onto a QPrinter at exact size, and label previews.

The PDF written by app.printing.pdf is the single source of truth; QtPdf renders each page at
the printer's resolution onto a page of exactly the template's size, full page, no margins
and no fit-to-page, so what comes out measures what the template says.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from app.printing.layout import LabelLayout
from app.printing.raster import render_image
from app.printing.templates import LabelTemplate
from app.ui.i18n import _
from shuwu_shared.errors import UserInputError


def printer_for(template: LabelTemplate, printer: QPrinter | None = None) -> QPrinter:
    """A printer set to the template's page size, portrait, full page, no margins."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    size = QPageSize(
        QSizeF(template.page_width_mm, template.page_height_mm),
        QPageSize.Unit.Millimeter,
        template.name,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    printer.setPageSize(size)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    return printer


def print_pdf(pdf: Path, template: LabelTemplate, printer: QPrinter) -> int:
    """Render every page of ``pdf`` onto ``printer`` (already chosen by the user); pages."""
    document = QPdfDocument()
    document.load(str(pdf))
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise UserInputError(_("The label file could not be opened for printing."))
    dpi = printer.resolution()
    width = round(template.page_width_mm / 25.4 * dpi)
    height = round(template.page_height_mm / 25.4 * dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserInputError(_("The printer could not be started."))
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            image = document.render(page, QSize(width, height))
            # Page rect in device pixels at full-page mode: (0,0) is the paper's corner.
            painter.drawImage(QRect(0, 0, width, height), image)
    finally:
        painter.end()
    return document.pageCount()


def preview_pixmap(layout: LabelLayout, px_per_mm: float = 8.0) -> QPixmap:
    """The label at true proportions (``px_per_mm`` pixels per millimetre), with a border."""
    image = render_image(layout, px_per_mm * 25.4).convert("L")
    raw = image.tobytes()
    # Copy the pixels into Qt-owned memory: no buffer shared with Pillow (PIL.ImageQt shares
    # one and can crash at shutdown).
    qimage = QImage(raw, image.width, image.height, image.width, QImage.Format.Format_Grayscale8)
    pixmap = QPixmap.fromImage(qimage.copy())
    painter = QPainter(pixmap)
    painter.setPen(0x888888)
    painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    painter.end()
    return pixmap
