"""Every op kind's payload, defined once: the client builds ops from these, the server checks
pushes against them, docs/ops.md and the OpenAPI description are generated from them.

Unknown payload fields are refused (``extra="forbid"``): a field the server does not know
would otherwise be silently lost; refused, the op is set aside on the PC where staff see it.
Values are checked strictly (no text-to-number coercion): what passes is what is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from shuwu_shared.protocol.marcwire import MarcRecord
from shuwu_shared.protocol.text import (
    ActivityTitle,
    Barcode,
    BranchCode,
    Card,
    Code,
    Day,
    Id,
    Line16,
    Line32,
    Line64,
    Name,
    OffsetMs,
    Seq,
    Text100,
    Text200,
    Text300,
    Text500,
    Text2000,
    Text20000,
    Time,
    Title,
    Version,
    WallMs,
)

MAX_LIST = 20_000  # barcodes in one stocktake or transfer (a big branch's whole stock)
ItemStatus = Literal[
    "available", "missing", "lost", "withdrawn", "damaged", "on_loan", "in_transit"
]


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class BibUpsert(Payload):
    """A catalogue record created or edited (the latest edit wins; conflicts are filed)."""

    bib_uuid: Id
    title: Title
    isbn: Annotated[str, Field(max_length=17)] | None = None
    author: Text300 | None = None
    publisher: Text200 | None = None
    pub_place: Text100 | None = None
    pub_year: Line16 | None = None
    edition: Text100 | None = None
    pages: Text100 | None = None
    price: Line32 | None = None
    clc_class: Line64 | None = None
    subjects: Text20000 | None = None
    summary: Text20000 | None = None
    # The source record of an imported or copy-catalogued bib: base64 of one UTF-8 ISO 2709
    # record (at most 99,999 bytes), so every branch exports its original fields. Null keeps
    # what the county has. The two flags describe that record.
    marc: Annotated[
        MarcRecord | None,
        Field(
            description="base64 of the source MARC record: one UTF-8 ISO 2709 record of at "
            "most 99,999 bytes, checked; null keeps the county's"
        ),
    ] = None
    bad_isbn: Annotated[
        Line32 | None, Field(description="an ISBN as printed whose check digit fails")
    ] = None
    other_class: Annotated[
        Line64 | None, Field(description="a class number that is not 中图法, flagged for one")
    ] = None
    base_version: Version | None = None


class ItemUpsert(Payload):
    """A copy created or edited."""

    item_uuid: Id
    bib_uuid: Id
    barcode: Barcode
    call_number: Line64 | None = None
    shelf_location: Line64 | None = None
    status: ItemStatus | None = None
    home_branch: BranchCode | None = None
    current_branch: BranchCode | None = None
    price: Line32 | None = None
    acquired_on: Day | None = None
    base_version: Version | None = None


class ItemStatusChange(Payload):
    """A copy marked lost, missing, withdrawn, damaged or found (`found` = available)."""

    item_uuid: Id | None = None
    barcode: Barcode | None = None
    status: Literal["available", "missing", "lost", "withdrawn", "damaged", "found"]
    reason: Text500 | None = None


class ReaderUpsert(Payload):
    """A reader registered or edited (personal data: name, phone)."""

    reader_uuid: Id
    card: Card
    card_provisional: bool | None = None
    name: Name
    gender: Literal["F", "M", "U"] | None = None
    birth_year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    age_band: Line16 | None = None
    phone: Line32 | None = None
    reader_type: Line32 | None = None
    home_branch: BranchCode | None = None
    status: Line16 | None = None


class Checkout(Payload):
    """A loan made at the desk (offline facts are applied, conflicts filed)."""

    loan_uuid: Id
    item_uuid: Id | None = None
    barcode: Barcode | None = None
    reader_uuid: Id | None = None
    card: Card | None = None
    branch: BranchCode | None = None
    checkout_at: Time | None = None
    due_at: Time | None = None
    override_reason: Text500 | None = None


class Return(Payload):
    """A copy returned; `loan_uuid` null when this device did not know the loan."""

    loan_uuid: Id | None = None
    item_uuid: Id | None = None
    barcode: Barcode | None = None
    branch: BranchCode | None = None
    returned_at: Time | None = None
    in_transit_to: BranchCode | None = None


class Renew(Payload):
    """A loan renewed to a new due time."""

    loan_uuid: Id | None = None
    barcode: Barcode | None = None
    renewed_at: Time | None = None
    due_at: Time
    renewals: Annotated[int, Field(ge=0, le=1000)] | None = None
    override_reason: Text500 | None = None


class Undo(Payload):
    """Compensates the device's last desk scan (checkout, return or renew)."""

    undone_op_id: Id
    kind: Literal["checkout", "return", "renew"] | None = None
    reason: Text500 | None = None


class CreditEntry(Payload):
    """A credit-points ledger entry (see the reasons below)."""

    entry_uuid: Id
    reader_uuid: Id | None = None
    card: Card | None = None
    delta: Annotated[int, Field(ge=-1_000_000, le=1_000_000)]
    reason: Line32 | None = None
    loan_uuid: Id | None = None
    created_at: Time | None = None
    note: Text2000 | None = None


class Override(Payload):
    """Staff overrode a desk refusal (one op per rule, before the checkout it allowed)."""

    reader_uuid: Id | None = None
    card: Card | None = None
    item_uuid: Id | None = None
    barcode: Barcode | None = None
    rule: Line32 | None = None
    reason: Text500 | None = None
    staff: Text100 | None = None


class TransferSend(Payload):
    """Copies sent to another branch."""

    transfer_uuid: Id | None = None
    from_branch: BranchCode | None = None
    to_branch: BranchCode | None = None
    item_uuids: Annotated[list[Id], Field(max_length=MAX_LIST)] = []
    barcodes: Annotated[list[Barcode], Field(max_length=MAX_LIST)] = []
    sent_at: Time | None = None


class TransferReceive(Payload):
    """Copies received from another branch."""

    transfer_uuid: Id | None = None
    branch: BranchCode | None = None
    item_uuids: Annotated[list[Id], Field(max_length=MAX_LIST)] = []
    barcodes: Annotated[list[Barcode], Field(max_length=MAX_LIST)] = []
    received_at: Time | None = None


class StocktakeResult(Payload):
    """A finished stocktake: what was missing, found elsewhere, found while on loan."""

    stocktake_uuid: Id
    branch: BranchCode | None = None
    missing: Annotated[list[Barcode], Field(max_length=MAX_LIST)] = []
    found_elsewhere: Annotated[list[Barcode], Field(max_length=MAX_LIST)] = []
    on_loan_found: Annotated[list[Barcode], Field(max_length=MAX_LIST)] = []
    finished_at: Time | None = None


class ShelfLocationUpsert(Payload):
    """A branch's shelf location (书架位置)."""

    location_uuid: Id
    branch: BranchCode | None = None
    code: Code
    name: Text200 | None = None
    retired: bool | None = None  # a retired shelf stays for history; no copy may stand on it


class Activity(Payload):
    """A reading activity held at a branch."""

    activity_uuid: Id
    branch: BranchCode | None = None
    date: Day
    kind: Line32 | None = None
    title: ActivityTitle
    attendance: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    note: Text2000 | None = None


class VisitCount(Payload):
    """A branch's visitor count for one day (one row per day and source)."""

    branch: BranchCode | None = None
    date: Day
    count: Annotated[int, Field(ge=0, le=10_000_000)]
    source: Line32 | None = None


PAYLOADS: dict[str, type[Payload]] = {
    "bib_upsert": BibUpsert,
    "item_upsert": ItemUpsert,
    "item_status": ItemStatusChange,
    "reader_upsert": ReaderUpsert,
    "checkout": Checkout,
    "return": Return,
    "renew": Renew,
    "undo": Undo,
    "credit_entry": CreditEntry,
    "override": Override,
    "transfer_send": TransferSend,
    "transfer_receive": TransferReceive,
    "stocktake_result": StocktakeResult,
    "shelf_location_upsert": ShelfLocationUpsert,
    "activity": Activity,
    "visit_count": VisitCount,
}
OP_KINDS: tuple[str, ...] = tuple(PAYLOADS)
OpKind = Literal[
    "bib_upsert",
    "item_upsert",
    "item_status",
    "reader_upsert",
    "checkout",
    "return",
    "renew",
    "undo",
    "credit_entry",
    "override",
    "transfer_send",
    "transfer_receive",
    "stocktake_result",
    "shelf_location_upsert",
    "activity",
    "visit_count",
]


class OpBase(BaseModel):
    """What every op carries besides its kind and payload."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    seq: Seq = Field(description="The device's sequence number, strictly increasing in a batch")
    op_id: Id = Field(description="The op's UUID: the server applies each op_id exactly once")
    device_wall_ms: WallMs = 0
    clock_offset_ms: OffsetMs | None = None


def _op_model(kind: str, payload: type[Payload]) -> type[OpBase]:
    model: type[OpBase] = type(
        payload.__name__ + "Op",
        (OpBase,),
        {
            "__annotations__": {"kind": Literal[kind], "payload": payload},
            "__doc__": payload.__doc__,
            "__module__": __name__,
        },
    )
    return model


OP_MODELS: dict[str, type[OpBase]] = {k: _op_model(k, p) for k, p in PAYLOADS.items()}
# The tagged union of every op model (built from OP_MODELS so a new kind is one entry above).
Op: Any = Annotated[Union[tuple(OP_MODELS.values())], Field(discriminator="kind")]  # noqa: UP007
OPS_ADAPTER: TypeAdapter[list[Any]] = TypeAdapter(list[Op])


class ProtocolError(ValueError):
    """A value that does not fit the protocol. ``code`` is the op rejection code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def describe(error: Mapping[str, Any], skip: int = 0) -> str:
    """One validation error as ``where: what`` without echoing the value (it may be huge,
    personal, or not encodable)."""
    where = ".".join(str(x) for x in error.get("loc", ())[skip:])
    if error.get("type") in ("union_tag_invalid", "union_tag_not_found"):
        return "kind: " + "unknown operation kind"
    msg = str(error.get("msg", "invalid"))
    if error.get("type") == "literal_error":
        msg = "not one of the allowed values"
    elif error.get("type") == "string_pattern_mismatch":
        msg = "contains a control character (or a line break where none is allowed)"
    elif error.get("type") == "string_unicode":
        msg = "contains an invalid Unicode character (a lone surrogate)"
    return f"{where}: {msg}"[:300] if where else msg[:300]


def validate_payload(kind: str, payload: Any) -> None:
    """Check one op's payload (the client, before queuing it). Raises ProtocolError."""
    model = PAYLOADS.get(kind)
    if model is None:
        raise ProtocolError("unknown_kind", f"unknown operation kind: {kind[:40]!r}")
    try:
        model.model_validate(payload)
    except ValidationError as exc:
        errors = exc.errors(include_input=False, include_url=False)
        raise ProtocolError("invalid_payload", describe(errors[0])) from None


def batch_problems(raw_ops: list[Any]) -> dict[int, tuple[str, str]]:
    """Validate a whole batch in one call; returns {index: (code, message)} of the bad ops."""
    try:
        OPS_ADAPTER.validate_python(raw_ops)
    except ValidationError as exc:
        problems: dict[int, tuple[str, str]] = {}
        for error in exc.errors(include_input=False, include_url=False):
            loc = error.get("loc", ())
            if not loc or not isinstance(loc[0], int) or loc[0] in problems:
                continue
            tag = error.get("type") in ("union_tag_invalid", "union_tag_not_found")
            # loc is (index, kind-tag, field...): drop the first two in the message.
            message = describe(error, skip=1 if tag else 2)
            problems[loc[0]] = ("unknown_kind" if tag else "invalid_payload", message)
        return problems
    return {}
