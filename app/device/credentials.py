"""The device token: in the OS keychain through ``keyring``, else an owner-only file.

Village PCs run Windows (Credential Manager works); headless Linux and some locked-down
machines have no usable keychain (``keyring.backends.fail.Keyring`` raises). Then the token goes
to ``<profile>/device-token`` with mode 0600 and ``storage`` says "file", so the Sync screen and
``shuwu sync`` can tell the user the secret is only as safe as the profile folder.
The token itself is never logged or printed.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.models import SyncState

log = logging.getLogger(__name__)

SERVICE = "shuwu"
TOKEN_FILENAME = "device-token"
STORAGE_KEY = "credential_storage"  # sync_state: "keychain" or "file"
KEYCHAIN = "keychain"
FILE = "file"
# Tests and kiosk installs can force the file store (never touch the user's real keychain).
FORCE_FILE_ENV = "SHUWU_CREDENTIALS"


@dataclass(frozen=True)
class StoredCredential:
    storage: str  # "keychain" or "file"
    path: Path | None  # the file, when storage == "file"


def _account(home: Path) -> str:
    # One entry per profile folder, so two profiles on one PC never share a token.
    return f"device:{home.resolve()}"


def token_file(home: Path) -> Path:
    return home / TOKEN_FILENAME


def _write_private_file(path: Path, secret: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    fd = os.open(tmp, flags, 0o600)
    try:
        os.write(fd, secret.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _keychain_set(home: Path, secret: str) -> bool:
    if os.environ.get(FORCE_FILE_ENV) == FILE:
        return False
    try:
        import keyring

        keyring.set_password(SERVICE, _account(home), secret)
        return keyring.get_password(SERVICE, _account(home)) == secret
    except Exception as exc:  # no backend, locked keychain, D-Bus missing...
        log.info("no usable keychain (%s); using the profile file", type(exc).__name__)
        return False


def _keychain_get(home: Path) -> str | None:
    try:
        import keyring

        return keyring.get_password(SERVICE, _account(home))
    except Exception:
        return None


def _keychain_delete(home: Path) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, _account(home))
    except Exception:
        return


def _put_state(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def store_token(session: Session, home: Path, secret: str) -> StoredCredential:
    """Save the token (keychain first) and remember where, in ``session``'s transaction."""
    if _keychain_set(home, secret):
        path = token_file(home)
        if path.exists():
            path.unlink()
        _put_state(session, STORAGE_KEY, KEYCHAIN)
        return StoredCredential(KEYCHAIN, None)
    path = token_file(home)
    _write_private_file(path, secret)
    _put_state(session, STORAGE_KEY, FILE)
    return StoredCredential(FILE, path)


def load_token(session: Session, home: Path) -> str | None:
    """The device token, or None when this profile was never enrolled (or it was removed)."""
    row = session.get(SyncState, STORAGE_KEY)
    if row is not None and row.value == KEYCHAIN:
        secret = _keychain_get(home)
        if secret:
            return secret
    path = token_file(home)
    if path.exists():
        return path.read_text(encoding="utf-8").strip() or None
    return None


def storage_of(session: Session) -> str | None:
    """ "keychain", "file" or None (not enrolled): what the UI and ``shuwu sync`` report."""
    row = session.get(SyncState, STORAGE_KEY)
    return row.value if row is not None else None


def forget_token(session: Session, home: Path) -> None:
    _keychain_delete(home)
    path = token_file(home)
    if path.exists():
        path.unlink()
    row = session.get(SyncState, STORAGE_KEY)
    if row is not None:
        session.delete(row)


def load_token_for_session(session: Session) -> str | None:
    """The token of the profile whose database ``session`` is bound to (for services that
    only get a session, like copy cataloguing's union-catalogue lookups)."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    database = engine.url.database
    if not database:
        return None
    return load_token(session, Path(database).resolve().parent)
