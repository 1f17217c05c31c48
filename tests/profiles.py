"""A fresh profile for a test, quickly: the migrated, empty database is made once per test
process (``open_profile`` into a template folder) and each test opens its own copy of it, so
the migrations are not run again for every test. ``open_profile`` still runs all its start-up
checks on the copy; tests of profile creation and migration call ``open_profile`` directly."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from app.models.db import DB_FILENAME
from app.profile import Profile, open_profile

_template: Path | None = None


def _template_db() -> Path:
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="shuwu-profile-template-"))
        atexit.register(shutil.rmtree, folder, True)
        open_profile(folder / "profile").close()
        _template = folder / "profile" / DB_FILENAME
    return _template


def new_profile(home: Path) -> Profile:
    """``open_profile(home)`` for a folder that does not exist yet, from the template."""
    template = _template_db()
    home.mkdir(parents=True)
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{template}{suffix}")
        if source.exists():
            shutil.copyfile(source, home / f"{DB_FILENAME}{suffix}")
    return open_profile(home)
