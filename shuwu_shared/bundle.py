"""USB sync bundles (sneakernet): the file format, signing and checking, under fixed limits.

A village without a usable connection carries its pending operations to the township on a USB
stick (``shuwu bundle export``); the county imports them (``shuwu-server bundle import``) with
the same ``apply_batch`` as online sync and writes a reply bundle (acks + change feed) that the
village imports (``shuwu bundle import``).

File (version 2)::

    SHUWU-BUNDLE/2 <kind> <device_id> <bundle_id> <created_at>\\n   one text line, no JSON
    <gzip stream of JSON lines>                                      the payload
    \\nSIG <64 hex>\\n                                                 the trailer

``SIG`` = HMAC-SHA256 over every byte before the trailer, keyed with the device's **bundle
key**: ``HMAC-SHA256(key = SHA-256(device token), msg = "shuwu-bundle-v1")``. The device knows
its token (issued at enrolment); the server stores only the token's SHA-256, which is all it
needs. The payload's first line is ``{"head": {...}}`` (flat header fields), every other line is
one record: ``{"op": {...}}``, ``{"result": {...}}`` or ``{"change": {...}}``.

Reading is done in a fixed amount of memory whatever the file holds (a hostile file may be a
compression bomb or deeply nested JSON):
- the header line is parsed with a strict pattern, so the key is known without parsing JSON;
- the HMAC is computed over the raw file bytes as they stream from the disk and compared
  before anything is decompressed or parsed;
- the payload is then inflated in small steps with a hard cap on the total and on each line,
  every line is parsed only after its nesting depth is checked (so no RecursionError), and the
  HMAC is computed again on the way, so a file changed after the check is refused too.
Module is shared by the client and the server (Qt-free, no database access).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import accumulate
from pathlib import Path
from typing import Any, BinaryIO

from shuwu_shared.columns import new_uuid
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

FORMAT = "shuwu-bundle"
VERSION = 2
KIND_OPS = "ops"
KIND_REPLY = "reply"
KEY_CONTEXT = b"shuwu-bundle-v1"
MAGIC = b"SHUWU-BUNDLE/2 "

# Hard limits. A real bundle is far below each; a file above one is refused, not read.
MAX_FILE_BYTES = 256 * 1024 * 1024  # on the stick (compressed)
MAX_INFLATED_BYTES = 512 * 1024 * 1024  # the payload, decompressed, in total
MAX_LINE_BYTES = 1024 * 1024  # one record
MAX_DEPTH = 16  # JSON nesting of one record
MAX_HEADER_BYTES = 256
READ_CHUNK = 64 * 1024
INFLATE_STEP = 256 * 1024  # decompressed bytes produced per call

_HEADER = re.compile(
    rb"SHUWU-BUNDLE/2 (ops|reply) ([A-Za-z0-9_-]{1,64}) ([0-9a-f-]{36}) "
    rb"([0-9T:.+-]{10,40})\n"
)
_TRAILER = re.compile(rb"\nSIG ([0-9a-f]{64})\n")
TRAILER_LEN = len(b"\nSIG ") + 64 + 1
RECORD_TYPES = {"op", "result", "change"}
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = bytes(c for c in range(256) if c not in b"[]{}")
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


@dataclass(frozen=True)
class Header:
    kind: str
    device_id: str
    bundle_id: str
    created_at: str


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bundle_key(token_hash_hex: str) -> bytes:
    """The signing key from the SHA-256 (hex) of the device token."""
    return hmac.new(bytes.fromhex(token_hash_hex), KEY_CONTEXT, hashlib.sha256).digest()


def _line(record: dict[str, Any]) -> bytes:
    # json.dumps escapes control characters, so a record never contains a raw newline.
    text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8") + b"\n"


def write_bundle(
    target: Path,
    kind: str,
    device_id: int | str,
    key: bytes,
    created_at: datetime,
    head: dict[str, Any],
    records: Iterable[tuple[str, dict[str, Any]]],
) -> str:
    """Stream a signed bundle into ``target`` (the caller renames it into place); its id.

    Raises OSError when the file cannot be written (the caller says so and removes it).
    """
    bundle_id = new_uuid()
    when = created_at.astimezone(UTC).isoformat()
    mac = hmac.new(key, digestmod=hashlib.sha256)
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: gzip framing
    with Path(target).open("wb") as fh:

        def put(data: bytes) -> None:
            if data:
                mac.update(data)
                fh.write(data)

        put(MAGIC + f"{kind} {device_id} {bundle_id} {when}\n".encode("ascii"))
        put(compressor.compress(_line({"head": head})))
        for record_type, record in records:
            put(compressor.compress(_line({record_type: record})))
        put(compressor.flush())
        fh.write(b"\nSIG " + mac.hexdigest().encode("ascii") + b"\n")
        fh.flush()
        os.fsync(fh.fileno())
    return bundle_id


def write(
    path: Path,
    kind: str,
    device_id: int | str,
    key: bytes,
    created_at: datetime,
    head: dict[str, Any],
    records: Iterable[tuple[str, dict[str, Any]]],
) -> str:
    """Write through a temporary name, so a pulled USB stick never leaves half a bundle."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        bundle_id = write_bundle(tmp, kind, device_id, key, created_at, head, records)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserInputError(
            _("Could not write the bundle to {path}: {reason}. Check the USB stick.").format(
                path=path, reason=exc.strerror or exc
            ),
            code="write_failed",
        ) from exc
    return bundle_id


def _refuse(path: Path, reason: str) -> UserInputError:
    return UserInputError(
        _("{path} cannot be imported: {reason} Nothing was changed.").format(
            path=path, reason=reason
        ),
        code="bad_bundle",
    )


def _damaged(path: Path) -> UserInputError:
    return _refuse(path, _("the file is incomplete or damaged (copy it again)."))


def _not_a_bundle(path: Path) -> UserInputError:
    return _refuse(path, _("it is not a Shuwu sync bundle (or it was made by an older Shuwu)."))


@dataclass(frozen=True)
class _Layout:
    header: Header
    payload_start: int
    payload_end: int
    signature: bytes


def _layout(path: Path) -> _Layout:
    path = Path(path)
    if not path.is_file():
        raise UserInputError(
            _("The bundle file {path} does not exist. Check the USB stick.").format(path=path),
            code="not_found",
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(path, _("the file is too large."))
        with path.open("rb") as fh:
            first = fh.readline(MAX_HEADER_BYTES)
            fh.seek(max(0, size - TRAILER_LEN))
            tail = fh.read(TRAILER_LEN)
    except OSError as exc:
        raise _refuse(path, _("the file cannot be read (check the USB stick).")) from exc
    if not first.startswith(MAGIC):
        raise _not_a_bundle(path)
    header = _HEADER.fullmatch(first)
    trailer = _TRAILER.fullmatch(tail)
    if header is None or trailer is None or size < len(first) + TRAILER_LEN:
        raise _damaged(path)
    kind, device_id, bundle_id, created_at = (g.decode("ascii") for g in header.groups())
    return _Layout(
        header=Header(kind=kind, device_id=device_id, bundle_id=bundle_id, created_at=created_at),
        payload_start=len(first),
        payload_end=size - TRAILER_LEN,
        signature=trailer.group(1),
    )


def read_header(path: Path) -> Header:
    """The header line, checked by pattern only: nothing is decompressed or parsed yet."""
    return _layout(path).header


def _chunks(fh: BinaryIO, start: int, end: int) -> Iterator[bytes]:
    fh.seek(start)
    left = end - start
    while left > 0:
        data = fh.read(min(READ_CHUNK, left))
        if not data:
            raise EOFError
        left -= len(data)
        yield data


def _bad_signature(path: Path) -> UserInputError:
    return _refuse(
        path,
        _(
            "its signature does not match (the file was changed, or it belongs to another "
            "computer)."
        ),
    )


def verify(path: Path, key: bytes, expected_kind: str) -> Header:
    """Check the HMAC over the raw bytes (streamed), then the kind; refuses or returns."""
    path = Path(path)
    layout = _layout(path)
    mac = hmac.new(key, digestmod=hashlib.sha256)
    try:
        with path.open("rb") as fh:
            for data in _chunks(fh, 0, layout.payload_end):
                mac.update(data)
    except (OSError, EOFError) as exc:
        raise _damaged(path) from exc
    if not hmac.compare_digest(mac.hexdigest().encode("ascii"), layout.signature):
        raise _bad_signature(path)
    if layout.header.kind != expected_kind:
        if expected_kind == KIND_REPLY:
            reason = _("it is an export from a village computer, not the county's reply.")
        else:
            reason = _("it is a reply from the county, not a village export.")
        raise _refuse(path, reason)
    return layout.header


def depth(line: bytes) -> int:
    """The deepest nesting of ``[``/``{`` in one JSON text, brackets inside strings ignored."""
    brackets = _STRING.sub(b"", line).translate(None, _BRACKETS)
    if not brackets:
        return 0
    return max(accumulate(_DEPTH_STEP[b] for b in brackets))


def _no_constants(name: str) -> Any:
    raise ValueError(name)  # NaN / Infinity are not JSON


def parse_line(line: bytes, max_depth: int = MAX_DEPTH) -> Any:
    """Parse one JSON text whose nesting was checked first; ValueError when it is not fine."""
    if len(line) > MAX_LINE_BYTES or depth(line) > max_depth:
        raise ValueError("too deep or too long")
    return json.loads(line.decode("utf-8"), parse_constant=_no_constants)


def _inflate(path: Path, fh: BinaryIO, layout: _Layout, key: bytes) -> Iterator[bytes]:
    """The decompressed payload in bounded steps; re-checks the HMAC at the end."""
    mac = hmac.new(key, digestmod=hashlib.sha256)
    fh.seek(0)
    mac.update(fh.read(layout.payload_start))
    inflater = zlib.decompressobj(31)  # 31: gzip framing
    total = 0
    for data in _chunks(fh, layout.payload_start, layout.payload_end):
        mac.update(data)
        while True:
            if inflater.eof:  # gzip allows several members one after another
                data = inflater.unused_data + data
                if not data:
                    break
                inflater = zlib.decompressobj(31)
            out = inflater.decompress(data, INFLATE_STEP)
            data = inflater.unconsumed_tail
            total += len(out)
            if total > MAX_INFLATED_BYTES:
                raise _refuse(path, _("the file is too large."))
            if out:
                yield out
            if not data and not inflater.eof and len(out) < INFLATE_STEP:
                break
    while not inflater.eof:  # output zlib still holds after the last input
        out = inflater.decompress(b"", INFLATE_STEP)
        if not out:
            break
        total += len(out)
        if total > MAX_INFLATED_BYTES:
            raise _refuse(path, _("the file is too large."))
        yield out
    if not inflater.eof:
        raise _damaged(path)
    if not hmac.compare_digest(mac.hexdigest().encode("ascii"), layout.signature):
        raise _bad_signature(path)  # changed on the stick since it was checked


def records(path: Path, key: bytes) -> Iterator[tuple[str, dict[str, Any], int]]:
    """``("head", {...}, size)`` then every record with its size in bytes, streamed; refuses
    on any damage or limit.

    Call after ``verify``. Run the consumer in a transaction: a refusal may come after some
    records were yielded (only for a file changed after the check, or one signed by a holder of
    the key), and then nothing may be kept.
    """
    path = Path(path)
    layout = _layout(path)
    pending = bytearray()
    first = True
    try:
        with path.open("rb") as fh:
            for out in _inflate(path, fh, layout, key):
                pending += out
                while True:
                    end = pending.find(b"\n")
                    if end < 0:
                        if len(pending) > MAX_LINE_BYTES:
                            raise _refuse(path, _("one of its records is too large."))
                        break
                    line = bytes(pending[:end])
                    del pending[: end + 1]
                    record_type, record = _record(path, line, first)
                    yield record_type, record, len(line)
                    first = False
    except (OSError, EOFError, zlib.error) as exc:
        raise _damaged(path) from exc
    if pending or first:
        raise _damaged(path)


def _record(path: Path, line: bytes, first: bool) -> tuple[str, dict[str, Any]]:
    try:
        value = parse_line(line)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _damaged(path) from exc
    if not isinstance(value, dict) or len(value) != 1:
        raise _damaged(path)
    ((record_type, record),) = value.items()
    allowed = {"head"} if first else RECORD_TYPES
    if record_type not in allowed or not isinstance(record, dict):
        raise _damaged(path)
    return record_type, record
