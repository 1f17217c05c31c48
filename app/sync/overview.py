"""What the Sync screen and ``shuwu sync`` show about this device, read in one short session."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.device import credentials, settings, state
from app.sync.acks import pending_count
from app.sync.apply import waiting_count
from app.sync.exceptions import open_count
from shuwu_shared.i18n import _


@dataclass(frozen=True)
class SyncOverview:
    enrolled: bool
    server_url: str | None
    device_id: str | None
    branch_code: str | None
    branch_name: str | None
    last_sync: str | None
    last_attempt: str | None
    last_error: str | None
    pending: int
    open_exceptions: int
    clock_offset_ms: int | None
    clock_warning: bool
    credential_storage: str | None  # "keychain", "file" or None
    waiting_changes: int = 0  # county changes not applied yet (kept, retried at each sync)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def sync_overview(session: Session, home: Path) -> SyncOverview:
    offset_raw = state.get(session, state.CLOCK_OFFSET_MS)
    offset = int(offset_raw) if offset_raw and offset_raw.lstrip("-").isdigit() else None
    device_id = state.get(session, state.DEVICE_ID)
    storage = credentials.storage_of(session)
    return SyncOverview(
        enrolled=bool(device_id and storage),
        server_url=state.get(session, state.SERVER_URL),
        device_id=device_id,
        branch_code=settings.get(session, settings.BRANCH_CODE),
        branch_name=settings.get(session, settings.BRANCH_NAME),
        last_sync=state.get(session, state.LAST_SYNC),
        last_attempt=state.get(session, state.LAST_ATTEMPT),
        last_error=state.get(session, state.LAST_ERROR),
        pending=pending_count(session),
        open_exceptions=open_count(session),
        clock_offset_ms=offset,
        clock_warning=offset is not None and abs(offset) > state.CLOCK_WARNING_MS,
        credential_storage=storage,
        waiting_changes=waiting_count(session),
    )


def waiting_text(count: int) -> str:
    """Staff must know when county data could not be applied here (it is retried)."""
    if count <= 0:
        return ""
    return _(
        "{count} changes from the county could not be applied on this computer yet (for"
        " example a loan whose reader has not arrived). They are tried again at every sync;"
        " if the number does not go down, tell the county library."
    ).format(count=count)


def clock_text(offset_ms: int) -> str:
    """The warning shown when this computer's clock is off (sync goes on regardless)."""
    minutes = abs(offset_ms) // 60000
    if minutes >= 2 * 24 * 60:
        amount = _("{days} days").format(days=minutes // (24 * 60))
    elif minutes >= 120:
        amount = _("{hours} hours").format(hours=minutes // 60)
    else:
        amount = _("{minutes} minutes").format(minutes=minutes)
    if offset_ms > 0:
        text = _("This computer's clock is {amount} slow. Please set the date and time.")
    else:
        text = _("This computer's clock is {amount} fast. Please set the date and time.")
    return text.format(amount=amount)


def credential_note(storage: str | None) -> str:
    if storage == credentials.FILE:
        return _(
            "No system keychain on this computer: the access key is kept in a file of the"
            " profile folder that only this user account can read."
        )
    if storage == credentials.KEYCHAIN:
        return _("The access key is kept in the system keychain.")
    return ""
