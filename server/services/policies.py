"""Loan rules, credit-point rules and amnesty windows, changed by county staff.

Every change writes a numbered ``policy_version`` (the full new state), an audit entry, and a
change-feed row for every device (branch scope None), so each branch applies it at its next sync.
Must run inside a ``server.db.writer`` transaction.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server import models as m
from server.console.models import PolicyVersion
from server.feed import record_change
from server.services.audit import audit
from server.services.errors import ServiceError, _
from server.timeutil import utcnow

LOAN_FIELDS = {
    "loan_days": (1, 365),
    "max_items": (0, 100),
    "max_renewals": (0, 20),
    "renew_days": (1, 365),
}
CREDIT_FIELDS = {
    "start_points": (0, 10_000),
    "deduct_per_item_day": (0, 1_000),
    "cap_per_item": (0, 10_000),
    "floor": (0, 10_000),
    "borrow_threshold": (0, 10_000),
    "freeze_days": (0, 3_650),
    "reset_points": (0, 10_000),
    "grace_days": (0, 365),
}
_READER_TYPE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def _int(raw: Any, name: str, low: int, high: int) -> int:
    text = str(raw).strip() if raw is not None else ""
    if not re.fullmatch(r"-?\d{1,7}", text) or not low <= int(text) <= high:
        raise ServiceError(
            _("{field} must be a whole number from {low} to {high}."),
            field=name,
            low=low,
            high=high,
        )
    return int(text)


def _clean_text(raw: Any, limit: int) -> str:
    text = str(raw or "").strip()
    if "\x00" in text or len(text) > limit:
        raise ServiceError(_("The text is too long (at most {n} characters)."), n=limit)
    return text


def loan_rule_data(row: m.CirculationPolicy) -> dict[str, Any]:
    return {
        "reader_type": row.reader_type,
        "label": row.label,
        **{f: getattr(row, f) for f in LOAN_FIELDS},
    }


def credit_rules_data(row: m.CreditRules) -> dict[str, Any]:
    return {
        **{f: getattr(row, f) for f in CREDIT_FIELDS},
        "amnesty": list(row.amnesty or []),
    }


def _version(
    session: Session, entity: str, uuid: str, data: dict[str, Any], actor: str, note: str
) -> int:
    last = session.scalar(select(func.max(PolicyVersion.version)).where(PolicyVersion.uuid == uuid))
    number = (last or 0) + 1
    session.add(
        PolicyVersion(
            entity=entity,
            uuid=uuid,
            version=number,
            data=data,
            actor=actor,
            note=note or None,
            at=utcnow(),
        )
    )
    return number


def save_loan_rule(
    session: Session, reader_type: str, values: dict[str, Any], actor: str, note: str = ""
) -> int:
    """Create or change the loan rule of ``reader_type``; returns its new version number."""
    reader_type = (reader_type or "").strip()
    if not _READER_TYPE.match(reader_type):
        raise ServiceError(_("A reader type is a short lower-case code such as adult or child."))
    numbers = {f: _int(values.get(f), f, *LOAN_FIELDS[f]) for f in LOAN_FIELDS}
    label = _clean_text(values.get("label"), 100) or reader_type
    note = _clean_text(note, 500)
    row = session.scalar(
        select(m.CirculationPolicy).where(m.CirculationPolicy.reader_type == reader_type)
    )
    before = loan_rule_data(row) if row is not None else None
    if row is None:
        row = m.CirculationPolicy(reader_type=reader_type, label=label, **numbers)
        session.add(row)
        session.flush()
    else:
        row.label = label
        for key, value in numbers.items():
            setattr(row, key, value)
    after = loan_rule_data(row)
    if after == before:
        raise ServiceError(_("Nothing changed."))
    number = _version(session, "policy", row.uuid, after, actor, note)
    record_change(session, "policy", row.uuid)
    audit(
        session,
        actor,
        "policy.loan_rule",
        reader_type,
        before=before,
        after=after,
        version=number,
        note=note,
    )
    return number


def _rules_row(session: Session) -> m.CreditRules:
    row = session.scalar(select(m.CreditRules).order_by(m.CreditRules.id))
    if row is None:
        row = m.CreditRules(amnesty=[], extra={})
        session.add(row)
        session.flush()
    return row


def _publish_rules(
    session: Session, row: m.CreditRules, before: dict[str, Any], actor: str, action: str, note: str
) -> int:
    after = credit_rules_data(row)
    if after == before:
        raise ServiceError(_("Nothing changed."))
    number = _version(session, "credit_rules", row.uuid, after, actor, note)
    record_change(session, "credit_rules", row.uuid)
    audit(
        session,
        actor,
        action,
        "credit_rules",
        before=before,
        after=after,
        version=number,
        note=note,
    )
    return number


def save_credit_rules(session: Session, values: dict[str, Any], actor: str, note: str = "") -> int:
    numbers = {f: _int(values.get(f), f, *CREDIT_FIELDS[f]) for f in CREDIT_FIELDS}
    note = _clean_text(note, 500)
    row = _rules_row(session)
    before = credit_rules_data(row)
    for key, value in numbers.items():
        setattr(row, key, value)
    return _publish_rules(session, row, before, actor, "policy.credit_rules", note)


def add_amnesty(session: Session, start: str, end: str, note: str, actor: str) -> int:
    try:
        first, last = date.fromisoformat(str(start).strip()), date.fromisoformat(str(end).strip())
    except ValueError as exc:
        raise ServiceError(_("Give the window's first and last day as YYYY-MM-DD.")) from exc
    if last < first:
        raise ServiceError(_("The window ends before it starts."))
    note = _clean_text(note, 200)
    row = _rules_row(session)
    before = credit_rules_data(row)
    window = {"start": first.isoformat(), "end": last.isoformat(), "note": note}
    row.amnesty = [*list(row.amnesty or []), window]  # a new list: JSON columns track assignment
    return _publish_rules(session, row, before, actor, "policy.amnesty_add", note)


def remove_amnesty(session: Session, index: int, actor: str) -> int:
    row = _rules_row(session)
    windows = list(row.amnesty or [])
    if not 0 <= index < len(windows):
        raise ServiceError(_("No such amnesty window."), status=404)
    before = credit_rules_data(row)
    removed = windows.pop(index)
    row.amnesty = windows
    return _publish_rules(
        session, row, before, actor, "policy.amnesty_remove", str(removed.get("note") or "")
    )


def history(session: Session, limit: int = 50) -> list[PolicyVersion]:
    return list(
        session.scalars(select(PolicyVersion).order_by(PolicyVersion.id.desc()).limit(limit))
    )
