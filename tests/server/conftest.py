"""Fixtures: the real county server process on SQLite and on PostgreSQL, and a test device."""

from __future__ import annotations

import gzip
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests import serverproc


def backend_url(kind: str, tmp_dir: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_dir / 'county.db'}"
    url = serverproc.pg_url()
    if url is None:
        if os.environ.get("SHUWU_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL on 127.0.0.1:5432 does not answer (SHUWU_REQUIRE_POSTGRES=1)")
        pytest.skip("PostgreSQL on 127.0.0.1:5432 (user postgres, db test) does not answer")
    return url


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A fresh empty database URL per backend (schema dropped at the end on PostgreSQL)."""
    url = backend_url(request.param, tmp_path_factory.mktemp(f"db-{request.param}"))
    yield url
    if url.startswith("postgresql"):
        serverproc.drop_pg_schema(url)


@pytest.fixture(scope="session")
def server(backend: str) -> Iterator[serverproc.ServerProcess]:
    """One running server per backend, seeded with the tiny demo county."""
    proc = serverproc.ServerProcess(backend, init_args=("--demo", "--demo-size", "tiny"))
    proc.start()
    yield proc
    proc.stop()


@pytest.fixture
def fresh_server(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[serverproc.ServerProcess]:
    """A server of its own (for crash tests): parametrise with indirect=True on the backend."""
    url = backend_url(request.param, tmp_path)
    proc = serverproc.ServerProcess(url, init_args=("--demo", "--demo-size", "tiny"))
    proc.start()
    yield proc
    proc.stop()
    if url.startswith("postgresql"):
        serverproc.drop_pg_schema(url)


class Client:
    """A minimal protocol client (the real engine is app/sync; this speaks the wire format)."""

    def __init__(self, base_url: str, enrolment: dict[str, Any]) -> None:
        self.base_url = base_url
        self.device_id: int = enrolment["device_id"]
        self.token: str = enrolment["token"]
        self.epoch: int = enrolment["epoch"]
        self.branch: str = enrolment["branch"]["code"]
        self.seq = 0
        self.http = requests.Session()

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def op(self, kind: str, payload: dict[str, Any], wall_ms: int | None = None) -> dict[str, Any]:
        import time

        self.seq += 1
        return {
            "seq": self.seq,
            "op_id": str(uuid.uuid4()),
            "kind": kind,
            "payload": payload,
            "device_wall_ms": wall_ms if wall_ms is not None else int(time.time() * 1000),
        }

    def push_raw(self, body: dict[str, Any], **kw: Any) -> requests.Response:
        data = gzip.compress(json.dumps(body).encode())
        return self.http.post(
            self.base_url + "/v1/ops/push",
            data=data,
            timeout=60,
            headers={
                **self.headers(),
                "Content-Encoding": "gzip",
                "Content-Type": "application/json",
            },
            **kw,
        )

    def push(self, ops: list[dict[str, Any]], offset_ms: int = 0) -> list[dict[str, Any]]:
        r = self.push_raw(
            {
                "device_id": self.device_id,
                "epoch": self.epoch,
                "clock_offset_ms": offset_ms,
                "ops": ops,
            }
        )
        assert r.status_code == 200, r.text
        assert r.json()["acked_through_seq"] == ops[-1]["seq"]
        return list(r.json()["results"])

    def changes(self, cursor: int = 0, limit: int = 1000) -> dict[str, Any]:
        r = self.http.get(
            self.base_url + "/v1/changes",
            params={"cursor": cursor, "limit": limit},
            headers=self.headers(),
            timeout=60,
        )
        assert r.status_code == 200, r.text
        return dict(r.json())

    def all_changes(self, cursor: int = 0, limit: int = 1000) -> tuple[list[dict[str, Any]], int]:
        out: list[dict[str, Any]] = []
        while True:
            page = self.changes(cursor, limit)
            out += page["changes"]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return out, cursor


_engines: dict[str, Any] = {}


def device_code(db_url: str, branch: str) -> str:
    """A one-time code made in-process (the CLI path is tested on its own; this is faster)."""
    from server.db import make_engine, session_factory, writer
    from server.devices import add_device

    if db_url not in _engines:
        _engines[db_url] = make_engine(db_url)
    with writer(session_factory(_engines[db_url])) as session:
        return add_device(session, branch).code


def enrol(proc: serverproc.ServerProcess, branch: str) -> Client:
    code = device_code(proc.db_url, branch)
    r = requests.post(
        proc.base_url + "/v1/enrol",
        json={"code": code, "device_name": "test", "client_time": "2026-01-01T00:00:00Z"},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return Client(proc.base_url, r.json())


def new_title(
    client: Client, copies: int = 1, home: str | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Ops that catalogue a new title with ``copies`` copies; returns (ops, {bib, items})."""
    bib_uuid = str(uuid.uuid4())
    ops = [
        client.op(
            "bib_upsert",
            {
                "bib_uuid": bib_uuid,
                "title": "测试书 " + bib_uuid[:6],
                "isbn": None,
                "clc_class": "I247.5",
            },
        )
    ]
    items = []
    for _ in range(copies):
        item = {
            "item_uuid": str(uuid.uuid4()),
            "bib_uuid": bib_uuid,
            "barcode": "T" + uuid.uuid4().hex[:12].upper(),
            "call_number": "I247.5/1",
            "status": "available",
            "home_branch": home or client.branch,
            "current_branch": home or client.branch,
        }
        items.append(item)
        ops.append(client.op("item_upsert", item))
    return ops, {"bib_uuid": bib_uuid, "items": items}


def new_reader(
    client: Client, card: str | None = None, provisional: bool = False
) -> tuple[dict[str, Any], dict[str, Any]]:
    payload = {
        "reader_uuid": str(uuid.uuid4()),
        "card": card or "P" + uuid.uuid4().hex[:10],
        "card_provisional": provisional,
        "name": "张三",
        "gender": "F",
        "reader_type": "adult",
        "home_branch": client.branch,
        "status": "active",
    }
    return client.op("reader_upsert", payload), payload
