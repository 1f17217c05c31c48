"""The local database: PRAGMAs, migrations, refusing bad profiles without touching them."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from app.models import Base
from app.models.base import alembic_include_name
from app.models.db import APPLICATION_ID, migrate
from app.profile import Profile, open_profile
from shuwu_shared.errors import ProfileError

EXPECTED_TABLES = {
    "branch",
    "bib_record",
    "item",
    "reader",
    "loan",
    "credit_entry",
    "circulation_policy",
    "credit_rules",
    "outbox",
    "sync_state",
    "audit_log",
}


def test_new_profile_has_schema_and_pragmas(profile: Profile) -> None:
    tables = set(inspect(profile.engine).get_table_names())
    assert tables >= EXPECTED_TABLES
    with profile.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID


def test_migrations_match_models(profile: Profile) -> None:
    with profile.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": alembic_include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


def test_schema_has_one_head() -> None:
    from alembic.script import ScriptDirectory

    from app.models.db import alembic_config

    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_heads_read_without_alembic_are_alembics_heads() -> None:
    """The cold-start shortcut (app.models.db.known_heads) must agree with alembic itself."""
    from alembic.script import ScriptDirectory

    from app.models.db import alembic_config, known_heads

    assert known_heads() == set(ScriptDirectory.from_config(alembic_config()).get_heads())


def test_an_old_profile_is_still_migrated_on_open(tmp_path: Path) -> None:
    home = tmp_path / "p"
    open_profile(home).close()
    db = sqlite3.connect(home / "shuwu.db")
    # A profile as version 0950 left it: without the columns later migrations add.
    db.execute("ALTER TABLE shelf_location DROP COLUMN retired")
    db.execute("ALTER TABLE sync_exception DROP COLUMN resolution")
    db.execute("DROP TABLE county_copy")
    db.execute("UPDATE alembic_version SET version_num = '0950_h15a_bib_marc_flags'")
    db.commit()
    db.close()
    reopened = open_profile(home)
    try:
        columns = {c["name"] for c in inspect(reopened.engine).get_columns("shelf_location")}
        assert "retired" in columns
        exception_columns = inspect(reopened.engine).get_columns("sync_exception")
        assert "resolution" in {c["name"] for c in exception_columns}
        assert "county_copy" in inspect(reopened.engine).get_table_names()
    finally:
        reopened.close()


def test_migrate_twice_is_a_no_op(profile: Profile) -> None:
    migrate(profile.engine)
    with profile.engine.connect() as conn:
        heads = conn.execute(text("SELECT count(*) FROM alembic_version")).scalar()
    assert heads and heads >= 1


def test_every_synced_table_has_a_uuid(profile: Profile) -> None:
    for table in ("branch", "bib_record", "item", "reader", "loan", "credit_entry"):
        columns = {c["name"] for c in inspect(profile.engine).get_columns(table)}
        assert "uuid" in columns, table


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=60
    )


def test_garbage_database_file_is_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "shuwu.db"
    garbage = b"this is not a database\x00\x01" * 100
    db.write_bytes(garbage)
    with pytest.raises(ProfileError):
        open_profile(tmp_path)
    result = _run_cli("status", "--home", str(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "书屋" in result.stderr  # the message is in the user's language
    assert db.read_bytes() == garbage


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "shuwu.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('x')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    result = _run_cli("status", "--home", str(tmp_path), "--json")
    assert result.returncode == 2
    assert '"error"' in result.stdout
    assert db.read_bytes() == before


def test_profile_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = _run_cli("status", "--home", str(blocker / "sub"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_unwritable_profile_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        command = [sys.executable, "-m", "app", "status", "--home", str(folder)]
        import os

        if os.geteuid() == 0:  # root ignores permissions; run as an unprivileged user
            tmp_path.chmod(0o755)
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert not (folder / "shuwu.db").exists()


def test_cli_status_json_counts(tmp_path: Path) -> None:
    import json

    result = _run_cli("status", "--home", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in ("bibs", "items", "readers", "open_loans", "outbox_pending", "last_sync"):
        assert key in data
    assert data["bibs"] == 0 and data["last_sync"] is None


def test_cli_version() -> None:
    from shuwu_shared.version import __version__

    result = _run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_cli_bad_usage_exits_2() -> None:
    result = _run_cli("no-such-command")
    assert result.returncode == 2
