"""Where the user's profile folder lives (shipped resources: shuwu_shared.resources)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app import APP_NAME


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
