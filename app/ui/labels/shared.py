"""What the label tabs share: the example label, kind names, showing a preview pixmap."""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel

from app.printing.layout import LabelData
from app.ui.i18n import _

DEFAULT_TEMPLATE = "a4-5x10-40x29.5"
SAMPLE = LabelData("V0010001", "I247.5/123:2", "东村农家书屋", "平凡的世界", "张三")
PREVIEW_PX_PER_MM = 6.0


def kind_names() -> dict[str, str]:
    return {
        "spine": _("Spine label (书标)"),
        "barcode": _("Barcode label"),
        "combined": _("Spine + barcode"),
        "reader": _("Reader card"),
    }


def show_pixmap(label: QLabel, pixmap: QPixmap) -> None:
    label.setPixmap(pixmap)
    label.setMinimumSize(pixmap.size())  # never squeezed: the preview keeps true proportions
