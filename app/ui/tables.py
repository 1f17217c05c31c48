"""Tables whose columns size to their content, never narrower than their header.

Long cells (titles) are capped so one column cannot push the others off the screen; the cell's
tooltip shows the rest. One column (usually the title) takes the space left over. The sizes
are worked out again when the table is shown, resized or its font changes (a table filled
before it is shown measured with the wrong font).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

# No column takes more than this share of the table's width before it is cut (with a tooltip).
MAX_SHARE = 0.45
REFIT_EVENTS = (
    QEvent.Type.Show,
    QEvent.Type.Resize,
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
)


class _Refit(QObject):
    """Re-runs ``fit_columns`` on the events that change what fits."""

    def __init__(self, table: QTableView, stretch: int | None) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in REFIT_EVENTS and not self.busy:
            self.busy = True
            try:
                _fit(self.table, self.stretch)
            finally:
                self.busy = False
        return False


def fit_columns(table: QTableView, stretch: int | None = None) -> None:
    """Size each column to its header and content; ``stretch`` fills what is left."""
    refit = table.findChild(_Refit)
    if refit is None:
        refit = _Refit(table, stretch)
        table.installEventFilter(refit)
    refit.stretch = stretch
    _fit(table, stretch)


def _fit(table: QTableView, stretch: int | None) -> None:
    header = table.horizontalHeader()
    count = header.count()
    if count == 0:
        return
    for col in range(count):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    table.resizeColumnsToContents()
    width = table.viewport().width() or table.width()
    limit = int(width * MAX_SHARE)
    for col in range(count):
        floor = header.sectionSizeHint(col)  # the header text itself always fits
        header.resizeSection(col, max(min(header.sectionSize(col), limit), floor))
    if stretch is not None and 0 <= stretch < count:
        others = sum(header.sectionSize(c) for c in range(count) if c != stretch)
        room = width - others
        if room > header.sectionSize(stretch):
            header.resizeSection(stretch, room)
    else:
        header.setStretchLastSection(True)


def header_minimums(table: QTableView, stretch: int | None = None) -> None:
    """Before any rows: every column at least as wide as its header text, now and later."""
    fit_columns(table, stretch)
