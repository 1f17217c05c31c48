"""Sizes that follow the font size chosen in Settings (screens were laid out for 11 pt)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

BASE_PT = 11


def scale() -> float:
    app = QApplication.instance()
    size = app.font().pointSize() if isinstance(app, QApplication) else BASE_PT
    return (size if size > 0 else BASE_PT) / BASE_PT


def font_css(points: int) -> str:
    """``font-size: …pt;`` for a style sheet, scaled like the application font."""
    return f"font-size: {max(1, round(points * scale()))}pt;"


def scaled_px(pixels: int) -> int:
    return round(pixels * scale())


# A button that destroys something: red text while it can be pressed, plain grey when it cannot
# (a disabled button must never look pressable).
DANGER_BUTTON_CSS = "QPushButton { color: #c92a2a; } QPushButton:disabled { color: #9aa0a6; }"
