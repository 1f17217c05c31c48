"""A damaged profile database: detected with a clear message (exit 2, never a traceback), and
recovered without losing what only this PC had (loans not yet sent reach the county)."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from app.device.branch import branch_code
from app.models import AppSetting, Item, SyncState
from app.profile import open_profile
from app.services import backup, circulation, readers
from shuwu_shared.clock import Clock
from tests import serverproc
from tests.field.conftest import add_reader, require_working_transport, run_cli


def corrupt_table_page(db: Path, table: str) -> None:
    """Overwrite the root page of ``table`` with junk, as a failing disk sector would."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    finally:
        conn.close()
    with db.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(page_size)))


def _server_count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_damaged_page_is_reported_and_recovery_keeps_unsent_loans(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SHUWU_CREDENTIALS", "file")
    county_db = tmp_path / "county.db"
    proc = serverproc.ServerProcess(
        f"sqlite:///{county_db}", init_args=("--demo", "--demo-size", "tiny")
    )
    base = proc.start()
    try:
        require_working_transport(base)
        device = proc.cli("device", "add", "--branch", "CW01", "--json")
        home = tmp_path / "village"
        code, data, err = run_cli(
            "shuwu",
            "enrol",
            "--server",
            base,
            "--code",
            device["code"],
            "--home",
            str(home),
            "--json",
        )
        assert code == 0, (data, err)
        profile = open_profile(home)
        try:
            with profile.sessions() as s, s.begin():
                branch = branch_code(s, required=False)
                rtype = readers.reader_types(s)[0]
                reader = readers.register_reader(
                    s,
                    profile.clock,
                    readers.ReaderInput(name="王芳", birth_year=1975, reader_type=rtype),
                )
        finally:
            profile.close()
        assert run_cli("shuwu", "sync", "--home", str(home), "--json")[0] == 0
        assert run_cli("shuwu", "backup", "--home", str(home), "--json")[0] == 0

        # Two loans at the desk, not yet sent, then the disk damages the catalogue table.
        profile = open_profile(home)
        try:
            with profile.sessions() as s, s.begin():
                barcodes = list(
                    s.scalars(
                        select(Item.barcode)
                        .where(Item.home_branch_code == branch, Item.status == "available")
                        .order_by(Item.barcode)
                        .limit(2)
                    )
                )
                assert len(barcodes) == 2
                for barcode in barcodes:
                    circulation.checkout(s, profile.clock, reader.card, barcode)
        finally:
            profile.close()
        loans_before = _server_count(county_db, "SELECT count(*) FROM loan")
        db = home / "shuwu.db"
        corrupt_table_page(db, "bib_record")

        for command in (["status"], ["catalog", "search", "红楼梦"], ["backup"]):
            code, data, err = run_cli("shuwu", *command, "--home", str(home), "--json")
            assert code == 2, (command, code, data, err)
            assert data["error"] == "database_damaged"
            assert "shuwu recover" in data["message"]
            assert "Traceback" not in err and "SELECT" not in data["message"]

        code, data, err = run_cli("shuwu", "recover", "--yes", "--home", str(home), "--json")
        assert code == 0, (data, err)
        assert data["carried_ops"] >= 2 and data["catalogue_repull"]
        assert Path(data["saved_damaged_to"]).exists()
        assert run_cli("shuwu", "status", "--home", str(home), "--json")[0] == 0

        code, data, err = run_cli("shuwu", "sync", "--home", str(home), "--json")
        assert code == 0, (data, err)
        assert data["pending"] == 0 and data["rejected"] == 0
        # The two loans made before the damage reached the county, once each.
        assert _server_count(county_db, "SELECT count(*) FROM loan") == loans_before + 2
        assert _server_count(
            county_db, "SELECT count(DISTINCT op_id) FROM op_receipt"
        ) == _server_count(county_db, "SELECT count(*) FROM op_receipt")
        # The catalogue came back from the county: search works again.
        code, data, err = run_cli("shuwu", "status", "--home", str(home), "--json")
        assert code == 0 and data["bibs"] > 0 and data["open_loans"] >= 2, (data, err)
    finally:
        proc.stop()


def test_missing_table_and_empty_file_are_refused_cleanly(tmp_path) -> None:
    home = tmp_path / "p"
    profile = open_profile(home)
    profile.close()
    conn = sqlite3.connect(home / "shuwu.db")
    conn.execute("DROP TABLE item")
    conn.commit()
    conn.close()
    code, data, err = run_cli("shuwu", "status", "--home", str(home), "--json")
    assert code == 2 and data["error"] == "database_damaged", (data, err)
    assert "Traceback" not in err

    empty = tmp_path / "e"
    empty.mkdir()
    (empty / "shuwu.db").write_bytes(b"")
    code, data, err = run_cli("shuwu", "status", "--home", str(empty), "--json")
    assert code == 2 and data["error"] == "database_damaged", (data, err)
    assert (empty / "shuwu.db").stat().st_size == 0  # refused, never set up as a new profile


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_database_and_backups_are_owner_only(tmp_path) -> None:
    home = tmp_path / "p"
    profile = open_profile(home)
    add_reader(profile, "C1")
    profile.close()
    assert stat.S_IMODE((home / "shuwu.db").stat().st_mode) == 0o600
    info = backup.daily_backup(home, Clock(), force=True)
    assert info is not None and stat.S_IMODE(info.path.stat().st_mode) == 0o600
    other = backup.backup_to(home / "shuwu.db", tmp_path / "usb.db", Clock())
    assert stat.S_IMODE(other.path.stat().st_mode) == 0o600
    # An older profile made 0644 is tightened when it is opened.
    os.chmod(home / "shuwu.db", 0o644)
    open_profile(home).close()
    assert stat.S_IMODE((home / "shuwu.db").stat().st_mode) == 0o600


def test_backup_to_a_missing_folder_creates_nothing(tmp_path) -> None:
    home = tmp_path / "p"
    open_profile(home).close()
    code, data, _err = run_cli(
        "shuwu", "backup", str(tmp_path / "nope" / "x.db"), "--home", str(home), "--json"
    )
    assert code == 2 and data["message"]
    assert not (tmp_path / "nope").exists()


def _set_branch(db: Path, code: str, name: str) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute(
            "INSERT OR REPLACE INTO app_setting(key, value) VALUES ('branch_code', ?)", (code,)
        )
        conn.commit()
    finally:
        conn.close()


def test_restoring_another_branchs_backup_needs_its_code(tmp_path) -> None:
    home = tmp_path / "p"
    profile = open_profile(home)
    add_reader(profile, "C1")
    profile.close()
    _set_branch(home / "shuwu.db", "CW01", "")
    other_home = tmp_path / "other"
    open_profile(other_home).close()
    _set_branch(other_home / "shuwu.db", "CW02", "")
    foreign = backup.backup_to(other_home / "shuwu.db", tmp_path / "cw02.db", Clock()).path
    before = (home / "shuwu.db").read_bytes()
    code, data, _err = run_cli(
        "shuwu", "restore", str(foreign), "--yes", "--home", str(home), "--json"
    )
    assert code == 2 and data["error"] == "other_branch"
    assert "CW01" in data["message"] and "CW02" in data["message"]
    assert (home / "shuwu.db").read_bytes() == before
    code, data, _err = run_cli(
        "shuwu",
        "restore",
        str(foreign),
        "--yes",
        "--confirm-branch",
        "CW01",
        "--home",
        str(home),
        "--json",
    )
    assert code == 2  # the wrong code is no confirmation
    code, data, err = run_cli(
        "shuwu",
        "restore",
        str(foreign),
        "--yes",
        "--confirm-branch",
        "CW02",
        "--home",
        str(home),
        "--json",
    )
    assert code == 0, (data, err)


def test_large_files_are_checked_a_table_per_start(tmp_path, monkeypatch) -> None:
    """Above the size limit each start checks the outbox and the next table in turn, and a
    damaged table is found when its turn comes (the stamp records the turn)."""
    from app.models import integrity

    home = tmp_path / "p"
    profile = open_profile(home)
    add_reader(profile, "C1")
    profile.close()
    monkeypatch.setattr(integrity, "ALWAYS_BELOW_BYTES", 0)
    db = home / "shuwu.db"
    integrity.check_at_start(db)  # no stamp yet: the whole file
    conn = sqlite3.connect(db)
    tables = integrity._tables(conn)
    conn.close()
    corrupt_table_page(db, "reader")
    found_at = None
    for start in range(len(tables)):
        try:
            integrity.check_at_start(db)
        except integrity.DamagedDatabase:
            found_at = start
            break
    assert found_at == tables.index("reader")  # found exactly when the reader table's turn came
    with pytest.raises(integrity.DamagedDatabase):
        integrity.check_at_start(db)  # and again at the next start: the turn did not move on


def test_recovery_without_any_backup_rebuilds_and_keeps_unsent_ops(tmp_path) -> None:
    """No good backup on the PC: a new database keeps the enrolment, the settings and every
    unsent operation, and the next sync is told to take the county catalogue again."""
    home = tmp_path / "p"
    profile = open_profile(home)
    with profile.sessions() as s, s.begin():
        s.merge(SyncState(key="device_id", value="7"))
        s.merge(SyncState(key="epoch", value="3"))
        s.merge(SyncState(key="change_cursor", value="1234"))
        s.merge(AppSetting(key="branch_code", value="CW01"))
    for card in ("C1", "C2", "C3"):
        add_reader(profile, card)
    profile.close()
    with sqlite3.connect(home / "shuwu.db") as conn:
        pending = {r[0] for r in conn.execute("SELECT op_id FROM outbox WHERE state='pending'")}
    assert pending
    corrupt_table_page(home / "shuwu.db", "reader")
    assert run_cli("shuwu", "status", "--home", str(home), "--json")[0] == 2
    code, data, err = run_cli("shuwu", "recover", "--yes", "--home", str(home), "--json")
    assert code == 0, (data, err)
    assert data["carried_ops"] == len(pending)
    with sqlite3.connect(home / "shuwu.db") as conn:
        kept = {r[0] for r in conn.execute("SELECT op_id FROM outbox WHERE state='pending'")}
        state = dict(conn.execute("SELECT key, value FROM sync_state"))
        branch = conn.execute("SELECT value FROM app_setting WHERE key='branch_code'").fetchone()
    assert kept == pending
    assert state["device_id"] == "7" and state["change_cursor"] == "0"
    assert state["epoch_renew_required"] == "1" and branch == ("CW01",)
    assert run_cli("shuwu", "status", "--home", str(home), "--json")[0] == 0
