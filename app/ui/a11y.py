"""Accessibility helpers: names for screen readers from visible (mnemonic) texts."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton

_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def plain(text: str) -> str:
    """'立即备份(&B)' → '立即备份', '&Back up now' → 'Back up now', trailing '…' dropped."""
    return _MNEMONIC.sub("", text).rstrip("…").strip()


def name_buttons(*buttons: QAbstractButton) -> None:
    for button in buttons:
        button.setAccessibleName(plain(button.text()))
