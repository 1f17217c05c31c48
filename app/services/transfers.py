"""Transfers (调拨): send a batch of copies to another branch, receive by scanning.

Works offline: sending marks the copies ``in_transit`` and writes ``transfer_send``;
receiving (on the other branch's computer, where the copies are known from the county item
index) makes them available there and writes ``transfer_receive``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Branch, Item, Transfer, TransferItem
from app.services.catalog import branch_code, find_item
from app.services.outbox import record_op
from shuwu_shared.clock import Clock
from shuwu_shared.errors import NotFound, UserInputError
from shuwu_shared.i18n import _


@dataclass(frozen=True)
class TransferView:
    uuid: str
    from_branch: str
    to_branch: str
    status: str
    barcodes: tuple[str, ...]
    received: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _view(session: Session, row: Transfer) -> TransferView:
    lines = session.scalars(
        select(TransferItem).where(TransferItem.transfer_id == row.id).order_by(TransferItem.id)
    ).all()
    return TransferView(
        row.uuid,
        row.from_branch,
        row.to_branch,
        row.status,
        tuple(line.barcode for line in lines),
        tuple(line.barcode for line in lines if line.received_at is not None),
    )


def _get(session: Session, uuid: str) -> Transfer:
    row = session.scalars(select(Transfer).where(Transfer.uuid.startswith(uuid.strip()))).first()
    if row is None or not uuid.strip():
        raise NotFound(_("No transfer {uuid}.").format(uuid=uuid))
    return row


def list_transfers(session: Session) -> list[TransferView]:
    rows = session.scalars(select(Transfer).order_by(Transfer.id.desc()).limit(200))
    return [_view(session, r) for r in rows]


def create(session: Session, clock: Clock, to_branch: str) -> TransferView:
    here = branch_code(session)
    target = to_branch.strip()
    if target == here:
        raise UserInputError(_("A transfer must go to another branch."))
    if session.scalar(select(Branch.id).where(Branch.code == target)) is None:
        raise UserInputError(_("There is no branch with the code {code}.").format(code=target))
    row = Transfer(from_branch=here, to_branch=target, status="draft", created_at=clock.now())
    session.add(row)
    session.flush()
    return _view(session, row)


def add_item(session: Session, uuid: str, barcode: str) -> TransferView:
    row = _get(session, uuid)
    if row.status != "draft":
        raise UserInputError(_("This transfer was already sent."))
    item = find_item(session, barcode)
    if item.current_branch_code != row.from_branch:
        raise UserInputError(
            _("{barcode} is not at this branch, so it cannot be sent.").format(barcode=item.barcode)
        )
    if item.status != "available":
        raise UserInputError(
            _("{barcode} cannot be sent: it is {status}.").format(
                barcode=item.barcode, status=item.status
            )
        )
    exists = session.scalar(
        select(TransferItem.id).where(
            TransferItem.transfer_id == row.id, TransferItem.item_uuid == item.uuid
        )
    )
    if exists is None:
        session.add(TransferItem(transfer_id=row.id, item_uuid=item.uuid, barcode=item.barcode))
        session.flush()
    return _view(session, row)


def send(session: Session, clock: Clock, uuid: str) -> TransferView:
    row = _get(session, uuid)
    if row.status != "draft":
        raise UserInputError(_("This transfer was already sent."))
    lines = session.scalars(select(TransferItem).where(TransferItem.transfer_id == row.id)).all()
    if not lines:
        raise UserInputError(_("Scan the copies to send first."))
    now = clock.now()
    for line in lines:
        item = session.scalar(select(Item).where(Item.uuid == line.item_uuid))
        if item is None or item.status != "available":
            raise UserInputError(
                _("{barcode} cannot be sent: it is {status}.").format(
                    barcode=line.barcode, status=item.status if item else "?"
                )
            )
        item.status = "in_transit"
        item.updated_at = now
    row.status = "sent"
    row.sent_at = now
    record_op(
        session,
        clock,
        "transfer_send",
        {
            "transfer_uuid": row.uuid,
            "from_branch": row.from_branch,
            "to_branch": row.to_branch,
            "item_uuids": [line.item_uuid for line in lines],
            "barcodes": [line.barcode for line in lines],
            "sent_at": now.isoformat(),
        },
    )
    return _view(session, row)


def receive(
    session: Session, clock: Clock, barcodes: Sequence[str], transfer_uuid: str | None = None
) -> TransferView:
    """Receive scanned copies at this branch (all or none)."""
    here = branch_code(session)
    codes = list(dict.fromkeys(b.strip() for b in barcodes if b.strip()))
    if not codes:
        raise UserInputError(_("Scan the copies that arrived."))
    items = [find_item(session, code) for code in codes]
    for item in items:
        if item.status in ("on_loan", "withdrawn", "lost"):
            raise UserInputError(
                _("{barcode} cannot be received: it is {status}.").format(
                    barcode=item.barcode, status=item.status
                )
            )
    now = clock.now()
    row = _get(session, transfer_uuid) if transfer_uuid else None
    if row is None:
        # Find the batch these copies were sent in, if this computer knows it.
        line = session.scalar(
            select(TransferItem).where(TransferItem.item_uuid == items[0].uuid).limit(1)
        )
        row = session.get(Transfer, line.transfer_id) if line is not None else None
    if row is None:
        row = Transfer(
            from_branch=items[0].current_branch_code,
            to_branch=here,
            status="received",
            created_at=now,
        )
        session.add(row)
        session.flush()
    for item in items:
        item.status = "available"
        item.current_branch_code = here
        item.updated_at = now
        line = session.scalar(
            select(TransferItem).where(
                TransferItem.transfer_id == row.id, TransferItem.item_uuid == item.uuid
            )
        )
        if line is None:
            line = TransferItem(transfer_id=row.id, item_uuid=item.uuid, barcode=item.barcode)
            session.add(line)
        line.received_at = now
    lines = session.scalars(select(TransferItem).where(TransferItem.transfer_id == row.id)).all()
    if all(line.received_at is not None for line in lines):
        row.status = "received"
        row.received_at = now
    record_op(
        session,
        clock,
        "transfer_receive",
        {
            "transfer_uuid": row.uuid,
            "branch": here,
            "item_uuids": [i.uuid for i in items],
            "barcodes": [i.barcode for i in items],
            "received_at": now.isoformat(),
        },
    )
    session.flush()
    return _view(session, row)
