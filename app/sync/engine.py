"""One sync run: measure the clock, push the outbox, pull the change feed.

Never holds a database transaction across network I/O: every step reads what it needs in a
short session, closes it, talks to the server, then writes the outcome in a new transaction.
A run killed at any point leaves the database consistent; the next run resends unacked ops
(the server answers "duplicate") and resumes the feed at the last committed cursor.
"""

from __future__ import annotations

import json
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from app.device import credentials, settings, state
from app.device.enrol import check_hello, require_training_compatible
from app.device.transport import ServerRefused, Transport, TransportConfig
from app.models import OutboxOp, SyncException
from app.profile import Profile
from app.sync import acks as acks_mod
from app.sync import snapshot
from app.sync.apply import apply_page, begin_now, pending_uuids
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.progress import NoProgress, Progress, check_cancel

log = logging.getLogger(__name__)

# The server's maximum per push: fewer round trips and writer-lock turns per sync.
PUSH_BATCH = 500
# The server refuses bodies over 2 MiB (uncompressed); big payloads (stocktakes) split early.
PUSH_BYTES = 1024 * 1024
PULL_LIMIT = 1000
_run_lock = threading.Lock()


@dataclass(frozen=True)
class SyncResult:
    pushed: int  # ops the server now holds (applied, duplicates and conflicts)
    duplicates: int  # of which it already had (a resend after a lost reply)
    conflicts: int  # of which it applied with an exception filed
    rejected: int  # ops the server refused (kept locally, shown to staff)
    pulled: int  # changes applied from the feed
    new_exceptions: int  # exceptions seen for the first time in this run
    open_exceptions: int
    pending: int  # ops still waiting after this run
    clock_offset_ms: int
    clock_warning: bool
    last_sync: str
    credential_storage: str | None
    cursor: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def not_enrolled() -> UserInputError:
    return UserInputError(
        _(
            "This computer is not enrolled with a county server yet. Enrol it first with the"
            " code from the county library (shuwu enrol --server URL --code CODE)."
        ),
        code="not_enrolled",
    )


@dataclass(frozen=True)
class _Enrolment:
    server_url: str
    device_id: str
    token: str
    training_profile: bool


def _enrolment(profile: Profile) -> _Enrolment:
    with profile.sessions() as session:
        url = state.get(session, state.SERVER_URL)
        device_id = state.get(session, state.DEVICE_ID)
        token = credentials.load_token(session, profile.home)
        training = settings.get_bool(session, settings.TRAINING_MODE)
    if not url or not device_id or not token:
        raise not_enrolled()
    return _Enrolment(url, device_id, token, training)


def measure_clock(transport: Transport, profile: Profile, training_profile: bool) -> int:
    """Cristian's method: offset = server time − midpoint of our send and receive (ms)."""
    sent_ms = profile.clock.wall_ms()
    hello, _sent, _received = transport.request("GET", "/v1/hello", auth=False)
    received_ms = profile.clock.wall_ms()
    check_hello(hello, transport.base_url)
    require_training_compatible(training_profile, hello.get("training") is True)
    server_ms = int(_parse_time(str(hello["server_time"])).timestamp() * 1000)
    return server_ms - (sent_ms + received_ms) // 2


def _wire_id(device_id: str) -> int | str:
    """The server issues integer ids; keep whatever it gave us."""
    return int(device_id) if device_id.isdigit() else device_id


def _parse_time(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _renew_epoch(profile: Profile, transport: Transport, device_id: str) -> int:
    body, _s, _r = transport.request(
        "POST", "/v1/devices/epoch", {"device_id": _wire_id(device_id)}
    )
    epoch = int(body["epoch"])
    with profile.sessions() as session, session.begin():
        state.clear_epoch_renewal(session, epoch)
    log.info("device epoch renewed to %s", epoch)
    return epoch


def push_outbox(
    profile: Profile,
    transport: Transport,
    device_id: str,
    offset_ms: int,
    progress: Progress,
) -> acks_mod.AckCounts:
    counts = acks_mod.AckCounts()
    with profile.sessions() as session:
        total = int(session.scalar(select(func.count()).where(OutboxOp.state == "pending")) or 0)
        renew = state.epoch_renewal_pending(session)
    if renew:
        _renew_epoch(profile, transport, device_id)
    renewed_for_reuse = False
    after_seq = 0
    batch_limit = PUSH_BATCH
    while True:
        check_cancel(progress)
        with profile.sessions() as session:
            epoch = state.get_int(session, state.EPOCH)
            batch = session.execute(
                select(
                    OutboxOp.device_seq,
                    OutboxOp.op_id,
                    OutboxOp.kind,
                    OutboxOp.payload,
                    OutboxOp.device_wall_ms,
                )
                .where(OutboxOp.state == "pending", OutboxOp.device_seq > after_seq)
                .order_by(OutboxOp.device_seq)
                .limit(batch_limit)
            ).all()
        if not batch:
            return counts
        ops = _within_budget(
            [
                {"seq": seq, "op_id": op_id, "kind": kind, "payload": payload, "device_wall_ms": w}
                for seq, op_id, kind, payload, w in batch
            ]
        )
        body = {
            "device_id": _wire_id(device_id),
            "epoch": epoch,
            "clock_offset_ms": offset_ms,
            "ops": ops,
        }
        try:
            reply, _s, _r = transport.request("POST", "/v1/ops/push", body)
        except ServerRefused as refused:
            # Never stuck behind one op: the op the server names is set aside (listed under
            # the county's refusals) and the rest is sent again; a batch too large is halved.
            aside = _refused_op(ops, refused)
            if aside is not None:
                _record_results(profile, {str(aside["op_id"]): aside}, counts)
            elif refused.status == 413 and len(ops) > 1:
                batch_limit = max(1, len(ops) // 2)
            else:
                raise
            continue
        results = {str(r.get("op_id")): r for r in reply.get("results", [])}
        if any(r.get("error") == "sequence_reused" for r in results.values()):
            if renewed_for_reuse:
                raise UserInputError(
                    _("The county server keeps refusing this computer's operation numbers."),
                    code="sequence_reused",
                )
            _renew_epoch(profile, transport, device_id)
            renewed_for_reuse = True
            continue  # resend the same batch under the new epoch
        _record_results(profile, results, counts)
        after_seq = ops[-1]["seq"]
        progress.report(counts.acked + counts.rejected, total, _("Sending operations"))


def _refused_op(ops: list[dict[str, Any]], refused: ServerRefused) -> dict[str, Any] | None:
    """The rejection result of the one op a whole-batch refusal is about, if there is one."""
    index = refused.op_index
    if index is None and refused.status == 413 and len(ops) == 1:
        index = 0  # this op alone is more than the server takes
    if index is None or not 0 <= index < len(ops):
        return None
    op = ops[index]
    return {
        "seq": op["seq"],
        "op_id": op["op_id"],
        "status": "rejected",
        "error": refused.code,
        "message": refused.detail,
        "exception_ids": [],
        "data": {},
    }


def _within_budget(ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The leading ops whose JSON fits in PUSH_BYTES (always at least one)."""
    size = 0
    for n, op in enumerate(ops):
        size += len(json.dumps(op, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        if size > PUSH_BYTES and n > 0:
            return ops[:n]
    return ops


def _record_results(
    profile: Profile, results: dict[str, dict[str, Any]], counts: acks_mod.AckCounts
) -> None:
    with profile.sessions() as session, session.begin():
        acks_mod.record_results(session, results.values(), profile.clock.now(), counts)


def pull_changes(
    profile: Profile, transport: Transport, progress: Progress, until: int | None = None
) -> tuple[int, int]:
    """Page through the feed; each page and its cursor commit together. (pulled, new_exc).

    ``until``: after a snapshot, only what it did not carry, up to its mark. The next page is
    fetched on a worker thread while this one is written (the server renders it meanwhile); it
    is used only if the cursor it follows was committed, so a page is never skipped.
    """
    pulled = new_exceptions = 0
    bound = f"&until={until}" if until is not None else ""

    def fetch(after: int) -> dict[str, Any]:
        page, _s, _r = transport.request(
            "GET", f"/v1/changes?cursor={after}&limit={PULL_LIMIT}{bound}"
        )
        return page

    with profile.sessions() as session:
        cursor = state.get_int(session, state.CURSOR)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="shuwu-pull") as pool:
        ahead: Future[dict[str, Any]] | None = pool.submit(fetch, cursor)
        while True:
            check_cancel(progress)
            page = ahead.result() if ahead is not None else fetch(cursor)
            ahead = None
            changes = page.get("changes") or []
            next_cursor = int(page.get("next_cursor") or cursor)
            more = bool(page.get("has_more")) and next_cursor > cursor
            if more:
                ahead = pool.submit(fetch, next_cursor)
            with profile.sessions() as session, session.begin():
                begin_now(session)  # one commit per page, not one per entity
                # Another run (the CLI while the GUI syncs) may have moved on meanwhile.
                current = state.get_int(session, state.CURSOR)
                if current != cursor:
                    cursor = current
                    if ahead is not None:
                        ahead.cancel()
                        ahead = None  # fetched from a stale cursor: not used
                    continue
                stats = apply_page(session, changes, pending_uuids(session))
                state.put(session, state.CURSOR, max(cursor, next_cursor))
            pulled += stats.applied + stats.deleted
            new_exceptions += stats.new_exceptions
            progress.report(pulled, 0, _("Receiving changes"))
            if not more:
                return pulled, new_exceptions
            cursor = next_cursor


def initial_snapshot(profile: Profile, transport: Transport, progress: Progress) -> tuple[int, int]:
    """A device's first pull, desk first: the county copies (the desk index) and its branch's
    own history up to the snapshot's mark, then the county's records and their search index.
    Resumes wherever it was cut off. (rows, new exceptions); (0, 0) when not needed."""
    with profile.sessions() as session:
        if not snapshot.snapshot_pending(session):
            return 0, 0
    plan = snapshot.start(profile, transport)
    if plan is None:
        return 0, 0
    rows = new_exceptions = 0
    with profile.sessions() as session:
        ready = snapshot.desk_ready(session)
    if not ready:
        rows += snapshot.load(profile, transport, progress, plan, plan.desk).rows
        caught_up, new_exceptions = pull_changes(profile, transport, progress, until=plan.mark)
        rows += caught_up
        with profile.sessions() as session, session.begin():
            snapshot.mark_desk_ready(session, plan.mark)
        progress.report(0, 0, _("The desk is ready: lending and returning work now"))
        if plan.catalogue:
            # What changed since the mark, before the records: the desk is current at once.
            more, more_exceptions = pull_changes(profile, transport, progress)
            rows += more
            new_exceptions += more_exceptions
    if plan.catalogue:
        # The records first (search is complete after them), then any other copies in full.
        records, holdings = plan.catalogue[:1], plan.catalogue[1:]
        with profile.sessions() as session:
            searchable = snapshot.search_ready(session)
        if not searchable:
            rows += snapshot.load(profile, transport, progress, plan, records).rows
            with profile.sessions() as session, session.begin():
                snapshot.mark_search_ready(session)
            progress.report(0, 0, _("The county catalogue can be searched now"))
        if holdings:
            rows += snapshot.load(profile, transport, progress, plan, holdings).rows
    with profile.sessions() as session, session.begin():
        snapshot.finish(session, plan.mark)
    log.info("initial sync: %d rows up to change %d", rows, plan.mark)
    return rows, new_exceptions


def sync_once(
    profile: Profile,
    progress: Progress | None = None,
    config: TransportConfig | None = None,
) -> SyncResult:
    """Push then pull once. Raises ServerUnreachable (exit 3), DeviceRevoked, NotShuwuServer."""
    progress = progress or NoProgress()
    enrolment = _enrolment(profile)
    if not _run_lock.acquire(blocking=False):
        raise UserInputError(_("A sync is already running."), code="busy")
    try:
        with profile.sessions() as session, session.begin():
            state.put(session, state.LAST_ATTEMPT, profile.clock.now().isoformat())
        try:
            result = _run(profile, enrolment, progress, config)
        except Exception as exc:
            with profile.sessions() as session, session.begin():
                state.put(session, state.LAST_ERROR, getattr(exc, "message", type(exc).__name__))
            raise
        return result
    finally:
        _run_lock.release()


def _run(
    profile: Profile,
    enrolment: _Enrolment,
    progress: Progress,
    config: TransportConfig | None,
) -> SyncResult:
    with Transport(enrolment.server_url, enrolment.token, config) as transport:
        progress.report(0, 0, _("Checking the server clock"))
        offset = measure_clock(transport, profile, enrolment.training_profile)
        with profile.sessions() as session, session.begin():
            state.put(session, state.CLOCK_OFFSET_MS, offset)
        if abs(offset) > state.CLOCK_WARNING_MS:
            log.warning("device clock is off by %d s", offset // 1000)
        counts = push_outbox(profile, transport, enrolment.device_id, offset, progress)
        from_snapshot, snapshot_exceptions = initial_snapshot(profile, transport, progress)
        pulled, new_exceptions = pull_changes(profile, transport, progress)
        pulled += from_snapshot
        new_exceptions += snapshot_exceptions
    # The server-corrected time: the device's own clock may be days off.
    corrected = profile.clock.now() + timedelta(milliseconds=offset)
    now = corrected.isoformat(timespec="seconds")
    with profile.sessions() as session, session.begin():
        state.put(session, state.LAST_SYNC, now)
        state.delete(session, state.LAST_ERROR)
        pending = int(session.scalar(select(func.count()).where(OutboxOp.state == "pending")) or 0)
        open_exc = int(
            session.scalar(select(func.count()).where(SyncException.resolved_at.is_(None))) or 0
        )
        storage = credentials.storage_of(session)
        cursor = state.get_int(session, state.CURSOR)
    return SyncResult(
        pushed=counts.acked,
        duplicates=counts.duplicates,
        conflicts=counts.conflicts,
        rejected=counts.rejected,
        pulled=pulled,
        new_exceptions=new_exceptions,
        open_exceptions=open_exc,
        pending=pending,
        clock_offset_ms=offset,
        clock_warning=abs(offset) > state.CLOCK_WARNING_MS,
        last_sync=now,
        credential_storage=storage,
        cursor=cursor,
    )
