"""USB sync bundles (sneakernet): the file format, signing and checking.

A village without a usable connection carries its pending operations to the township on a USB
stick (``shuwu bundle export``); the county imports them (``shuwu-server bundle import``) with
the same ``apply_batch`` as online sync and writes a reply bundle (acks + change feed) that the
village imports (``shuwu bundle import``).

File: gzip-compressed UTF-8 JSON::

    {"format": "shuwu-bundle", "version": 1, "kind": "ops" | "reply",
     "bundle_id": uuid, "device_id": 7, "created_at": ISO, "body": {...},
     "signature": hex}

``signature`` = HMAC-SHA256 over the canonical JSON of every other field (sorted keys, no
spaces, UTF-8), keyed with the device's **bundle key**:
``HMAC-SHA256(key = SHA-256(device token), msg = "shuwu-bundle-v1")``. The device knows its
token (issued at enrolment); the server stores only the token's SHA-256, which is all it needs.
So only the enrolled device and its county server can make a bundle the other accepts; a
changed byte, a truncated copy or another device's file is refused before anything is applied.
Module is shared by the client and the server (Qt-free, no database access).
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.errors import UserInputError
from app.i18n import _
from app.models.base import new_uuid

FORMAT = "shuwu-bundle"
VERSION = 1
KIND_OPS = "ops"
KIND_REPLY = "reply"
KEY_CONTEXT = b"shuwu-bundle-v1"
MAX_BYTES = 512 * 1024 * 1024  # decompressed; a bundle is never near this


@dataclass(frozen=True)
class Bundle:
    kind: str
    bundle_id: str
    device_id: int | str
    created_at: str
    body: dict[str, Any]


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bundle_key(token_hash_hex: str) -> bytes:
    """The signing key from the SHA-256 (hex) of the device token."""
    return hmac.new(bytes.fromhex(token_hash_hex), KEY_CONTEXT, hashlib.sha256).digest()


def _canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def _sign(document: dict[str, Any], key: bytes) -> str:
    return hmac.new(key, _canonical(document), hashlib.sha256).hexdigest()


def encode(
    kind: str, device_id: int | str, body: dict[str, Any], key: bytes, created_at: datetime
) -> tuple[bytes, str]:
    """The signed, compressed bundle bytes and its bundle_id."""
    bundle_id = new_uuid()
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "kind": kind,
        "bundle_id": bundle_id,
        "device_id": device_id,
        "created_at": created_at.astimezone(UTC).isoformat(),
        "body": body,
    }
    document["signature"] = _sign(document, key)
    return gzip.compress(_canonical(document), mtime=0), bundle_id


def write(path: Path, data: bytes) -> None:
    """Write through a temporary name, so a pulled USB stick never leaves half a bundle."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserInputError(
            _("Could not write the bundle to {path}: {reason}. Check the USB stick.").format(
                path=path, reason=exc.strerror or exc
            ),
            code="write_failed",
        ) from exc


def _refuse(path: Path, reason: str) -> UserInputError:
    return UserInputError(
        _("{path} cannot be imported: {reason} Nothing was changed.").format(
            path=path, reason=reason
        ),
        code="bad_bundle",
    )


def read_unverified(path: Path) -> dict[str, Any]:
    """Decompress and parse; structure checked, signature NOT yet (the key depends on device)."""
    path = Path(path)
    if not path.is_file():
        raise UserInputError(
            _("The bundle file {path} does not exist. Check the USB stick.").format(path=path),
            code="not_found",
        )
    raw = path.read_bytes()
    if not raw.startswith(b"\x1f\x8b"):
        raise _refuse(path, _("it is not a Shuwu sync bundle."))
    try:
        text = gzip.decompress(raw)
    except (EOFError, OSError, zlib.error) as exc:
        raise _refuse(path, _("the file is incomplete or damaged (copy it again).")) from exc
    if len(text) > MAX_BYTES:
        raise _refuse(path, _("the file is too large."))
    try:
        document = json.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _refuse(path, _("it is not a Shuwu sync bundle.")) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _refuse(path, _("it is not a Shuwu sync bundle."))
    if document.get("version") != VERSION:
        raise _refuse(path, _("it was made by another version of Shuwu."))
    for field, kind in (
        ("kind", str),
        ("bundle_id", str),
        ("created_at", str),
        ("body", dict),
        ("signature", str),
    ):
        if not isinstance(document.get(field), kind):
            raise _refuse(path, _("the file is incomplete or damaged (copy it again)."))
    if not isinstance(document.get("device_id"), (int, str)):
        raise _refuse(path, _("the file is incomplete or damaged (copy it again)."))
    return dict(document)


def verify(path: Path, document: dict[str, Any], key: bytes, expected_kind: str) -> Bundle:
    """Check the signature and kind; returns the bundle or refuses (nothing applied yet)."""
    claimed = str(document.get("signature", ""))
    unsigned = {k: v for k, v in document.items() if k != "signature"}
    if not hmac.compare_digest(claimed, _sign(unsigned, key)):
        raise _refuse(
            path,
            _(
                "its signature does not match (the file was changed, or it belongs to another "
                "computer)."
            ),
        )
    if document["kind"] != expected_kind:
        if expected_kind == KIND_REPLY:
            reason = _("it is an export from a village computer, not the county's reply.")
        else:
            reason = _("it is a reply from the county, not a village export.")
        raise _refuse(path, reason)
    return Bundle(
        kind=document["kind"],
        bundle_id=document["bundle_id"],
        device_id=document["device_id"],
        created_at=document["created_at"],
        body=document["body"],
    )
