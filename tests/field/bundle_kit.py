"""Making hostile bundles for tests: signed or not, nested, bombs (built without ever holding
the inflated data), plus a small enrolled village profile and a county database in-process."""

from __future__ import annotations

import gzip
import hashlib
import hmac
import sqlite3
import uuid
import zlib
from collections.abc import Iterable
from pathlib import Path

from app.device import credentials, state
from app.profile import open_profile
from shuwu_shared import bundle as fmt

TOKEN = "tok-" + "x" * 40
KEY = fmt.bundle_key(fmt.token_sha256(TOKEN))
MIB = 1024 * 1024


def header(kind: str, device_id: int | str = 1) -> bytes:
    return f"SHUWU-BUNDLE/2 {kind} {device_id} {uuid.uuid4()} 2026-01-01T00:00:00+00:00\n".encode()


def signed(kind: str, payload: bytes, device_id: int | str = 1, key: bytes = KEY) -> bytes:
    """A file with a correct signature over any payload bytes (already compressed)."""
    body = header(kind, device_id) + payload
    return body + b"\nSIG " + hmac.new(key, body, hashlib.sha256).hexdigest().encode() + b"\n"


def write_signed_stream(
    path: Path, kind: str, members: Iterable[bytes], device_id: int | str = 1
) -> None:
    """Stream a signed file whose payload is the given gzip members one after another."""
    mac = hmac.new(KEY, digestmod=hashlib.sha256)
    with path.open("wb") as fh:
        for part in (header(kind, device_id), *members):
            mac.update(part)
            fh.write(part)
        fh.write(b"\nSIG " + mac.hexdigest().encode() + b"\n")


def bomb_members(total_mib: int, fill: bytes = b"\0") -> Iterable[bytes]:
    """``total_mib`` MiB of ``fill`` as repeated 1 MiB gzip members (each about 1 KiB)."""
    member = gzip.compress(fill * MIB, compresslevel=9)
    return (member for _ in range(total_mib))


def write_plain_bomb(path: Path, total_mib: int) -> None:
    """An unsigned gzip bomb (what a prankster would put on a stick), written in steps."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(MIB)
    with path.open("wb") as fh:
        for _ in range(total_mib):
            fh.write(compressor.compress(block))
        fh.write(compressor.flush())


def make_village(home: Path, device_id: int = 1) -> None:
    """A profile that believes it is enrolled as ``device_id`` with TOKEN (file credentials)."""
    profile = open_profile(home)
    try:
        with profile.sessions() as session, session.begin():
            state.put(session, state.DEVICE_ID, str(device_id))
            state.put(session, state.EPOCH, "1")
            state.put(session, state.CURSOR, "1")
            credentials.store_token(session, home, TOKEN)
    finally:
        profile.close()


def make_county(db: Path) -> int:
    """A county database with one village branch and one device holding TOKEN; its id."""
    from server.cli import main

    url = f"sqlite:///{db}"
    assert main(["init", "--db", url]) == 0
    assert main(["branch", "add", "CW01", "测试村", "--kind", "village", "--db", url]) == 0
    assert main(["device", "add", "--branch", "CW01", "--db", url]) == 0
    conn = sqlite3.connect(db)
    try:
        device_id = int(conn.execute("SELECT max(id) FROM device").fetchone()[0])
        conn.execute(
            "UPDATE device SET token_sha256 = ?, epoch = max(epoch, 1) WHERE id = ?",
            (fmt.token_sha256(TOKEN), device_id),
        )
        conn.commit()
    finally:
        conn.close()
    return device_id


def dump_hash(db: Path) -> str:
    """A hash of every row of an SQLite database (what 'nothing changed' is checked by)."""
    conn = sqlite3.connect(db)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()
    finally:
        conn.close()
