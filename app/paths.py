"""Where things live: shipped resources and the user's profile folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from app import APP_NAME


def resources_dir() -> Path:
    """Shipped data (fonts, translations, label templates); inside the frozen bundle too."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def cjk_font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def default_home() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--home beats SHUWU_HOME beats the platform's user-data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("SHUWU_HOME")
    if env:
        return Path(env).expanduser().resolve()
    return default_home()
