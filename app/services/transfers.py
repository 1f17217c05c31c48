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

from app.device.branch import branch_code
from app.models import BibRecord, Branch, Item, Transfer, TransferItem
from app.services.catalog import find_item
from app.services.circulation import branch_name
from app.services.outbox import record_op
from shuwu_shared.clock import Clock
from shuwu_shared.errors import NeedsConfirmation, NotFound, UserInputError
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


@dataclass(frozen=True)
class BranchChoice:
    code: str
    name: str


@dataclass(frozen=True)
class Received:
    """What the receive screen shows after a scan: the batch, the title and the sender's name."""

    transfer: TransferView
    title: str
    from_branch_name: str


@dataclass(frozen=True)
class Checked:
    """A copy that may be sent: its barcode and title (nothing was saved)."""

    barcode: str
    title: str


class NotInTransfer(UserInputError):
    """The copy was not sent to this branch, so it is not received (nothing changed)."""


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


def send_batch(
    session: Session, clock: Clock, to_branch: str, barcodes: Sequence[str]
) -> TransferView:
    """One batch created, filled and sent in the caller's transaction (all or nothing): what
    the Transfers tab's Send and ``shuwu transfer send`` both do."""
    draft = create(session, clock, to_branch)
    for code in barcodes:
        add_item(session, draft.uuid, code)
    return send(session, clock, draft.uuid)


def other_branches(session: Session) -> list[BranchChoice]:
    """The branches a batch may go to (every known branch but this one)."""
    here = branch_code(session)
    rows = session.execute(
        select(Branch.code, Branch.name).where(Branch.code != here).order_by(Branch.code)
    ).all()
    return [BranchChoice(code, name) for code, name in rows]


def branch_names(session: Session, views: Sequence[TransferView]) -> dict[str, str]:
    codes = {v.from_branch for v in views} | {v.to_branch for v in views}
    return {code: branch_name(session, code) for code in codes}


def check_sendable(session: Session, clock: Clock, to_branch: str, barcode: str) -> Checked:
    """Trial run of the sending rules for one scan; rolls back, so nothing is kept."""
    try:
        draft = create(session, clock, to_branch)
        add_item(session, draft.uuid, barcode)
        item = find_item(session, barcode)
        return Checked(item.barcode, _title(session, item))
    finally:
        session.rollback()


def _title(session: Session, item: Item) -> str:
    return session.scalar(select(BibRecord.title).where(BibRecord.id == item.bib_id)) or ""


def _announced(session: Session, item: Item) -> bool:
    """In transit (from the county index) or in a sent batch this computer knows."""
    if item.status == "in_transit":
        return True
    pending = session.scalar(
        select(TransferItem.id)
        .join(Transfer, Transfer.id == TransferItem.transfer_id)
        .where(
            TransferItem.item_uuid == item.uuid,
            TransferItem.received_at.is_(None),
            Transfer.status == "sent",
        )
        .limit(1)
    )
    return pending is not None


def _check_announced(session: Session, here: str, item: Item, confirmed: bool) -> None:
    if _announced(session, item):
        return
    if item.current_branch_code == here:
        # Already here and not sent anywhere: receiving it would record a transfer to itself.
        raise NotInTransfer(
            _(
                "{barcode} was not sent in any transfer, so it was not received. "
                "Check where it came from."
            ).format(barcode=item.barcode),
            code="not_in_transfer",
        )
    if not confirmed:
        # The copy is shown at another branch whose sending may not have synced yet.
        raise NeedsConfirmation(
            _(
                "{barcode} is not in any transfer this computer knows of; it is shown at"
                " {branch}. The sending branch may not have synced yet. Receive it here anyway?"
                " The county will match it with the transfer when both have synced."
            ).format(barcode=item.barcode, branch=branch_name(session, item.current_branch_code))
        )


def receive_one(
    session: Session, clock: Clock, barcode: str, *, confirmed: bool = False
) -> Received:
    """One scan on the receive screen: the rules of ``receive`` plus what the screen shows."""
    view = receive(session, clock, [barcode], confirmed=confirmed)
    item = find_item(session, barcode)
    return Received(view, _title(session, item), branch_name(session, view.from_branch))


def receive(
    session: Session,
    clock: Clock,
    barcodes: Sequence[str],
    transfer_uuid: str | None = None,
    *,
    confirmed: bool = False,
) -> TransferView:
    """Receive scanned copies at this branch (all or none).

    A copy already at this branch and not in transit is refused (``NotInTransfer``); a copy
    shown at another branch that no known transfer announced needs ``confirmed`` (otherwise
    ``NeedsConfirmation`` is raised before anything changes).
    """
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
    for item in items:
        _check_announced(session, here, item, confirmed)
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
