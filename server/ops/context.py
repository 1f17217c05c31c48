"""What an apply function gets: the session, the device, corrected time, and a way to file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from server import models as m
from server.exceptions import file_exception
from server.ops import lookups
from server.timeutil import parse_date, parse_iso
from shuwu_shared.i18n import _


class OpRejected(Exception):
    """The op cannot be applied at all (malformed payload, or outside the device's branch);
    stored as a rejected receipt."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


FORBIDDEN = "forbidden"


def forbidden(message: str) -> OpRejected:
    """An op that would change what another branch owns (docs/sync-protocol.md, matrix)."""
    return OpRejected(FORBIDDEN, message)


@dataclass
class OpContext:
    session: Session
    device: m.Device
    op_id: str
    kind: str
    received_at: datetime
    corrected_at: datetime
    shift: timedelta  # corrected − device wall time: applied to every time in the payload
    exception_ids: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def branch(self) -> str:
        return self.device.branch_code

    def file(
        self,
        kind: str,
        branches: list[str | None],
        summary: str,
        detail: dict[str, Any],
        subject_uuid: str | None = None,
    ) -> str:
        # The op id and device stay in their own columns (for the county): a detail is sent to
        # every branch named, and another branch could replay an op id (an undo).
        filed = file_exception(
            self.session,
            kind,
            [b for b in branches if b],
            summary,
            {**detail, "op_kind": self.kind},
            device_id=self.device.id,
            op_id=self.op_id,
            subject_uuid=subject_uuid,
        )
        self.exception_ids.append(filed.uuid)
        return filed.uuid

    def own_branch(self, payload: dict[str, Any], key: str) -> str:
        """The device's branch; a payload naming another one in ``key`` is forbidden."""
        value = opt_str(payload, key)
        if value is not None and value != self.branch:
            raise forbidden(
                _("{field} {value} is not the branch this computer is enrolled for").format(
                    field=key, value=value
                )
            )
        return self.branch

    def serves(self, *branches: str | None) -> bool:
        """Is the device's branch one of ``branches`` (the owners of what an op touches)?"""
        return self.branch in branches

    def time(self, payload: dict[str, Any], key: str) -> datetime | None:
        """A device time from the payload, corrected like the op's own time."""
        try:
            value = parse_iso(payload.get(key))
        except ValueError as exc:
            raise OpRejected("bad_payload", f"{key}: not an ISO-8601 time") from exc
        return value + self.shift if value is not None else None


def req(payload: dict[str, Any], key: str) -> Any:
    value = payload.get(key)
    if value is None or value == "":
        raise OpRejected("bad_payload", f"missing field: {key}")
    return value


def opt_str(payload: dict[str, Any], key: str) -> str | None:
    value = payload.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str | int):
        raise OpRejected("bad_payload", f"{key}: expected text")
    return str(value)


def opt_int(payload: dict[str, Any], key: str) -> int | None:
    value = payload.get(key)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise OpRejected("bad_payload", f"{key}: expected a number") from exc


def opt_date(payload: dict[str, Any], key: str) -> Any:
    try:
        return parse_date(payload.get(key))
    except ValueError as exc:
        raise OpRejected("bad_payload", f"{key}: expected YYYY-MM-DD") from exc


_Row = TypeVar("_Row", m.Item, m.Reader)


def _flushed(session: Session, row: _Row | None) -> _Row | None:
    """A row from the batch index may still be pending: callers need its id."""
    if row is not None and row.id is None:
        session.flush()
    return row


def find_item(session: Session, item_uuid: Any, barcode: Any) -> m.Item | None:
    index = lookups.active(session)
    if item_uuid:
        key = str(item_uuid)
        if index is not None and key in index.item_uuid:
            item = _flushed(session, index.item_uuid[key])
        else:
            item = session.scalar(select(m.Item).where(m.Item.uuid == key))
        if item is not None:
            return item
    if barcode:
        key = str(barcode)
        if index is not None and key in index.item_barcode:
            return _flushed(session, index.item_barcode[key])
        return session.scalar(select(m.Item).where(m.Item.barcode == key))
    return None


def find_reader(session: Session, reader_uuid: Any, card: Any) -> m.Reader | None:
    index = lookups.active(session)
    if reader_uuid:
        key = str(reader_uuid)
        if index is not None and key in index.reader_uuid:
            reader = _flushed(session, index.reader_uuid[key])
        else:
            reader = session.scalar(select(m.Reader).where(m.Reader.uuid == key))
        if reader is not None:
            return reader
    if card:
        key = str(card)
        if index is not None and key in index.reader_card:
            return _flushed(session, index.reader_card[key])
        return session.scalar(select(m.Reader).where(m.Reader.card == key))
    return None
