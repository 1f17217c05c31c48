"""Shipped data (fonts, translations, tables) that both the client and the server read."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The repository's resources/ folder; inside the frozen bundle too."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def cjk_font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"
