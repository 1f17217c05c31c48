from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.device.transport import DeviceRevoked
from app.models import SyncState
from app.profile import Profile
from app.services import catalog
from app.services.catalog_rules import (
    ScanDeduper,
    call_sort_key,
    clean_scan,
    normalise_isbn,
    parse_call_number,
)
from app.services.catalog_union import HttpUnionCatalog, union_catalog_for
from shuwu_shared.errors import ServerUnreachable


def test_clean_scan_strips_prefix_suffix_and_controls() -> None:
    assert clean_scan("\x02]E0 9787020002207\x03\r\n", prefix="]E0") == "9787020002207"
    assert clean_scan("V0010001#", suffix="#") == "V0010001"


def test_deduper_counts_a_double_fire_once() -> None:
    d = ScanDeduper(1.0)
    assert d.accept("V1", 10.0) and not d.accept("V1", 10.4)
    assert d.accept("V2", 10.5) and d.accept("V1", 10.6) and d.accept("V1", 11.7)


def test_isbn_forms() -> None:
    assert normalise_isbn("9787020002207 51500") == "9787020002207"  # price add-on
    assert normalise_isbn("7-02-000220-X") == "9787020002207"
    assert normalise_isbn("7-02-000220-1") is None


def test_call_numbers_sort_in_clc_order() -> None:
    numbers = [
        "TS976.3/12:2",
        "I248/1",
        "T-65/2",
        "I247.5/123",
        "TS976.3/12",
        "I247.57/9",
        "I247.5/13",
        "TB1/1",
    ]
    assert sorted(numbers, key=call_sort_key) == [
        "I247.5/13",
        "I247.5/123",
        "I247.57/9",
        "I248/1",
        "T-65/2",
        "TB1/1",
        "TS976.3/12",
        "TS976.3/12:2",
    ]
    assert parse_call_number("ts976.3/12：2").format() == "TS976.3/12:2"
    with pytest.raises(ValueError):
        parse_call_number("L123/4")


class _County(BaseHTTPRequestHandler):
    seq = 100

    def _send(self, code: int, body: dict[str, object]) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(code)
        self.send_header("X-Shuwu-Server", "1")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.headers.get("Authorization") == "Bearer revoked":
            self._send(401, {"error": "unauthorized", "message": "unknown device token"})
        elif self.path == "/v1/catalog/isbn/9787020002207":
            self._send(200, {"title": "红楼梦", "author": "曹雪芹", "clc_class": "I242.47"})
        else:
            self._send(404, {"error": "not_found"})

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        if self.headers.get("Authorization") == "Bearer revoked":
            self._send(401, {"error": "unauthorized", "message": "unknown device token"})
            return
        assert json.loads(self.rfile.read(length))["class_no"]
        _County.seq += 1
        self._send(200, {"seq": _County.seq, "server_time": "2026-01-01T00:00:00Z"})

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def county_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _County)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_http_union_catalog_over_a_socket(branch_profile: Profile, county_url: str) -> None:
    with branch_profile.sessions() as s, s.begin():
        s.add(SyncState(key="server_url", value=county_url))
    with branch_profile.sessions() as s:
        union = union_catalog_for(s)
        assert union is not None
        found = catalog.lookup_isbn(s, "9787020002207", union)
        assert (found.source, found.data.title) == ("union", "红楼梦")
        assert catalog.lookup_isbn(s, "9787506365437", union).source == "empty"
        assert union.next_call_seq("I247.5") == 101


def test_unreachable_server_falls_back_offline(branch_profile: Profile) -> None:
    union = HttpUnionCatalog("http://127.0.0.1:9", timeout=1)
    with pytest.raises(ServerUnreachable):
        union.next_call_seq("I247.5")
    with branch_profile.sessions() as s:
        found = catalog.lookup_isbn(s, "9787020002207", union)
    assert found.source == "empty" and found.offline


def test_a_refused_token_says_so_and_saving_still_numbers_locally(
    branch_profile: Profile, county_url: str
) -> None:
    union = HttpUnionCatalog(county_url, "revoked")
    with branch_profile.sessions() as s, pytest.raises(DeviceRevoked) as refused:
        catalog.lookup_isbn(s, "9787020002207", union)
    assert refused.value.code == "unauthorized"  # not "server unreachable"
    reserved = catalog.reserve_call_seq(union, "I247.5")  # before the transaction: none
    assert reserved is None
    with branch_profile.sessions() as s, s.begin():
        assert catalog.allocate_call_seq(s, "I247.5", reserved)[1] == "local"
