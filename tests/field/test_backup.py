"""Backups: consistent under concurrent writes, restore with a plan, bad files refused."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from app.device import state
from app.profile import Profile, open_profile
from app.services import backup
from shuwu_shared.clock import Clock
from shuwu_shared.errors import UserInputError
from tests.field.conftest import add_reader, run_cli


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _readers_and_ops(path: Path) -> tuple[int, int, str]:
    conn = sqlite3.connect(path)
    try:
        readers = conn.execute("SELECT count(*) FROM reader").fetchone()[0]
        ops = conn.execute("SELECT count(*) FROM outbox WHERE kind='reader_upsert'").fetchone()[0]
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return readers, ops, check


def test_backup_during_writes_restores_consistent_database(profile: Profile, tmp_path) -> None:
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        n = 0
        while not stop.is_set() and n < 5000:
            add_reader(profile, f"R{n:06d}")
            n += 1
            written.append(n)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        # Wait until writing is under way, then copy several times while it goes on.
        while len(written) < 20:
            threading.Event().wait(0.01)
        infos = [
            backup.backup_to(profile.db_path, tmp_path / f"b{i}.db", Clock()) for i in range(3)
        ]
    finally:
        stop.set()
        thread.join()
    assert len(written) > infos[0].counts.readers  # the copy was taken mid-stream
    for info in infos:
        readers, ops, check = _readers_and_ops(info.path)
        assert check == "ok"
        assert readers == ops == info.counts.readers > 0

    chosen = infos[1]
    result = backup.restore_backup(profile.home, chosen.path, Clock())
    profile.engine.dispose()
    readers, ops, check = _readers_and_ops(profile.db_path)
    assert check == "ok"
    # The readers written after the backup are gone, but their unsent ops were carried over.
    assert readers == chosen.counts.readers
    assert ops == len(written)
    assert result.carried_ops == len(written) - chosen.counts.readers
    assert result.saved_current_to is not None and result.saved_current_to.exists()
    with profile.sessions() as session:
        assert state.epoch_renewal_pending(session)


def test_restore_plan_describes_what_is_replaced(profile: Profile, tmp_path) -> None:
    for n in range(3):
        add_reader(profile, f"A{n}")
    info = backup.backup_to(profile.db_path, tmp_path, Clock())
    assert info.path.parent == tmp_path and info.taken_at is not None
    add_reader(profile, "A9")
    plan = backup.plan_restore(profile.home, info.path)
    assert plan.backup.counts.readers == 3
    assert plan.current is not None and plan.current.readers == 4
    text = plan.describe()
    assert "3 位读者" in text and "4 位读者" in text
    assert info.taken_at.astimezone().strftime("%Y-%m-%d") in text


def test_daily_backup_keeps_last_n(profile: Profile) -> None:
    add_reader(profile, "D1")
    first = backup.daily_backup(profile.home, Clock(), keep=3)
    assert first is not None
    assert backup.daily_backup(profile.home, Clock(), keep=3) is None  # already done today
    for day in range(1, 6):
        made = backup.daily_backup(profile.home, Clock().shifted(timedelta(days=day)), keep=3)
        assert made is not None
    kept = backup.list_backups(profile.home)
    assert len(kept) == 3
    assert all(backup.inspect_backup(p).counts.readers == 1 for p in kept)


def _bad_files(tmp_path: Path, good: Path) -> dict[str, Path]:
    truncated = tmp_path / "truncated.db"
    data = good.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    corrupt = tmp_path / "corrupt.db"
    buf = bytearray(data)
    for offset in range(4096 * 2, min(len(buf), 4096 * 6), 7):
        buf[offset] = 0xFF
    corrupt.write_bytes(bytes(buf))
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    text = tmp_path / "notes.txt"
    text.write_text("not a database", encoding="utf-8")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    return {
        "truncated": truncated,
        "corrupt": corrupt,
        "foreign": foreign,
        "text": text,
        "empty": empty,
        "missing": tmp_path / "nope.db",
    }


def test_bad_backups_are_refused_and_nothing_changes(profile: Profile, tmp_path) -> None:
    for n in range(50):
        add_reader(profile, f"B{n}")
    good = backup.backup_to(profile.db_path, tmp_path / "good.db", Clock()).path
    add_reader(profile, "B-after")
    profile.engine.dispose()
    before = _digest(profile.db_path)
    for name, bad in _bad_files(tmp_path, good).items():
        with pytest.raises(UserInputError) as err:
            backup.restore_backup(profile.home, bad, Clock())
        assert "没有做任何更改" in err.value.message or "不存在" in err.value.message, name
        assert _digest(profile.db_path) == before, name
    assert not (profile.home / "backups").exists() or not list(
        (profile.home / "backups").glob("before-restore-*")
    )


def test_cli_backup_and_restore(tmp_path) -> None:
    home = tmp_path / "home"
    profile = open_profile(home)
    add_reader(profile, "C1")
    profile.close()
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    code, data, err = run_cli(
        "shuwu", "backup", str(tmp_path / "afile" / "b.db"), "--home", str(home), "--json"
    )
    assert code == 2 and "U盘" in data["message"]  # a clear message, not a traceback
    (tmp_path / "usb").mkdir()
    code, data, err = run_cli(
        "shuwu", "backup", str(tmp_path / "usb"), "--home", str(home), "--json"
    )
    assert code == 0, err
    saved = Path(data["path"])
    assert saved.parent == tmp_path / "usb" and data["counts"]["readers"] == 1

    profile = open_profile(home)
    add_reader(profile, "C2")
    profile.close()
    # Without --yes and without a terminal to ask on, nothing is restored.
    code, _out, err = run_cli("shuwu", "restore", str(saved), "--home", str(home))
    assert code == 2 and "--yes" in err and "1 位读者" in err
    code, data, err = run_cli(
        "shuwu", "restore", str(saved), "--home", str(home), "--yes", "--json"
    )
    assert code == 0, err
    assert data["counts"]["readers"] == 1 and data["carried_ops"] == 1
    code, data, _err = run_cli("shuwu", "status", "--home", str(home), "--json")
    assert data["readers"] == 1 and data["outbox_pending"] == 2

    code, data, err = run_cli(
        "shuwu", "restore", str(home / "shuwu.db"), "--home", str(home), "--yes", "--json"
    )
    assert code == 2


def test_restore_replaces_a_damaged_database(tmp_path) -> None:
    home = tmp_path / "home"
    profile = open_profile(home)
    add_reader(profile, "E1")
    good = backup.backup_to(profile.db_path, tmp_path / "good.db", Clock()).path
    profile.close()
    for extra in ("-wal", "-shm"):
        (home / ("shuwu.db" + extra)).unlink(missing_ok=True)
    (home / "shuwu.db").write_bytes(b"garbage" * 100)
    code, data, err = run_cli("shuwu", "restore", str(good), "--home", str(home), "--yes", "--json")
    assert code == 0, err
    assert data["counts"]["readers"] == 1
    assert Path(data["saved_current_to"]).read_bytes().startswith(b"garbage")
