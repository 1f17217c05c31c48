"""The recovery path for a damaged profile database (``shuwu recover``, 设置 → 备份 → 恢复).

1. The newest backup that passes a full integrity check is restored (the profile's automatic
   backups first, then the copies saved before earlier restores).
2. Operations not yet sent to the county are read from the damaged file, row by row past any
   broken page, and carried into the restored database (``backup.restore_backup``); the damaged
   file is kept aside as ``backups/before-restore-*.damaged``.
3. The change cursor is reset, so the next sync receives the county catalogue again (the
   snapshot, then the branch's own history): whatever the backup is missing comes back from
   the county, and what only this PC had (the unsent operations) is sent.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.clock import Clock
from app.errors import UserInputError
from app.i18n import _
from app.models.db import DB_FILENAME
from app.services import backup

# sync_state keys (app.sync.state): reset so the next sync takes the county snapshot again.
_CURSOR = "change_cursor"
_SNAPSHOT_KEYS = ("snapshot_mark", "snapshot_entity", "snapshot_after")


@dataclass(frozen=True)
class RecoveryResult:
    restored_from: Path
    saved_damaged_to: Path | None
    carried_ops: int
    counts: backup.DbCounts

    def to_json(self) -> dict[str, Any]:
        return {
            "restored_from": str(self.restored_from),
            "saved_damaged_to": str(self.saved_damaged_to) if self.saved_damaged_to else None,
            "carried_ops": self.carried_ops,
            "counts": self.counts.__dict__,
            "catalogue_repull": True,
        }


def candidates(home: Path) -> list[Path]:
    """Backups in the profile, newest first (automatic ones, then pre-restore copies)."""
    folder = backup.backups_dir(home)
    if not folder.is_dir():
        return []
    found = [
        *folder.glob(f"{backup.BACKUP_PREFIX}*{backup.BACKUP_SUFFIX}"),
        *folder.glob(f"{backup.BEFORE_RESTORE_PREFIX}*{backup.BACKUP_SUFFIX}"),
    ]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def newest_good_backup(home: Path) -> backup.BackupInfo:
    for path in candidates(home):
        try:
            return backup.inspect_backup(path)
        except UserInputError:
            continue  # damaged or foreign: try the next older one
    raise UserInputError(
        _(
            "No good backup was found in {folder}. Copy a backup from the USB stick and restore "
            "it with: shuwu restore FILE"
        ).format(folder=backup.backups_dir(home)),
        code="no_backup",
    )


def plan_recovery(home: Path) -> backup.RestorePlan:
    """What ``recover`` would restore, to show before the user confirms."""
    return backup.plan_restore(Path(home), newest_good_backup(Path(home)).path)


def recover(home: Path, clock: Clock) -> RecoveryResult:
    home = Path(home)
    good = newest_good_backup(home)
    branch = good.branch.code if good.branch else None
    result = backup.restore_backup(home, good.path, clock, confirm_branch=branch)
    _repull_catalogue(home / DB_FILENAME)
    return RecoveryResult(
        restored_from=good.path,
        saved_damaged_to=result.saved_current_to,
        carried_ops=result.carried_ops,
        counts=result.counts,
    )


def _repull_catalogue(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, timeout=30)
    try:
        with conn:
            conn.execute(
                "INSERT OR REPLACE INTO sync_state(key, value) VALUES (?, '0')", (_CURSOR,)
            )
            conn.executemany("DELETE FROM sync_state WHERE key = ?", [(k,) for k in _SNAPSHOT_KEYS])
    finally:
        conn.close()
