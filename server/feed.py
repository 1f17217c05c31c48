"""The change feed: append change_log rows, and render entities in the client's column names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from server import changebuf
from server import models as m
from server.snapshot import ENTITIES as SNAPSHOT_ENTITIES
from server.timeutil import iso, iso_date, utcnow
from shuwu_shared.branch import branch_fields
from shuwu_shared.protocol.marcwire import encode_marc

ENTITIES = (
    "branch",
    "policy",
    "credit_rules",
    "bib",
    "item",
    "reader",
    "loan",
    "credit_entry",
    "exception",
    "shelf_location",
)
MAX_LIMIT = 5000


def record_change(
    session: Session,
    entity: str,
    uuid: str,
    branches: Iterable[str | None] = (None,),
    op: str = "upsert",
    target: Any = None,
) -> int:
    """Publish ``entity``/``uuid`` to the given branch scopes (None: every device).

    Must run inside a ``server.db.writer`` transaction (the lock keeps seqs commit-ordered)
    or a ``server.db.parallel_writer`` one (seqs given out at commit). Inside
    ``changebuf.batched`` the row is only queued (one INSERT per push batch). Returns the seq
    of the last row: the entity's new version, also written to ``target.version`` when a
    target is given (at commit in a parallel writer, where the seq is not known before).
    """
    now = utcnow()
    wanted = list(branches)
    scopes: list[str | None] = [None]
    if None not in wanted:
        scopes = [b for b in sorted({b for b in wanted if b is not None})]
    buffer = changebuf.active(session)
    if buffer is not None:
        seq = buffer.add(session, entity, uuid, op, scopes, now, target)
    else:
        rows = [m.ChangeLog(entity=entity, uuid=uuid, op=op, branch_code=c, at=now) for c in scopes]
        session.add_all(rows)
        session.flush()
        seq = rows[-1].seq
    if target is not None and not (buffer is not None and buffer.deferred):
        target.version = seq
    return seq


def _branch(row: m.Branch) -> dict[str, Any]:
    return {"uuid": row.uuid, **branch_fields(row)}


def _policy(row: m.CirculationPolicy) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "reader_type": row.reader_type,
        "label": row.label,
        "loan_days": row.loan_days,
        "max_items": row.max_items,
        "max_renewals": row.max_renewals,
        "renew_days": row.renew_days,
    }


def _rules(row: m.CreditRules) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "start_points": row.start_points,
        "deduct_per_item_day": row.deduct_per_item_day,
        "cap_per_item": row.cap_per_item,
        "floor": row.floor,
        "borrow_threshold": row.borrow_threshold,
        "freeze_days": row.freeze_days,
        "reset_points": row.reset_points,
        "grace_days": row.grace_days,
        "amnesty": row.amnesty or [],
        "extra": row.extra or {},
    }


def bib_data(row: m.Bib) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "isbn": row.isbn,
        "title": row.title,
        "author": row.author,
        "publisher": row.publisher,
        "pub_place": row.pub_place,
        "pub_year": row.pub_year,
        "edition": row.edition,
        "pages": row.pages,
        "price": row.price,
        "clc_class": row.clc_class,
        "subjects": row.subjects,
        "summary": row.summary,
        "search_keys": row.search_keys,
        "marc": encode_marc(row.marc),  # base64 of the source record (docs/sync-protocol.md)
        "bad_isbn": row.bad_isbn,
        "other_class": row.other_class,
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }


def _item(row: m.Item, bib_uuid: str) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "bib_uuid": bib_uuid,
        "barcode": row.barcode,
        "call_number": row.call_number,
        "shelf_location": row.shelf_location,
        "status": row.status,
        "home_branch": row.home_branch_code,
        "current_branch": row.current_branch_code,
        "home_branch_code": row.home_branch_code,
        "current_branch_code": row.current_branch_code,
        "price": row.price,
        "acquired_on": iso_date(row.acquired_on),
        "note": row.note,
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
    }


def mask_name(name: str | None) -> str:
    """张小红 → 张**: enough for a desk to greet the reader, not to identify one."""
    if not name:
        return "*"
    return name[0] + "*" * max(1, len(name) - 1)


def reader_data(row: m.Reader, viewer: str | None = None) -> dict[str, Any]:
    """A reader as the device of branch ``viewer`` may see it (None: the county).

    The full name, phone and birth data go only to the reader's home branch. Another branch
    that lent to, or took back from, the reader gets what its desk needs: the card, a masked
    name, the reader type and status.
    """
    if viewer is not None and viewer != row.home_branch_code:
        return {
            "uuid": row.uuid,
            "card": row.card,
            "card_provisional": row.card_provisional,
            "name": mask_name(row.name),
            "gender": "U",
            "birth_year": None,
            "age_band": None,
            "phone": None,
            "reader_type": row.reader_type,
            "home_branch": row.home_branch_code,
            "home_branch_code": row.home_branch_code,
            "status": row.status,
            "registered_at": iso(row.registered_at),
            "updated_at": iso(row.updated_at),
        }
    return {
        "uuid": row.uuid,
        "card": row.card,
        "card_provisional": row.card_provisional,
        "name": row.name,
        "gender": row.gender,
        "birth_year": row.birth_year,
        "age_band": row.age_band,
        "phone": row.phone,
        "reader_type": row.reader_type,
        "home_branch": row.home_branch_code,
        "home_branch_code": row.home_branch_code,
        "status": row.status,
        "registered_at": iso(row.registered_at),
        "updated_at": iso(row.updated_at),
    }


def _loan(row: m.Loan, item_uuid: str, reader_uuid: str) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "item_uuid": item_uuid,
        "reader_uuid": reader_uuid,
        "branch_code": row.branch_code,
        "checkout_at": iso(row.checkout_at),
        "due_at": iso(row.due_at),
        "returned_at": iso(row.returned_at),
        "return_branch_code": row.return_branch_code,
        "renewals": row.renewals,
        "override_reason": row.override_reason,
        "closed_by": row.closed_by,
    }


def _credit(row: m.CreditEntry, reader_uuid: str) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "reader_uuid": reader_uuid,
        "delta": row.delta,
        "reason": row.reason,
        "loan_uuid": row.loan_uuid,
        "note": row.note,
        "created_at": iso(row.created_at),
    }


# Never in an exception a branch receives: op ids can be replayed (an undo), and the rest is
# personal data of a reader the other branches named in the exception do not keep.
HIDDEN_DETAIL = frozenset(
    {"op_id", "undone_op_id", "name", "phone", "birth_year", "gender", "age_band"}
)


def _clean_detail(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean_detail(v) for k, v in value.items() if k not in HIDDEN_DETAIL}
    if isinstance(value, list):
        return [_clean_detail(v) for v in value]
    return value


def exception_data(row: m.SyncExceptionRow) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "kind": row.kind,
        "severity": row.severity,
        "branch_codes": list(row.branch_codes or []),
        "summary": row.summary,
        "detail": _clean_detail(row.detail or {}),
        "created_at": iso(row.created_at),
        "resolved_at": iso(row.resolved_at),
        "resolution": row.resolution,
    }


def render(
    session: Session, entity: str, uuids: list[str], viewer: str | None = None
) -> dict[str, dict[str, Any]]:
    """Current state of the given entities, keyed by uuid (batch-loaded, no N+1), as a device
    of branch ``viewer`` may see them (None: the county)."""
    if not uuids:
        return {}
    out: dict[str, dict[str, Any]] = {}
    if entity == "branch":
        for b in session.scalars(select(m.Branch).where(m.Branch.uuid.in_(uuids))):
            out[b.uuid] = _branch(b)
    elif entity == "policy":
        q = select(m.CirculationPolicy).where(m.CirculationPolicy.uuid.in_(uuids))
        for p in session.scalars(q):
            out[p.uuid] = _policy(p)
    elif entity == "credit_rules":
        for r in session.scalars(select(m.CreditRules).where(m.CreditRules.uuid.in_(uuids))):
            out[r.uuid] = _rules(r)
    elif entity == "bib":
        for bib in session.scalars(select(m.Bib).where(m.Bib.uuid.in_(uuids))):
            out[bib.uuid] = bib_data(bib)
    elif entity == "item":
        q2 = select(m.Item, m.Bib.uuid).join(m.Bib, m.Bib.id == m.Item.bib_id)
        for item, bib_uuid in session.execute(q2.where(m.Item.uuid.in_(uuids))):
            out[item.uuid] = _item(item, bib_uuid)
    elif entity == "reader":
        for rd in session.scalars(select(m.Reader).where(m.Reader.uuid.in_(uuids))):
            out[rd.uuid] = reader_data(rd, viewer)
    elif entity == "loan":
        it, rd2 = aliased(m.Item), aliased(m.Reader)
        q3 = (
            select(m.Loan, it.uuid, rd2.uuid)
            .join(it, it.id == m.Loan.item_id)
            .join(rd2, rd2.id == m.Loan.reader_id)
            .where(m.Loan.uuid.in_(uuids))
        )
        for loan, item_uuid, reader_uuid in session.execute(q3):
            out[loan.uuid] = _loan(loan, item_uuid, reader_uuid)
    elif entity == "credit_entry":
        q4 = (
            select(m.CreditEntry, m.Reader.uuid)
            .join(m.Reader, m.Reader.id == m.CreditEntry.reader_id)
            .where(m.CreditEntry.uuid.in_(uuids))
        )
        for ce, reader_uuid in session.execute(q4):
            out[ce.uuid] = _credit(ce, reader_uuid)
    elif entity == "shelf_location":
        q6 = select(m.ShelfLocation).where(m.ShelfLocation.uuid.in_(uuids))
        for loc in session.scalars(q6):
            out[loc.uuid] = {
                "uuid": loc.uuid,
                "branch_code": loc.branch_code,
                "code": loc.code,
                "name": loc.name,
                "retired": loc.retired,
            }
    elif entity == "exception":
        q5 = select(m.SyncExceptionRow).where(m.SyncExceptionRow.uuid.in_(uuids))
        for ex in session.scalars(q5):
            out[ex.uuid] = exception_data(ex)
    return out


def page(
    session: Session, branch_code: str, cursor: int, limit: int, until: int | None = None
) -> dict[str, Any]:
    """One page of the feed for a device of ``branch_code``, after ``cursor``.

    ``until`` (after a snapshot, server/snapshot.py): only changes up to that seq, without the
    entities the snapshot carried; once they are exhausted the cursor jumps to ``until``.
    """
    limit = max(1, min(limit, MAX_LIMIT))
    query = (
        select(m.ChangeLog.seq, m.ChangeLog.entity, m.ChangeLog.uuid, m.ChangeLog.op)
        .where(m.ChangeLog.seq > cursor)
        .where(or_(m.ChangeLog.branch_code.is_(None), m.ChangeLog.branch_code == branch_code))
        .order_by(m.ChangeLog.seq)
        .limit(limit + 1)
    )
    if until is not None:
        query = query.where(m.ChangeLog.seq <= until).where(
            m.ChangeLog.entity.not_in(SNAPSHOT_ENTITIES)
        )
    rows = session.execute(query).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    by_entity: dict[str, list[str]] = {}
    for row in rows:
        by_entity.setdefault(row.entity, []).append(row.uuid)
    rendered = {e: render(session, e, list(set(u)), branch_code) for e, u in by_entity.items()}
    changes = []
    for row in rows:
        data = rendered[row.entity].get(row.uuid)
        op = row.op if data is not None else "delete"
        if data is not None:
            data = {**data, "version": row.seq}
        changes.append(
            {"seq": row.seq, "entity": row.entity, "uuid": row.uuid, "op": op, "data": data or {}}
        )
    next_cursor = rows[-1].seq if rows else cursor
    if until is not None and not has_more:
        next_cursor = max(cursor, until)
    return {"changes": changes, "next_cursor": next_cursor, "has_more": has_more}
