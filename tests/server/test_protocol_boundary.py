"""The server's input boundary, against the real server process on SQLite and PostgreSQL.

Whatever a device or a stranger sends, the answer is never a 500: a malformed request gets a
4xx in the JSON error envelope with the X-Shuwu-Server header, one bad op in a push is rejected
alone while the rest applies, and the server keeps serving.
"""

from __future__ import annotations

import base64
import gzip
import http.client
import json
import urllib.parse
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from tests import serverproc
from tests.server.conftest import Client, backend_url, device_code, enrol, new_reader


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def boundary(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[serverproc.ServerProcess, Client]]:
    """A server of this module's own: fuzzing enrolment trips its failure limits."""
    url = backend_url(request.param, tmp_path_factory.mktemp(f"boundary-{request.param}"))
    proc = serverproc.ServerProcess(url, init_args=("--demo", "--demo-size", "tiny"))
    proc.start()
    client = enrol(proc, "CW01")
    yield proc, client
    proc.stop()
    if url.startswith("postgresql"):
        serverproc.drop_pg_schema(url)


def assert_envelope(r: requests.Response, *, status: int | None = None) -> dict[str, Any]:
    assert r.headers.get("X-Shuwu-Server") == "1", (r.status_code, r.text[:300])
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
    if status is not None:
        assert r.status_code == status, r.text[:300]
    body = r.json()
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["message"], str) and body["message"]
    assert "Traceback" not in r.text
    return dict(body)


def assert_serving(proc: serverproc.ServerProcess, client: Client) -> None:
    assert requests.get(proc.base_url + "/v1/hello", timeout=10).status_code == 200
    op = client.op("visit_count", {"date": "2026-05-01", "count": client.seq})
    assert client.push([op])[0]["status"] == "applied"


def _post(client: Client, path: str, data: bytes, **headers: str) -> requests.Response:
    return requests.post(
        client.base_url + path,
        data=data,
        headers={**client.headers(), "Content-Type": "application/json", **headers},
        timeout=30,
    )


def _get(client: Client, path: str) -> requests.Response:
    return requests.get(client.base_url + path, headers=client.headers(), timeout=30)


def test_a_keyset_position_beyond_any_row_id_is_an_empty_page(
    boundary: tuple[serverproc.ServerProcess, Client],
) -> None:
    """The cursor is 64-bit; row ids are 32-bit on PostgreSQL (hypothesis found a 500 here)."""
    _proc, client = boundary
    for path in (
        "/v1/snapshot/item?after=2655160326186219008",
        "/v1/snapshot/bib?after=9223372036854775807",
    ):
        reply = _get(client, path)
        assert reply.status_code == 200, reply.text[:300]
        assert reply.json()["has_more"] is False
    for path in (
        "/v1/snapshot/copies?after=2655160326186219008",
        "/v1/snapshot/index?after=9223372036854775807&scope=foreign",
    ):
        reply = _get(client, path)
        assert reply.status_code == 200, reply.text[:300]


def test_the_reported_inputs_get_a_4xx_envelope(
    boundary: tuple[serverproc.ServerProcess, Client],
) -> None:
    proc, client = boundary
    big = 10**23
    for path in (
        f"/v1/changes?cursor={big}",
        "/v1/changes?cursor=-1",
        f"/v1/changes?cursor=0&until={big}",
        f"/v1/changes?limit={big}",
        "/v1/changes?cursor=abc",
        "/v1/changes?cursor=%ED%A0%80",  # a lone surrogate, UTF-8 encoded
        f"/v1/snapshot/item?after={big}",
        "/v1/snapshot/item?limit=0",
        "/v1/snapshot/nothing",
        f"/v1/snapshot/copies?after={big}",
        f"/v1/snapshot/copies?limit={big}",
        "/v1/snapshot/index?scope=everything",
        "/v1/snapshot/copies?compression=brotli",
        "/v1/exceptions?status=%00",
        "/v1/catalog/isbn/" + "9" * 500,
        "/v1/nothing",
    ):
        assert_envelope(_get(client, path))
    good = client.op("visit_count", {"date": "2026-05-02", "count": 1})
    envelope = {"device_id": client.device_id, "epoch": client.epoch}
    bodies: list[bytes] = [
        b"[" * 200_000,
        b'{"code": "\\ud800"}',
        b"{not json",
        b"\xff\xfe",
        b"[]",
        json.dumps({**envelope, "ops": [{**good, "seq": 2**63}]}).encode(),
        json.dumps({**envelope, "ops": [good], "clock_offset_ms": -(10**15)}).encode(),
        json.dumps({**envelope, "ops": [good], "epoch": 2**63}).encode(),
        json.dumps({**envelope, "ops": [good], "device_id": "1"}).encode(),
        json.dumps({**envelope, "ops": [{**good, "op_id": "\ud800"}]}).encode(),
        json.dumps({**envelope, "ops": [{**good, "op_id": "x" * 37}]}).encode(),
        json.dumps({**envelope, "ops": []}).encode(),
    ]
    for body in bodies:
        assert_envelope(_post(client, "/v1/ops/push", body))
    for body in (b'{"class_no": 5}', b'{"class_no": "\\ud800"}', b"[" * 200_000):
        assert_envelope(_post(client, "/v1/catalog/call-seq", body))
    for body in (b'{"code": "\\u0000"}', b'{"code": "A", "device_name": "\\ud800"}'):
        assert_envelope(_post(client, "/v1/enrol", body))
    assert_envelope(requests.delete(proc.base_url + "/v1/hello", timeout=10), status=405)
    # One op at fault in an otherwise good batch: the envelope says which one.
    body = json.dumps({**envelope, "ops": [good, {**good, "op_id": "y" * 40, "seq": 10**6}]})
    assert assert_envelope(_post(client, "/v1/ops/push", body.encode()))["op_index"] == 1
    assert_serving(proc, client)


def test_the_token_is_checked_before_the_body_is_read(
    boundary: tuple[serverproc.ServerProcess, Client],
) -> None:
    proc, _client = boundary
    stranger = {"Authorization": "Bearer not-a-device"}
    for body in (b"x" * (3 * 1024 * 1024), b"[" * 200_000, b"{not json"):
        for path in ("/v1/ops/push", "/v1/catalog/call-seq"):
            r = requests.post(proc.base_url + path, data=body, headers=stranger, timeout=30)
            assert assert_envelope(r, status=401)["error"] == "unauthorized"


def _count(db_url: str, sql: str, **params: Any) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql), params).scalar_one())
    finally:
        engine.dispose()


def test_a_poison_op_is_rejected_alone_and_the_next_sync_works(
    boundary: tuple[serverproc.ServerProcess, Client],
) -> None:
    """NUL bytes, over-long text, an unknown 40-character kind, a year-9999 time: the rest of
    the batch is applied (on PostgreSQL too, where these used to fail the whole batch)."""
    proc, client = boundary
    reader_op, reader = new_reader(client)
    bib_uuid = str(uuid.uuid4())
    poison = [
        client.op("checkout", {"loan_uuid": str(uuid.uuid4()), "barcode": "20\x0017"}),
        client.op("bib_upsert", {"bib_uuid": bib_uuid, "title": "书", "price": "CNY\x0025"}),
        client.op("bib_upsert", {"bib_uuid": str(uuid.uuid4()), "title": "长" * 501}),
        client.op("k" * 40, {"anything": 1}),
        client.op("renew", {"loan_uuid": str(uuid.uuid4()), "due_at": "9999-12-31T00:00:00Z"}),
        client.op("transfer_send", {"barcodes": 5}),
        client.op("visit_count", {"date": "2026-05-03", "count": 1}, wall_ms=-(10**15)),
    ]
    last = client.op("visit_count", {"date": "2026-05-04", "count": 7})
    batch = [reader_op, *poison, last]
    results = client.push(batch)
    assert [r["status"] for r in results] == ["applied", *["rejected"] * len(poison), "applied"]
    assert [r["error"] for r in results[1:-1]] == [
        "invalid_payload",
        "invalid_payload",
        "invalid_payload",
        "unknown_kind",
        "invalid_payload",
        "invalid_payload",
        "invalid_payload",
    ]
    assert all(r["message"] for r in results[1:-1])
    assert "payload.barcode" in results[1]["message"]
    assert (
        _count(proc.db_url, "SELECT count(*) FROM reader WHERE uuid = :u", u=reader["reader_uuid"])
        == 1
    )
    assert _count(proc.db_url, "SELECT count(*) FROM bib WHERE uuid = :u", u=bib_uuid) == 0
    # Nothing of a rejected op is stored; a resend is answered the same way.
    again = client.push(batch)
    assert [r["status"] for r in again] == ["duplicate", *["rejected"] * len(poison), "duplicate"]
    # The device's next sync goes through.
    nxt = client.op("visit_count", {"date": "2026-05-05", "count": 2})
    assert client.push([nxt])[0]["status"] == "applied"
    assert client.changes()["changes"] is not None


# -- property-based: malformed requests for every endpoint -----------------------------------------

HOSTILE = st.sampled_from(
    [10**23, 2**63, -(2**63) - 1, -(10**15), 1.5e308, -0.0, True, None, [], {}, "", "\x00",
     "\ud800", "9999-12-31T23:59:59Z", "0000-00-00", "x" * 5000, "[" * 50, "null"]
)  # fmt: skip
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)
)
JSON = st.recursive(
    st.one_of(SCALARS, HOSTILE),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=16,
)
RAW = st.one_of(
    st.binary(max_size=200),
    st.integers(1, 3000).map(lambda n: b"[" * n),
    st.integers(1, 3000).map(lambda n: b'{"a":' * n),
)
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=True).encode()  # lone surrogates as \\ud800 escapes


def _field_or_hostile(good: Any) -> st.SearchStrategy[Any]:
    return st.one_of(st.just(good), HOSTILE, JSON)


def _check(r: requests.Response) -> None:
    assert r.status_code < 500, (r.status_code, r.text[:300])
    assert r.headers.get("X-Shuwu-Server") == "1"
    if r.status_code >= 400:
        assert_envelope(r)


@st.composite
def push_bodies(draw: st.DrawFn, client: Client) -> bytes:
    if draw(st.integers(0, 4)) == 0:
        return draw(RAW)
    ops = []
    for n in range(draw(st.integers(0, 4))):
        op: dict[str, Any] = {
            "seq": draw(_field_or_hostile(client.seq + 1000 + n)),
            "op_id": draw(_field_or_hostile(str(uuid.uuid4()))),
            "kind": draw(
                st.one_of(
                    st.sampled_from(["checkout", "visit_count", "undo", "transfer_send"]), HOSTILE
                )
            ),
            "payload": draw(
                st.one_of(
                    st.dictionaries(
                        st.sampled_from(
                            ["barcode", "date", "count", "loan_uuid", "barcodes", "due_at"]
                        ),
                        st.one_of(HOSTILE, SCALARS),
                        max_size=4,
                    ),
                    JSON,
                )
            ),
            "device_wall_ms": draw(_field_or_hostile(1_700_000_000_000)),
        }
        ops.append(op)
    body = {
        "device_id": draw(_field_or_hostile(client.device_id)),
        "epoch": draw(_field_or_hostile(client.epoch)),
        "clock_offset_ms": draw(_field_or_hostile(0)),
        "ops": draw(st.one_of(st.just(ops), HOSTILE)),
    }
    return _encode(body)


def test_fuzz_push(boundary: tuple[serverproc.ServerProcess, Client]) -> None:
    proc, client = boundary

    @FUZZ
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        body = data.draw(push_bodies(client))
        gz = data.draw(st.booleans())
        headers = {"Content-Encoding": "gzip"} if gz else {}
        _check(_post(client, "/v1/ops/push", gzip.compress(body) if gz else body, **headers))

    run()
    assert_serving(proc, client)


def test_fuzz_bodies_of_enrol_epoch_and_call_seq(
    boundary: tuple[serverproc.ServerProcess, Client],
) -> None:
    proc, client = boundary

    @FUZZ
    @given(
        path=st.sampled_from(["/v1/enrol", "/v1/catalog/call-seq", "/v1/devices/epoch"]),
        body=st.one_of(
            RAW,
            JSON.map(_encode),
            st.fixed_dictionaries(
                {
                    "code": _field_or_hostile("ABCD2345"),
                    "device_name": _field_or_hostile("pc"),
                    "client_time": _field_or_hostile("2026-01-01T00:00:00Z"),
                    "class_no": _field_or_hostile("I247.5"),
                    "device_id": _field_or_hostile(client.device_id),
                }
            ).map(_encode),
        ),
    )
    def run(path: str, body: bytes) -> None:
        _check(_post(client, path, body))

    run()
    assert_serving(proc, client)


def test_fuzz_queries_and_paths(boundary: tuple[serverproc.ServerProcess, Client]) -> None:
    proc, client = boundary
    raw = st.one_of(
        st.binary(max_size=30).map(urllib.parse.quote_from_bytes),
        HOSTILE.map(
            lambda v: urllib.parse.quote(
                json.dumps(v) if not isinstance(v, str) else v.encode("utf-8", "surrogatepass")
            )
        ),
        st.integers().map(str),
    )

    @FUZZ
    @given(
        template=st.sampled_from(
            [
                "/v1/changes?cursor={}",
                "/v1/changes?cursor=0&limit={}",
                "/v1/changes?cursor=0&until={}",
                "/v1/snapshot/{}",
                "/v1/snapshot/item?after={}",
                "/v1/snapshot/bib?limit={}",
                "/v1/snapshot/copies?after={}",
                "/v1/snapshot/index?scope={}",
                "/v1/exceptions?status={}",
                "/v1/catalog/isbn/{}",
                "/v1/{}",
            ]
        ),
        value=raw,
    )
    def run(template: str, value: str) -> None:
        _check(_get(client, template.format(value or "x")))

    run()
    assert_serving(proc, client)


# -- enrolment attempts are limited ----------------------------------------------------------------


@pytest.fixture
def enrol_server(tmp_path: Path) -> Iterator[serverproc.ServerProcess]:
    proc = serverproc.ServerProcess(
        f"sqlite:///{tmp_path / 'county.db'}", init_args=("--demo", "--demo-size", "tiny")
    )
    proc.start()
    yield proc
    proc.stop()


def _enrol_from(
    proc: serverproc.ServerProcess, source: str, code: str
) -> tuple[int, dict[str, Any], dict[str, str]]:
    """POST /v1/enrol from another loopback address (127.0.0.x), as another PC would."""
    conn = http.client.HTTPConnection(
        "127.0.0.1", proc.port, timeout=30, source_address=(source, 0)
    )
    try:
        conn.request(
            "POST", "/v1/enrol", json.dumps({"code": code, "device_name": "pc"}),
            {"Content-Type": "application/json"},
        )  # fmt: skip
        r = conn.getresponse()
        return r.status, json.loads(r.read()), {k.lower(): v for k, v in r.getheaders()}
    finally:
        conn.close()


def test_failed_enrolments_are_limited_per_address_and_per_code(
    enrol_server: serverproc.ServerProcess,
) -> None:
    proc = enrol_server
    # Per code: five failures on one code, then 429 for it from anywhere.
    for _ in range(5):
        status, body, _h = _enrol_from(proc, "127.0.0.2", "ZZZZ9999")
        assert (status, body["error"]) == (400, "bad_code")
    status, body, headers = _enrol_from(proc, "127.0.0.3", "ZZZZ9999")
    assert (status, body["error"]) == (429, "too_many_attempts")
    assert headers["x-shuwu-server"] == "1" and int(headers["retry-after"]) > 0
    assert body["message"]
    # Another address with a good code is not held back by that code's failures.
    good = device_code(proc.db_url, "CW01")
    status, body, _h = _enrol_from(proc, "127.0.0.3", good)
    assert status == 200 and body["token"]
    # Per address: twenty failures (any codes), then even a good code waits.
    for n in range(20):
        status, body, _h = _enrol_from(proc, "127.0.0.4", f"QQQQ{n:04d}")
        assert status == 400, body
    status, body, headers = _enrol_from(proc, "127.0.0.4", device_code(proc.db_url, "CW01"))
    assert (status, body["error"]) == (429, "too_many_attempts")
    assert "retry-after" in headers
    # Other PCs still enrol.
    status, body, _h = _enrol_from(proc, "127.0.0.5", device_code(proc.db_url, "CW01"))
    assert status == 200


# -- a bib's source MARC record (bib_upsert.marc): untrusted bytes from a PC ----------------------

REAL_MARC = Path(__file__).parents[1] / "catalog" / "fixtures" / "real"


def _real_source(name: str = "dp2-190-tianjin.iso") -> bytes:
    """A real published record as a PC stores it: cleaned, UTF-8 ISO 2709."""
    from shuwu_shared.marc.convert import convert_record
    from shuwu_shared.marc.read import DecodedRecord, read_marc_bytes

    [entry] = read_marc_bytes((REAL_MARC / name).read_bytes()).entries
    assert isinstance(entry, DecodedRecord)
    return convert_record(entry.record, entry.marc_format).source


def _marc_op(client: Client, marc: Any, bib_uuid: str | None = None) -> dict[str, Any]:
    payload = {"bib_uuid": bib_uuid or str(uuid.uuid4()), "title": "边界测试", "marc": marc}
    return client.op("bib_upsert", payload)


def _stored_marc(db_url: str, bib_uuid: str) -> bytes | None:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            value = conn.execute(
                text("SELECT marc FROM bib WHERE uuid = :u"), {"u": bib_uuid}
            ).scalar()
    finally:
        engine.dispose()
    return bytes(value) if value is not None else None


def test_a_hostile_marc_field_is_rejected_alone(
    boundary: tuple[serverproc.ServerProcess, Client],
) -> None:
    """Not base64, too long, not MARC, not UTF-8, a lying leader, two records, a wrong type:
    each is a per-op ``invalid_payload``; the good record beside them is stored byte for byte."""
    from shuwu_shared.protocol.marcwire import MAX_MARC_BASE64

    proc, client = boundary
    good = _real_source()
    gb18030 = (REAL_MARC / "dp2-645-gb2312.iso").read_bytes()  # a valid record, but not UTF-8
    b64 = base64.b64encode
    lying = b"99999" + good[5:]
    hostile = [
        "这不是base64",
        "!!!!",
        b64(good).decode()[:-3],  # bad padding
        b64(good).decode()[:40] + "\n" + b64(good).decode()[40:],  # a line break
        "A" * (MAX_MARC_BASE64 + 4),  # longer than any ISO 2709 record
        b64(b"\x00" * 99_999 + b"\x00" * 3).decode()[: MAX_MARC_BASE64 + 4],
        b64(b"hello, this is not MARC at all").decode(),
        b64(b"").decode(),
        b64(gb18030).decode(),
        b64(lying).decode(),
        b64(good[:-1]).decode(),  # truncated: no record terminator
        b64(good + good).decode(),  # two records
        b64(good[:24] + b"\x1d").decode(),  # a leader and nothing else
        12345,
        ["x"],
    ]
    good_uuid = str(uuid.uuid4())
    bad_ops = [_marc_op(client, value) for value in hostile]
    ops = [*bad_ops, _marc_op(client, b64(good).decode(), good_uuid)]
    results = client.push(ops)
    assert [r["status"] for r in results] == ["rejected"] * len(hostile) + ["applied"]
    assert {r["error"] for r in results[:-1]} == {"invalid_payload"}
    assert all("marc" in r["message"] for r in results[:-1]), results
    for op in bad_ops:
        u = op["payload"]["bib_uuid"]
        assert _count(proc.db_url, "SELECT count(*) FROM bib WHERE uuid = :u", u=u) == 0
    assert _stored_marc(proc.db_url, good_uuid) == good
    # The feed sends it back as base64 of the same bytes.
    changes, _cursor = client.all_changes()
    sent = [c["data"] for c in changes if c["entity"] == "bib" and c["uuid"] == good_uuid]
    assert sent and base64.b64decode(sent[-1]["marc"]) == good
    # A later edit without a record keeps the county's (an older PC cannot erase it).
    again = client.op("bib_upsert", {"bib_uuid": good_uuid, "title": "边界测试（修订）"})
    assert client.push([again])[0]["status"] == "applied"
    assert _stored_marc(proc.db_url, good_uuid) == good
    assert_serving(proc, client)


@st.composite
def damaged_records(draw: st.DrawFn, good: bytes) -> Any:
    """A real record broken in one of the ways bytes break, or anything at all."""
    kind = draw(st.integers(0, 5))
    raw = bytearray(good)
    if kind == 0:  # flip some bytes
        for _ in range(draw(st.integers(1, 8))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
    elif kind == 1:  # cut it short or pad it
        raw = raw[: draw(st.integers(0, len(raw)))] + draw(st.binary(max_size=40))
    elif kind == 2:  # a directory entry pointing anywhere
        at = 24 + 12 * draw(st.integers(0, 5))
        raw[at + 3 : at + 12] = draw(st.text("0123456789", min_size=9, max_size=9)).encode()
    elif kind == 3:
        return base64.b64encode(draw(st.binary(max_size=300))).decode()
    elif kind == 4:
        return draw(st.one_of(st.text(max_size=60), HOSTILE))
    return base64.b64encode(bytes(raw)).decode()


def test_fuzz_marc_field(boundary: tuple[serverproc.ServerProcess, Client]) -> None:
    """Whatever the field holds: never a 500; either ``invalid_payload`` for that op, or a
    record the shared check (and so every PC's MARC reader) accepts, stored as sent."""
    from shuwu_shared.protocol.marcwire import marc_problem

    proc, client = boundary
    good = _real_source()

    @FUZZ
    @given(value=damaged_records(good))
    def run(value: Any) -> None:
        op = _marc_op(client, value)
        r = client.push_raw({"device_id": client.device_id, "epoch": client.epoch, "ops": [op]})
        _check(r)
        assert r.status_code == 200, r.text[:300]
        [result] = r.json()["results"]
        if result["status"] == "rejected":
            assert result["error"] == "invalid_payload" and "marc" in result["message"]
        else:
            assert result["status"] == "applied", result
            stored = _stored_marc(proc.db_url, op["payload"]["bib_uuid"])
            if value is None:  # no source record: allowed, nothing stored
                assert stored is None
            else:
                assert stored == base64.b64decode(value) and marc_problem(stored) is None

    run()
    assert_serving(proc, client)
