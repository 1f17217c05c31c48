"""Seeding the county database from a ``shuwu_shared.demo.DemoCounty`` (or any alike object)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID, uuid5

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from server import models as m
from server.timeutil import utcnow
from shuwu_shared.branch import branch_fields
from shuwu_shared.domain.credit import CREDIT_DEFAULTS
from shuwu_shared.domain.pinyin import record_search_keys

CHUNK = 2000
# Seeded rows that have no uuid of their own get a stable one, so seeding twice adds nothing.
_SEED_NAMESPACE = UUID("6f1c1f3e-5b1a-4b8e-9a57-2c0d3a5e7b11")


def _chunks(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i : i + CHUNK] for i in range(0, len(rows), CHUNK)]


def _bulk(session: Session, model: type[m.Base], rows: list[dict[str, Any]]) -> None:
    for chunk in _chunks(rows):
        session.execute(insert(model), chunk)


def _ids(session: Session, model: Any) -> dict[str, int]:
    return {u: i for u, i in session.execute(select(model.uuid, model.id))}


def seed_county(session: Session, county: Any) -> dict[str, int]:
    """Insert branches, policies, rules, bibs, items, readers and loans, and publish them.

    Rows whose uuid already exists are skipped, so seeding twice adds nothing.
    """
    now = utcnow()
    counts: dict[str, int] = {}
    known_branches = set(session.scalars(select(m.Branch.code)))
    branches = [
        {"uuid": b.uuid, **branch_fields(b)}
        for b in county.branches
        if b.code not in known_branches
    ]
    _bulk(session, m.Branch, branches)
    known = set(session.scalars(select(m.CirculationPolicy.reader_type)))
    policies = [
        {
            "uuid": p.uuid,
            "reader_type": p.reader_type,
            "label": p.label,
            "loan_days": p.loan_days,
            "max_items": p.max_items,
            "max_renewals": p.max_renewals,
            "renew_days": p.renew_days,
        }
        for p in county.policies
        if p.reader_type not in known
    ]
    _bulk(session, m.CirculationPolicy, policies)
    rules_rows: list[dict[str, Any]] = []
    rules = county.credit_rules
    if rules is not None and session.scalar(select(m.CreditRules.id)) is None:
        rules_rows.append(
            {
                "uuid": rules.uuid,
                "start_points": rules.start_points,
                "deduct_per_item_day": rules.deduct_per_item_day,
                "cap_per_item": rules.cap_per_item,
                "floor": rules.floor,
                "borrow_threshold": rules.borrow_threshold,
                "freeze_days": rules.freeze_days,
                "reset_points": rules.reset_points,
                "grace_days": rules.grace_days,
                "amnesty": [{"start": a[0], "end": a[1], "note": a[2]} for a in rules.amnesty],
                "extra": {},
            }
        )
        _bulk(session, m.CreditRules, rules_rows)
    bib_ids = _ids(session, m.Bib)
    bibs = [
        {
            "uuid": b.uuid,
            "isbn": b.isbn,
            "title": b.title,
            "author": b.author,
            "publisher": b.publisher,
            "pub_place": b.pub_place,
            "pub_year": b.pub_year,
            "pages": b.pages,
            "price": b.price,
            "clc_class": b.clc_class,
            "edition": getattr(b, "edition", None),
            "subjects": getattr(b, "subjects", None),
            "summary": getattr(b, "summary", None),
            "search_keys": record_search_keys(b.title, b.author),
            "version": 0,
            "created_at": now,
            "updated_at": now,
        }
        for b in county.bibs
        if b.uuid not in bib_ids
    ]
    _bulk(session, m.Bib, bibs)
    bib_ids = _ids(session, m.Bib)
    item_ids = _ids(session, m.Item)
    items = [
        {
            "uuid": i.uuid,
            "bib_id": bib_ids[i.bib_uuid],
            "barcode": i.barcode,
            "call_number": i.call_number,
            "shelf_location": i.shelf_location,
            "status": i.status,
            "home_branch_code": i.home_branch,
            "current_branch_code": i.current_branch,
            "price": i.price,
            "acquired_on": i.acquired_on,
            "version": 0,
            "created_at": now,
            "updated_at": now,
        }
        for i in county.items
        if i.uuid not in item_ids
    ]
    _bulk(session, m.Item, items)
    item_ids = _ids(session, m.Item)
    reader_ids = _ids(session, m.Reader)
    readers = [
        {
            "uuid": r.uuid,
            "card": r.card,
            "card_provisional": False,
            "name": r.name,
            "gender": r.gender,
            "birth_year": r.birth_year,
            "phone": r.phone,
            "age_band": getattr(r, "age_band", None),
            "reader_type": r.reader_type,
            "home_branch_code": r.home_branch,
            "status": getattr(r, "status", "active"),
            "registered_at": _aware(r.registered_at),
            "updated_at": now,
        }
        for r in county.readers
        if r.uuid not in reader_ids
    ]
    _bulk(session, m.Reader, readers)
    reader_ids = _ids(session, m.Reader)
    reader_home = {r.uuid: r.home_branch for r in county.readers}
    item_home = {i.uuid: i.home_branch for i in county.items}
    loan_ids = _ids(session, m.Loan)
    new_loans = [x for x in county.loans if x.uuid not in loan_ids]
    loans = [
        {
            "uuid": x.uuid,
            "item_id": item_ids[x.item_uuid],
            "reader_id": reader_ids[x.reader_uuid],
            "branch_code": x.branch,
            "checkout_at": _aware(x.checkout_at),
            "due_at": _aware(x.due_at),
            "returned_at": _aware(x.returned_at),
            "return_branch_code": x.branch if x.returned_at is not None else None,
            "closed_by": "return" if x.returned_at is not None else None,
            "renewals": x.renewals,
        }
        for x in new_loans
    ]
    _bulk(session, m.Loan, loans)
    # The circulation timeline (server/ops/timeline.py) is replayed from circ_event rows: the
    # seeded history must be there too, or the first new scan of a copy would reopen its
    # returned demo loans.
    events: list[dict[str, Any]] = []
    for x in new_loans:
        common = {"item_id": item_ids[x.item_uuid], "loan_uuid": x.uuid, "payload": {}}
        events.append(
            {**common, "kind": "checkout", "branch_code": x.branch, "at": _aware(x.checkout_at)}
        )
        if x.returned_at is not None:
            events.append(
                {**common, "kind": "return", "branch_code": x.branch, "at": _aware(x.returned_at)}
            )
    _bulk(session, m.CircEvent, events)
    # Every seeded reader opens the credit ledger with the county's starting points, as a
    # registration at the desk does; without it demo readers would be refused (0 points).
    start_points = rules.start_points if rules is not None else CREDIT_DEFAULTS.start_points
    known_entries = set(session.scalars(select(m.CreditEntry.uuid)))
    credit_rows = [
        {
            "uuid": str(uuid5(_SEED_NAMESPACE, f"initial-credit:{r['uuid']}")),
            "reader_id": reader_ids[r["uuid"]],
            "delta": start_points,
            "reason": "initial",
            "loan_uuid": None,
            "note": None,
            "created_at": r["registered_at"],
        }
        for r in readers
    ]
    credit_rows = [row for row in credit_rows if row["uuid"] not in known_entries]
    _bulk(session, m.CreditEntry, credit_rows)
    changes: list[dict[str, Any]] = []

    def add(entity: str, uuid: str, scope: str | None) -> None:
        changes.append(
            {"entity": entity, "uuid": uuid, "op": "upsert", "branch_code": scope, "at": now}
        )

    for row in branches:
        add("branch", row["uuid"], None)
    for row in policies:
        add("policy", row["uuid"], None)
    for row in rules_rows:
        add("credit_rules", row["uuid"], None)
    for row in bibs:
        add("bib", row["uuid"], None)
    for row in items:
        add("item", row["uuid"], None)
    for row in readers:
        add("reader", row["uuid"], row["home_branch_code"])
    foreign_readers = sorted(
        {(x.reader_uuid, x.branch) for x in new_loans if reader_home.get(x.reader_uuid) != x.branch}
    )
    for reader_uuid, scope in foreign_readers:
        add("reader", reader_uuid, scope)
    reader_scope = {r["uuid"]: r["home_branch_code"] for r in readers}
    reader_uuid_by_id = {v: k for k, v in reader_ids.items()}
    entry_of_reader = {reader_uuid_by_id[row["reader_id"]]: row["uuid"] for row in credit_rows}
    for row in credit_rows:
        add("credit_entry", row["uuid"], reader_scope[reader_uuid_by_id[row["reader_id"]]])
    for reader_uuid, scope in foreign_readers:  # branches that serve the reader see the points
        if reader_uuid in entry_of_reader:
            add("credit_entry", entry_of_reader[reader_uuid], scope)
    for x in new_loans:
        for scope in sorted(
            {x.branch, item_home.get(x.item_uuid), reader_home.get(x.reader_uuid)} - {None}
        ):
            add("loan", x.uuid, scope)
    _bulk(session, m.ChangeLog, changes)
    counts.update(
        branches=len(branches),
        policies=len(policies),
        bibs=len(bibs),
        items=len(items),
        readers=len(readers),
        loans=len(loans),
        credit_entries=len(credit_rows),
    )
    return counts


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    from datetime import UTC

    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
