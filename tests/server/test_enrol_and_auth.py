"""Enrolment, authentication, revocation, and the marks of our server on every response."""

from __future__ import annotations

import requests

from tests import serverproc
from tests.server.conftest import enrol


def test_hello_is_ours_and_open(server: serverproc.ServerProcess) -> None:
    r = requests.get(server.base_url + "/v1/hello", timeout=10)
    assert r.status_code == 200
    assert r.headers["X-Shuwu-Server"] == "1"
    body = r.json()
    assert body["server"] == "shuwu" and body["training"] is False
    assert body["server_time"].endswith("Z")
    # Errors carry the header too, so the client can tell "our server, wrong call".
    missing = requests.get(server.base_url + "/v1/nothing", timeout=10)
    assert missing.status_code == 404 and missing.headers["X-Shuwu-Server"] == "1"
    assert missing.json()["error"] == "not_found"


def test_enrol_good_code_gives_token_and_branch(server: serverproc.ServerProcess) -> None:
    client = enrol(server, "CW01")
    assert client.branch == "CW01" and client.epoch == 1 and len(client.token) >= 32
    listed = server.cli("device", "list", "--json")["devices"]
    mine = next(d for d in listed if d["device_id"] == client.device_id)
    assert mine["enrolled"] and not mine["revoked"] and mine["branch"] == "CW01"
    # Only the hash is stored: the token is nowhere in the database dump or the server log.
    assert client.token not in server.log()


def _enrol_raw(server: serverproc.ServerProcess, code: str) -> requests.Response:
    return requests.post(
        server.base_url + "/v1/enrol",
        json={"code": code, "device_name": "x", "client_time": None},
        timeout=30,
    )


def test_enrol_wrong_reused_and_lowercase_codes(server: serverproc.ServerProcess) -> None:
    wrong = _enrol_raw(server, "ZZZZZZZZ")
    assert wrong.status_code == 400 and wrong.json()["error"] == "bad_code"
    assert wrong.json()["message"]
    code = server.cli("device", "add", "--branch", "DH01", "--json")["code"]
    assert len(code) == 8 and not set(code) & set("0O1I")
    first = _enrol_raw(server, code.lower()[:4] + " " + code.lower()[4:])
    assert first.status_code == 200, first.text
    again = _enrol_raw(server, code)
    assert again.status_code == 400 and again.json()["error"] == "bad_code"
    assert again.json()["message"] != wrong.json()["message"]  # says "already used"


def test_enrol_expired_code(server: serverproc.ServerProcess) -> None:
    code = server.cli("device", "add", "--branch", "DH01", "--json")["code"]
    from sqlalchemy import create_engine, text

    engine = create_engine(server.db_url)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE enrol_code SET expires_at = created_at WHERE code = :c"), {"c": code}
        )
    engine.dispose()
    r = _enrol_raw(server, code)
    assert r.status_code == 400 and r.json()["error"] == "bad_code"
    assert "过期" in r.json()["message"] or "expired" in r.json()["message"]


def test_unknown_and_revoked_tokens_get_401(server: serverproc.ServerProcess) -> None:
    r = requests.get(
        server.base_url + "/v1/changes", headers={"Authorization": "Bearer nope"}, timeout=10
    )
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    r = requests.get(server.base_url + "/v1/changes", timeout=10)
    assert r.status_code == 401
    client = enrol(server, "CW01")
    assert client.changes(limit=1)["changes"]
    server.cli("device", "revoke", str(client.device_id))
    r = requests.get(server.base_url + "/v1/changes", headers=client.headers(), timeout=10)
    assert r.status_code == 401 and r.json()["error"] == "revoked"
    push = client.push_raw(
        {
            "device_id": client.device_id,
            "epoch": 1,
            "clock_offset_ms": 0,
            "ops": [client.op("visit_count", {"date": "2026-01-01", "count": 3})],
        }
    )
    assert push.status_code == 401 and push.json()["error"] == "revoked"


def test_cli_bad_input_exit_codes(server: serverproc.ServerProcess) -> None:
    assert server.cli("device", "add", "--branch", "NOPE", check=False).returncode == 2
    assert server.cli("device", "revoke", "999999", check=False).returncode == 2
    assert server.cli("branch", "add", "CW01", "dup", check=False).returncode == 2
    unreachable = serverproc.cli(
        "postgresql+psycopg://postgres@127.0.0.1:1/none", "device", "list", check=False
    )
    assert unreachable.returncode == 3
