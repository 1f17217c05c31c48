"""Requests and responses of every endpoint, defined once (see docs/sync-protocol.md).

Request envelopes ignore unknown top-level fields (a newer client may add an optional hint);
op payloads do not (shuwu_shared.protocol.ops). Responses are documented, not re-validated
on the server's hot path: the feed and snapshot pages are built and serialised directly.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from shuwu_shared.protocol.copies import COPIES_DEFAULT_LIMIT, COPIES_MAX_LIMIT
from shuwu_shared.protocol.copies import CopiesPage as CopiesPage  # documented here too
from shuwu_shared.protocol.index import INDEX_DEFAULT_LIMIT, INDEX_MAX_LIMIT
from shuwu_shared.protocol.index import ItemIndexPage as ItemIndexPage  # documented here too
from shuwu_shared.protocol.ops import Op
from shuwu_shared.protocol.text import (
    I64_MAX,
    Cursor,
    Id,
    Line32,
    Line64,
    Line200,
    OffsetMs,
    Seq,
    Time,
)

MAX_BODY = 2 * 1024 * 1024  # bytes, after gzip is undone
MAX_OPS = 500  # per push
FEED_MAX_LIMIT = 5000
SNAPSHOT_DEFAULT_LIMIT = 20_000
SNAPSHOT_MAX_LIMIT = 50_000
ERROR_HEADER = "X-Shuwu-Server"

DeviceId = Annotated[
    int, Field(ge=1, le=I64_MAX, description="The id the server gave at enrolment")
]
Epoch = Annotated[int, Field(ge=1, le=2**31 - 1)]


class Request(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)


class Response(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)


# -- errors ---------------------------------------------------------------------------------
class ErrorEnvelope(Response):
    """Every error answer, with the ``X-Shuwu-Server: 1`` header. Never a traceback."""

    error: str = Field(description="A stable machine code: bad_request, unauthorized, ...")
    message: str = Field(description="A sentence for staff, in the server's language")
    server_time: str
    op_index: int | None = Field(
        None, description="For a push refused as a whole: the 0-based index of the op at fault"
    )


# -- hello, enrol, epoch ----------------------------------------------------------------------
class HelloResponse(Response):
    server: Literal["shuwu"]
    version: str
    server_time: str
    training: bool


class EnrolRequest(Request):
    """``POST /v1/enrol``: a one-time code from the county library."""

    code: Annotated[Line64, Field(min_length=1)] = Field(
        description="The one-time enrolment code (spaces and hyphens are ignored)"
    )
    device_name: Line200 | None = None
    client_time: Time | None = None


class BranchInfo(Response):
    code: str
    name: str
    kind: str
    parent_code: str | None = None
    barcode_range_start: str | None = None
    barcode_range_end: str | None = None


class EnrolResponse(Response):
    device_id: int
    token: str = Field(description="The device token: send it as ``Authorization: Bearer``")
    epoch: int
    branch: BranchInfo
    server_time: str
    training: bool


class EpochRequest(Request):
    device_id: DeviceId | None = None


class EpochResponse(Response):
    epoch: int
    server_time: str


# -- push ---------------------------------------------------------------------------------------
class PushRequest(Request):
    """``POST /v1/ops/push``: up to 500 ops, seq strictly increasing, op_ids unique.

    An op that fails its kind's model is answered ``rejected`` (``unknown_kind`` or
    ``invalid_payload``) and the rest of the batch is applied.
    """

    device_id: DeviceId
    epoch: Epoch
    clock_offset_ms: OffsetMs = 0
    ops: Annotated[list[Op], Field(min_length=1, max_length=MAX_OPS)]


class OpHeader(BaseModel):
    """The part of an op a batch is refused for as a whole when it is wrong (the op cannot
    be answered on its own without a usable op_id and seq)."""

    model_config = ConfigDict(extra="allow", strict=True, frozen=True)

    seq: Seq
    op_id: Id


class PushEnvelope(Request):
    """The push body as checked before the ops: kinds and payloads are checked op by op."""

    device_id: DeviceId
    epoch: Epoch
    clock_offset_ms: OffsetMs = 0
    ops: Annotated[list[Any], Field(min_length=1, max_length=MAX_OPS)]


OpStatus = Literal["applied", "applied_with_exception", "duplicate", "rejected"]


class OpResult(Response):
    seq: int
    op_id: str
    status: OpStatus
    exception_ids: list[str] = []
    error: str | None = Field(
        None,
        description="For rejected ops: unknown_kind, invalid_payload, forbidden, op_id_reused,"
        " sequence_reused, ... (clients must accept codes they do not know)",
    )
    message: str | None = None
    data: dict[str, Any] = {}
    original_status: OpStatus | None = None


class PushResponse(Response):
    results: list[OpResult]
    acked_through_seq: int
    server_time: str


# -- feed, snapshot, exceptions, catalogue ---------------------------------------------------------
class ChangesQuery(Request):
    """``GET /v1/changes`` query."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)

    cursor: Cursor = 0
    limit: Annotated[int, Field(ge=1, le=FEED_MAX_LIMIT)] = 1000
    until: Cursor | None = None


class Change(Response):
    seq: int
    entity: str
    uuid: str
    op: Literal["upsert", "delete"]
    data: dict[str, Any]


class ChangesResponse(Response):
    changes: list[Change]
    next_cursor: int
    has_more: bool
    server_time: str


class SnapshotSummary(Response):
    mark: int
    entities: list[str]
    counts: dict[str, int]
    formats: list[str] = Field(
        default_factory=list,
        description="Page formats offered besides the plain pages: 'shuwu-index/1' (full copy"
        " pages), 'shuwu-copies/1' (every county copy, leanly, and index pages by scope),"
        " 'shuwu-bib/2' (record pages without search keys on request: keys=false)",
    )
    server_time: str


class IndexQuery(Request):
    """``GET /v1/snapshot/index``: a page of the desk index (shuwu_shared.protocol.index)."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)

    after: Cursor = 0
    limit: Annotated[int, Field(ge=1, le=INDEX_MAX_LIMIT)] = INDEX_DEFAULT_LIMIT
    compression: Literal["zstd", "gzip"] = Field(
        "gzip", description="zstd when the client has it; the answer's X-Shuwu-Compression says"
    )
    scope: Literal["all", "local", "foreign"] = Field(
        "all",
        description="'local': the copies the device's branch owns, holds or lent or took back;"
        " 'foreign': every other copy (format 'shuwu-copies/1' in the summary's formats)",
    )


class CopiesQuery(Request):
    """``GET /v1/snapshot/copies``: a page of county copies (shuwu_shared.protocol.copies)."""

    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)

    after: Cursor = 0
    limit: Annotated[int, Field(ge=1, le=COPIES_MAX_LIMIT)] = COPIES_DEFAULT_LIMIT
    compression: Literal["zstd", "gzip"] = Field(
        "gzip", description="zstd when the client has it; the answer's X-Shuwu-Compression says"
    )


class SnapshotQuery(Request):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)

    after: Cursor = 0
    limit: Annotated[int, Field(ge=1, le=SNAPSHOT_MAX_LIMIT)] = SNAPSHOT_DEFAULT_LIMIT
    keys: bool = Field(
        True,
        description="false: record pages without the search_keys column, which the client "
        "computes (format 'shuwu-bib/2', offered in the summary's formats)",
    )


class SnapshotPage(Response):
    entity: Literal["bib", "item"]
    columns: list[str]
    data: list[list[Any]] = Field(description="Column by column")
    next_after: int
    has_more: bool
    server_time: str


class ExceptionsQuery(Request):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)

    status: Literal["open", "resolved", "all"] = "open"


class ExceptionsResponse(Response):
    exceptions: list[dict[str, Any]]
    server_time: str


class IsbnResponse(Response):
    uuid: str
    title: str
    version: int
    items_count: int
    server_time: str


class CallSeqRequest(Request):
    class_no: Annotated[Line64, Field(min_length=1)] = Field(description="A 中图法 class number")


class CallSeqResponse(Response):
    class_no: str
    seq: int
    server_time: str


# Path parameters.
IsbnPath = Annotated[Line32, Field(min_length=1)]
SnapshotEntity = Literal["bib", "item"]
