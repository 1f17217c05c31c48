"""USB bundles end to end: a real server DB driven through the shuwu / shuwu-server CLIs.

The village enrols once over the loopback network, then goes "offline" (the server process is
stopped); bundles travel as files only.
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
from pathlib import Path

import pytest

from app.profile import open_profile
from app.services import readers
from shuwu_shared.bundle import TRAILER_LEN
from tests import serverproc
from tests.field.conftest import require_working_transport, run_cli


@pytest.fixture
def county(tmp_path, monkeypatch):
    """A county server DB with the tiny demo, one enrolled village profile, server stopped."""
    monkeypatch.setenv("SHUWU_CREDENTIALS", "file")
    db_url = f"sqlite:///{tmp_path / 'county.db'}"
    proc = serverproc.ServerProcess(db_url, init_args=("--demo", "--demo-size", "tiny"))
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
        code, data, err = run_cli("shuwu", "sync", "--home", str(home), "--json")
        assert code == 0, err
    finally:
        proc.stop()
    return {
        "db_url": db_url,
        "db": tmp_path / "county.db",
        "home": home,
        "device_id": device["device_id"],
        "proc": proc,
    }


def server_cli(county, *args: str) -> tuple[int, dict, str]:
    code, data, err = run_cli("shuwu-server", *args, "--db", county["db_url"])
    return code, data if isinstance(data, dict) else {}, err


def server_counts(county) -> dict[str, int]:
    conn = sqlite3.connect(county["db"])
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("op_receipt", "reader", "loan", "change_log")
        }
    finally:
        conn.close()


def make_readers(home: Path, n: int) -> None:
    profile = open_profile(home)
    try:
        for i in range(n):
            with profile.sessions() as s, s.begin():
                readers.register_reader(
                    s, profile.clock, readers.ReaderInput(name=f"村民{i}", birth_year=1970 + i)
                )
    finally:
        profile.close()


def outbox_states(home: Path) -> dict[str, int]:
    conn = sqlite3.connect(home / "shuwu.db")
    try:
        return dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    finally:
        conn.close()


def test_round_trip_lands_every_op_exactly_once(county, tmp_path) -> None:
    home = county["home"]
    make_readers(home, 5)
    pending = outbox_states(home)["pending"]
    assert pending >= 10  # reader_upsert + opening credit entries
    before = server_counts(county)

    usb = tmp_path / "usb"
    usb.mkdir()
    bundle = usb / "village.shuwu"
    code, data, err = run_cli(
        "shuwu", "bundle", "export", str(bundle), "--home", str(home), "--json"
    )
    assert code == 0 and data["ops"] == pending, err

    code, first, err = server_cli(county, "bundle", "import", str(bundle), "--json")
    assert code == 0, err
    assert first["applied"] == pending and first["duplicate"] == 0 and first["rejected"] == 0
    after_first = server_counts(county)
    assert after_first["op_receipt"] == before["op_receipt"] + pending
    assert after_first["reader"] == before["reader"] + 5

    # The same stick imported again: every op is a duplicate, the county DB is unchanged
    # (bar the change feed, which gains nothing either).
    code, second, err = server_cli(
        county, "bundle", "import", str(bundle), "--json", "--reply", str(usb / "again.shuwu")
    )
    assert code == 0, err
    assert second["applied"] == 0 and second["duplicate"] == pending
    assert server_counts(county) == after_first

    reply = Path(first["reply"])
    assert reply.exists()
    code, data, err = run_cli(
        "shuwu", "bundle", "import", str(reply), "--home", str(home), "--json"
    )
    assert code == 0, err
    assert data["acked"] == pending and data["pending"] == 0
    assert outbox_states(home) == {"acked": outbox_states(home)["acked"]}
    conn = sqlite3.connect(home / "shuwu.db")
    snapshot = conn.execute("SELECT * FROM outbox ORDER BY device_seq").fetchall()
    readers_before = conn.execute("SELECT uuid, card, server_version FROM reader").fetchall()
    conn.close()
    # The reply again (and the second reply): nothing changes on the village side either.
    for again in (reply, usb / "again.shuwu"):
        code, data, err = run_cli(
            "shuwu", "bundle", "import", str(again), "--home", str(home), "--json"
        )
        assert code == 0 and data["acked"] == 0, err
    conn = sqlite3.connect(home / "shuwu.db")
    assert conn.execute("SELECT * FROM outbox ORDER BY device_seq").fetchall() == snapshot
    assert (
        conn.execute("SELECT uuid, card, server_version FROM reader").fetchall() == readers_before
    )
    conn.close()


def _tamper(src: Path, dst: Path) -> None:
    """Change one op's payload and re-compress, keeping the header and the old signature."""
    raw = src.read_bytes()
    header_end = raw.index(b"\n") + 1
    trailer = raw[-TRAILER_LEN:]
    lines = gzip.decompress(raw[header_end:-TRAILER_LEN]).decode().splitlines()
    op = json.loads(lines[1])
    op["op"]["payload"]["name"] = "冒名顶替"
    lines[1] = json.dumps(op, ensure_ascii=False)
    payload = gzip.compress(("\n".join(lines) + "\n").encode())
    dst.write_bytes(raw[:header_end] + payload + trailer)


def test_bad_bundles_are_refused_and_nothing_changes(county, tmp_path) -> None:
    home = county["home"]
    make_readers(home, 2)
    good = tmp_path / "good.shuwu"
    assert run_cli("shuwu", "bundle", "export", str(good), "--home", str(home), "--json")[0] == 0
    raw = good.read_bytes()
    bad = {
        "truncated": raw[: len(raw) // 2],
        "empty": b"",
        "text": "这不是同步包".encode(),
        "foreign_gzip": gzip.compress(b'{"hello": "world"}'),
        "sqlite": (home / "shuwu.db").read_bytes()[:4096],
    }
    for name, content in bad.items():
        (tmp_path / f"{name}.shuwu").write_bytes(content)
    _tamper(good, tmp_path / "tampered.shuwu")
    before = server_counts(county)
    for name in [*bad, "tampered"]:
        path = tmp_path / f"{name}.shuwu"
        code, data, err = server_cli(county, "bundle", "import", str(path), "--json")
        assert code == 2, (name, err)
        assert "没有做任何更改" in (data.get("message", "") + err), name
        assert not (tmp_path / f"{name}-reply.shuwu").exists()
    assert server_counts(county) == before
    # A village refuses its own export offered as a reply, and a reply of another device.
    states = outbox_states(home)
    code, data, _err = run_cli(
        "shuwu", "bundle", "import", str(good), "--home", str(home), "--json"
    )
    assert code == 2 and "不是" in data["message"]
    code, data, _err = run_cli(
        "shuwu", "bundle", "import", str(tmp_path / "tampered.shuwu"), "--home", str(home), "--json"
    )
    assert code == 2
    assert outbox_states(home) == states


def test_revoked_device_bundle_is_refused(county, tmp_path) -> None:
    home = county["home"]
    make_readers(home, 1)
    bundle = tmp_path / "b.shuwu"
    assert run_cli("shuwu", "bundle", "export", str(bundle), "--home", str(home), "--json")[0] == 0
    serverproc.cli(county["db_url"], "device", "revoke", str(county["device_id"]))
    before = server_counts(county)
    code, data, err = server_cli(county, "bundle", "import", str(bundle), "--json")
    assert code == 2 and "吊销" in (data.get("message", "") + err), err
    assert server_counts(county) == before


def test_export_needs_enrolment(tmp_path) -> None:
    code, data, _err = run_cli(
        "shuwu",
        "bundle",
        "export",
        str(tmp_path / "x.shuwu"),
        "--home",
        str(tmp_path / "p"),
        "--json",
    )
    assert code == 2 and "登记" in data["message"]
    assert not (tmp_path / "x.shuwu").exists()
    assert os.listdir(tmp_path) == ["p"]
