"""The remaining op kinds through the real server: catalogue conflicts, transfers, stocktakes,
credit entries, activities, and resolving an exception from the command line."""

from __future__ import annotations

import uuid

from sqlalchemy import create_engine, text

from tests import serverproc
from tests.server.conftest import enrol, new_reader, new_title


def _scalar(db_url: str, sql: str, **params: object) -> object:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        value = conn.execute(text(sql), params).scalar()
    engine.dispose()
    return value


def test_catalogue_conflicts_are_kept_and_filed(server: serverproc.ServerProcess) -> None:
    a = enrol(server, "CW01")
    b = enrol(server, "DH01")
    ops, title = new_title(a)
    a.push(ops)
    # Both branches hold a copy of the record (a branch holding none cannot edit it).
    b_copy = {
        "item_uuid": str(uuid.uuid4()),
        "bib_uuid": title["bib_uuid"],
        "barcode": "T" + uuid.uuid4().hex[:12].upper(),
        "home_branch": "DH01",
    }
    assert b.push([b.op("item_upsert", b_copy)])[0]["status"] == "applied"
    version = [c for c in a.all_changes()[0] if c["uuid"] == title["bib_uuid"]][-1]["data"][
        "version"
    ]
    edit_a = a.op(
        "bib_upsert",
        {"bib_uuid": title["bib_uuid"], "title": "甲馆改的书名", "base_version": version},
    )
    edit_b = b.op(
        "bib_upsert",
        {"bib_uuid": title["bib_uuid"], "title": "乙馆改的书名", "base_version": version},
    )
    assert a.push([edit_a])[0]["status"] == "applied"
    result = b.push([edit_b])[0]
    assert result["status"] == "applied_with_exception"  # stale base: last writer wins, filed
    bib = [c for c in b.all_changes()[0] if c["uuid"] == title["bib_uuid"]][-1]["data"]
    assert bib["title"] == "乙馆改的书名"
    # A copy with a barcode already used elsewhere is parked, not merged into the other copy.
    clash = {**title["items"][0], "item_uuid": str(uuid.uuid4())}
    parked = b.push([b.op("item_upsert", clash)])[0]
    assert parked["status"] == "applied_with_exception"
    assert (
        _scalar(server.db_url, "SELECT count(*) FROM item WHERE uuid = :u", u=clash["item_uuid"])
        == 0
    )
    rows = server.cli("exceptions", "--json", "--branch", "DH01")["exceptions"]
    kinds = [
        e["kind"] for e in rows if e["uuid"] in result["exception_ids"] + parked["exception_ids"]
    ]
    assert kinds == ["CATALOGUE_CONFLICT", "CATALOGUE_CONFLICT"]


def test_transfer_stocktake_credit_activity(server: serverproc.ServerProcess) -> None:
    a = enrol(server, "CW01")
    b = enrol(server, "DH01")
    ops, title = new_title(a, copies=3)
    reader_op, reader = new_reader(a)
    a.push([*ops, reader_op])
    first, second, third = title["items"]
    transfer = str(uuid.uuid4())
    sent = a.op(
        "transfer_send",
        {
            "transfer_uuid": transfer,
            "from_branch": "CW01",
            "to_branch": "DH01",
            "item_uuids": [first["item_uuid"]],
            "barcodes": [first["barcode"]],
            "sent_at": "2026-06-01T08:00:00Z",
        },
    )
    assert a.push([sent])[0]["status"] == "applied"
    assert (
        _scalar(server.db_url, "SELECT status FROM item WHERE uuid = :u", u=first["item_uuid"])
        == "in_transit"
    )
    got = b.op(
        "transfer_receive",
        {
            "transfer_uuid": transfer,
            "branch": "DH01",
            "item_uuids": [first["item_uuid"]],
            "barcodes": [first["barcode"]],
            "received_at": "2026-06-03T08:00:00Z",
        },
    )
    assert b.push([got])[0]["status"] == "applied"
    assert (
        _scalar(
            server.db_url,
            "SELECT current_branch_code FROM item WHERE uuid = :u",
            u=first["item_uuid"],
        )
        == "DH01"
    )
    stocktake = a.op(
        "stocktake_result",
        {
            "stocktake_uuid": str(uuid.uuid4()),
            "branch": "CW01",
            "missing": [second["barcode"]],
            "found_elsewhere": [],
            "on_loan_found": [],
            "finished_at": "2026-06-05T08:00:00Z",
        },
    )
    credit = a.op(
        "credit_entry",
        {
            "entry_uuid": str(uuid.uuid4()),
            "reader_uuid": reader["reader_uuid"],
            "delta": -3,
            "reason": "overdue",
            "loan_uuid": None,
            "created_at": "2026-06-05T08:00:00Z",
            "note": None,
        },
    )
    activity = a.op(
        "activity",
        {
            "activity_uuid": str(uuid.uuid4()),
            "branch": "CW01",
            "date": "2026-06-06",
            "kind": "reading",
            "title": "亲子共读",
            "attendance": 18,
            "note": None,
        },
    )
    lost_scan = a.op(
        "transfer_send",
        {
            "transfer_uuid": str(uuid.uuid4()),
            "from_branch": "CW01",
            "to_branch": "DH01",
            "item_uuids": [],
            "barcodes": ["NOSUCH" + uuid.uuid4().hex[:5]],
            "sent_at": "2026-06-07T08:00:00Z",
        },
    )
    results = a.push([stocktake, credit, activity, lost_scan])
    assert [r["status"] for r in results] == ["applied"] * 3 + ["applied_with_exception"]
    assert (
        _scalar(server.db_url, "SELECT status FROM item WHERE uuid = :u", u=second["item_uuid"])
        == "missing"
    )
    assert (
        _scalar(server.db_url, "SELECT status FROM item WHERE uuid = :u", u=third["item_uuid"])
        == "available"
    )
    feed = a.all_changes()[0]
    entries = [
        c["data"]
        for c in feed
        if c["entity"] == "credit_entry" and c["data"].get("reader_uuid") == reader["reader_uuid"]
    ]
    assert [e["delta"] for e in entries] == [-3]
    assert _scalar(server.db_url, "SELECT attendance FROM activity WHERE title = '亲子共读'") == 18


def test_resolve_an_exception_from_the_cli(server: serverproc.ServerProcess) -> None:
    a = enrol(server, "CW01")
    ghost = "GHOST" + uuid.uuid4().hex[:6]
    result = a.push(
        [a.op("item_status", {"item_uuid": None, "barcode": ghost, "status": "lost", "reason": ""})]
    )[0]
    exception_uuid = result["exception_ids"][0]
    done = server.cli("exceptions", "--resolve", exception_uuid, "--note", "条码贴错", "--json")
    assert done["resolved_at"] and done["resolution"] == "条码贴错"
    still_open = server.cli("exceptions", "--json")["exceptions"]
    assert exception_uuid not in [e["uuid"] for e in still_open]
    again = server.cli("exceptions", "--resolve", exception_uuid, check=False)
    assert again.returncode == 2 and again.stderr.strip()
    feed = [c for c in a.all_changes()[0] if c["uuid"] == exception_uuid]
    assert feed[-1]["data"]["resolved_at"] is not None
