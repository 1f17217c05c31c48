"""The branch's local database: collection, readers, loans, credit ledger, outbox, sync state."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedMixin
from shuwu_shared.columns import UTCDateTime
from shuwu_shared.domain.credit import CREDIT_DEFAULTS


class Branch(SyncedMixin, Base):
    """The county library, a township branch or a village bookroom."""

    __tablename__ = "branch"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="village")  # county/township/village
    parent_code: Mapped[str | None] = mapped_column(String(32))
    barcode_range_start: Mapped[str | None] = mapped_column(String(32))
    barcode_range_end: Mapped[str | None] = mapped_column(String(32))


class BibRecord(SyncedMixin, Base):
    """A bibliographic record from the union catalogue, the local cache, MARC or manual entry."""

    __tablename__ = "bib_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    isbn: Mapped[str | None] = mapped_column(String(17), index=True)
    title: Mapped[str] = mapped_column(String(500))
    author: Mapped[str | None] = mapped_column(String(300))
    publisher: Mapped[str | None] = mapped_column(String(200))
    pub_place: Mapped[str | None] = mapped_column(String(100))
    pub_year: Mapped[str | None] = mapped_column(String(16))
    edition: Mapped[str | None] = mapped_column(String(100))
    pages: Mapped[str | None] = mapped_column(String(100))
    price: Mapped[str | None] = mapped_column(String(32))
    clc_class: Mapped[str | None] = mapped_column(String(64), index=True)
    subjects: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    # Space-separated pinyin full forms and initials (with heteronym variants) for search.
    search_keys: Mapped[str | None] = mapped_column(Text)
    # The source record (cleaned, UTF-8 ISO 2709) of an imported or copy-catalogued bib: export
    # starts from it, so fields Shuwu does not edit are kept as they came.
    marc: Mapped[bytes | None] = mapped_column()
    # An ISBN that fails its check digit, as printed (010$z / 020$z): flagged, not lost.
    bad_isbn: Mapped[str | None] = mapped_column(String(32))
    # A class number of another scheme (or a 690 that is not 中图法): flagged for a 中图法 class.
    other_class: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16), default="manual")  # union/marc/manual/cache
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ShelfLocation(SyncedMixin, Base):
    __tablename__ = "shelf_location"
    __table_args__ = (UniqueConstraint("branch_code", "code", name="uq_shelf_branch_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    # A retired shelf keeps its row (old copies and stocktakes name it) but is offered no more.
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())


ITEM_STATUSES = ("available", "on_loan", "in_transit", "missing", "lost", "withdrawn", "damaged")


class Item(SyncedMixin, Base):
    """A physical copy."""

    __tablename__ = "item"
    __table_args__ = (
        CheckConstraint(
            "status IN ('available','on_loan','in_transit','missing','lost','withdrawn','damaged')",
            name="status",
        ),
        Index("ix_item_call_sort", "call_sort_key"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    barcode: Mapped[str] = mapped_column(String(32), unique=True)
    bib_id: Mapped[int] = mapped_column(ForeignKey("bib_record.id"), index=True)
    call_number: Mapped[str | None] = mapped_column(String(64))
    call_sort_key: Mapped[str | None] = mapped_column(String(200))
    shelf_location: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="available")
    home_branch_code: Mapped[str] = mapped_column(String(32), index=True)
    current_branch_code: Mapped[str] = mapped_column(String(32))
    price: Mapped[str | None] = mapped_column(String(32))
    acquired_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CountyCopy(Base):
    """A county copy known only by its barcode while the catalogue is still arriving.

    The initial sync brings every county copy leanly first (shuwu-copies/1): enough to take any
    county book back and send it home. The full row (uuid, record) follows into ``item``, and
    these rows are dropped when the catalogue is complete. ``touched``: taken back here before
    its full row arrived; its status and place here win over the catalogue page's.
    """

    __tablename__ = "county_copy"
    __table_args__ = (
        # Only the few copies taken back here are in it: each catalogue page checks them.
        Index("ix_county_copy_touched", "touched", sqlite_where=text("touched")),
        {"sqlite_with_rowid": False},
    )
    barcode: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    home_branch_code: Mapped[str] = mapped_column(String(32))
    current_branch_code: Mapped[str] = mapped_column(String(32))
    touched: Mapped[bool] = mapped_column(default=False, server_default=false())


class Reader(SyncedMixin, Base):
    """A registered reader. Personal data is minimal: no ID-card number is stored."""

    __tablename__ = "reader"
    __table_args__ = (CheckConstraint("gender IN ('F','M','U')", name="gender"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    card: Mapped[str] = mapped_column(String(32), unique=True)
    card_provisional: Mapped[bool] = mapped_column(default=False)
    name: Mapped[str] = mapped_column(String(100))
    name_search_keys: Mapped[str | None] = mapped_column(Text)
    gender: Mapped[str] = mapped_column(String(1), default="U")
    birth_year: Mapped[int | None] = mapped_column(Integer)
    age_band: Mapped[str | None] = mapped_column(String(16))
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    reader_type: Mapped[str] = mapped_column(String(32), default="adult")
    home_branch_code: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="active")  # active/blocked/frozen
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Loan(SyncedMixin, Base):
    __tablename__ = "loan"
    __table_args__ = (
        # No item is ever on two open loans in one database.
        Index(
            "uq_loan_open_item",
            "item_id",
            unique=True,
            sqlite_where="returned_at IS NULL",
            postgresql_where="returned_at IS NULL",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), index=True)
    reader_id: Mapped[int] = mapped_column(ForeignKey("reader.id"), index=True)
    branch_code: Mapped[str] = mapped_column(String(32))
    checkout_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    return_branch_code: Mapped[str | None] = mapped_column(String(32))
    renewals: Mapped[int] = mapped_column(default=0)
    override_reason: Mapped[str | None] = mapped_column(Text)


class CreditEntry(SyncedMixin, Base):
    """The credit-points ledger: a reader's points are the sum of entries, never a bare number."""

    __tablename__ = "credit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    reader_id: Mapped[int] = mapped_column(ForeignKey("reader.id"), index=True)
    delta: Mapped[int] = mapped_column()
    reason: Mapped[str] = mapped_column(String(32))  # initial/overdue/amnesty/reset/manual...
    loan_uuid: Mapped[str | None] = mapped_column(String(36))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CirculationPolicy(SyncedMixin, Base):
    """Set by the county and synced: one row per reader type."""

    __tablename__ = "circulation_policy"
    id: Mapped[int] = mapped_column(primary_key=True)
    reader_type: Mapped[str] = mapped_column(String(32), unique=True)
    label: Mapped[str] = mapped_column(String(100))
    loan_days: Mapped[int] = mapped_column(default=30)
    max_items: Mapped[int] = mapped_column(default=5)
    max_renewals: Mapped[int] = mapped_column(default=1)
    renew_days: Mapped[int] = mapped_column(default=30)


class CreditRules(SyncedMixin, Base):
    """County-wide credit-points rules.

    ``amnesty`` holds [{start, end, note}] windows (免扣积分) in which overdue returns cost nothing.
    """

    __tablename__ = "credit_rules"
    id: Mapped[int] = mapped_column(primary_key=True)
    start_points: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.start_points)
    deduct_per_item_day: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.deduct_per_item_day)
    cap_per_item: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.cap_per_item)
    floor: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.floor)
    borrow_threshold: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.borrow_threshold)
    freeze_days: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.freeze_days)
    reset_points: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.reset_points)
    grace_days: Mapped[int] = mapped_column(default=CREDIT_DEFAULTS.grace_days)
    amnesty: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    extra: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


OUTBOX_STATES = ("pending", "acked", "rejected")


class OutboxOp(Base):
    """An operation made on this device, waiting for (or acknowledged by) the server.

    Written in the same transaction as the change it describes; never deleted before the ack.
    ``device_seq`` uses AUTOINCREMENT so a number is never reused, even after deletes.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint("state IN ('pending','acked','rejected')", name="state"),
        Index("ix_outbox_state_seq", "state", "device_seq"),
        {"sqlite_autoincrement": True},
    )
    device_seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    epoch: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, object]] = mapped_column(JSON)
    device_wall_ms: Mapped[int] = mapped_column()
    clock_offset_ms: Mapped[int] = mapped_column(default=0)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    server_result: Mapped[dict[str, object] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SyncState(Base):
    """Key/value sync bookkeeping: device id, epoch, cursors, last sync, clock offset."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncException(Base):
    """A conflict the server filed and staff must see (pulled from the server)."""

    __tablename__ = "sync_exception"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text)
    detail: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution: Mapped[str | None] = mapped_column(Text)  # the county's note when resolved


class AppSetting(Base):
    """Profile settings: branch code, language, font size, training mode..."""

    __tablename__ = "app_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditLog(Base):
    """Who did what. Never holds personal data: entities are referenced by UUID."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(64), default="staff")
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str | None] = mapped_column(String(32))
    entity_uuid: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
