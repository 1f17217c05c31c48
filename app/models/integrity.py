"""Finding damage in the profile database before it hides: quick checks and their schedule.

A damaged page inside ``shuwu.db`` (a dying disk, a power cut on a cheap USB drive) would
otherwise go unnoticed: reads that touch it quietly return less. So:
- at start, ``PRAGMA quick_check`` of the whole file when it is small enough to cost next to
  nothing, else of the outbox and one more table in turn (bench/workloads/integrity.py
  measures both at county scale); the whole file is checked before the daily backup anyway;
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

from shuwu_shared.errors import DatabaseDamaged
from shuwu_shared.i18n import _

STAMP_NAME = ".integrity-checked"
ALWAYS_BELOW_BYTES = 64 * 1024 * 1024  # checking this much takes well under a second
_DAMAGE_WORDS = (
    "database disk image is malformed",
    "file is not a database",
    "malformed database schema",
    "database corruption",
    "no such table",
    "no such column",
)


class DamagedDatabase(DatabaseDamaged):
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
    # "<time of the last full check> <next table's turn>"; a read-only folder only means the
    # full check runs again next time.
    with contextlib.suppress(OSError):
        (path.parent / STAMP_NAME).write_text(f"{int(time.time())} 0", encoding="ascii")


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "ORDER BY name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def rotating_check(path: Path) -> bool:
    """One start's share of a large file: the outbox (what only this PC has) and the next
    table in turn with its indexes, so every table is covered over a few starts."""
    stamp = path.parent / STAMP_NAME
    try:
        turn = int(stamp.read_text(encoding="ascii").split()[1])
    except (OSError, ValueError, IndexError):
        turn = 0
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        try:
            tables = _tables(conn)
            names = {"outbox", tables[turn % len(tables)]} if tables else set()
            for name in sorted(names & set(tables)):
                quoted = name.replace('"', '""')
                if conn.execute(f'PRAGMA quick_check("{quoted}")').fetchall() != [("ok",)]:
                    return False
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    with contextlib.suppress(OSError):
        stamp.write_text(f"{int(time.time())} {turn + 1}", encoding="ascii")
    return True


def check_at_start(path: Path) -> None:
    """The start-up check: the whole file when it is small (or the last check was lost, e.g.
    after damage was seen or a restore), else ``rotating_check``. The full check of a large
    file comes with the daily backup (``backup_to`` checks before copying)."""
    if not path.exists() or not path.stat().st_size:
        return
    if path.stat().st_size < ALWAYS_BELOW_BYTES or not (path.parent / STAMP_NAME).exists():
        require_healthy(path)
    elif not rotating_check(path):
        raise DamagedDatabase(path)


def forget_checks(home: Path) -> None:
    """After a restore or recovery: the next start checks again."""
    with contextlib.suppress(OSError):
        os.unlink(Path(home) / STAMP_NAME)
