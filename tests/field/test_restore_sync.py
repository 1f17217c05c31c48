"""Restore an old backup on an enrolled PC, then sync: nothing lost, nothing applied twice."""

from __future__ import annotations

import sqlite3

from app.profile import open_profile
from app.services import backup, readers
from shuwu_shared.clock import Clock
from tests import serverproc
from tests.field.conftest import require_working_transport, run_cli


def _register(home, names: list[str]) -> None:
    profile = open_profile(home)
    try:
        for name in names:
            with profile.sessions() as s, s.begin():
                readers.register_reader(
                    s, profile.clock, readers.ReaderInput(name=name, birth_year=1980)
                )
    finally:
        profile.close()


def _server(db, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_restore_then_sync_loses_and_replays_nothing(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SHUWU_CREDENTIALS", "file")
    db = tmp_path / "county.db"
    proc = serverproc.ServerProcess(f"sqlite:///{db}", init_args=("--demo", "--demo-size", "tiny"))
    base = proc.start()
    try:
        require_working_transport(base)
        new = proc.cli("device", "add", "--branch", "CW01", "--json")
        home = tmp_path / "village"
        code, data, err = run_cli(
            "shuwu",
            "enrol",
            "--server",
            base,
            "--code",
            new["code"],
            "--home",
            str(home),
            "--json",
        )
        assert code == 0, (data, err)
        _register(home, ["甲", "乙"])
        assert run_cli("shuwu", "sync", "--home", str(home), "--json")[0] == 0
        saved = backup.backup_to(home / "shuwu.db", tmp_path / "monday.db", Clock()).path
        _register(home, ["丙"])  # synced after the backup
        assert run_cli("shuwu", "sync", "--home", str(home), "--json")[0] == 0
        _register(home, ["丁"])  # never synced before the restore
        receipts_before = _server(db, "SELECT count(*) FROM op_receipt")

        code, data, err = run_cli(
            "shuwu", "restore", str(saved), "--yes", "--home", str(home), "--json"
        )
        assert code == 0, err
        assert data["carried_ops"] >= 1  # 丁's operations came along
        code, data, err = run_cli("shuwu", "sync", "--home", str(home), "--json")
        assert code == 0, (data, err)
        assert data["rejected"] == 0 and data["pending"] == 0
        # Every op reached the server exactly once: one receipt per op_id, one reader per name.
        conn = sqlite3.connect(home / "shuwu.db")
        local_ops = {r[0] for r in conn.execute("SELECT op_id FROM outbox")}
        conn.close()
        assert _server(db, "SELECT count(DISTINCT op_id) FROM op_receipt") == _server(
            db, "SELECT count(*) FROM op_receipt"
        )
        assert _server(db, "SELECT count(*) FROM op_receipt") > receipts_before
        for name in ("甲", "乙", "丙", "丁"):
            assert _server(db, f"SELECT count(*) FROM reader WHERE name = '{name}'") == 1, name
        assert _server(db, "SELECT max(epoch) FROM device") >= 2  # the epoch was renewed
        assert local_ops  # the restored PC still holds its history of ops
    finally:
        proc.stop()
