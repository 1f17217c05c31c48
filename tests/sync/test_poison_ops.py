"""A PC is never stuck behind one op: whatever the server refuses, and for whatever reason
(including codes a later server adds), the op is set aside, listed for staff with the reason,
and everything else is sent. A value the server would refuse is refused on the PC already."""

from __future__ import annotations

import gzip
import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from app.device import state
from app.device.enrol import set_server_url
from app.models import OutboxOp
from app.profile import Profile, open_profile
from app.services import outbox
from app.sync.engine import sync_once
from app.sync.refused import list_refused
from shuwu_shared.errors import UserInputError

from .helpers import FAST, register


def queue_raw(profile: Profile, kind: str, payload: Any, op_id: str | None = None) -> str:
    """An op as an older version of Shuwu may have queued it, unchecked."""
    op_id = op_id or str(uuid.uuid4())
    with profile.sessions() as s, s.begin():
        s.add(
            OutboxOp(
                op_id=op_id,
                epoch=state.get_int(s, state.EPOCH),
                kind=kind,
                payload=payload,
                device_wall_ms=profile.clock.wall_ms(),
                clock_offset_ms=0,
                state="pending",
                created_at=profile.clock.now(),
            )
        )
    return op_id


def pending(profile: Profile) -> int:
    with profile.sessions() as s:
        return outbox.pending_count(s)


def test_poison_ops_are_set_aside_and_the_rest_is_sent(county, make_device) -> None:  # type: ignore[no-untyped-def]
    device = make_device()
    register(device, 1)
    queue_raw(
        device, "bib_upsert", {"bib_uuid": str(uuid.uuid4()), "title": "书", "price": "1\x002"}
    )
    queue_raw(device, "checkout", {"loan_uuid": str(uuid.uuid4()), "barcode": "9" * 40})
    queue_raw(device, "k" * 40, {})
    queue_raw(device, "visit_count", {"date": "2026-01-01", "count": 1}, op_id="x" * 40)
    register(device, 2)

    result = sync_once(device, config=FAST)
    assert result.rejected == 4 and result.pending == 0 and result.pushed >= 3, result
    with device.sessions() as s:
        refused = list_refused(s)
    assert sorted(r.error for r in refused) == [
        "invalid_op",
        "invalid_payload",
        "invalid_payload",
        "unknown_kind",
    ]
    by_kind = {r.kind: r for r in refused if r.error == "invalid_payload"}
    assert "price" in by_kind["bib_upsert"].reason  # the server's message names the field
    assert "barcode" in by_kind["checkout"].reason
    assert all(r.reason for r in refused)

    # The next sync goes through as if nothing had happened.
    register(device, 1)
    again = sync_once(device, config=FAST)
    assert again.pushed == 2 and again.rejected == 0 and again.pending == 0  # reader + points


def test_a_bad_value_is_refused_on_the_pc_before_it_is_queued(tmp_path: Path) -> None:
    device = open_profile(tmp_path / "pc")
    before = pending(device)
    with pytest.raises(UserInputError) as refused, device.sessions() as s, s.begin():
        outbox.record_op(
            s,
            device.clock,
            "bib_upsert",
            {"bib_uuid": str(uuid.uuid4()), "title": "书", "price": "CNY\x0025"},
        )
    assert "price" in refused.value.message
    assert pending(device) == before
    device.close()


# -- a later server, with a rejection code this client has never heard of ------------------------


class _LaterServer(BaseHTTPRequestHandler):
    """Speaks the protocol like a future county server that refuses reader ops with a new code."""

    refused_kind = "reader_upsert"
    pushes: ClassVar[list[list[dict[str, Any]]]] = []

    def log_message(self, *args: Any) -> None:
        pass

    def _send(self, body: dict[str, Any]) -> None:
        data = json.dumps({**body, "server_time": _now()}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Shuwu-Server", "1")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path.startswith("/v1/hello"):
            self._send({"server": "shuwu", "version": "9.0", "training": False})
        else:
            cursor = (
                int(self.path.split("cursor=")[1].split("&")[0]) if "cursor=" in self.path else 0
            )
            self._send({"changes": [], "next_cursor": cursor, "has_more": False})

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        ops = json.loads(raw)["ops"]
        self.pushes.append(ops)
        results = []
        for op in ops:
            refused = op["kind"] == self.refused_kind
            results.append(
                {
                    "seq": op["seq"],
                    "op_id": op["op_id"],
                    "status": "rejected" if refused else "applied",
                    "error": "quota_exceeded_v9" if refused else None,
                    "message": "本县今天的新读者名额已满" if refused else None,
                    "exception_ids": [],
                    "data": {},
                }
            )
        self._send({"results": results, "acked_through_seq": ops[-1]["seq"]})


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


@pytest.fixture
def later_server() -> Iterator[str]:
    _LaterServer.pushes = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _LaterServer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_an_unknown_rejection_code_sets_the_op_aside(county, make_device, later_server) -> None:  # type: ignore[no-untyped-def]
    device = make_device()
    sync_once(device, config=FAST)  # the initial snapshot, from the real county server
    set_server_url(device, later_server)
    register(device, 2)  # each registration: a reader_upsert and a credit_entry
    result = sync_once(device, config=FAST)
    assert result.rejected == 2 and result.pending == 0 and result.pushed == 2, result
    with device.sessions() as s:
        refused = list_refused(s)
    assert {r.error for r in refused} == {"quota_exceeded_v9"}
    assert all("quota_exceeded_v9" in r.reason and "名额已满" in r.reason for r in refused)
    # Set aside for good: the next sync does not send them again, and is not held back.
    register(device, 1)
    again = sync_once(device, config=FAST)
    assert again.rejected == 1 and again.pushed == 1 and again.pending == 0
    sent = [op["op_id"] for push in _LaterServer.pushes for op in push]
    assert len(sent) == len(set(sent))
