"""The wire protocol between a village PC and the county server, as pydantic v2 models.

The names below load on first use (PEP 562): importing a leaf such as
``shuwu_shared.protocol.marcwire`` must not build every model, a noticeable share of the
desktop app's cold start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from shuwu_shared.protocol.messages import (
        ERROR_HEADER,
        MAX_BODY,
        MAX_OPS,
        CallSeqRequest,
        ChangesQuery,
        CopiesQuery,
        EnrolRequest,
        EpochRequest,
        ErrorEnvelope,
        ExceptionsQuery,
        IndexQuery,
        OpHeader,
        OpResult,
        PushEnvelope,
        PushRequest,
        PushResponse,
        SnapshotQuery,
    )
    from shuwu_shared.protocol.ops import (
        OP_KINDS,
        OP_MODELS,
        PAYLOADS,
        ProtocolError,
        batch_problems,
        describe,
        validate_payload,
    )

_HOME = {
    "ERROR_HEADER": "messages",
    "MAX_BODY": "messages",
    "MAX_OPS": "messages",
    "CallSeqRequest": "messages",
    "ChangesQuery": "messages",
    "EnrolRequest": "messages",
    "EpochRequest": "messages",
    "ErrorEnvelope": "messages",
    "ExceptionsQuery": "messages",
    "IndexQuery": "messages",
    "CopiesQuery": "messages",
    "OpHeader": "messages",
    "OpResult": "messages",
    "PushEnvelope": "messages",
    "PushRequest": "messages",
    "PushResponse": "messages",
    "SnapshotQuery": "messages",
    "OP_KINDS": "ops",
    "OP_MODELS": "ops",
    "PAYLOADS": "ops",
    "ProtocolError": "ops",
    "batch_problems": "ops",
    "describe": "ops",
    "validate_payload": "ops",
}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "ERROR_HEADER",
    "MAX_BODY",
    "MAX_OPS",
    "OP_KINDS",
    "OP_MODELS",
    "PAYLOADS",
    "CallSeqRequest",
    "ChangesQuery",
    "CopiesQuery",
    "EnrolRequest",
    "EpochRequest",
    "ErrorEnvelope",
    "ExceptionsQuery",
    "IndexQuery",
    "OpHeader",
    "OpResult",
    "ProtocolError",
    "PushEnvelope",
    "PushRequest",
    "PushResponse",
    "SnapshotQuery",
    "batch_problems",
    "describe",
    "validate_payload",
]
