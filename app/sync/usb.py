"""The village side of USB bundles: export pending operations, import the county's reply.

Export takes every pending outbox op (in ``device_seq`` order) with the device id, epoch, clock
offset and change cursor, signs it with the device key (shuwu_shared/bundle.py) and writes it.
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

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.device import credentials, settings, state
from app.models import OutboxOp
from app.profile import Profile
from app.sync import acks
from app.sync.apply import apply_page, pending_uuids
from shuwu_shared import bundle as fmt
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _


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
        head = {
            "epoch": state.get_int(session, state.EPOCH),
            "clock_offset_ms": state.get_int(session, state.CLOCK_OFFSET_MS),
            "cursor": state.get_int(session, state.CURSOR),
            "renew_epoch": state.epoch_renewal_pending(session),
            "training": settings.get_bool(session, settings.TRAINING_MODE),
        }
    ops = (
        ("op", {"seq": seq, "op_id": op_id, "kind": kind, "payload": payload, "device_wall_ms": w})
        for seq, op_id, kind, payload, w in rows
    )
    bundle_id = fmt.write(
        Path(path), fmt.KIND_OPS, _wire_id(device_id), key, profile.clock.now(), head, ops
    )
    return ExportResult(
        path=str(path), bundle_id=bundle_id, ops=len(rows), renew_epoch=bool(head["renew_epoch"])
    )


# Records are applied in slices: memory stays bounded however long the reply is.
SLICE_RECORDS = 2000
SLICE_BYTES = 8 * 1024 * 1024


def _as_int(path: Path, value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise _bad_header(path)
    try:
        return int(value)
    except ValueError as exc:
        raise _bad_header(path) from exc


def _bad_header(path: Path) -> UserInputError:
    return UserInputError(
        _("{path} is damaged (bad header fields). Nothing was changed.").format(path=path),
        code="bad_bundle",
    )


class _ReplyApplier:
    """Applies a reply's records slice by slice inside the caller's transaction."""

    def __init__(self, session: Session, path: Path, now: Any, stale: bool) -> None:
        self.session = session
        self.path = path
        self.now = now
        self.stale = stale
        self.results: list[dict[str, Any]] = []
        self.changes: list[dict[str, Any]] = []
        self.size = 0
        self.protected: set[str] | None = None
        self.counts = acks.AckCounts()
        self.applied = 0

    def add(self, record_type: str, record: dict[str, Any], size: int) -> None:
        if record_type == "result":
            if self.protected is not None:  # results come before changes in a reply
                raise fmt_damaged(self.path)
            self.results.append(record)
        elif record_type == "change":
            self.flush_results()
            if self.protected is None:
                self.protected = pending_uuids(self.session)
            if not self.stale:
                self.changes.append(record)
        else:
            raise fmt_damaged(self.path)
        self.size += size
        if len(self.results) + len(self.changes) >= SLICE_RECORDS or self.size >= SLICE_BYTES:
            self.flush()

    def flush(self) -> None:
        self.flush_results()
        if self.changes:
            stats = apply_page(self.session, self.changes, self.protected or set())
            self.applied += stats.applied + stats.deleted
            self.changes = []
        self.size = 0

    def flush_results(self) -> None:
        if not self.results:
            return
        results, self.results = self.results, []
        # Only ops still pending change state: a second import of this reply counts nothing.
        acks.record_results(self.session, results, self.now, self.counts)


def fmt_damaged(path: Path) -> UserInputError:
    return UserInputError(
        _("{path} cannot be imported: {reason} Nothing was changed.").format(
            path=path, reason=_("the file is incomplete or damaged (copy it again).")
        ),
        code="bad_bundle",
    )


def import_reply(profile: Profile, path: Path) -> ReplyResult:
    path = Path(path)
    device_id, key = _device_key(profile)
    header = fmt.read_header(path)
    if header.device_id != device_id:
        raise UserInputError(
            _(
                "{path} is the county's reply for another computer (device {other}), not this "
                "one (device {mine}). Nothing was changed."
            ).format(path=path, other=header.device_id, mine=device_id),
            code="wrong_device",
        )
    fmt.verify(path, key, fmt.KIND_REPLY)  # before anything is decompressed or parsed
    now = profile.clock.now()
    stream = fmt.records(path, key)
    with profile.sessions() as session, session.begin():
        _type, reply, _size = next(stream)
        next_cursor = _as_int(path, reply.get("next_cursor"))
        epoch = _as_int(path, reply.get("epoch"))
        if epoch > state.get_int(session, state.EPOCH):
            state.clear_epoch_renewal(session, epoch)  # the server started a new epoch
        cursor = state.get_int(session, state.CURSOR)
        # An online sync since the export may have brought newer states: never go back.
        stale = cursor > next_cursor
        applier = _ReplyApplier(session, path, now, stale)
        for record_type, record, size in stream:
            applier.add(record_type, record, size)
        applier.flush()
        if not stale:
            state.put(session, state.CURSOR, max(cursor, next_cursor))
            if reply.get("server_time"):
                state.put(session, state.LAST_SYNC, str(reply["server_time"]))
        pending = len(
            session.scalars(select(OutboxOp.device_seq).where(OutboxOp.state == "pending")).all()
        )
    return ReplyResult(
        acked=applier.counts.acked,
        duplicates=applier.counts.duplicates,
        conflicts=applier.counts.conflicts,
        rejected=applier.counts.rejected,
        changes_applied=applier.applied,
        pending=pending,
        stale_changes_skipped=stale,
    )
