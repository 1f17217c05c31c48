"""Tables of copy cataloguing: the configured targets and the county-wide record cache."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.models import Base, BigId
from shuwu_shared.columns import UTCDateTime


class CopycatTarget(Base):
    """One Z39.50 or SRU target. The password is kept because the target needs it in clear;
    it is never printed, logged or sent to a client."""

    __tablename__ = "copycat_target"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(String(500))
    syntax: Mapped[str] = mapped_column(String(16))  # unimarc / marc21
    charset: Mapped[str] = mapped_column(String(16))  # utf-8 / gb18030 / marc-8
    username: Mapped[str | None] = mapped_column(String(200))
    password: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[int] = mapped_column(Integer, default=100)
    timeout: Mapped[float] = mapped_column(Float, default=5.0)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CopycatRecord(Base):
    """A record copied from a target for an ISBN, shared by the whole county. ``raw`` is the
    record exactly as the target sent it (ISO 2709 in ``charset``, or one MARCXML record), kept
    for lossless export; ``fields`` is Shuwu's record made from it."""

    __tablename__ = "copycat_record"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    isbn: Mapped[str] = mapped_column(String(17), unique=True)
    target_name: Mapped[str] = mapped_column(String(64))
    protocol: Mapped[str] = mapped_column(String(8))  # z3950 / sru
    syntax: Mapped[str] = mapped_column(String(16))  # cnmarc / marc21 (as read)
    raw_format: Mapped[str] = mapped_column(String(16))  # iso2709 / marcxml
    charset: Mapped[str] = mapped_column(String(16))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)
