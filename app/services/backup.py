"""Backups of the profile database: daily automatic, manual to a folder/USB stick, and restore.

Copies are made with SQLite's online backup API (``backup_database_to``), so they are consistent
while the desk keeps lending. Every copy is checked (integrity, our application id, a schema
revision this version knows) before it is accepted, and again before it is restored.

Restore never loses work that was not yet sent: the current database is first saved to
``backups/before-restore-*.db``; operations still pending in it that the backup does not hold
are carried into the restored database, and the device is marked "epoch must be renewed" so the
server (which dedupes by ``op_id``) neither loses nor replays anything. The sync engine renews
the epoch at the next sync (``epoch_renewal_pending`` / ``clear_epoch_renewal``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.device import state
from app.models import AppSetting, OutboxOp
from app.models.db import (
    APPLICATION_ID,
    DB_FILENAME,
    SQLITE_MAGIC,
    alembic_config,
    backup_database_to,
    check_database_file,
    create_private_file,
    make_engine,
    make_private,
    migrate,
)
from app.models.integrity import forget_checks, quick_check, require_healthy
from shuwu_shared.clock import Clock
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

BACKUP_DIRNAME = "backups"
BACKUP_PREFIX = "shuwu-"
BEFORE_RESTORE_PREFIX = "before-restore-"
BACKUP_SUFFIX = ".db"
DEFAULT_KEEP = 7
KEEP_SETTING = "backup_keep"
# Written into the copy (never the live DB) so a restore can say when the backup was taken.
TAKEN_AT_KEY = "backup_taken_at"

_COUNT_QUERIES = {
    "bibs": "SELECT count(*) FROM bib_record",
    "items": "SELECT count(*) FROM item",
    "readers": "SELECT count(*) FROM reader",
    "loans": "SELECT count(*) FROM loan",
    "open_loans": "SELECT count(*) FROM loan WHERE returned_at IS NULL",
    "outbox_pending": "SELECT count(*) FROM outbox WHERE state = 'pending'",
}


@dataclass(frozen=True)
class DbCounts:
    bibs: int
    items: int
    readers: int
    loans: int
    open_loans: int
    outbox_pending: int

    def describe(self) -> str:
        return _(
            "{bibs} records, {items} items, {readers} readers, {open_loans} open loans, "
            "{pending} unsent operations"
        ).format(
            bibs=self.bibs,
            items=self.items,
            readers=self.readers,
            open_loans=self.open_loans,
            pending=self.outbox_pending,
        )


@dataclass(frozen=True)
class BranchName:
    code: str
    name: str | None

    def describe(self) -> str:
        return f"{self.name} ({self.code})" if self.name else self.code


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    taken_at: datetime | None
    revision: str
    counts: DbCounts
    branch: BranchName | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "size": self.size,
            "taken_at": self.taken_at.isoformat() if self.taken_at else None,
            "revision": self.revision,
            "counts": self.counts.__dict__,
            "branch": self.branch.code if self.branch else None,
        }


@dataclass(frozen=True)
class RestorePlan:
    backup: BackupInfo
    current: DbCounts | None  # None: the current database is missing or damaged
    current_modified: datetime | None
    current_branch: BranchName | None = None

    @property
    def other_branch(self) -> bool:
        """The backup belongs to another branch than this computer: restoring it needs an
        explicit confirmation naming both (the PC would become that branch)."""
        mine, theirs = self.current_branch, self.backup.branch
        return mine is not None and theirs is not None and mine.code != theirs.code

    def other_branch_warning(self) -> str:
        assert self.backup.branch is not None and self.current_branch is not None
        return _(
            "This backup belongs to branch {theirs}, but this computer is branch {mine}. "
            "Restoring it makes this computer {theirs}, and its next sync will be refused "
            "until it is enrolled again."
        ).format(theirs=self.backup.branch.describe(), mine=self.current_branch.describe())

    def describe(self) -> str:
        when = _format_time(self.backup.taken_at) if self.backup.taken_at else _("unknown date")
        lines = [
            _("The backup from {when} will replace the data on this computer.").format(when=when),
            _("Backup: {counts}.").format(counts=self.backup.counts.describe()),
        ]
        if self.current is None:
            lines.append(_("Current data: missing or damaged."))
        else:
            changed = _format_time(self.current_modified) if self.current_modified else _("unknown")
            lines.append(
                _("Current data (last changed {when}): {counts}.").format(
                    when=changed, counts=self.current.describe()
                )
            )
        lines.append(
            _(
                "The current data is first saved to the backups folder, and operations not yet "
                "sent to the county are kept and sent at the next sync."
            )
        )
        if self.other_branch:
            lines.append(self.other_branch_warning())
        return "\n".join(lines)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    saved_current_to: Path | None
    carried_ops: int
    counts: DbCounts

    def to_json(self) -> dict[str, Any]:
        return {
            "restored_from": str(self.restored_from),
            "saved_current_to": str(self.saved_current_to) if self.saved_current_to else None,
            "carried_ops": self.carried_ops,
            "counts": self.counts.__dict__,
            "epoch_renew_required": True,
        }


def _format_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def backups_dir(home: Path) -> Path:
    return home / BACKUP_DIRNAME


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory  # not at import: it slows every cold start

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def _refuse(path: Path, reason: str) -> UserInputError:
    return UserInputError(
        _("{path} cannot be used as a Shuwu backup: {reason} Nothing was changed.").format(
            path=path, reason=reason
        ),
        code="bad_backup",
    )


def _branch(conn: sqlite3.Connection) -> BranchName | None:
    """The branch a database belongs to (its branch_code setting), with its name if known."""
    try:
        row = conn.execute("SELECT value FROM app_setting WHERE key = 'branch_code'").fetchone()
        if not row or not row[0]:
            return None
        name_row = conn.execute("SELECT name FROM branch WHERE code = ?", (row[0],)).fetchone()
    except sqlite3.DatabaseError:
        return None
    return BranchName(code=str(row[0]), name=str(name_row[0]) if name_row else None)


def _counts(conn: sqlite3.Connection) -> DbCounts:
    return DbCounts(**{k: int(conn.execute(q).fetchone()[0]) for k, q in _COUNT_QUERIES.items()})


def inspect_backup(path: Path) -> BackupInfo:
    """Check that ``path`` is a complete, undamaged Shuwu database; read its counts.

    Opened read-only and immutable: inspecting a file never writes to it (or next to it).
    """
    path = Path(path)
    if not path.is_file():
        raise UserInputError(
            _("The backup file {path} does not exist. Check the folder or USB stick.").format(
                path=path
            ),
            code="not_found",
        )
    size = path.stat().st_size
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise _refuse(path, _("it is not a Shuwu database file."))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    if page_size and page_count and size < page_size * page_count:
        raise _refuse(path, _("the file is incomplete (cut off while copying)."))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise _refuse(path, _("it belongs to another program."))
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise _refuse(path, _("the file is damaged."))
            revisions = {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
            counts = _counts(conn)
            branch = _branch(conn)
            taken_row = conn.execute(
                "SELECT value FROM app_setting WHERE key = ?", (TAKEN_AT_KEY,)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, _("the file is damaged.")) from exc
    unknown = revisions - _known_revisions()
    if not revisions:
        raise _refuse(path, _("the file is damaged."))
    if unknown:
        raise _refuse(
            path, _("it was made by a newer version of Shuwu. Update Shuwu first, then restore.")
        )
    taken_at = None
    if taken_row:
        try:
            taken_at = datetime.fromisoformat(taken_row[0])
        except ValueError:
            taken_at = None
    return BackupInfo(
        path=path,
        size=size,
        taken_at=taken_at,
        revision=",".join(sorted(revisions)),
        counts=counts,
        branch=branch,
    )


def _stamp_copy(copy: Path, taken_at: datetime) -> None:
    """Mark the copy with its date and make it a self-contained single file (no WAL)."""
    conn = sqlite3.connect(copy)
    try:
        conn.execute(
            "INSERT OR REPLACE INTO app_setting(key, value) VALUES (?, ?)",
            (TAKEN_AT_KEY, taken_at.isoformat()),
        )
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def backup_to(db_path: Path, target: Path, clock: Clock) -> BackupInfo:
    """Copy the live database to ``target`` (a file, or a folder to put a dated file in)."""
    target = Path(target)
    taken_at = clock.now().astimezone(UTC)
    if target.is_dir():
        target = target / f"{BACKUP_PREFIX}{taken_at.astimezone():%Y%m%d-%H%M%S}{BACKUP_SUFFIX}"
    if target.resolve() == Path(db_path).resolve():
        raise UserInputError(_("A backup cannot overwrite the live database. Choose another file."))
    if not target.parent.is_dir():
        raise UserInputError(
            _("The folder {path} does not exist. Choose an existing folder or USB stick.").format(
                path=target.parent
            ),
            code="no_folder",
        )
    # A damaged live file must never be copied over (and rotate out) a good backup.
    require_healthy(Path(db_path))
    staging = target.with_name(target.name + ".tmp")
    try:
        backup_database_to(Path(db_path), staging)
        _stamp_copy(staging, taken_at)
        inspect_backup(staging)  # never leave an unchecked copy under the final name
        make_private(staging)
        os.replace(staging, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            staging.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UserInputError(
            _(
                "Could not write the backup to {path}: {reason}. Check the USB stick or folder."
            ).format(path=target, reason=reason)
        ) from exc
    except Exception:
        with contextlib.suppress(OSError):
            staging.unlink(missing_ok=True)
        raise
    return inspect_backup(target)


def list_backups(home: Path) -> list[Path]:
    """Automatic backups in the profile, newest first."""
    folder = backups_dir(home)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}"), reverse=True)


def keep_count(session: Session) -> int:
    row = session.get(AppSetting, KEEP_SETTING)
    try:
        return max(1, int(row.value)) if row is not None else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP


def daily_backup(
    home: Path, clock: Clock, keep: int = DEFAULT_KEEP, *, force: bool = False
) -> BackupInfo | None:
    """Take today's automatic backup unless one exists; keep the newest ``keep`` files.

    Returns None when today's backup was already there.
    """
    folder = backups_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    today = clock.now().astimezone().strftime("%Y%m%d")
    existing = list_backups(home)
    if not force and existing and existing[0].name.startswith(f"{BACKUP_PREFIX}{today}"):
        return None
    info = backup_to(home / DB_FILENAME, folder, clock)
    for old in list_backups(home)[max(1, keep) :]:
        old.unlink(missing_ok=True)
    return info


def _current_branch(db_path: Path) -> BranchName | None:
    if not db_path.exists() or not db_path.stat().st_size:
        return None
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return _branch(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None


def _current_counts(db_path: Path) -> tuple[DbCounts | None, datetime | None]:
    if not db_path.exists():
        return None, None
    try:
        check_database_file(db_path)
        if not quick_check(db_path):
            return None, None
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            counts = _counts(conn)
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UserInputError):
        return None, None
    latest = max(
        (
            p.stat().st_mtime
            for p in (db_path, db_path.with_name(db_path.name + "-wal"))
            if p.exists()
        ),
        default=None,
    )
    modified = datetime.fromtimestamp(latest, UTC) if latest else None
    return counts, modified


def plan_restore(home: Path, source: Path) -> RestorePlan:
    """What a restore would replace: shown to the user before they confirm."""
    backup = inspect_backup(Path(source))
    current, modified = _current_counts(home / DB_FILENAME)
    return RestorePlan(
        backup=backup,
        current=current,
        current_modified=modified,
        current_branch=_current_branch(home / DB_FILENAME),
    )


_OP_COLUMNS = (
    "op_id",
    "epoch",
    "kind",
    "payload",
    "device_wall_ms",
    "clock_offset_ms",
    "created_at",
)
_SALVAGE_LIMIT = 2_000_000  # rowids tried one by one in a damaged outbox


def _pending_ops(db_path: Path) -> list[dict[str, Any]]:
    """The unsent operations, also from a damaged file: row by row past any broken page."""
    if not db_path.exists() or not db_path.stat().st_size:
        return []
    with db_path.open("rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            return []  # not an SQLite file at all
    columns = ", ".join(_OP_COLUMNS)
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return []
    try:
        try:
            rows = conn.execute(
                f"SELECT {columns} FROM outbox WHERE state = 'pending' ORDER BY device_seq"
            ).fetchall()
        except sqlite3.DatabaseError:
            rows = _salvage_rows(conn, columns)
    finally:
        conn.close()
    return [dict(zip(_OP_COLUMNS, row, strict=True)) for row in rows]


def _salvage_rows(conn: sqlite3.Connection, columns: str) -> list[tuple[Any, ...]]:
    try:
        top = int(conn.execute("SELECT max(rowid) FROM outbox").fetchone()[0] or 0)
    except sqlite3.DatabaseError:
        return []  # the outbox's own pages are unreadable: nothing can be salvaged
    rows: list[tuple[Any, ...]] = []
    for rowid in range(1, min(top, _SALVAGE_LIMIT) + 1):
        try:
            row = conn.execute(
                f"SELECT {columns} FROM outbox WHERE rowid = ? AND state = 'pending'", (rowid,)
            ).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None:
            rows.append(row)
    return rows


def restore_backup(
    home: Path, source: Path, clock: Clock, *, confirm_branch: str | None = None
) -> RestoreResult:
    """Replace the profile database with ``source`` (checked first); see the module docstring.

    Works while other connections to the database exist (they see the restored data on their
    next transaction) and when the current database is damaged (it is moved aside, and its
    unsent operations are read past the damage). A backup of another branch is refused unless
    ``confirm_branch`` names that branch's code.
    """
    home = Path(home)
    source = Path(source)
    plan = plan_restore(home, source)
    if plan.other_branch:
        assert plan.backup.branch is not None
        if (confirm_branch or "").strip().upper() != plan.backup.branch.code.upper():
            raise UserInputError(
                plan.other_branch_warning()
                + " "
                + _(
                    "Nothing was changed. To restore it anyway, confirm the branch "
                    "(shuwu restore FILE --confirm-branch {code})."
                ).format(code=plan.backup.branch.code),
                code="other_branch",
            )
    db_path = home / DB_FILENAME
    if source.resolve() == db_path.resolve():
        raise UserInputError(_("That file is the live database itself. Choose a backup file."))
    stamp = clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
    saved: Path | None = None
    healthy = True
    try:
        check_database_file(db_path)
        healthy = not db_path.exists() or quick_check(db_path)
    except UserInputError:
        healthy = False
    carried = _pending_ops(db_path)  # read before the file is moved (its WAL holds the newest)
    if db_path.exists() and db_path.stat().st_size:
        saved = backups_dir(home) / f"{BEFORE_RESTORE_PREFIX}{stamp}{BACKUP_SUFFIX}"
        saved.parent.mkdir(parents=True, exist_ok=True)
        if healthy:
            backup_to(db_path, saved, clock)
        else:
            saved = set_aside(db_path, stamp)
    elif db_path.exists():
        db_path.unlink()  # an empty file: nothing to keep
    if not db_path.exists():
        create_private_file(db_path)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        dst = sqlite3.connect(db_path, timeout=30)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    engine = make_engine(db_path)
    try:
        migrate(engine)
        with Session(engine) as session, session.begin():
            carried_count = _after_restore(session, clock, carried)
    finally:
        engine.dispose()
    finish_restore(home, db_path)
    counts, _modified = _current_counts(db_path)
    assert counts is not None  # just restored from a checked backup
    return RestoreResult(
        restored_from=source, saved_current_to=saved, carried_ops=carried_count, counts=counts
    )


def set_aside(db_path: Path, stamp: str) -> Path | None:
    """Move a damaged database (and its WAL) into backups/ as ``*.damaged``: kept, not used."""
    if not db_path.exists():
        return None
    if not db_path.stat().st_size:
        db_path.unlink()
        return None
    damaged = backups_dir(db_path.parent) / f"{BEFORE_RESTORE_PREFIX}{stamp}.damaged"
    damaged.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(db_path, damaged)
    make_private(damaged)
    for extra in ("-wal", "-shm"):  # kept next to it: the file may still be studied
        side = db_path.with_name(db_path.name + extra)
        if side.exists():
            shutil.move(side, damaged.with_name(damaged.name + extra))
    return damaged


def finish_restore(home: Path, db_path: Path) -> None:
    """Owner-only files, and a full check now and at the next start."""
    for extra in ("", "-wal", "-shm"):
        make_private(db_path.with_name(db_path.name + extra))
    forget_checks(home)
    require_healthy(db_path)  # after a restore: the restored file is whole


def salvage_pending_ops(db_path: Path) -> list[dict[str, Any]]:
    return _pending_ops(db_path)


def current_counts(db_path: Path) -> tuple[DbCounts | None, datetime | None]:
    return _current_counts(db_path)


def carry_ops(session: Session, clock: Clock, carried: list[dict[str, Any]]) -> int:
    """Put carried unsent operations into a restored or rebuilt database; marks the epoch."""
    return _after_restore(session, clock, carried)


def _after_restore(session: Session, clock: Clock, carried: list[dict[str, Any]]) -> int:
    session.execute(delete(AppSetting).where(AppSetting.key == TAKEN_AT_KEY))
    known = set(session.scalars(select(OutboxOp.op_id)))
    count = 0
    for op in carried:
        if op["op_id"] in known:
            continue
        payload = op["payload"]
        try:
            if isinstance(payload, str):
                payload = json.loads(payload)
        except ValueError:
            continue  # a row the damage reached: it cannot be sent as it is
        created = op["created_at"]
        session.add(
            OutboxOp(
                op_id=op["op_id"],
                epoch=int(op["epoch"] or 0),
                kind=op["kind"],
                payload=payload,
                device_wall_ms=int(op["device_wall_ms"]),
                clock_offset_ms=int(op["clock_offset_ms"] or 0),
                state="pending",
                created_at=datetime.fromisoformat(created).replace(tzinfo=UTC)
                if isinstance(created, str)
                else clock.now(),
            )
        )
        count += 1
    state.mark_epoch_renewal(session)
    state.put(session, state.RESTORED_AT, clock.now().isoformat())
    return count
