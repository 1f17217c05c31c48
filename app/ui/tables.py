"""Tables whose columns size to their content, never narrower than their header.

Long cells (titles) are capped so one column cannot push the others off the screen; the cell's
tooltip shows the rest. One column (usually the title) takes the space left over.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

# No column takes more than this share of the table's width before it is cut (with a tooltip).
MAX_SHARE = 0.45


def fit_columns(table: QTableView, stretch: int | None = None) -> None:
    """Size each column to its header and content; ``stretch`` fills what is left."""
    header = table.horizontalHeader()
    count = header.count()
    if count == 0:
        return
    for col in range(count):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    width = table.viewport().width() or table.width()
    limit = max(header.sectionSizeHint(0), int(width * MAX_SHARE))
    for col in range(count):
        floor = header.sectionSizeHint(col)  # the header text itself always fits
        size = min(header.sectionSize(col), max(limit, floor))
        header.resizeSection(col, max(size, floor))
    if stretch is not None and 0 <= stretch < count:
        others = sum(header.sectionSize(c) for c in range(count) if c != stretch)
        room = width - others
        if room > header.sectionSizeHint(stretch):
            header.resizeSection(stretch, room)
    header.setStretchLastSection(stretch is None)


def header_minimums(table: QTableView) -> None:
    """Before any rows: every column at least as wide as its header text."""
    header = table.horizontalHeader()
    for col in range(header.count()):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(col, max(header.sectionSize(col), header.sectionSizeHint(col)))
    header.setStretchLastSection(True)
