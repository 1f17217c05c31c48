"""Finding damage in the profile database before it hides: quick checks and their schedule.

A damaged page inside ``shuwu.db`` (a dying disk, a power cut on a cheap USB drive) would
otherwise go unnoticed: reads that touch it quietly return less. So:
- at start, ``PRAGMA quick_check`` runs when the last good check is older than a day, or
  always when the file is small enough for the check to cost next to nothing
  (bench/workloads/integrity.py measures the cost at county scale);
- before every backup (a damaged file must never rotate a good backup out) and after a restore;
- ``shuwu status`` always checks;
- any "database disk image is malformed" during work becomes ``DamagedDatabase``, whose
  message names the recovery path (app/services/recovery.py).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path

from app.errors import ProfileError
from app.i18n import _

STAMP_NAME = ".integrity-checked"
CHECK_EVERY_S = 24 * 3600
ALWAYS_BELOW_BYTES = 64 * 1024 * 1024  # checking this much takes well under a second
_DAMAGE_WORDS = (
    "database disk image is malformed",
    "file is not a database",
    "malformed database schema",
    "database corruption",
    "no such table",
    "no such column",
)


class DamagedDatabase(ProfileError):
    """The profile database is damaged: exit 2, and the message says how to recover."""

    def __init__(self, path: Path) -> None:
        super().__init__(damage_message(path), code="database_damaged")
        self.path = path


def damage_message(path: Path) -> str:
    return _(
        "The database {path} is damaged (the disk may be failing); Shuwu stopped before "
        "anything else could be lost. Recover it with `shuwu recover` "
        "(or restart Shuwu and choose Recover now): "
        "the newest good backup is restored, operations not yet sent to the county are kept, "
        "and the county catalogue is received again at the next sync."
    ).format(path=path)


def is_damage(exc: BaseException) -> bool:
    """True for SQLite errors that mean a damaged file (not a busy or read-only one)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, sqlite3.DatabaseError):
            text = str(seen).lower()
            if any(word in text for word in _DAMAGE_WORDS):
                return True
        orig = getattr(seen, "orig", None)
        if isinstance(orig, sqlite3.DatabaseError) and is_damage(orig):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def quick_check(path: Path) -> bool:
    """``PRAGMA quick_check`` on the file (read-only); False when it finds any damage."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


def require_healthy(path: Path) -> None:
    """Raise DamagedDatabase unless the file passes quick_check; remember a good result."""
    if not quick_check(path):
        raise DamagedDatabase(path)
    _stamp(path)


def _stamp(path: Path) -> None:
    # A read-only folder only means the check runs again next time.
    with contextlib.suppress(OSError):
        (path.parent / STAMP_NAME).write_text(str(int(time.time())), encoding="ascii")


def check_due(path: Path, now: float | None = None) -> bool:
    """Is a start-up check due? Small files always; large ones once a day."""
    try:
        if path.stat().st_size < ALWAYS_BELOW_BYTES:
            return True
        last = int((path.parent / STAMP_NAME).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return True
    return (now if now is not None else time.time()) - last >= CHECK_EVERY_S


def check_at_start(path: Path) -> None:
    if path.exists() and path.stat().st_size and check_due(path):
        require_healthy(path)


def forget_checks(home: Path) -> None:
    """After a restore or recovery: the next start checks again."""
    with contextlib.suppress(OSError):
        os.unlink(Path(home) / STAMP_NAME)
