"""Applying change-feed pages: upsert by uuid, references mapped, idempotent, never clobbers
rows that unsent local ops are changing, and one bad row never blocks the page."""

from __future__ import annotations

from sqlalchemy import func, select, text

from app.models import BibRecord, Item, Loan, Reader, SyncException
from app.services import catalog_search
from app.services.circulation import checkout
from app.sync.apply import apply_page, pending_uuids

BIB = "11111111-1111-4111-8111-111111111111"
ITEM = "22222222-2222-4222-8222-222222222222"
READER = "33333333-3333-4333-8333-333333333333"
LOAN = "44444444-4444-4444-8444-444444444444"
EXC = "55555555-5555-4555-8555-555555555555"


def page(seq0: int = 1) -> list[dict]:
    rows = [
        (
            "branch",
            "66666666-6666-4666-8666-666666666666",
            {
                "code": "LC0101",
                "name": "城关镇小河村农家书屋",
                "kind": "village",
                "parent_code": "LC01",
            },
        ),
        (
            "policy",
            "77777777-7777-4777-8777-777777777777",
            {
                "reader_type": "adult",
                "label": "成人",
                "loan_days": 30,
                "max_items": 3,
                "max_renewals": 1,
                "renew_days": 30,
            },
        ),
        (
            "bib",
            BIB,
            {
                "title": "平凡的世界",
                "author": "路遥",
                "isbn": "9787530216781",
                "clc_class": "I247.57",
                "created_at": "2026-01-02T03:04:05Z",
                "updated_at": "2026-01-02T03:04:05Z",
            },
        ),
        (
            "item",
            ITEM,
            {
                "bib_uuid": BIB,
                "barcode": "20000001",
                "call_number": "I247.57/12",
                "status": "available",
                "home_branch": "LC0101",
                "current_branch": "LC0101",
                "acquired_on": "2025-05-06",
            },
        ),
        (
            "reader",
            READER,
            {
                "card": "R0001",
                "name": "张秀英",
                "gender": "F",
                "reader_type": "adult",
                "home_branch": "LC0101",
                "status": "active",
                "registered_at": "2025-01-01T00:00:00Z",
            },
        ),
        (
            "loan",
            LOAN,
            {
                "item_uuid": ITEM,
                "reader_uuid": READER,
                "branch_code": "LC0101",
                "checkout_at": "2026-01-05T08:00:00Z",
                "due_at": "2026-02-04T08:00:00Z",
                "returned_at": "2026-01-20T08:00:00Z",
                "renewals": 0,
                "closed_by": "return",
            },
        ),
        (
            "credit_rules",
            "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb",
            {"start_points": 100, "borrow_threshold": 60, "amnesty": [], "extra": {}},
        ),
        (
            "credit_entry",
            "cccccccc-cccc-4ccc-8ccc-cccccccccccc",
            {
                "reader_uuid": READER,
                "delta": 100,
                "reason": "initial",
                "created_at": "2025-01-01T00:00:00Z",
            },
        ),
        (
            "exception",
            EXC,
            {
                "kind": "DOUBLE_CHECKOUT",
                "branch_codes": ["LC0101", "LC0201"],
                "summary": "同一册书在两处借出：20000001",
                "detail": {"x": 1},
                "created_at": "2026-01-06T00:00:00Z",
                "resolved_at": None,
            },
        ),
    ]
    return [
        {"seq": seq0 + n, "entity": e, "uuid": u, "op": "upsert", "data": d}
        for n, (e, u, d) in enumerate(rows)
    ]


def counts(session):
    return tuple(
        session.scalar(select(func.count()).select_from(m))
        for m in (BibRecord, Item, Reader, Loan, SyncException)
    )


def test_page_applies_with_references_and_is_idempotent(profile):
    with profile.sessions() as s, s.begin():
        stats = apply_page(s, page(), set())
    assert stats.applied == 9 and stats.new_exceptions == 1 and stats.skipped_bad == 0
    with profile.sessions() as s:
        item = s.scalar(select(Item).where(Item.uuid == ITEM))
        bib = s.scalar(select(BibRecord).where(BibRecord.uuid == BIB))
        loan = s.scalar(select(Loan).where(Loan.uuid == LOAN))
        assert item.bib_id == bib.id and item.home_branch_code == "LC0101"
        assert item.call_sort_key  # shelf order computed locally
        assert loan.item_id == item.id and loan.returned_at.year == 2026
        assert bib.search_keys and "pfdsj" in bib.search_keys
        exc = s.scalar(select(SyncException))
        assert exc.detail["branch_codes"] == ["LC0101", "LC0201"]
        # the new record is findable by the catalogue's search (both indexes)
        assert catalog_search.search(s, "平凡").hits
        assert catalog_search.search(s, "pfdsj").hits
        before = counts(s)
    with profile.sessions() as s, s.begin():
        again = apply_page(s, page(seq0=100), set())
    assert again.new_exceptions == 0
    with profile.sessions() as s:
        assert counts(s) == before
        assert s.scalar(select(Item.server_version).where(Item.uuid == ITEM)) == 103
        grams = s.execute(text("SELECT count(*) FROM fts_bib_bigram")).scalar()
        assert grams == 1


def test_latest_change_of_a_uuid_wins_and_deletes_apply(profile):
    changes = page()
    changes.append(
        {
            "seq": 50,
            "entity": "item",
            "uuid": ITEM,
            "op": "upsert",
            "data": {**changes[3]["data"], "status": "missing"},
        }
    )
    with profile.sessions() as s, s.begin():
        apply_page(s, changes, set())
    with profile.sessions() as s:
        assert s.scalar(select(Item.status).where(Item.uuid == ITEM)) == "missing"
    with profile.sessions() as s, s.begin():
        apply_page(s, [{"seq": 60, "entity": "exception", "uuid": EXC, "op": "delete"}], set())
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(SyncException)) == 0


def test_rows_with_pending_local_ops_are_not_overwritten(profile):
    with profile.sessions() as s, s.begin():
        apply_page(s, page(), set())
    with profile.sessions() as s, s.begin():
        checkout(s, profile.clock, "R0001", "20000001")  # offline: item now on loan + op
    with profile.sessions() as s:
        protected = pending_uuids(s)
    assert ITEM in protected and READER in protected
    with profile.sessions() as s, s.begin():
        stats = apply_page(s, page(seq0=200), protected)  # stale server state: "available"
    assert stats.skipped_pending >= 2
    with profile.sessions() as s:
        assert s.scalar(select(Item.status).where(Item.uuid == ITEM)) == "on_loan"


def test_a_clashing_row_is_skipped_and_the_rest_applies(profile):
    first = page()
    with profile.sessions() as s, s.begin():
        apply_page(s, first, set())
    clash = {
        "seq": 300,
        "entity": "item",
        "uuid": "88888888-8888-4888-8888-888888888888",
        "op": "upsert",
        "data": {**first[3]["data"], "barcode": "20000001"},
    }
    fine = {
        "seq": 301,
        "entity": "item",
        "uuid": "99999999-9999-4999-8999-999999999999",
        "op": "upsert",
        "data": {**first[3]["data"], "barcode": "20000002"},
    }
    orphan = {
        "seq": 302,
        "entity": "loan",
        "uuid": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
        "op": "upsert",
        "data": {**first[5]["data"], "item_uuid": "not-known"},
    }
    with profile.sessions() as s, s.begin():
        stats = apply_page(s, [clash, fine, orphan], set())
    assert stats.skipped_bad == 2 and stats.applied == 1
    with profile.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Item)) == 2


def test_source_record_and_flags_from_the_feed(profile):
    """The county's source record arrives as base64 with its flags; a change without one keeps
    what this PC has (it may have imported the record before the county knew it)."""
    import base64

    from tests.catalog.marc_fixtures import BOOKS, cnmarc

    mine, theirs = cnmarc(BOOKS[0], "utf-8"), cnmarc(BOOKS[1], "utf-8")

    def bib(seq: int, **extra):  # type: ignore[no-untyped-def]
        data = {"title": "平凡的世界", "created_at": "2026-01-02T03:04:05Z", **extra}
        return [{"seq": seq, "entity": "bib", "uuid": BIB, "op": "upsert", "data": data}]

    with profile.sessions() as s, s.begin():
        apply_page(s, bib(1, marc=base64.b64encode(mine).decode(), other_class="21.2 [690]"), set())
    with profile.sessions() as s:
        row = s.scalars(select(BibRecord)).one()
        assert row.marc == mine and row.other_class == "21.2 [690]"
    with profile.sessions() as s, s.begin():  # no record from the county: nothing erased
        apply_page(s, bib(2, marc=None, other_class=None, bad_isbn=None), set())
    with profile.sessions() as s:
        row = s.scalars(select(BibRecord)).one()
        assert row.marc == mine and row.other_class == "21.2 [690]"
    with profile.sessions() as s, s.begin():  # a new record brings its own flags
        apply_page(s, bib(3, marc=base64.b64encode(theirs).decode(), other_class=None), set())
    with profile.sessions() as s:
        row = s.scalars(select(BibRecord)).one()
        assert row.marc == theirs and row.other_class is None
    with profile.sessions() as s, s.begin():  # not base64: dropped, the rest applied
        apply_page(s, bib(4, marc="%%%", title="平凡的世界（修订）"), set())
    with profile.sessions() as s:
        row = s.scalars(select(BibRecord)).one()
        assert row.marc == theirs and row.title == "平凡的世界（修订）"


OTHER = "dddddddd-dddd-4ddd-8ddd-dddddddddddd"


def _loan(seq: int, uuid: str, checkout_at: str, returned_at: str | None) -> dict:
    data = {**page()[5]["data"], "checkout_at": checkout_at, "returned_at": returned_at}
    data["closed_by"] = "implied" if returned_at else None
    return {"seq": seq, "entity": "loan", "uuid": uuid, "op": "upsert", "data": data}


def test_after_a_double_loan_the_close_is_written_before_the_other_open_loan(profile):
    """The county closes this PC's loan (implied return) and opens another branch's loan of
    the same copy; the feed sends the open one first. One open loan per copy is the local
    rule, so the close goes first and nothing waits for the next sync."""
    mine_open = _loan(400, LOAN, "2026-03-01T08:00:00Z", None)
    with profile.sessions() as s, s.begin():
        apply_page(s, [*page(), mine_open], set())
    feed = [
        _loan(410, OTHER, "2026-03-01T09:00:00Z", None),
        _loan(411, LOAN, "2026-03-01T08:00:00Z", "2026-03-01T09:00:00Z"),
    ]
    with profile.sessions() as s, s.begin():
        stats = apply_page(s, feed, set())
    assert stats.skipped_bad == 0 and stats.waiting == 0 and stats.applied == 2
    with profile.sessions() as s:
        open_loans = s.scalars(select(Loan.uuid).where(Loan.returned_at.is_(None))).all()
        assert open_loans == [OTHER]


def test_an_open_loan_kept_from_an_earlier_page_applies_with_the_close_of_the_next(profile):
    with profile.sessions() as s, s.begin():
        apply_page(s, [*page(), _loan(400, LOAN, "2026-03-01T08:00:00Z", None)], set())
    with profile.sessions() as s, s.begin():
        first = apply_page(s, [_loan(410, OTHER, "2026-03-01T09:00:00Z", None)], set())
    assert first.waiting == 1  # the copy's open loan here is not closed yet: kept
    with profile.sessions() as s, s.begin():
        second = apply_page(
            s, [_loan(411, LOAN, "2026-03-01T08:00:00Z", "2026-03-01T09:00:00Z")], set()
        )
    assert second.waiting == 0 and second.applied == 2
    with profile.sessions() as s:
        assert s.scalars(select(Loan.uuid).where(Loan.returned_at.is_(None))).all() == [OTHER]


def test_a_change_older_than_the_row_here_is_not_applied(profile):
    """A change kept for a retry may come back after a snapshot page wrote the row as it is
    now (with a higher version): it must not take the row back in time."""
    with profile.sessions() as s, s.begin():
        apply_page(s, page(seq0=100), set())
    newer = {
        "seq": 500,
        "entity": "item",
        "uuid": ITEM,
        "op": "upsert",
        "data": {**page()[3]["data"], "status": "in_transit", "current_branch": "LC0201"},
    }
    older = {**newer, "seq": 300, "data": {**newer["data"], "status": "on_loan"}}
    with profile.sessions() as s, s.begin():
        assert apply_page(s, [newer], set()).applied == 1
    with profile.sessions() as s, s.begin():
        stats = apply_page(s, [older], set())
    assert stats.applied == 0 and stats.skipped_older == 1
    with profile.sessions() as s:
        item = s.scalars(select(Item).where(Item.uuid == ITEM)).one()
        assert (item.status, item.current_branch_code, item.server_version) == (
            "in_transit",
            "LC0201",
            500,
        )
