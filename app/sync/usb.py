"""The village side of USB bundles: export pending operations, import the county's reply.

Export takes every pending outbox op (in ``device_seq`` order) with the device id, epoch, clock
offset and change cursor, signs it with the device key (app/sync/bundle.py) and writes it.
Nothing is marked sent: the ops stay pending until a reply acknowledges them, so exporting twice
or losing the stick loses nothing (the server dedupes by op_id).

Import checks the reply (signature, this device, kind), marks the acknowledged ops exactly like
an online push does, and applies the change feed with the same ``apply_page`` as an online pull,
in one transaction with the cursor. Importing the same reply again changes nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, select, update

from app.errors import UserInputError
from app.i18n import _
from app.models import OutboxOp
from app.profile import Profile
from app.services import backup, settings
from app.sync import bundle as fmt
from app.sync import credentials, state
from app.sync.apply import apply_page, pending_uuids, table_of

ACK_STATES = {"applied", "duplicate", "applied_with_exception"}


@dataclass(frozen=True)
class ExportResult:
    path: str
    bundle_id: str
    ops: int
    renew_epoch: bool

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ReplyResult:
    acked: int
    duplicates: int
    conflicts: int
    rejected: int
    changes_applied: int
    pending: int
    stale_changes_skipped: bool

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _device_key(profile: Profile) -> tuple[str, bytes]:
    with profile.sessions() as session:
        device_id = state.get(session, state.DEVICE_ID)
        token = credentials.load_token(session, profile.home)
    if not device_id or not token:
        raise UserInputError(
            _(
                "This computer is not enrolled with the county yet, so it cannot sign a bundle. "
                "Enrol it once (Sync → Enrol) with a code from the county library."
            ),
            code="not_enrolled",
        )
    return device_id, fmt.bundle_key(fmt.token_sha256(token))


def _wire_id(device_id: str) -> int | str:
    return int(device_id) if device_id.isdigit() else device_id


def export_bundle(profile: Profile, path: Path) -> ExportResult:
    device_id, key = _device_key(profile)
    with profile.sessions() as session:
        rows = session.execute(
            select(
                OutboxOp.device_seq,
                OutboxOp.op_id,
                OutboxOp.kind,
                OutboxOp.payload,
                OutboxOp.device_wall_ms,
            )
            .where(OutboxOp.state == "pending")
            .order_by(OutboxOp.device_seq)
        ).all()
        body = {
            "epoch": state.get_int(session, state.EPOCH),
            "clock_offset_ms": state.get_int(session, state.CLOCK_OFFSET_MS),
            "cursor": state.get_int(session, state.CURSOR),
            "renew_epoch": backup.epoch_renewal_pending(session),
            "training": settings.get_bool(session, settings.TRAINING_MODE),
            "ops": [
                {"seq": seq, "op_id": op_id, "kind": kind, "payload": payload, "device_wall_ms": w}
                for seq, op_id, kind, payload, w in rows
            ],
        }
    data, bundle_id = fmt.encode(fmt.KIND_OPS, _wire_id(device_id), body, key, profile.clock.now())
    fmt.write(Path(path), data)
    return ExportResult(
        path=str(path), bundle_id=bundle_id, ops=len(rows), renew_epoch=bool(body["renew_epoch"])
    )


def import_reply(profile: Profile, path: Path) -> ReplyResult:
    path = Path(path)
    device_id, key = _device_key(profile)
    document = fmt.read_unverified(path)
    if str(document.get("device_id")) != device_id:
        raise UserInputError(
            _(
                "{path} is the county's reply for another computer (device {other}), not this "
                "one (device {mine}). Nothing was changed."
            ).format(path=path, other=document.get("device_id"), mine=device_id),
            code="wrong_device",
        )
    reply = fmt.verify(path, document, key, fmt.KIND_REPLY).body
    results = [r for r in reply.get("results") or [] if isinstance(r, dict)]
    changes = [c for c in reply.get("changes") or [] if isinstance(c, dict)]
    next_cursor = int(reply.get("next_cursor") or 0)
    epoch = int(reply.get("epoch") or 0)
    now = profile.clock.now()
    acked = [r for r in results if r.get("status") in ACK_STATES]
    rejected = [r for r in results if r.get("status") == "rejected"]
    with profile.sessions() as session, session.begin():
        if epoch > state.get_int(session, state.EPOCH):
            backup.clear_epoch_renewal(session, epoch)  # the server started a new epoch
        # Only ops still pending change state: a second import of this reply counts nothing.
        ids = [str(r.get("op_id")) for r in results]
        still_pending = set(
            session.scalars(
                select(OutboxOp.op_id).where(OutboxOp.op_id.in_(ids), OutboxOp.state == "pending")
            )
        )
        acked = [r for r in acked if str(r.get("op_id")) in still_pending]
        rejected = [r for r in rejected if str(r.get("op_id")) in still_pending]
        table = table_of(OutboxOp)
        conn = session.connection()
        for rows, new_state in ((acked, "acked"), (rejected, "rejected")):
            if rows:
                conn.execute(
                    update(table)
                    .where(table.c.op_id == bindparam("b_op_id"), table.c.state == "pending")
                    .values(state=new_state, server_result=bindparam("b_result"), acked_at=now),
                    [{"b_op_id": str(r.get("op_id")), "b_result": r} for r in rows],
                )
        cursor = state.get_int(session, state.CURSOR)
        # An online sync since the export may have brought newer states: never go back.
        stale = cursor > next_cursor
        applied = 0
        if not stale:
            stats = apply_page(session, changes, pending_uuids(session))
            applied = stats.applied + stats.deleted
            state.put(session, state.CURSOR, max(cursor, next_cursor))
            if reply.get("server_time"):
                state.put(session, state.LAST_SYNC, str(reply["server_time"]))
        pending = len(
            session.scalars(select(OutboxOp.device_seq).where(OutboxOp.state == "pending")).all()
        )
    return ReplyResult(
        acked=len(acked),
        duplicates=sum(r.get("status") == "duplicate" for r in acked),
        conflicts=sum(r.get("status") == "applied_with_exception" for r in acked),
        rejected=len(rejected),
        changes_applied=applied,
        pending=pending,
        stale_changes_skipped=stale,
    )
