"""Keys of the device's bookkeeping in ``sync_state``, small typed accessors, and the epoch.

The one place these keys are spelled; services, the sync engine, backups and recovery import
them from here. The token itself is not in ``sync_state``: it lives in app.device.credentials.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import SyncState

SERVER_URL = "server_url"
DEVICE_ID = "device_id"
EPOCH = "epoch"
# Set after a restore: the device's sequence epoch must be renewed with the server at next sync.
EPOCH_RENEW = "epoch_renew_required"
RESTORED_AT = "restored_at"  # ISO UTC of the last restore or rebuild
CLOCK_OFFSET_MS = "clock_offset_ms"
CURSOR = "change_cursor"
LAST_SYNC = "last_sync"  # ISO UTC of the last success
LAST_ATTEMPT = "last_attempt"
LAST_ERROR = "last_error"
TRAINING_SERVER = "server_training"
# An initial sync from the snapshot (app.sync.snapshot): its mark and the position reached.
SNAPSHOT_MARK = "snapshot_mark"
SNAPSHOT_ENTITY = "snapshot_entity"
SNAPSHOT_AFTER = "snapshot_after"
SNAPSHOT_REINDEX = "snapshot_reindex"  # the trigram index awaits its one-pass rebuild
# Desk first: which pages the snapshot copies ("index": the desk index, then the records;
# "plain": an older server's record and copy pages), whether the desk phase is over (the
# copies and the branch's history are here), and the records received of how many.
SNAPSHOT_PLAN = "snapshot_plan"
SNAPSHOT_DESK_READY = "snapshot_desk_ready"
SNAPSHOT_BIB_DONE = "snapshot_bib_done"
SNAPSHOT_BIB_TOTAL = "snapshot_bib_total"
SNAPSHOT_KEYLESS = "snapshot_keyless"  # the server can leave the records' search keys out
SNAPSHOT_INDEX_BYTES = "snapshot_index_bytes"  # compressed desk index received (kept after)
SNAPSHOT_COPY_BYTES = "snapshot_copy_bytes"  # every copy page received, compressed (kept after)
SNAPSHOT_SEARCH_READY = "snapshot_search_ready"  # the records are here; other copies may follow

# |offset| above this is shown as a warning (never a refusal).
CLOCK_WARNING_MS = 5 * 60 * 1000


def get(session: Session, key: str) -> str | None:
    row = session.get(SyncState, key)
    return row.value if row is not None else None


def get_int(session: Session, key: str, default: int = 0) -> int:
    raw = get(session, key)
    try:
        return int(raw) if raw is not None else default
    except ValueError:
        return default


def put(session: Session, key: str, value: str | int) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=str(value)))
    else:
        row.value = str(value)


def delete(session: Session, key: str) -> None:
    row = session.get(SyncState, key)
    if row is not None:
        session.delete(row)


# -- the epoch ----------------------------------------------------------------------------------
# Ops carry (epoch, op_id). A restored database may resend ops the server already holds under
# the old epoch, so a restore marks the epoch for renewal and the next sync (online or USB)
# asks the server for a new one before pushing.


def mark_epoch_renewal(session: Session) -> None:
    """Called by a restore or rebuild, in its own transaction."""
    put(session, EPOCH_RENEW, "1")


def epoch_renewal_pending(session: Session) -> bool:
    """True after a restore until the sync engine has renewed the epoch with the server."""
    return get(session, EPOCH_RENEW) == "1"


def clear_epoch_renewal(session: Session, new_epoch: int) -> None:
    """Called by the sync engine (or a USB reply) once the server has issued ``new_epoch``."""
    put(session, EPOCH, new_epoch)
    delete(session, EPOCH_RENEW)


def catalogue_percent(session: Session) -> int | None:
    """While the county catalogue is still arriving, how much of it is here (0-99); else None."""
    if get(session, SNAPSHOT_MARK) is None or get(session, SNAPSHOT_SEARCH_READY) is not None:
        return None
    total = get_int(session, SNAPSHOT_BIB_TOTAL)
    done = get_int(session, SNAPSHOT_BIB_DONE)
    if total <= 0:
        return 0
    return max(0, min(99, done * 100 // total))
