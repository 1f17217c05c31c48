"""Find widgets that do not fit: clipped text, widgets outside the window, narrow columns.

Used by ``shuwu selftest --screenshots`` and the layout tests. The checks read what Qt itself
says a widget needs (size hints, font metrics) against what it was given, so they hold for any
language and font size. Widgets inside a scroll area's viewport may lie outside the visible
part (the user scrolls to them), so only their text is checked, not their position.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabBar,
    QWidget,
)

# Pixels of slack before a difference counts: rounding in styles is not a misfit.
SLACK = 2
# A line edit narrower than this many average characters cannot show a barcode or a class.
MIN_EDIT_CHARS = 6


@dataclass(frozen=True)
class Misfit:
    kind: str  # clipped_text / outside_window / narrow_column / narrow_field / window_too_small
    widget: str
    detail: str

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def describe(widget: QWidget) -> str:
    """A short name a developer can find the widget by: class, name and its text."""
    parts = [type(widget).__name__]
    if widget.objectName():
        parts.append(f"#{widget.objectName()}")
    label = widget.accessibleName() or _text_of(widget)
    if label:
        parts.append(f"“{label[:40]}”")
    return " ".join(parts)


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text().replace("&", "")
    if isinstance(widget, QLineEdit):
        return widget.placeholderText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    return ""


def _in_scroll_viewport(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    child = widget
    while parent is not None and child is not top:
        if isinstance(parent, QAbstractScrollArea) and child is parent.viewport():
            return True
        child, parent = parent, parent.parentWidget()
    return False


def _shown_rect(widget: QWidget, top: QWidget) -> QRect:
    """The part of ``widget`` its ancestors let show, in ``top``'s coordinates."""
    rect = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        if parent is top:
            return rect.intersected(top.rect())
        rect = rect.intersected(QRect(parent.mapTo(top, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect


def _check_position(widget: QWidget, top: QWidget) -> Misfit | None:
    if _in_scroll_viewport(widget, top):
        return None
    full = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
    shown = _shown_rect(widget, top)
    if shown.width() >= full.width() - SLACK and shown.height() >= full.height() - SLACK:
        return None
    return Misfit(
        "outside_window",
        describe(widget),
        f"{full.width()}x{full.height()} at ({full.x()},{full.y()}), only"
        f" {max(0, shown.width())}x{max(0, shown.height())} shown",
    )


def _check_label(label: QLabel) -> Misfit | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect()
    if label.wordWrap() or label.textFormat() == Qt.TextFormat.RichText or "<" in text:
        needed_h = label.heightForWidth(label.width())
        if needed_h > label.height() + SLACK:
            return Misfit(
                "clipped_text",
                describe(label),
                f"needs {needed_h} px of height, has {label.height()}",
            )
        return None
    needed = label.fontMetrics().horizontalAdvance(text.replace("&", "")) + 2 * label.margin()
    if needed > room.width() + SLACK:
        return Misfit(
            "clipped_text", describe(label), f"needs {needed} px of width, has {room.width()}"
        )
    return None


def _check_button(button: QAbstractButton) -> Misfit | None:
    if not button.text():
        return None
    text = button.text().replace("&", "")
    needed = button.fontMetrics().horizontalAdvance(text)
    if not button.icon().isNull():
        needed += button.iconSize().width()
    # A push button's frame takes some pixels; check boxes add their indicator.
    extra = 6 if isinstance(button, QPushButton) else 18
    if needed + extra > button.width() + SLACK:
        return Misfit(
            "clipped_text", describe(button), f"needs {needed + extra} px, has {button.width()}"
        )
    return None


def _check_combo(combo: QComboBox) -> Misfit | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    needed = combo.fontMetrics().horizontalAdvance(text) + 28  # frame + drop-down arrow
    if needed > combo.width() + SLACK:
        return Misfit("clipped_text", describe(combo), f"needs {needed} px, has {combo.width()}")
    return None


def _check_spin(spin: QAbstractSpinBox) -> Misfit | None:
    """A spin box may be narrow, but its number (and suffix) must show whole."""
    edit = spin.findChild(QLineEdit)
    if edit is None:
        return None
    needed = spin.fontMetrics().horizontalAdvance(spin.text()) + 4
    if needed > edit.width() + SLACK:
        return Misfit("clipped_text", describe(spin), f"needs {needed} px, has {edit.width()}")
    return None


def _check_edit(edit: QLineEdit) -> Misfit | None:
    needed = edit.fontMetrics().averageCharWidth() * MIN_EDIT_CHARS
    if edit.width() + SLACK < needed:
        return Misfit(
            "narrow_field",
            describe(edit),
            f"{edit.width()} px wide, less than {MIN_EDIT_CHARS} characters ({needed} px)",
        )
    return None


def _check_tabs(bar: QTabBar) -> list[Misfit]:
    found = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = bar.tabText(index).replace("&", "")
        needed = bar.fontMetrics().horizontalAdvance(text)
        if bar.tabRect(index).width() < needed + SLACK:
            found.append(
                Misfit(
                    "clipped_text",
                    f"QTabBar tab “{text}”",
                    f"needs {needed} px, has {bar.tabRect(index).width()}",
                )
            )
        elif not bar.rect().contains(bar.tabRect(index)):
            found.append(Misfit("outside_window", f"QTabBar tab “{text}”", "scrolled off"))
    return found


def _check_header(header: QHeaderView) -> list[Misfit]:
    view = header.parentWidget()
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    found = []
    metrics = header.fontMetrics()
    # What Qt's header itself needs around the text: the style's margin on each side + frame.
    padding = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 2
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        text = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
        if not text:
            continue
        needed = metrics.horizontalAdvance(text) + padding
        size = header.sectionSize(logical)
        if size + SLACK < needed:
            owner = describe(view) if isinstance(view, QWidget) else "table"
            found.append(
                Misfit(
                    "narrow_column",
                    f"{owner} column “{text}”",
                    f"{size} px, header needs {needed}",
                )
            )
    return found


def _check_scroll_area(area: QScrollArea) -> Misfit | None:
    """Scrolling down is fine on a small screen; scrolling sideways to reach a control is not."""
    bar = area.horizontalScrollBar()
    if not bar.isVisible() or bar.maximum() <= SLACK:
        return None
    inner = area.widget()
    name = describe(inner) if inner is not None else describe(area)
    return Misfit(
        "outside_window",
        name,
        f"{bar.maximum()} px wider than the space it has (it scrolls sideways)",
    )


def find_misfits(top: QWidget) -> list[Misfit]:
    """Every visible widget under ``top`` (a window or dialog) that does not fit."""
    found: list[Misfit] = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if widget.window() is not top:
            continue
        position = _check_position(widget, top)
        if position is not None:
            found.append(position)
            continue
        check: Misfit | None = None
        if isinstance(widget, QLabel):
            check = _check_label(widget)
        elif isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QTabBar):
            check = _check_button(widget)
        elif isinstance(widget, QComboBox):
            check = _check_combo(widget)
        elif isinstance(widget, QAbstractSpinBox):
            check = _check_spin(widget)
        elif isinstance(widget, QLineEdit) and not isinstance(
            widget.parent(), (QComboBox, QAbstractSpinBox)
        ):
            check = _check_edit(widget)
        elif isinstance(widget, QScrollArea):
            check = _check_scroll_area(widget)
        elif isinstance(widget, QTabBar):
            found.extend(_check_tabs(widget))
        elif isinstance(widget, QHeaderView) and isinstance(
            widget.parentWidget(), QAbstractItemView
        ):
            found.extend(_check_header(widget))
        if check is not None:
            found.append(check)
    return found
