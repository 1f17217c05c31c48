"""What a county administrator does in the console, checked against the database (no browser):
branches with barcode ranges, devices, policies with versions, amnesty windows, staff accounts,
the union catalogue search. Real server process on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from server import models as m
from server.console.models import AuditEntry, PolicyVersion, StaffAccount
from server.db import make_engine, session_factory

from .conftest import Staff

_engines: dict[str, Any] = {}


def engine_for(db_url: str) -> Any:
    """One engine per database for the whole module (an engine dropped with a pooled
    connection open is a ResourceWarning, an error under strict pytest)."""
    if db_url not in _engines:
        _engines[db_url] = make_engine(db_url)
    return _engines[db_url]


def read(db_url: str):  # type: ignore[no-untyped-def]
    return session_factory(engine_for(db_url))()


def test_branch_with_barcode_range_and_device_revocation(console_server, staff_as) -> None:
    admin: Staff = staff_as("admin")
    made = admin.post(
        "/console/branches",
        {
            "code": "CW09",
            "name": "城关九村书屋",
            "kind": "village",
            "parent": "CW",
            "barcode_start": "90000000",
            "barcode_end": "90009999",
        },
    )
    assert made.status_code == 303
    overlap = admin.post(
        "/console/branches",
        {
            "code": "CW10",
            "name": "重叠",
            "kind": "village",
            "parent": "CW",
            "barcode_start": "90005000",
            "barcode_end": "90010000",
        },
    )
    assert overlap.status_code == 400 and "CW09" in overlap.text
    assert admin.post("/console/branches", {"code": "CW09", "name": "x"}).status_code == 400
    with read(console_server.db_url) as s:
        branch = s.scalar(select(m.Branch).where(m.Branch.code == "CW09"))
        assert branch is not None and branch.barcode_range_end == "90009999"
        assert s.scalar(select(m.Branch).where(m.Branch.code == "CW10")) is None
        assert s.scalar(select(m.ChangeLog.seq).where(m.ChangeLog.uuid == branch.uuid))
    registered = admin.post("/console/devices", {"branch": "CW09"})
    assert registered.status_code == 303
    device_path = registered.headers["location"]
    page = admin.get(device_path).text
    code = page.split('id="enrol-code">', 1)[1].split("<", 1)[0]
    enrolled = requests.post(
        console_server.base_url + "/v1/enrol",
        json={"code": code, "device_name": "九村"},
        timeout=60,
    )
    assert enrolled.status_code == 200, enrolled.text
    token = enrolled.json()["token"]
    assert admin.post(device_path + "/revoke").status_code == 303
    refused = requests.get(
        console_server.base_url + "/v1/changes",
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert refused.status_code == 401 and refused.json()["error"] == "revoked"
    with read(console_server.db_url) as s:
        actions = set(s.scalars(select(AuditEntry.action).where(AuditEntry.actor == "admin")))
    assert {"branch.add", "device.add", "device.revoke"} <= actions


def test_policy_changes_are_versioned_and_published(console_server, staff_as) -> None:
    admin: Staff = staff_as("admin")
    rule = {
        "reader_type": "child",
        "label": "少儿读者",
        "loan_days": "14",
        "max_items": "3",
        "max_renewals": "1",
        "renew_days": "14",
        "note": "寒假",
    }
    assert admin.post("/console/policies/loan", rule).status_code == 303
    assert admin.post("/console/policies/loan", {**rule, "loan_days": "15"}).status_code == 303
    bad = admin.post("/console/policies/loan", {**rule, "loan_days": "-3"})
    assert bad.status_code == 400
    same = admin.post("/console/policies/loan", {**rule, "loan_days": "15"})
    assert same.status_code == 400  # nothing changed: no empty version
    window = {"start": "2026-07-01", "end": "2026-07-31", "note": "暑期免扣"}
    assert admin.post("/console/policies/amnesty", window).status_code == 303
    assert (
        admin.post("/console/policies/amnesty", {**window, "end": "2026-06-01"}).status_code == 400
    )
    with read(console_server.db_url) as s:
        policy = s.scalar(
            select(m.CirculationPolicy).where(m.CirculationPolicy.reader_type == "child")
        )
        assert policy is not None and policy.loan_days == 15
        versions = s.scalars(
            select(PolicyVersion.version)
            .where(PolicyVersion.uuid == policy.uuid)
            .order_by(PolicyVersion.version)
        ).all()
        assert list(versions)[-2:] == [versions[-2], versions[-2] + 1]
        feed = s.scalars(
            select(m.ChangeLog.branch_code).where(m.ChangeLog.uuid == policy.uuid)
        ).all()
        assert None in feed  # every device
        rules = s.scalar(select(m.CreditRules))
        assert rules is not None and rules.amnesty[-1]["note"] == "暑期免扣"
    index = len(rules.amnesty) - 1
    assert admin.post(f"/console/policies/amnesty/{index}/remove").status_code == 303
    assert admin.post("/console/policies/amnesty/999/remove").status_code == 400
    with read(console_server.db_url) as s:
        rules = s.scalar(select(m.CreditRules))
        assert rules is not None and all(w["note"] != "暑期免扣" for w in rules.amnesty)


def test_staff_accounts_from_the_console(console_server, staff_as) -> None:
    admin: Staff = staff_as("admin")
    made = admin.post(
        "/console/staff",
        {"name": "ly-sup", "role": "supervisor", "branch": "LY", "password": "a-long-password"},
    )
    assert made.status_code == 303
    assert (
        admin.post(
            "/console/staff", {"name": "weak", "role": "readonly", "password": "short"}
        ).status_code
        == 400
    )
    sup = Staff(console_server.base_url)
    assert sup.login("ly-sup", "a-long-password").status_code == 303
    assert "LY01" in sup.get("/console/branches").text
    assert "CW01" not in sup.get("/console/branches").text
    with read(console_server.db_url) as s:
        row = s.scalar(select(StaffAccount).where(StaffAccount.name == "ly-sup"))
        assert row is not None and row.password_hash.startswith("$argon2")
        staff_id = row.id
    assert admin.post(f"/console/staff/{staff_id}/disable").status_code == 303
    assert sup.get("/console/").status_code == 303  # its session ended


def test_union_catalogue_search_like_the_client(console_server, staff_as) -> None:
    viewer: Staff = staff_as("readonly")
    with read(console_server.db_url) as s:
        bib = s.scalar(
            select(m.Bib)
            .where(m.Bib.isbn.is_not(None), m.Bib.search_keys.is_not(None))
            .order_by(m.Bib.id)
        )
        assert bib is not None and bib.isbn and bib.search_keys
        item = s.scalar(select(m.Item).where(m.Item.bib_id == bib.id))
    initials = min(bib.search_keys.split(), key=len)
    han = next(c for c in bib.title if "\u4e00" <= c <= "\u9fff")
    two = bib.title[bib.title.index(han) : bib.title.index(han) + 2]
    isbn = bib.isbn
    dashed = f"{isbn[:3]}-{isbn[3:]}" if len(isbn) == 13 else isbn
    for query in (initials, two, dashed, item.barcode if item else isbn):
        found = viewer.get("/console/catalogue", params={"q": query}).text
        assert bib.uuid in found, query
    record = viewer.get(f"/console/catalogue/{bib.uuid}").text
    if item is not None:
        assert item.barcode in record and item.home_branch_code in record


HOSTILE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["\x00", "a\x00b", "%", "_", "\\", "' OR 1=1 --", "9" * 400, "<script>", "ｗ"]),
)


def test_hostile_input_never_breaks_the_console(console_server, staff_as) -> None:
    """Whatever staff (or a forged page) sends, the answer is a page, never a 500."""
    admin: Staff = staff_as("admin")

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(text=HOSTILE, number=HOSTILE)
    def probe(text: str, number: str) -> None:
        text = text.encode("utf-8", "replace").decode("utf-8")
        number = number.encode("utf-8", "replace").decode("utf-8")
        answers = [
            admin.get("/console/catalogue", params={"q": text}),
            admin.get("/console/conflicts", params={"branch": text, "kind": text, "age": number}),
            admin.get("/console/", params={"days": number}),
            admin.get("/console/reports", params={"year": number}),
            admin.post(
                "/console/branches",
                {
                    "code": text,
                    "name": text,
                    "kind": text,
                    "barcode_start": number,
                    "barcode_end": text,
                },
            ),
            admin.post("/console/policies/loan", {"reader_type": text, "loan_days": number}),
            admin.post("/console/policies/amnesty", {"start": text, "end": number, "note": text}),
            admin.post("/console/staff", {"name": text, "role": "readonly", "password": number}),
        ]
        for answer in answers:
            assert answer.status_code < 500, (answer.request.url, answer.text[:300])
            assert "Traceback" not in answer.text

    probe()
    assert admin.get("/console/").status_code == 200


def test_overview_filters_reports_and_the_shared_resolve_service(console_server, staff_as) -> None:
    from datetime import timedelta

    from server.db import writer
    from server.devices import add_device
    from server.exceptions import file_exception
    from server.timeutil import utcnow

    admin: Staff = staff_as("admin")
    with writer(session_factory(engine_for(console_server.db_url))) as s:
        device_id = add_device(s, "DH01").device_id
        device = s.get(m.Device, device_id)
        assert device is not None
        device.token_sha256 = "f" * 64  # enrolled long ago, silent since
        device.last_seen = utcnow() - timedelta(days=30)
        old = file_exception(s, "UNKNOWN_CARD", ["DH01"], "旧的未知读者证", {"card": "Q"})
        row = s.scalar(select(m.SyncExceptionRow).where(m.SyncExceptionRow.uuid == old.uuid))
        assert row is not None
        row.created_at = utcnow() - timedelta(days=40)
        fresh = file_exception(s, "UNKNOWN_CARD", ["DH01"], "新的未知读者证", {"card": "R"})
    week = admin.get("/console/", params={"days": "7"}).text
    assert f"/console/devices/{device_id}" in week and "DH01" in week
    assert f"/console/devices/{device_id}" not in admin.get("/console/", params={"days": "60"}).text
    aged = admin.get("/console/conflicts", params={"branch": "DH01", "age": "30"}).text
    assert old.uuid in aged and fresh.uuid not in aged
    by_kind = admin.get("/console/conflicts", params={"kind": "DOUBLE_CHECKOUT", "branch": "DH01"})
    assert old.uuid not in by_kind.text and fresh.uuid not in by_kind.text
    pdf = admin.get("/console/reports/annual.pdf", params={"year": "2025"})
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"
    # The CLI resolves through the same service: checked, published, audited.
    done = console_server.cli("exceptions", "--resolve", fresh.uuid, "--note", "已补登", "--json")
    assert done["resolution"] == "已补登"
    again = console_server.cli("exceptions", "--resolve", fresh.uuid, check=False)
    assert again.returncode == 2
    with read(console_server.db_url) as s:
        actor = s.scalar(
            select(AuditEntry.actor).where(
                AuditEntry.action == "exception.resolve", AuditEntry.target == fresh.uuid
            )
        )
    assert actor is not None and actor.startswith("cli")
    page = admin.get(f"/console/conflicts/{fresh.uuid}").text
    assert "已补登" in page and "Mark resolved" not in page and "标记为已处理" not in page
