"""Small gaps from the field: literal % and _ in reader search, no SQL in messages."""

from __future__ import annotations

import json
import os
import stat

import pytest

from app.cli.main import main as shuwu
from app.profile import open_profile
from app.services import readers
from shuwu_shared.clock import Clock


def test_percent_and_underscore_are_literal_in_reader_search(tmp_path, capsys) -> None:
    home = tmp_path / "p"
    profile = open_profile(home)
    try:
        with profile.sessions() as s, s.begin():
            for name in ("张三", "李四", "王_五", "赵100%"):
                readers.register_reader(s, Clock(), readers.ReaderInput(name=name, birth_year=1980))
        with profile.sessions() as s:
            assert (
                readers.find_readers(s, "%")
                and [r.name for r in readers.find_readers(s, "%")] != []
            )
            assert len(readers.find_readers(s, "%")) == 1
            assert len(readers.find_readers(s, "_")) == 1
            assert readers.find_readers(s, "\\") == []
            assert len(readers.find_readers(s, "张")) == 1
    finally:
        profile.close()
    code = shuwu(["readers", "list", "%", "--home", str(home), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    rows = data.get("readers", data)
    assert len(rows) == 1


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores file modes")
def test_read_only_database_message_has_no_sql(tmp_path, capsys) -> None:
    home = tmp_path / "p"
    open_profile(home).close()
    db = home / "shuwu.db"
    os.chmod(db, stat.S_IRUSR)
    os.chmod(home, stat.S_IRUSR | stat.S_IXUSR)
    try:
        code = shuwu(
            [
                "readers",
                "add",
                "--name",
                "张三",
                "--birth-year",
                "1980",
                "--home",
                str(home),
                "--json",
            ]
        )
        message = json.loads(capsys.readouterr().out)["message"]
        assert code == 2
        assert "SQL" not in message and "INSERT" not in message and "sqlite" not in message.lower()
    finally:
        os.chmod(home, stat.S_IRWXU)
        os.chmod(db, stat.S_IRUSR | stat.S_IWUSR)


def test_database_errors_are_told_in_words_without_sql(tmp_path, capsys, monkeypatch) -> None:
    """Whatever SQLite says (read-only, full disk), the message holds no SQL statement."""
    import sqlite3

    import sqlalchemy.exc

    home = tmp_path / "p"
    open_profile(home).close()

    def read_only(*_args, **_kwargs):
        raise sqlalchemy.exc.OperationalError(
            "INSERT INTO reader (uuid, card, name) VALUES (?, ?, ?)",
            {},
            sqlite3.OperationalError("attempt to write a readonly database"),
        )

    monkeypatch.setattr(readers, "register_reader", read_only)
    code = shuwu(
        ["readers", "add", "--name", "张三", "--birth-year", "1980", "--home", str(home), "--json"]
    )
    message = json.loads(capsys.readouterr().out)["message"]
    assert code == 2
    assert "INSERT" not in message and "SQL" not in message and "reader (" not in message
