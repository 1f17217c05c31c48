"""``shuwu-server bundle import FILE [--reply OUT]``: apply a village's USB bundle, write a reply.

The ops go through the same ``apply_batch`` as ``POST /v1/ops/push`` (receipts by op_id, the
same conflict rules), in one write transaction: a bundle is applied whole or not at all.
Importing the same bundle again applies nothing (every op comes back ``duplicate``). The reply
bundle carries the results (acks) and the change feed for the device's branch from the cursor
the village had, signed with the same device key (format: shuwu_shared/bundle.py).
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from server import feed, settings
from server import models as m
from server.cli_base import CommandResult, InputError, add_command, add_group, write_session
from server.ops import MAX_OPS, BatchError, apply_batch, parse_ops
from server.timeutil import iso, utcnow
from shuwu_shared import bundle as fmt
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

APPLIED = {"applied", "applied_with_exception"}
FEED_PAGE = 5000
# ServerSetting key remembering the epoch a bundle was applied under (a re-import reuses it).
SEEN_PREFIX = "bundle:"


def register(subparsers: Any) -> None:
    group = add_group(
        subparsers, "bundle", _("USB sync bundles from villages without a connection")
    )
    p = add_command(
        group, "import", _("apply a village's bundle and write the reply bundle"), run_import
    )
    p.add_argument("file", metavar="FILE", help=_("the bundle from the village"))
    p.add_argument(
        "--reply",
        metavar="OUT",
        default=None,
        help=_("where to write the reply bundle (default: FILE-reply next to it)"),
    )


def default_reply_path(source: Path) -> Path:
    return source.with_name(f"{source.stem}-reply{source.suffix or '.shuwu'}")


def _device(session: Session, path: Path, header: fmt.Header) -> m.Device:
    raw = header.device_id
    device_id = int(raw) if raw.isdigit() and len(raw) < 12 else None
    device = session.get(m.Device, device_id) if device_id is not None else None
    if device is None or not device.token_sha256:
        raise InputError(
            _(
                "{path} comes from a computer this server does not know. Nothing was changed."
            ).format(path=path)
        )
    if device.revoked:
        raise InputError(
            _(
                "{path} comes from device {id}, which was revoked. Nothing was changed; "
                "enrol the computer again if it is back in use."
            ).format(path=path, id=device.id)
        )
    return device


def _header_int(path: Path, value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise _bad_header(path)
    try:
        return int(value)
    except ValueError as exc:
        raise _bad_header(path) from exc


def _bad_header(path: Path) -> InputError:
    return InputError(
        _("{path} is damaged (bad header fields). Nothing was changed.").format(path=path)
    )


# Ops are applied in slices of at most MAX_OPS ops or this many bytes: bounded memory.
SLICE_BYTES = 8 * 1024 * 1024
MAX_BUNDLE_OPS = 200_000


def _op_slices(
    path: Path, stream: Iterator[tuple[str, dict[str, Any], int]]
) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    size = 0
    for count, (record_type, record, record_size) in enumerate(stream, 1):
        if record_type != "op":
            raise InputError(_damaged(path))
        if count > MAX_BUNDLE_OPS:
            raise InputError(
                _("{path} holds too many operations. Nothing was changed.").format(path=path)
            )
        chunk.append(record)
        size += record_size
        if len(chunk) >= MAX_OPS or size >= SLICE_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _damaged(path: Path) -> str:
    return _("{path} cannot be imported: {reason} Nothing was changed.").format(
        path=path, reason=_("the file is incomplete or damaged (copy it again).")
    )


def _apply(
    session: Any,
    device: m.Device,
    epoch: int,
    slices: Iterator[list[dict[str, Any]]],
    offset: int,
) -> tuple[int, list[dict[str, Any]]]:
    """Apply slice by slice; a reused sequence (restored PC) gets one new epoch."""
    results: list[dict[str, Any]] = []
    renewed = False
    for raw in slices:
        chunk = parse_ops(raw)
        out = apply_batch(session, device, epoch, chunk, clock_offset_ms=offset)
        reused = [r for r in out if r.get("error") == "sequence_reused"]
        if reused and not renewed:
            device.epoch += 1
            epoch = device.epoch
            renewed = True
            retry_ids = {r["op_id"] for r in reused}
            retry = [o for o in chunk if o.op_id in retry_ids]
            again = {r["op_id"]: r for r in apply_batch(session, device, epoch, retry, offset)}
            out = [again.get(r["op_id"], r) for r in out]
        results += out
    return epoch, results


def _feed(session: Any, branch_code: str, cursor: int) -> tuple[list[dict[str, Any]], int]:
    changes: list[dict[str, Any]] = []
    while True:
        page = feed.page(session, branch_code, cursor, FEED_PAGE)
        changes += page["changes"]
        next_cursor = int(page["next_cursor"])
        if not page["has_more"] or next_cursor <= cursor:
            return changes, max(cursor, next_cursor)
        cursor = next_cursor


def _import_ops(
    session: Session,
    path: Path,
    device: m.Device,
    header: fmt.Header,
    body: dict[str, Any],
    stream: Iterator[tuple[str, dict[str, Any], int]],
) -> tuple[int, list[dict[str, Any]]]:
    """Apply the bundle's ops under the right epoch; (epoch, results)."""
    if bool(body.get("training")) != settings.is_training(session):
        raise InputError(
            _(
                "{path}: training bundles and real branch bundles never mix "
                "(this server is {mode}). Nothing was changed."
            ).format(
                path=path,
                mode=_("a training server")
                if settings.is_training(session)
                else _("the real county server"),
            )
        )
    epoch = _header_int(path, body.get("epoch"))
    offset = _header_int(path, body.get("clock_offset_ms"))
    seen = settings.get(session, SEEN_PREFIX + header.bundle_id)
    if seen is not None:
        epoch = int(seen)  # a re-import: same epoch, every op a duplicate
    elif body.get("renew_epoch"):
        device.epoch += 1  # the village restored a backup while offline
        epoch = device.epoch
    if not 1 <= epoch <= device.epoch:
        raise InputError(
            _("{path} names an unknown epoch {epoch}. Nothing was changed.").format(
                path=path, epoch=epoch
            )
        )
    try:
        epoch, results = _apply(session, device, epoch, _op_slices(path, stream), offset)
    except BatchError as exc:
        raise InputError(
            _("{path} is damaged ({reason}). Nothing was changed.").format(
                path=path, reason=str(exc)
            )
        ) from exc
    settings.put(session, SEEN_PREFIX + header.bundle_id, str(epoch))
    return epoch, results


def run_import(args: argparse.Namespace) -> CommandResult:
    path = Path(args.file)
    try:
        header = fmt.read_header(path)  # a pattern-checked text line: no JSON, no inflating
    except UserInputError as exc:
        raise InputError(exc.message) from exc
    reply_path = Path(args.reply) if args.reply else default_reply_path(path)
    staging = reply_path.with_name(reply_path.name + ".part")
    with write_session(args) as session:
        device = _device(session, path, header)
        key = fmt.bundle_key(device.token_sha256 or "")
        try:
            fmt.verify(path, key, fmt.KIND_OPS)  # the HMAC over the raw bytes, streamed
            stream = fmt.records(path, key)
            _type, body, _size = next(stream)
            epoch, results = _import_ops(session, path, device, header, body, stream)
        except UserInputError as exc:
            raise InputError(exc.message) from exc
        device.last_seen = utcnow()
        session.flush()
        cursor = max(0, _header_int(path, body.get("cursor")))
        changes, next_cursor = _feed(session, device.branch_code, cursor)
        reply_head = {
            "in_reply_to": header.bundle_id,
            "epoch": epoch,
            "from_cursor": cursor,
            "next_cursor": next_cursor,
            "server_time": iso(utcnow()),
            "training": settings.is_training(session),
        }
        records = chain((("result", r) for r in results), (("change", c) for c in changes))
        # Written under a temporary name before the commit (a full USB stick rolls the import
        # back) and renamed after it: a reply never acknowledges what was not committed.
        try:
            reply_id = fmt.write_bundle(
                staging, fmt.KIND_REPLY, device.id, key, utcnow(), reply_head, records
            )
        except OSError as exc:
            staging.unlink(missing_ok=True)
            raise InputError(
                _("Could not write the reply bundle {path}: {reason}. Nothing was changed.").format(
                    path=reply_path, reason=exc.strerror or exc
                )
            ) from exc
        device_id = device.id
    os.replace(staging, reply_path)
    counts = {
        "applied": sum(r["status"] in APPLIED for r in results),
        "duplicate": sum(r["status"] == "duplicate" for r in results),
        "conflicts": sum(r["status"] == "applied_with_exception" for r in results),
        "rejected": sum(r["status"] == "rejected" for r in results),
    }
    out = {
        **counts,
        "device_id": device_id,
        "bundle_id": header.bundle_id,
        "epoch": epoch,
        "reply": str(reply_path),
        "reply_id": reply_id,
        "changes": len(changes),
    }
    text = _(
        "Bundle from device {device}: {applied} applied, {duplicate} already received, "
        "{conflicts} with conflicts (see exceptions), {rejected} refused.\n"
        "Reply bundle for the village: {reply}"
    ).format(device=device_id, reply=reply_path, **counts)
    return CommandResult(json.loads(json.dumps(out)), text)
