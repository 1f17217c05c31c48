"""A device acts for the branch it enrolled in (docs/sync-protocol.md, authorization matrix).

For every op kind, through the real server on SQLite and PostgreSQL: the op in scope is
accepted, and the same op naming another branch's entity is refused (`forbidden`) or filed for
the county, and changes nothing of that branch. Plus the attacks seen in issue 13: a cross-
branch undo with an op id taken from an exception, and reading a reader's phone by lending to
their card.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from tests import serverproc
from tests.server.conftest import Client, enrol, new_title

ME, VICTIM = "CW01", "DH01"
PHONE = "13912345678"
NAME = "王小明"
_engines: dict[str, Engine] = {}


def q(server: serverproc.ServerProcess, sql: str, **params: Any) -> Any:
    engine = _engines.get(server.db_url)
    if engine is None:
        engine = _engines[server.db_url] = create_engine(server.db_url)
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def item_field(server: serverproc.ServerProcess, field: str, item_uuid: str) -> Any:
    return q(server, f"SELECT {field} FROM item WHERE uuid = :u", u=item_uuid)


def reader_op(client: Client, **over: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    payload = {
        "reader_uuid": str(uuid.uuid4()),
        "card": "P" + uuid.uuid4().hex[:10],
        "card_provisional": False,
        "name": NAME,
        "gender": "M",
        "birth_year": 1961,
        "phone": PHONE,
        "reader_type": "adult",
        "home_branch": client.branch,
        "status": "active",
        **over,
    }
    return client.op("reader_upsert", payload), payload


def one(client: Client, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    return client.push([client.op(kind, payload)])[0]


def refused(result: dict[str, Any]) -> bool:
    return result["status"] == "rejected" and result["error"] == "forbidden"


@dataclass
class World:
    me: Client  # CW01: the device that tries to reach too far
    victim: Client  # DH01
    my_items: list[dict[str, Any]]
    my_reader: dict[str, Any]
    their_items: list[dict[str, Any]]
    their_bib: str
    their_reader: dict[str, Any]


@pytest.fixture
def world(server: serverproc.ServerProcess) -> World:
    me, victim = enrol(server, ME), enrol(server, VICTIM)
    ops, mine = new_title(me, copies=2)
    op, my_reader = reader_op(me, name="李四", phone="13700000000")
    assert {r["status"] for r in me.push([*ops, op])} == {"applied"}
    ops, theirs = new_title(victim, copies=3)
    op, their_reader = reader_op(victim)
    assert {r["status"] for r in victim.push([*ops, op])} == {"applied"}
    return World(
        me, victim, mine["items"], my_reader, theirs["items"], theirs["bib_uuid"], their_reader
    )


def checkout(client: Client, item: dict[str, Any], card: str, **over: Any) -> dict[str, Any]:
    return client.op(
        "checkout",
        {
            "loan_uuid": str(uuid.uuid4()),
            "item_uuid": item["item_uuid"],
            "barcode": item["barcode"],
            "card": card,
            "branch": client.branch,
            **over,
        },
    )


# --- readers and points ---------------------------------------------------------------------


def test_reader_upsert(server: serverproc.ServerProcess, world: World) -> None:
    me, r = world.me, world.their_reader
    assert one(me, "reader_upsert", {**world.my_reader, "name": "李四四"})["status"] == "applied"
    for home in (ME, VICTIM):
        hostile = {**r, "name": "黑客", "phone": "110", "status": "blocked", "home_branch": home}
        assert refused(one(me, "reader_upsert", hostile))
    row = "SELECT {} FROM reader WHERE uuid = :u"
    assert q(server, row.format("name"), u=r["reader_uuid"]) == NAME
    assert q(server, row.format("phone"), u=r["reader_uuid"]) == PHONE
    assert q(server, row.format("status"), u=r["reader_uuid"]) == "active"
    assert q(server, row.format("home_branch_code"), u=r["reader_uuid"]) == VICTIM
    # Nor can it register a reader for another branch.
    op, planted = reader_op(me, home_branch=VICTIM)
    assert refused(me.push([op])[0])
    assert q(server, row.format("count(*)"), u=planted["reader_uuid"]) == 0


def _points(server: serverproc.ServerProcess, reader_uuid: str) -> int:
    return int(
        q(
            server,
            "SELECT coalesce(sum(c.delta), 0) FROM credit_entry c JOIN reader r"
            " ON r.id = c.reader_id WHERE r.uuid = :u",
            u=reader_uuid,
        )
    )


def credit(reader_uuid: str, delta: int, reason: str, loan: str | None = None) -> dict[str, Any]:
    return {
        "entry_uuid": str(uuid.uuid4()),
        "reader_uuid": reader_uuid,
        "delta": delta,
        "reason": reason,
        "loan_uuid": loan,
        "created_at": "2026-06-05T08:00:00Z",
        "note": None,
    }


def test_credit_entry(server: serverproc.ServerProcess, world: World) -> None:
    me, theirs = world.me, world.their_reader["reader_uuid"]
    mine = world.my_reader["reader_uuid"]
    assert one(me, "credit_entry", credit(mine, -5, "manual"))["status"] == "applied"
    assert _points(server, mine) == -5
    before = _points(server, theirs)
    assert refused(one(me, "credit_entry", credit(theirs, -500, "manual")))
    assert refused(one(me, "credit_entry", credit(theirs, -500, "overdue")))  # no loan here
    # A loan made here to their reader: its own (bounded) points are a fact of this desk.
    lend = checkout(me, world.my_items[0], world.their_reader["card"])
    assert me.push([lend])[0]["status"] == "applied"
    loan = lend["payload"]["loan_uuid"]
    assert refused(one(me, "credit_entry", credit(theirs, -500, "overdue", loan)))
    assert refused(one(me, "credit_entry", credit(theirs, -3, "manual", loan)))
    assert one(me, "credit_entry", credit(theirs, -3, "overdue", loan))["status"] == "applied"
    assert _points(server, theirs) == before - 3


# --- copies and records ---------------------------------------------------------------------


def test_item_status(server: serverproc.ServerProcess, world: World) -> None:
    me, victim = world.me, world.victim
    mine, (theirs, lost, _) = world.my_items[0], world.their_items
    status = {"status": "damaged", "reason": ""}
    assert one(me, "item_status", {**status, "item_uuid": mine["item_uuid"]})["status"] == (
        "applied"
    )
    withdraw = {"item_uuid": theirs["item_uuid"], "barcode": theirs["barcode"]}
    assert refused(one(me, "item_status", {**withdraw, "status": "withdrawn", "reason": ""}))
    assert item_field(server, "status", theirs["item_uuid"]) == "available"
    # Their lost copy turns up here: a fact, accepted, and its owner is told.
    lost_op = {"item_uuid": lost["item_uuid"], "status": "lost", "reason": ""}
    assert one(victim, "item_status", lost_op)["status"] == "applied"
    found = one(me, "item_status", {**lost_op, "status": "found"})
    assert found["status"] == "applied_with_exception"
    assert item_field(server, "status", lost["item_uuid"]) == "available"
    kinds = {
        e["kind"] for e in server.cli("exceptions", "--json", "--branch", VICTIM)["exceptions"]
    }
    assert "LOST_ITEM_FOUND" in kinds


def test_item_upsert(server: serverproc.ServerProcess, world: World) -> None:
    me = world.me
    mine, theirs = world.my_items[0], world.their_items[0]
    assert one(me, "item_upsert", {**mine, "call_number": "I247.5/9"})["status"] == "applied"
    assert item_field(server, "call_number", mine["item_uuid"]) == "I247.5/9"
    for home in (VICTIM, ME):
        edit = {**theirs, "call_number": "X1/1", "status": "withdrawn", "home_branch": home}
        assert refused(one(me, "item_upsert", edit))
    assert item_field(server, "call_number", theirs["item_uuid"]) == "I247.5/1"
    assert item_field(server, "home_branch_code", theirs["item_uuid"]) == VICTIM
    assert item_field(server, "status", theirs["item_uuid"]) == "available"
    # Giving its own copy away, or cataloguing a copy for another branch: the county's work.
    assert refused(one(me, "item_upsert", {**mine, "home_branch": VICTIM}))
    planted = {
        **mine,
        "item_uuid": str(uuid.uuid4()),
        "barcode": "T" + uuid.uuid4().hex[:12].upper(),
        "home_branch": VICTIM,
        "current_branch": VICTIM,
    }
    assert refused(one(me, "item_upsert", planted))
    assert item_field(server, "count(*)", planted["item_uuid"]) == 0


def test_bib_upsert(server: serverproc.ServerProcess, world: World) -> None:
    me, victim = world.me, world.victim
    title = "SELECT title FROM bib WHERE uuid = :u"
    edit = {"bib_uuid": world.their_bib, "title": "被改掉的书名"}
    result = one(me, "bib_upsert", edit)
    assert result["status"] == "applied_with_exception"  # kept for the county, not applied
    assert q(server, title, u=world.their_bib) != "被改掉的书名"
    assert one(victim, "bib_upsert", {**edit, "title": "本馆改的书名"})["status"] == "applied"
    assert q(server, title, u=world.their_bib) == "本馆改的书名"


# --- circulation ----------------------------------------------------------------------------


def test_checkout_and_return(server: serverproc.ServerProcess, world: World) -> None:
    me, victim = world.me, world.victim
    theirs = world.their_items[0]
    # Lending their copy to their reader here, and their taking it back: facts, accepted.
    lend = checkout(me, theirs, world.their_reader["card"])
    assert me.push([lend])[0]["status"] == "applied"
    loan = lend["payload"]["loan_uuid"]
    assert q(server, "SELECT branch_code FROM loan WHERE uuid = :u", u=loan) == ME
    other = checkout(me, world.their_items[1], world.my_reader["card"], branch=VICTIM)
    assert refused(me.push([other])[0])
    assert (
        q(server, "SELECT count(*) FROM loan WHERE uuid = :u", u=other["payload"]["loan_uuid"]) == 0
    )
    back = {"loan_uuid": None, "item_uuid": theirs["item_uuid"], "barcode": theirs["barcode"]}
    assert refused(one(victim, "return", {**back, "branch": ME}))
    assert q(server, "SELECT returned_at FROM loan WHERE uuid = :u", u=loan) is None
    assert one(victim, "return", {**back, "branch": VICTIM})["status"] == "applied"
    assert q(server, "SELECT return_branch_code FROM loan WHERE uuid = :u", u=loan) == VICTIM


def test_renew(server: serverproc.ServerProcess, world: World) -> None:
    me, victim = world.me, world.victim
    lend = checkout(victim, world.their_items[0], world.their_reader["card"])
    assert victim.push([lend])[0]["status"] == "applied"
    loan = lend["payload"]["loan_uuid"]
    due = q(server, "SELECT due_at FROM loan WHERE uuid = :u", u=loan)
    renew = {"loan_uuid": loan, "due_at": "2027-12-31T00:00:00Z", "renewals": 9}
    assert refused(one(me, "renew", renew))
    assert q(server, "SELECT due_at FROM loan WHERE uuid = :u", u=loan) == due
    assert q(server, "SELECT renewals FROM loan WHERE uuid = :u", u=loan) == 0
    assert one(victim, "renew", {**renew, "renewals": 1})["status"] == "applied"
    assert q(server, "SELECT renewals FROM loan WHERE uuid = :u", u=loan) == 1


def test_cross_branch_undo_is_refused(server: serverproc.ServerProcess, world: World) -> None:
    me, victim = world.me, world.victim
    copy = world.their_items[0]
    theirs = checkout(victim, copy, world.their_reader["card"], checkout_at="2026-06-01T08:00:00Z")
    assert victim.push([theirs])[0]["status"] == "applied"
    # The same copy lent here too: a DOUBLE_CHECKOUT both branches receive.
    mine = checkout(me, copy, world.my_reader["card"], checkout_at="2026-06-02T08:00:00Z")
    assert me.push([mine])[0]["status"] == "applied_with_exception"
    feed = json.dumps(me.all_changes()[0], ensure_ascii=False)
    listed = me.http.get(me.base_url + "/v1/exceptions", headers=me.headers(), timeout=30).text
    assert theirs["op_id"] not in feed and theirs["op_id"] not in listed
    undo = {"undone_op_id": theirs["op_id"], "kind": "checkout", "reason": "扫错了"}
    assert refused(one(me, "undo", undo))
    loan = theirs["payload"]["loan_uuid"]
    assert q(server, "SELECT count(*) FROM loan WHERE uuid = :u", u=loan) == 1
    assert (
        q(
            server,
            "SELECT count(*) FROM circ_event WHERE op_id = :o AND kind = 'checkout'",
            o=theirs["op_id"],
        )
        == 1
    )
    assert one(me, "undo", {**undo, "undone_op_id": mine["op_id"]})["status"] == "applied"
    assert (
        q(server, "SELECT count(*) FROM loan WHERE uuid = :u", u=mine["payload"]["loan_uuid"]) == 0
    )


def test_override(server: serverproc.ServerProcess, world: World) -> None:
    # Records the desk's decision; changes nothing, and only this branch is told.
    payload = {
        "reader_uuid": world.their_reader["reader_uuid"],
        "item_uuid": world.their_items[0]["item_uuid"],
        "rule": "limit",
        "reason": "老读者",
        "staff": "desk",
    }
    result = one(world.me, "override", payload)
    assert result["status"] == "applied_with_exception"
    rows = server.cli("exceptions", "--json", "--branch", VICTIM)["exceptions"]
    assert result["exception_ids"][0] not in {e["uuid"] for e in rows}


# --- branch work ----------------------------------------------------------------------------


def test_transfer_send(server: serverproc.ServerProcess, world: World) -> None:
    me = world.me
    mine, theirs = world.my_items[0], world.their_items[0]
    send = {
        "transfer_uuid": str(uuid.uuid4()),
        "from_branch": ME,
        "to_branch": VICTIM,
        "item_uuids": [mine["item_uuid"], theirs["item_uuid"]],
        "barcodes": [mine["barcode"], theirs["barcode"]],
    }
    assert one(me, "transfer_send", send)["status"] == "applied_with_exception"  # OUT_OF_SCOPE
    assert item_field(server, "status", mine["item_uuid"]) == "in_transit"
    assert item_field(server, "status", theirs["item_uuid"]) == "available"
    theirs2 = world.their_items[1]
    forged = {**send, "from_branch": VICTIM, "item_uuids": [theirs2["item_uuid"]], "barcodes": []}
    assert refused(one(me, "transfer_send", forged))
    assert item_field(server, "status", theirs2["item_uuid"]) == "available"


def test_transfer_receive(server: serverproc.ServerProcess, world: World) -> None:
    me, victim = world.me, world.victim
    shelf, sent = world.their_items[0], world.their_items[1]
    out = {"transfer_uuid": str(uuid.uuid4()), "from_branch": VICTIM, "to_branch": ME}
    out |= {"item_uuids": [sent["item_uuid"]], "barcodes": [sent["barcode"]]}
    assert one(victim, "transfer_send", out)["status"] == "applied"
    got = {"transfer_uuid": out["transfer_uuid"], "branch": ME, "barcodes": []}
    got |= {"item_uuids": [sent["item_uuid"], shelf["item_uuid"]]}
    assert one(me, "transfer_receive", got)["status"] == "applied_with_exception"
    assert item_field(server, "current_branch_code", sent["item_uuid"]) == ME  # sent here
    assert item_field(server, "current_branch_code", shelf["item_uuid"]) == VICTIM  # not sent
    assert refused(one(me, "transfer_receive", {**got, "branch": VICTIM}))


def test_stocktake_result(server: serverproc.ServerProcess, world: World) -> None:
    me = world.me
    mine, theirs = world.my_items[0], world.their_items[0]
    take = {
        "stocktake_uuid": str(uuid.uuid4()),
        "branch": ME,
        "missing": [mine["barcode"], theirs["barcode"]],
        "finished_at": "2026-06-05T08:00:00Z",
    }
    assert one(me, "stocktake_result", take)["status"] == "applied_with_exception"
    assert item_field(server, "status", mine["item_uuid"]) == "missing"
    assert item_field(server, "status", theirs["item_uuid"]) == "available"
    forged = {**take, "stocktake_uuid": str(uuid.uuid4()), "branch": VICTIM}
    forged["missing"] = [world.their_items[1]["barcode"]]
    assert refused(one(me, "stocktake_result", forged))
    assert item_field(server, "status", world.their_items[1]["item_uuid"]) == "available"


def test_shelf_location_upsert(server: serverproc.ServerProcess, world: World) -> None:
    me, victim = world.me, world.victim
    theirs = {"location_uuid": str(uuid.uuid4()), "branch": VICTIM, "code": "A1", "name": "童书"}
    assert one(victim, "shelf_location_upsert", theirs)["status"] == "applied"
    assert refused(one(me, "shelf_location_upsert", {**theirs, "branch": ME, "name": "改"}))
    planted = {**theirs, "location_uuid": str(uuid.uuid4()), "code": "Z9"}
    assert refused(one(me, "shelf_location_upsert", planted))
    mine = {**planted, "branch": ME}
    assert one(me, "shelf_location_upsert", mine)["status"] == "applied"
    sql = "SELECT name FROM shelf_location WHERE uuid = :u"
    assert q(server, sql, u=theirs["location_uuid"]) == "童书"
    count = "SELECT count(*) FROM shelf_location WHERE branch_code = :b AND code = 'Z9'"
    assert q(server, count, b=VICTIM) == 0


def test_activity(server: serverproc.ServerProcess, world: World) -> None:
    me, victim = world.me, world.victim
    theirs = {
        "activity_uuid": str(uuid.uuid4()),
        "branch": VICTIM,
        "date": "2026-06-06",
        "kind": "reading",
        "title": "亲子共读",
        "attendance": 18,
    }
    assert one(victim, "activity", theirs)["status"] == "applied"
    assert refused(one(me, "activity", {**theirs, "branch": ME, "attendance": 0}))
    planted = {**theirs, "activity_uuid": str(uuid.uuid4())}
    assert refused(one(me, "activity", planted))
    assert one(me, "activity", {**planted, "branch": ME})["status"] == "applied"
    sql = "SELECT {} FROM activity WHERE uuid = :u"
    assert q(server, sql.format("attendance"), u=theirs["activity_uuid"]) == 18
    assert q(server, sql.format("branch_code"), u=planted["activity_uuid"]) == ME


def test_visit_count(server: serverproc.ServerProcess, world: World) -> None:
    me = world.me
    day = f"2031-0{uuid.uuid4().int % 9 + 1}-1{uuid.uuid4().int % 9}"
    assert refused(one(me, "visit_count", {"branch": VICTIM, "date": day, "count": 999}))
    assert one(me, "visit_count", {"branch": ME, "date": day, "count": 7})["status"] == "applied"
    sql = "SELECT count(*) FROM visit_count WHERE branch_code = :b AND date = :d"
    assert q(server, sql, b=VICTIM, d=day) == 0


# --- personal data in the feed --------------------------------------------------------------


def test_checkout_naming_a_foreign_card_leaks_no_phone(
    server: serverproc.ServerProcess, world: World
) -> None:
    me, victim, reader = world.me, world.victim, world.their_reader
    # Cards are sequential: a hostile desk lends a copy to someone else's card, then pulls.
    lend = checkout(me, world.my_items[0], reader["card"], override_reason="试试")
    assert me.push([lend])[0]["status"] in ("applied", "applied_with_exception")
    changes = me.all_changes()[0]
    listed = me.http.get(
        me.base_url + "/v1/exceptions?status=all", headers=me.headers(), timeout=30
    ).json()["exceptions"]
    leaks = [
        row
        for row in [*changes, *listed]
        if PHONE in json.dumps(row, ensure_ascii=False)
        or NAME in json.dumps(row, ensure_ascii=False)
    ]
    assert not leaks
    seen = [c["data"] for c in changes if c["uuid"] == reader["reader_uuid"]]
    assert seen, "the desk gets what it needs about the borrower"
    assert seen[-1]["card"] == reader["card"] and seen[-1]["name"] == "王**"
    assert seen[-1]["status"] == "active" and seen[-1]["reader_type"] == "adult"
    # The reader's home branch keeps the full record.
    home = [c["data"] for c in victim.all_changes()[0] if c["uuid"] == reader["reader_uuid"]]
    assert home[-1]["phone"] == PHONE and home[-1]["name"] == NAME


# --- any branch field naming another branch -------------------------------------------------


BRANCH_FIELD_KINDS = [
    "checkout",
    "return",
    "reader_upsert",
    "transfer_send",
    "transfer_receive",
    "stocktake_result",
    "shelf_location_upsert",
    "activity",
    "visit_count",
]


def _branch_field_ops(client: Client, other: str) -> dict[str, tuple[str, dict[str, Any]]]:
    u = lambda: str(uuid.uuid4())  # noqa: E731
    return {
        "checkout": ("branch", {"loan_uuid": u(), "barcode": "NO" + u()[:8], "card": "X"}),
        "return": ("branch", {"loan_uuid": None, "barcode": "NO" + u()[:8]}),
        "reader_upsert": (
            "home_branch",
            {"reader_uuid": u(), "card": "P" + u()[:10], "name": "某某"},
        ),
        "transfer_send": ("from_branch", {"transfer_uuid": u(), "item_uuids": [], "barcodes": []}),
        "transfer_receive": ("branch", {"transfer_uuid": u(), "item_uuids": [], "barcodes": []}),
        "stocktake_result": ("branch", {"stocktake_uuid": u(), "missing": []}),
        "shelf_location_upsert": ("branch", {"location_uuid": u(), "code": "Q1", "name": "x"}),
        "activity": ("branch", {"activity_uuid": u(), "date": "2026-01-02", "title": "x"}),
        "visit_count": ("branch", {"date": "2026-01-02", "count": 3}),
    }


@pytest.fixture
def me(server: serverproc.ServerProcess) -> Client:
    return enrol(server, ME)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    other=st.sampled_from([VICTIM, "LC0101", "XX99"])
    | st.from_regex(r"[A-Z]{2}[0-9]{2,8}", fullmatch=True),
    kind=st.sampled_from(BRANCH_FIELD_KINDS),
)
def test_a_branch_field_naming_another_branch_is_forbidden(
    server: serverproc.ServerProcess, me: Client, other: str, kind: str
) -> None:
    if other == ME:
        return
    field, payload = _branch_field_ops(me, other)[kind]
    before = q(server, "SELECT count(*) FROM change_log")
    result = one(me, kind, {**payload, field: other})
    assert refused(result), result
    assert q(server, "SELECT count(*) FROM change_log") == before  # nothing published
