"""Opening the profile's SQLite database safely: checks, PRAGMAs, migrations."""

from __future__ import annotations

import ast
import os
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from app.models.bulkload import restore_indexes
from app.models.integrity import DamagedDatabase, check_at_start, is_damage
from shuwu_shared.errors import ProfileError
from shuwu_shared.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config

# PRAGMA application_id marks a file as ours ("SHWU"); a foreign SQLite file is never touched.
APPLICATION_ID = 0x53485755
DB_FILENAME = "shuwu.db"
SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: village power cuts must not roll back a saved loan (WAL+NORMAL may).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def check_profile_folder(home: Path) -> None:
    """The folder must exist (we create it) and be writable, else a clear message."""
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProfileError(
            _("Cannot create the profile folder {path}: {reason}").format(
                path=home, reason=exc.strerror
            )
        ) from exc
    if not home.is_dir():
        raise ProfileError(_("The profile path {path} is not a folder.").format(path=home))
    try:
        with tempfile.NamedTemporaryFile(dir=home, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise ProfileError(
            _("The profile folder {path} is not writable. Choose another folder.").format(path=home)
        ) from exc


def check_database_file(path: Path) -> None:
    """Refuse unreadable, non-SQLite or foreign SQLite files without writing to them."""
    if not path.exists():
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ProfileError(
            _("Cannot read the database file {path}: {reason}").format(
                path=path, reason=exc.strerror
            )
        ) from exc
    if path.stat().st_size == 0:
        # Shuwu never leaves an empty file behind: this one lost its data (a disk error, a
        # copy that failed). Treated as damaged, never set up again as a new, empty profile.
        raise DamagedDatabase(path)
    if header != SQLITE_MAGIC:
        raise ProfileError(
            _(
                "{path} is not a Shuwu database (it is not an SQLite file). It was not changed."
            ).format(path=path)
        )
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise DamagedDatabase(path) from exc
        raise ProfileError(
            _("The database file {path} is damaged or unreadable. It was not changed.").format(
                path=path
            )
        ) from exc
    if app_id != APPLICATION_ID and tables:
        raise ProfileError(
            _("{path} belongs to another program, not Shuwu. It was not changed.").format(path=path)
        )


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _revisions(value: ast.expr | None) -> set[str]:
    found = ast.literal_eval(value) if value is not None else None
    if isinstance(found, str):
        return {found}
    return {str(v) for v in found} if isinstance(found, tuple | list) else set()


def known_heads() -> set[str] | None:
    """The newest revisions, read from the migration files without importing alembic (which
    costs a noticeable part of a cold start on a slow PC); None when a file does not say."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        names: dict[str, ast.expr | None] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target: ast.expr
            value: ast.expr | None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign):
                target, value = node.target, node.value
            else:
                continue
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                names[target.id] = value
        if "revision" not in names:
            return None
        revisions |= _revisions(names["revision"])
        parents |= _revisions(names.get("down_revision"))
    return revisions - parents


def _current_heads(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if exists is None:
            return set()
        return {str(r[0]) for r in conn.execute(text("SELECT version_num FROM alembic_version"))}


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    heads = known_heads()
    if heads and _current_heads(engine) == heads:
        return  # the usual start: nothing to do, and alembic is never imported
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    heads = set(ScriptDirectory.from_config(cfg).get_heads())
    with engine.begin() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
        if current == heads:
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")


def make_private(path: Path) -> None:
    """Owner-only access: mode 0600 on POSIX, the user alone (no inherited ACL) on Windows.

    The database holds readers' names and phones, so it gets what the device token gets.
    """
    if not path.exists():
        return
    if os.name != "nt":
        os.chmod(path, 0o600)
        return
    user = os.environ.get("USERNAME")
    if user:  # best effort: %LOCALAPPDATA% is already the user's own folder
        subprocess.run(
            ["icacls", str(path), "/inheritance:r", "/grant:r", f"{user}:F"],
            capture_output=True,
            check=False,
        )


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and owner-only before SQLite writes anything into it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    make_private(path)


def _private_database(path: Path) -> None:
    for extra in ("", "-wal", "-shm"):
        make_private(path.with_name(path.name + extra))


def plain_reason(exc: BaseException) -> str:
    """What went wrong, in words for a librarian: never an SQL statement."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "readonly" in text or "read-only" in text or "read only" in text:
        return _("the file or its folder is read-only (check the permissions or the USB stick)")
    if "disk i/o" in text or "disk is full" in text or "full" in text:
        return _("the disk could not be written (it may be full or failing)")
    if "locked" in text or "busy" in text:
        return _("another program is using the database (close it and try again)")
    return _("the database could not be updated ({kind})").format(kind=type(exc).__name__)


def open_database(home: Path) -> tuple[Engine, sessionmaker[Session]]:
    check_profile_folder(home)
    path = home / DB_FILENAME
    check_database_file(path)
    if not path.exists():
        create_private_file(path)
    else:
        check_at_start(path)
    engine = make_engine(path)
    try:
        with engine.begin() as conn:  # an interrupted bulk load's indexes, before migrations
            restore_indexes(conn)
        migrate(engine)
        _private_database(path)
    except Exception as exc:  # a migration failure must not look like a crash
        engine.dispose()
        if is_damage(exc):
            raise DamagedDatabase(path) from exc
        raise ProfileError(
            _("Could not prepare the database {path}: {reason}").format(
                path=path, reason=plain_reason(exc)
            )
        ) from exc
    return engine, sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One session per user action: commit on success, roll back on any error."""
    with factory() as session, session.begin():
        yield session


def backup_database_to(source: Path, target: Path) -> None:
    """SQLite online backup: consistent while the app keeps writing. The copy is owner-only.

    The target's folder must exist: a mistyped path never creates folders.
    """
    tmp = target.with_suffix(target.suffix + ".part")
    tmp.unlink(missing_ok=True)
    create_private_file(tmp)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, target)
