"""The transactional outbox: every local change that must reach the server becomes an op here.

Call ``record_op`` inside the same session/transaction as the change itself, so the change and
its op commit together or not at all. The sync engine (app.sync) sends pending ops in
``device_seq`` order and marks them acked; they are never deleted before the ack.

Every payload is checked against the shared protocol model of its kind
(shuwu_shared.protocol) before it is queued: a value the county server would refuse (a NUL
byte from a MARC file, an over-long field) is refused here, with a message, while staff can
still correct it, instead of being set aside later by the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.device import state
from app.models import OutboxOp
from app.sync.acks import pending_count as pending_count  # defined beside the ack path
from shuwu_shared.clock import Clock
from shuwu_shared.columns import new_uuid
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _


@dataclass(frozen=True)
class RecordedOp:
    device_seq: int
    op_id: str
    kind: str


def check_payload(kind: str, payload: dict[str, Any]) -> None:
    """Raise UserInputError when ``payload`` does not fit the protocol model of ``kind``."""
    # Imported on first use: building the protocol models is a large share of a cold start.
    from shuwu_shared.protocol import ProtocolError, validate_payload

    try:
        validate_payload(kind, payload)
    except ProtocolError as exc:
        raise UserInputError(
            _(
                "This change cannot be sent to the county server: {problem}. Correct the value"
                " and try again."
            ).format(problem=exc.message),
            code=exc.code,
        ) from None


def record_op(session: Session, clock: Clock, kind: str, payload: dict[str, Any]) -> RecordedOp:
    """Append an operation (see docs/ops.md for kinds and payloads).

    Raises UserInputError, before anything is queued, when the payload does not fit the
    protocol (the caller's transaction is then rolled back with the change itself).
    """
    check_payload(kind, payload)
    op = OutboxOp(
        op_id=new_uuid(),
        epoch=state.get_int(session, state.EPOCH),
        kind=kind,
        payload=payload,
        device_wall_ms=clock.wall_ms(),
        clock_offset_ms=state.get_int(session, state.CLOCK_OFFSET_MS),
        state="pending",
        created_at=clock.now(),
    )
    session.add(op)
    session.flush()
    return RecordedOp(device_seq=op.device_seq, op_id=op.op_id, kind=kind)
