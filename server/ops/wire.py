"""A push batch as it arrives: shape checks and payload hashes, done before the writer lock.

The batch is refused as a whole (``BatchError``) only when an op cannot be answered on its
own: it is not an object, or its ``op_id``/``seq`` is unusable or repeated. Everything else
about an op (its kind, payload, times) is checked against the shared protocol models
(shuwu_shared.protocol) in one call per batch; an op that fails carries a ``rejection`` and
is answered ``rejected`` while the rest of the batch is applied.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from shuwu_shared.i18n import _
from shuwu_shared.protocol import MAX_OPS as MAX_OPS
from shuwu_shared.protocol import OpHeader, batch_problems, describe


class BatchError(Exception):
    """The batch as a whole is unacceptable: nothing is applied. ``status`` is the HTTP code."""

    def __init__(self, status: int, error: str, message: str, op_index: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message
        self.op_index = op_index


@dataclass(frozen=True)
class OpIn:
    seq: int
    op_id: str
    kind: str
    payload: dict[str, Any]
    device_wall_ms: int
    clock_offset_ms: int | None
    digest: str  # payload_sha256 of kind and payload: what a resend is compared by
    rejection: tuple[str, str] | None = None  # (code, message) when the op failed its model


def payload_sha256(payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _digest(kind: object, payload: object) -> str:
    try:
        return payload_sha256({"kind": kind, "payload": payload})
    except (TypeError, ValueError, RecursionError):
        return ""  # unhashable garbage: never equal to a stored digest


_HEADERS: TypeAdapter[list[OpHeader]] = TypeAdapter(list[OpHeader])


def _headers(raw: list[Any]) -> list[OpHeader]:
    """Every op's seq and op_id, checked in one call; the first bad op refuses the batch."""
    try:
        return _HEADERS.validate_python(raw)
    except ValidationError as exc:
        first = exc.errors(include_input=False, include_url=False)[0]
        loc = first.get("loc", ())
        index = loc[0] if loc and isinstance(loc[0], int) else 0
        where = _("operation {n}").format(n=index + 1)
        if not isinstance(raw[index], dict):
            message = _("{where} is not an object").format(where=where)
        else:
            message = f"{where}: {describe({**first, 'loc': loc[1:]})}"
        raise BatchError(422, "invalid_op", message, index) from None


def parse_ops(raw: object) -> list[OpIn]:
    """Check a batch before anything is applied (HTTP push and bundle import)."""
    if not isinstance(raw, list) or not raw:
        raise BatchError(400, "bad_request", _("ops must be a non-empty list"))
    if len(raw) > MAX_OPS:
        raise BatchError(413, "too_large", _("At most {n} operations per push").format(n=MAX_OPS))
    headers = _headers(raw)
    seen: set[str] = set()
    for index, header in enumerate(headers):
        if index and header.seq <= headers[index - 1].seq:
            raise BatchError(
                422,
                "invalid_op",
                _("{where}: seq must increase strictly within a batch").format(
                    where=_("operation {n}").format(n=index + 1)
                ),
                index,
            )
        if header.op_id in seen:
            raise BatchError(
                422, "invalid_op", _("the same op_id appears twice in one batch"), index
            )
        seen.add(header.op_id)
    problems = batch_problems(raw)
    ops: list[OpIn] = []
    for index, (header, op) in enumerate(zip(headers, raw, strict=True)):
        kind, payload = op.get("kind"), op.get("payload")
        problem = problems.get(index)
        if problem is None:
            wall, offset = op.get("device_wall_ms", 0), op.get("clock_offset_ms")
        else:
            wall, offset = 0, None  # never used: a rejected op is not applied
        ops.append(
            OpIn(
                seq=header.seq,
                op_id=header.op_id,
                kind=kind if isinstance(kind, str) else "",
                payload=payload if isinstance(payload, dict) else {},
                device_wall_ms=wall,
                clock_offset_ms=offset,
                digest=_digest(kind, payload),
                rejection=problem,
            )
        )
    return ops
