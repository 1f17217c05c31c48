"""Every interactive control in every section has a name a screen reader can speak."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from app.profile import Profile
from app.ui.app import build_main_window
from app.ui.sections import NAVIGATION

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def _is_part_of_composite(widget: QWidget) -> bool:
    """Inner pieces of a control (a spin box's line edit, a tab bar's scroll arrows...)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (*INTERACTIVE, QTabBar)):
            return True
        parent = parent.parentWidget()
    return isinstance(widget, QScrollBar)


def _named(widget: QWidget, buddies: set[int]) -> bool:
    if widget.accessibleName().strip():
        return True
    if id(widget) in buddies:
        return True
    return isinstance(widget, QAbstractButton) and bool(widget.text().replace("&", "").strip())


def unreachable_controls(page: QWidget) -> list[str]:
    """Controls Tab can never reach (a keyboard-only or screen-reader user cannot use them)."""
    offenders = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _is_part_of_composite(widget):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            offenders.append(
                f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
            )
    return offenders


def unnamed_controls(page: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in page.findChildren(QLabel) if label.buddy()}
    offenders = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _is_part_of_composite(widget):
            continue
        if not _named(widget, buddies):
            offenders.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return offenders


def test_every_section_names_its_controls(qtbot, profile: Profile) -> None:
    window = build_main_window(profile)
    qtbot.addWidget(window)
    assert _named(window.nav, set())
    problems = {}
    for key, _title in NAVIGATION:
        page = window.show_section(key)
        # Settings tabs are built up front; other sections may build sub-pages lazily.
        offenders = unnamed_controls(page)
        if offenders:
            problems[key] = offenders
        unreachable = unreachable_controls(page)
        if unreachable:
            problems[f"{key} (no Tab focus)"] = unreachable
    assert problems == {}, f"controls without an accessible name or labelled buddy: {problems}"


def test_checker_catches_an_unnamed_control(qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    QLineEdit(page)
    named = QLineEdit(page)
    named.setAccessibleName("条码")
    assert unnamed_controls(page) == ["QLineEdit ''"]


def test_checker_catches_a_control_tab_cannot_reach(qtbot) -> None:
    from PySide6.QtWidgets import QPushButton

    page = QWidget()
    qtbot.addWidget(page)
    button = QPushButton("保存", page)
    assert unreachable_controls(page) == []
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    assert unreachable_controls(page) == ["QPushButton ''"]
