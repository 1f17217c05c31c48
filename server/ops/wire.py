"""A push batch as it arrives: shape checks and payload hashes, done before the writer lock."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from app.i18n import _

MAX_OPS = 500


class BatchError(Exception):
    """The batch as a whole is unacceptable: nothing is applied. ``status`` is the HTTP code."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message


@dataclass(frozen=True)
class OpIn:
    seq: int
    op_id: str
    kind: str
    payload: dict[str, Any]
    device_wall_ms: int
    clock_offset_ms: int | None
    digest: str  # payload_sha256 of kind and payload: what a resend is compared by


def payload_sha256(payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def parse_ops(raw: object) -> list[OpIn]:
    """Check a batch's shape before anything is applied (HTTP push and bundle import)."""
    if not isinstance(raw, list) or not raw:
        raise BatchError(400, "bad_request", _("ops must be a non-empty list"))
    if len(raw) > MAX_OPS:
        raise BatchError(413, "too_large", _("At most {n} operations per push").format(n=MAX_OPS))
    ops: list[OpIn] = []
    for index, op in enumerate(raw):
        where = _("operation {n}").format(n=index + 1)
        if not isinstance(op, dict):
            raise BatchError(400, "bad_request", _("{where} is not an object").format(where=where))
        try:
            seq = op["seq"]
            op_id = op["op_id"]
            kind = op["kind"]
            payload = op["payload"]
            wall = op.get("device_wall_ms", 0)
            offset = op.get("clock_offset_ms")
        except KeyError as exc:
            raise BatchError(
                400,
                "bad_request",
                _("{where}: missing {field}").format(where=where, field=exc.args[0]),
            ) from exc
        if (
            not isinstance(seq, int)
            or isinstance(seq, bool)
            or seq < 1
            or not isinstance(op_id, str)
            or not 1 <= len(op_id) <= 36
            or not isinstance(kind, str)
            or not isinstance(payload, dict)
            or not isinstance(wall, int)
            or (offset is not None and not isinstance(offset, int))
        ):
            raise BatchError(
                400,
                "bad_request",
                _(
                    "{where}: seq must be a positive integer, op_id a text of at most 36 "
                    "characters, "
                    "kind a text, payload an object, device_wall_ms an integer"
                ).format(where=where),
            )
        if ops and seq <= ops[-1].seq:
            raise BatchError(
                422,
                "bad_request",
                _("{where}: seq must increase strictly within a batch").format(where=where),
            )
        digest = payload_sha256({"kind": kind, "payload": payload})
        ops.append(OpIn(seq, op_id, kind, payload, wall, offset, digest))
    if len({o.op_id for o in ops}) != len(ops):
        raise BatchError(422, "bad_request", _("the same op_id appears twice in one batch"))
    return ops
