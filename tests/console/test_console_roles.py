"""Roles, CSRF, rate limiting, masking and audit of the county console (no browser).

Runs against the real server process on SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import func, select

from server import models as m
from server.console.models import AuditEntry, StaffAccount
from server.db import make_engine, session_factory, writer
from server.devices import add_device
from server.exceptions import file_exception
from tests import serverproc

from .conftest import DEMO_PASSWORD, Staff

_engines: dict[str, Any] = {}


def sessions(db_url: str):  # type: ignore[no-untyped-def]
    if db_url not in _engines:
        _engines[db_url] = make_engine(db_url)
    return session_factory(_engines[db_url])


@pytest.fixture(scope="module")
def world(console_server: serverproc.ServerProcess) -> dict[str, Any]:
    """A conflict and a device in the supervisor's township (CW) and in another one (LY)."""
    with writer(sessions(console_server.db_url)) as s:
        mine = file_exception(
            s, "UNKNOWN_BARCODE", ["CW01"], "条码 X1 不在目录中", {"barcode": "X1"}
        )
        other = file_exception(
            s, "UNKNOWN_BARCODE", ["LY01"], "条码 X2 不在目录中", {"barcode": "X2"}
        )
        spare = file_exception(s, "UNKNOWN_CARD", ["LY01"], "读者证 Z 未知", {"card": "Z"})
        my_device = add_device(s, "CW01").device_id
        other_device = add_device(s, "LY01").device_id
        reader = s.scalar(select(m.Reader).where(m.Reader.home_branch_code == "CW01"))
        assert reader is not None
        reader.phone = "13912345678"
        reader_uuid = reader.uuid
    return {
        "mine": mine.uuid,
        "other": other.uuid,
        "spare": spare.uuid,
        "my_device": my_device,
        "other_device": other_device,
        "reader": reader_uuid,
    }


def console_posts(db_url: str, world: dict[str, Any]) -> list[str]:
    """Every POST route of the console, with real ids filled in (so none is forgotten)."""
    from server.console import routers

    values = {
        "device_id": str(world["other_device"]),
        "uuid": world["spare"],
        "index": "0",
        "code": "LY01",
        "staff_id": "1",
        "action": "disable",
        "name": "NLC",
    }
    paths = []
    for route in (r for router in routers() for r in router.routes):
        path = "/console" + getattr(route, "path", "")
        if "POST" in (getattr(route, "methods", None) or ()):
            paths.append(re.sub(r"\{(\w+)\}", lambda g: values[g.group(1)], path))
    assert len(paths) >= 12, paths
    return sorted(set(paths))


def audit_count(db_url: str) -> int:
    with sessions(db_url)() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action.not_in(("login", "login.failed")))
            )
            or 0
        )


def test_every_post_without_a_csrf_token_is_refused(console_server, world, staff_as) -> None:
    admin: Staff = staff_as("admin")
    before = audit_count(console_server.db_url)
    for path in console_posts(console_server.db_url, world):
        if path == "/console/login":
            answer = admin.http.post(path, data={"name": "admin", "password": DEMO_PASSWORD})
        else:
            answer = admin.post(path, {"note": "x", "name": "zz", "role": "admin"}, csrf=False)
        assert answer.status_code == 403, (path, answer.status_code, answer.text[:300])
        wrong = admin.http.post(path, data={"csrf_token": "forged", "name": "admin"})
        assert wrong.status_code == 403, (path, wrong.status_code)
    assert audit_count(console_server.db_url) == before
    # The session still works with the right token.
    assert admin.get("/console/").status_code == 200


def test_read_only_can_view_but_change_nothing(console_server, world, staff_as) -> None:
    viewer: Staff = staff_as("readonly")
    for page in (
        "/console/",
        "/console/branches",
        "/console/conflicts",
        "/console/policies",
        "/console/catalogue?q=a",
        "/console/reports",
        "/console/staff",
        f"/console/conflicts/{world['other']}",
        "/console/reports/branch/LY01",
    ):
        assert viewer.get(page).status_code == 200, page
    before = audit_count(console_server.db_url)
    for path in console_posts(console_server.db_url, world):
        if path in ("/console/login", "/console/logout"):
            continue
        answer = viewer.post(
            path,
            {
                "note": "x",
                "name": "intruder",
                "role": "admin",
                "password": "long-enough-1",
                "code": "NEW1",
                "branch": "LY01",
                "reader_type": "adult",
                "loan_days": "99",
            },
        )
        assert answer.status_code == 403, (path, answer.status_code, answer.text[:300])
    assert audit_count(console_server.db_url) == before
    with sessions(console_server.db_url)() as s:
        spare = s.scalar(
            select(m.SyncExceptionRow).where(m.SyncExceptionRow.uuid == world["spare"])
        )
        assert spare is not None and spare.resolved_at is None
        assert s.scalar(select(StaffAccount.id).where(StaffAccount.name == "intruder")) is None
        device = s.get(m.Device, world["other_device"])
        assert device is not None and not device.revoked
    # No form to change anything is even offered.
    assert 'action="/console/policies/loan"' not in viewer.get("/console/policies").text
    assert "Print slip" not in viewer.get(f"/console/devices/{world['other_device']}").text


def test_supervisor_sees_only_its_township(console_server, world, staff_as) -> None:
    sup: Staff = staff_as("supervisor")  # township CW (the first by code) and CW01
    branches = sup.get("/console/branches").text
    assert "CW01" in branches and "LY01" not in branches
    listing = sup.get("/console/conflicts?status=all").text
    assert world["mine"] in listing and world["other"] not in listing
    assert sup.get(f"/console/conflicts/{world['other']}").status_code == 404
    assert sup.get(f"/console/devices/{world['other_device']}").status_code == 404
    assert sup.get(f"/console/devices/{world['my_device']}").status_code == 200
    assert sup.get("/console/reports/branch/LY01").status_code == 404
    assert sup.get("/console/reports/branch/CW01").status_code == 200
    assert sup.get("/console/reports/annual.xlsx?year=2025").status_code == 403
    assert "LY01" not in sup.get("/console/").text
    # Resolving another township's conflict is refused; its own works and is audited.
    assert (
        sup.post(f"/console/conflicts/{world['other']}/resolve", {"note": "x"}).status_code == 404
    )
    # It may not manage devices, branches, policies or staff.
    assert sup.post(f"/console/devices/{world['my_device']}/revoke").status_code == 403
    assert sup.post("/console/policies/loan", {"reader_type": "adult"}).status_code == 403
    done = sup.post(f"/console/conflicts/{world['mine']}/resolve", {"note": "已核对书架"})
    assert done.status_code == 303
    with sessions(console_server.db_url)() as s:
        row = s.scalar(select(m.SyncExceptionRow).where(m.SyncExceptionRow.uuid == world["mine"]))
        assert row is not None and row.resolution == "已核对书架"
        other = s.scalar(
            select(m.SyncExceptionRow).where(m.SyncExceptionRow.uuid == world["other"])
        )
        assert other is not None and other.resolved_at is None
        entry = s.scalar(
            select(AuditEntry).where(
                AuditEntry.action == "exception.resolve", AuditEntry.target == world["mine"]
            )
        )
        assert entry is not None and entry.actor == "supervisor"
        # The resolution is on the change feed of the branch concerned (its next sync).
        seqs = s.scalars(
            select(m.ChangeLog.branch_code).where(
                m.ChangeLog.entity == "exception", m.ChangeLog.uuid == world["mine"]
            )
        ).all()
        assert "CW01" in seqs


def test_phones_are_masked_and_each_unmasking_is_audited(console_server, world, staff_as) -> None:
    admin: Staff = staff_as("admin")
    viewer: Staff = staff_as("readonly")
    with sessions(console_server.db_url)() as s:
        reader = s.scalar(select(m.Reader).where(m.Reader.uuid == world["reader"]))
        assert reader is not None
        card = reader.card
    assert viewer.post(f"/console/readers/{world['reader']}/unmask").status_code == 403
    shown = admin.post(f"/console/readers/{world['reader']}/unmask", {"reason": "回访"})
    assert shown.status_code == 200 and "13912345678" in shown.text
    with sessions(console_server.db_url)() as s:
        entries = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "reader.unmask", AuditEntry.target == card
            )
        ).all()
    assert [e.actor for e in entries] == ["admin"]
    assert "13912345678" not in str(entries[0].detail)  # the audit log holds no phone


def test_login_is_rate_limited_and_staff_add_reads_stdin(console_server) -> None:
    def staff_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "server.cli", "staff", *args, "--db", console_server.db_url],
            input=stdin,
            capture_output=True,
            text=True,
            env=serverproc._env(),
            cwd=serverproc.ROOT,
            timeout=300,
        )

    made = staff_cli(
        "add", "guard", "--role", "readonly", "--password-stdin", stdin="right-password\n"
    )
    assert made.returncode == 0, made.stderr
    assert (
        staff_cli("add", "shorty", "--role", "admin", "--password-stdin", stdin="x\n").returncode
        == 2
    )
    assert (
        staff_cli(
            "add", "sup2", "--role", "supervisor", "--password-stdin", stdin="long-enough\n"
        ).returncode
        == 2
    )  # a supervisor needs --branch
    assert (
        staff_cli(
            "add", "guard", "--role", "readonly", "--password-stdin", stdin="right-password\n"
        ).returncode
        == 2
    )  # exists
    # Known demo passwords only where the caller says it is a demo (or on a training server).
    assert staff_cli("demo").returncode == 2
    assert staff_cli("demo", "--demo-database").returncode == 0
    member = Staff(console_server.base_url)
    for _ in range(5):
        assert member.login("guard", "wrong-password").status_code == 401
    locked = member.login("guard", "right-password")
    assert locked.status_code == 429
    # Another account is not locked by guard's failures.
    other = Staff(console_server.base_url)
    assert other.login("readonly").status_code == 303


def test_session_cookie_flags_and_logout(console_server, staff_as) -> None:
    member = Staff(console_server.base_url)
    answer = member.login("admin")
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/console" in cookie
    assert member.get("/console/").status_code == 200
    assert member.post("/console/logout").status_code == 303
    assert member.get("/console/").status_code == 303  # back to the login page
