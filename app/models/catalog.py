"""Cataloguing tables: label queue, 种次号 counters, stocktake sessions, transfers.

The two full-text indexes over ``bib_record`` (``fts_bib_trigram``, ``fts_bib_bigram``) are
SQLite FTS5 virtual tables created by the 0400_catalog migration; they are not ORM models
(see app.services.catalog_search and docs/architecture.md).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncedMixin
from app.models.core import Item
from shuwu_shared.columns import UTCDateTime

# Prefix search on call numbers ("I247" finds I247.5/12) uses a range scan on this index.
Index("ix_item_call_number", Item.call_number)


class LabelQueue(Base):
    """Items waiting for a spine/barcode label. ``printed_at`` NULL = still to print."""

    __tablename__ = "label_queue"
    __table_args__ = (Index("ix_label_queue_pending", "printed_at", "queued_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_uuid: Mapped[str] = mapped_column(String(36), index=True)
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(16), default="new")  # new/relabel


class CallSeqCounter(Base):
    """Last 种次号 handed out per class number on this device (county counter when online)."""

    __tablename__ = "call_seq_counter"
    class_no: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_seq: Mapped[int] = mapped_column(default=0)


class StocktakeSession(SyncedMixin, Base):
    """A 盘点 run over a branch (optionally one shelf location); survives closing the app."""

    __tablename__ = "stocktake_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(32))
    shelf_location: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str | None] = mapped_column(Text)


class StocktakeScan(Base):
    __tablename__ = "stocktake_scan"
    __table_args__ = (UniqueConstraint("session_id", "barcode", name="uq_stocktake_scan"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("stocktake_session.id"), index=True)
    barcode: Mapped[str] = mapped_column(String(32))
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Transfer(SyncedMixin, Base):
    """A 调拨 batch. Outgoing: draft → sent. Incoming batches are recorded when received."""

    __tablename__ = "transfer"
    id: Mapped[int] = mapped_column(primary_key=True)
    from_branch: Mapped[str] = mapped_column(String(32))
    to_branch: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft/sent/received
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class TransferItem(Base):
    __tablename__ = "transfer_item"
    __table_args__ = (UniqueConstraint("transfer_id", "item_uuid", name="uq_transfer_item"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfer.id"), index=True)
    item_uuid: Mapped[str] = mapped_column(String(36), index=True)
    barcode: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
