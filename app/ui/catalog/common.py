"""Small helpers the catalogue dialogs share: table filling with tooltips, status names."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shuwu_shared import vocabulary


def status_text(status: str) -> str:
    return vocabulary.item_status(status)  # the one table (shuwu_shared.vocabulary)


def fill_table(
    table: QTableWidget, rows: Sequence[Sequence[str]], stretch: int | None = None
) -> None:
    """Fill a read-only table; every cell carries its full text as a tooltip and columns
    size to their content (the ``stretch`` column takes what is left)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = QTableWidgetItem(value)
            cell.setToolTip(value)
            table.setItem(r, c, cell)
    size_columns(table, stretch)


def size_columns(table: QTableWidget, stretch: int | None = None) -> None:
    header = table.horizontalHeader()
    header.setMinimumSectionSize(40)
    for column in range(table.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.Interactive
        )
        header.setSectionResizeMode(column, mode)
        if column != stretch:
            table.resizeColumnToContents(column)
            # Never wider than a third of the view: the rest is in the tooltip.
            limit = max(80, table.viewport().width() // 3)
            if table.columnWidth(column) > limit:
                table.setColumnWidth(column, limit)


def read_only(table: QTableWidget) -> None:
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)


def no_default(box: QDialogButtonBox) -> None:
    for button in box.buttons():
        if isinstance(button, QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)


def scrolling_body(owner: QWidget) -> QVBoxLayout:
    """A layout for ``owner``'s content inside a scroll area: at the largest font sizes on a
    1024×768 screen the page scrolls instead of pushing the window wider than the screen."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    outer.addWidget(scroll)
    body = QWidget()
    scroll.setWidget(body)
    return QVBoxLayout(body)


def initial_size(dialog: QWidget, width: int, height: int) -> None:
    """Open at a useful size (scaled with the font), never larger than the screen."""
    from app.ui.style import scaled_px

    w, h = scaled_px(width), scaled_px(height)
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    if screen is not None:
        w, h = min(w, screen.width() - 40), min(h, screen.height() - 60)
    dialog.resize(
        max(w, dialog.minimumSizeHint().width()), max(h, dialog.minimumSizeHint().height())
    )
