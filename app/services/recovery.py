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

from sqlalchemy.orm import Session

from app.device import state
from app.models import AppSetting, SyncState
from app.models.db import DB_FILENAME, make_engine, migrate
from app.services import backup
from shuwu_shared.clock import Clock
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

# sync_state keys reset so the next sync takes the county snapshot again.
_CURSOR = state.CURSOR
_SNAPSHOT_KEYS = (
    state.SNAPSHOT_MARK,
    state.SNAPSHOT_ENTITY,
    state.SNAPSHOT_AFTER,
    state.SNAPSHOT_PLAN,
    state.SNAPSHOT_DESK_READY,
    state.SNAPSHOT_BIB_DONE,
    state.SNAPSHOT_BIB_TOTAL,
    state.SNAPSHOT_KEYLESS,
    state.SNAPSHOT_SEARCH_READY,
)


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


def plan_recovery(home: Path) -> str:
    """What ``recover`` would do, to show before the user confirms."""
    home = Path(home)
    try:
        return backup.plan_restore(home, newest_good_backup(home).path).describe()
    except UserInputError:
        if not _enrolled(home / DB_FILENAME):
            raise
    return _(
        "There is no good backup on this computer. The damaged file is kept aside, a new "
        "database is made with this computer's enrolment and its {count} unsent operations, "
        "and the next sync receives the county catalogue and this branch's readers and loans."
    ).format(count=len(backup.salvage_pending_ops(home / DB_FILENAME)))


def _salvage(db_path: Path, table: str) -> list[tuple[str, str]]:
    """Key/value rows of a small table, read past damage when possible."""
    if not db_path.exists() or not db_path.stat().st_size:
        return []
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return [(str(k), str(v)) for k, v in conn.execute(f"SELECT key, value FROM {table}")]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return []


def _enrolled(db_path: Path) -> bool:
    return any(key == state.DEVICE_ID for key, _value in _salvage(db_path, "sync_state"))


# Sync bookkeeping that must start again: the county sends everything anew.
_RESET_KEYS = {_CURSOR, *_SNAPSHOT_KEYS, state.LAST_SYNC, state.SNAPSHOT_REINDEX}


def rebuild_from_county(home: Path, clock: Clock) -> RecoveryResult:
    """No good backup: a new database holding this PC's enrolment, settings and unsent
    operations; the next sync brings the county catalogue and the branch's data back."""
    db_path = Path(home) / DB_FILENAME
    settings_rows = _salvage(db_path, "app_setting")
    state_rows = [(k, v) for k, v in _salvage(db_path, "sync_state") if k not in _RESET_KEYS]
    carried = backup.salvage_pending_ops(db_path)
    stamp = clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
    damaged = backup.set_aside(db_path, stamp)
    engine = make_engine(db_path)
    try:
        migrate(engine)
        with Session(engine) as session, session.begin():
            for key, value in settings_rows:
                session.merge(AppSetting(key=key, value=value))
            for key, value in state_rows:
                session.merge(SyncState(key=key, value=value))
            session.merge(SyncState(key=_CURSOR, value="0"))
            count = backup.carry_ops(session, clock, carried)
    finally:
        engine.dispose()
    backup.finish_restore(Path(home), db_path)
    counts, _modified = backup.current_counts(db_path)
    assert counts is not None
    return RecoveryResult(
        restored_from=db_path, saved_damaged_to=damaged, carried_ops=count, counts=counts
    )


def recover(home: Path, clock: Clock) -> RecoveryResult:
    """Restore the newest good backup; with none on this PC, rebuild from the county."""
    home = Path(home)
    try:
        good = newest_good_backup(home)
    except UserInputError:
        if not _enrolled(home / DB_FILENAME):
            raise
        return rebuild_from_county(home, clock)
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
