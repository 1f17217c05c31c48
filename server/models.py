"""The county server's database: the authority for catalogue, items, readers, loans, policies.

Column names follow the client's (app/models/core.py) so the change feed maps one to one.
Every synced row has a stable ``uuid``; integer ids never leave the server.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, orm_insert_sentinel

from shuwu_shared.columns import NAMING, UTCDateTime, new_uuid
from shuwu_shared.domain.credit import CREDIT_DEFAULTS

# Integer primary keys that autoincrement on both SQLite and PostgreSQL.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Branch(Base):
    __tablename__ = "branch"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="village")
    parent_code: Mapped[str | None] = mapped_column(String(32))
    barcode_range_start: Mapped[str | None] = mapped_column(String(32))
    barcode_range_end: Mapped[str | None] = mapped_column(String(32))


class Device(Base):
    __tablename__ = "device"
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str | None] = mapped_column(String(200))
    token_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    epoch: Mapped[int] = mapped_column(default=1)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    training: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_seen: Mapped[datetime | None] = mapped_column(UTCDateTime)
    clock_offset_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    # Corrected time of the last op applied from this device: the lower clamp for the next.
    last_op_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class EnrolCode(Base):
    __tablename__ = "enrol_code"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OpReceipt(Base):
    """One row per applied (or permanently rejected) op, written with its effect."""

    __tablename__ = "op_receipt"
    __table_args__ = (UniqueConstraint("device_id", "epoch", "seq", name="uq_op_receipt_seq"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"))
    epoch: Mapped[int] = mapped_column()
    seq: Mapped[int] = mapped_column(BigInteger)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload_sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    device_wall_ms: Mapped[int] = mapped_column(BigInteger)
    corrected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Bib(Base):
    __tablename__ = "bib"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    isbn: Mapped[str | None] = mapped_column(String(17), index=True)
    title: Mapped[str] = mapped_column(String(500))
    author: Mapped[str | None] = mapped_column(String(300))
    publisher: Mapped[str | None] = mapped_column(String(200))
    pub_place: Mapped[str | None] = mapped_column(String(100))
    pub_year: Mapped[str | None] = mapped_column(String(16))
    edition: Mapped[str | None] = mapped_column(String(100))
    pages: Mapped[str | None] = mapped_column(String(100))
    price: Mapped[str | None] = mapped_column(String(32))
    clc_class: Mapped[str | None] = mapped_column(String(64))
    subjects: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    # Pinyin keys, computed once here rather than on every village PC's initial sync.
    search_keys: Mapped[str | None] = mapped_column(Text)
    # The source record of an imported or copy-catalogued bib (UTF-8 ISO 2709, checked by
    # shuwu_shared.protocol.marcwire), so every branch exports its original fields.
    marc: Mapped[bytes | None] = mapped_column(LargeBinary)
    bad_isbn: Mapped[str | None] = mapped_column(String(32))  # ISBN as printed, check digit bad
    other_class: Mapped[str | None] = mapped_column(String(64))  # not 中图法: needs a class
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    barcode: Mapped[str] = mapped_column(String(32), unique=True)
    bib_id: Mapped[int] = mapped_column(ForeignKey("bib.id"), index=True)
    call_number: Mapped[str | None] = mapped_column(String(64))
    shelf_location: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="available")
    home_branch_code: Mapped[str] = mapped_column(String(32), index=True)
    current_branch_code: Mapped[str] = mapped_column(String(32))
    price: Mapped[str | None] = mapped_column(String(32))
    acquired_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Reader(Base):
    __tablename__ = "reader"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    card: Mapped[str] = mapped_column(String(32), unique=True)
    card_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    name: Mapped[str] = mapped_column(String(100))
    gender: Mapped[str] = mapped_column(String(1), default="U")
    birth_year: Mapped[int | None] = mapped_column(Integer)
    age_band: Mapped[str | None] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(32))
    reader_type: Mapped[str] = mapped_column(String(32), default="adult")
    home_branch_code: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Loan(Base):
    """A loan. Unlike the client, two open loans of one copy can coexist briefly only through
    conflicts; the fold closes the earlier one as an implied return."""

    __tablename__ = "loan"
    id: Mapped[int] = mapped_column(primary_key=True)
    # The insert sentinel: the loans of a push batch go in one INSERT … RETURNING (SQLite
    # does not promise RETURNING's row order; the uuid tells which id is whose).
    uuid: Mapped[str] = mapped_column(
        String(36), unique=True, default=new_uuid, insert_sentinel=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), index=True)
    reader_id: Mapped[int] = mapped_column(ForeignKey("reader.id"), index=True)
    branch_code: Mapped[str] = mapped_column(String(32), index=True)
    checkout_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    return_branch_code: Mapped[str | None] = mapped_column(String(32))
    closed_by: Mapped[str | None] = mapped_column(String(16))  # return / implied
    renewals: Mapped[int] = mapped_column(default=0)
    override_reason: Mapped[str | None] = mapped_column(Text)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("device.id"))


class CreditEntry(Base):
    __tablename__ = "credit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    reader_id: Mapped[int] = mapped_column(ForeignKey("reader.id"), index=True)
    delta: Mapped[int] = mapped_column()
    reason: Mapped[str] = mapped_column(String(32))
    loan_uuid: Mapped[str | None] = mapped_column(String(36))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CirculationPolicy(Base):
    __tablename__ = "circulation_policy"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    reader_type: Mapped[str] = mapped_column(String(32), unique=True)
    label: Mapped[str] = mapped_column(String(100))
    loan_days: Mapped[int] = mapped_column(default=30)
    max_items: Mapped[int] = mapped_column(default=5)
    max_renewals: Mapped[int] = mapped_column(default=1)
    renew_days: Mapped[int] = mapped_column(default=30)


class CreditRules(Base):
    __tablename__ = "credit_rules"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    start_points: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.start_points)
    deduct_per_item_day: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.deduct_per_item_day)
    cap_per_item: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.cap_per_item)
    floor: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.floor)
    borrow_threshold: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.borrow_threshold)
    freeze_days: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.freeze_days)
    reset_points: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.reset_points)
    grace_days: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.grace_days)
    amnesty: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CircEvent(Base):
    """Every circulation fact as it arrived, in corrected time: the per-item timeline."""

    __tablename__ = "circ_event"
    __table_args__ = (Index("ix_circ_event_item_at", "item_id", "at"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("item.id"))
    barcode: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(24))
    loan_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    branch_code: Mapped[str | None] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("device.id"))
    op_id: Mapped[str | None] = mapped_column(String(36))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # For returns whose loan was unknown: the loan that later claimed it.
    matched_loan_uuid: Mapped[str | None] = mapped_column(String(36))
    # Never read: lets the events of a push go in one INSERT … RETURNING on SQLite too, which
    # does not promise RETURNING's row order (SQLAlchemy numbers the rows of a batch here).
    _sentinel: Mapped[int | None] = orm_insert_sentinel()


class ChangeLog(Base):
    """The change feed. ``seq`` is assigned under a writer lock, so it is commit-ordered."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_scope_seq", "branch_code", "seq"),)
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(24))
    uuid: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8), default="upsert")
    # NULL: every device; otherwise only devices of this branch.
    branch_code: Mapped[str | None] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncExceptionRow(Base):
    __tablename__ = "exception"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    severity: Mapped[str] = mapped_column(String(8), default="warning")
    branch_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    summary: Mapped[str] = mapped_column(Text)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("device.id"))
    op_id: Mapped[str | None] = mapped_column(String(36))
    # The item (or reader) the conflict is about, to find it again when later facts arrive.
    subject_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution: Mapped[str | None] = mapped_column(Text)


class ExceptionBranch(Base):
    """Which branches an exception concerns (for scoping queries)."""

    __tablename__ = "exception_branch"
    exception_id: Mapped[int] = mapped_column(ForeignKey("exception.id"), primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(32), primary_key=True)


class CallSeq(Base):
    __tablename__ = "call_seq"
    class_no: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_seq: Mapped[int] = mapped_column(default=0)


class ShelfLocation(Base):
    __tablename__ = "shelf_location"
    __table_args__ = (UniqueConstraint("branch_code", "code", name="uq_shelf_branch_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    branch_code: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    retired: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Activity(Base):
    __tablename__ = "activity"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    branch_code: Mapped[str] = mapped_column(String(32), index=True)
    day: Mapped[date] = mapped_column("date", Date)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    attendance: Mapped[int] = mapped_column(default=0)
    note: Mapped[str | None] = mapped_column(Text)


class VisitCount(Base):
    __tablename__ = "visit_count"
    __table_args__ = (UniqueConstraint("branch_code", "date", "source", name="uq_visit_count"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(32))
    day: Mapped[date] = mapped_column("date", Date)
    count: Mapped[int] = mapped_column(default=0)
    source: Mapped[str] = mapped_column(String(32), default="manual")


class StocktakeResult(Base):
    __tablename__ = "stocktake_result"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    branch_code: Mapped[str] = mapped_column(String(32))
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ServerSetting(Base):
    __tablename__ = "server_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
