"""Copy cataloguing: ISBN → record → copies with barcodes, call numbers and shelf locations.

Every change writes its outbox op in the same transaction (bib_upsert, item_upsert,
item_status). New copies are put in ``label_queue`` for the labels screen.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.device.branch import branch_code
from app.device.errors import DeviceRevoked, NotShuwuServer
from app.models import BibRecord, Branch, CallSeqCounter, CountyCopy, Item, LabelQueue, Reader
from app.services.catalog_rules import (
    CallNumber,
    call_sort_key,
    looks_like_isbn,
    normalise_isbn,
    pinyin_keys,
)
from app.services.catalog_search import index_bib
from app.services.catalog_union import ExternalRecord, UnionCatalog, source_of
from app.services.outbox import check_payload, record_op
from shuwu_shared.bib import BIB_FIELDS, BibData
from shuwu_shared.clock import Clock
from shuwu_shared.domain.clc import valid_class_number
from shuwu_shared.errors import NotFound, ServerUnreachable, UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.protocol.marcwire import (
    BAD_ISBN_MAX,
    OTHER_CLASS_MAX,
    encode_marc,
    flag_text,
    marc_problem,
)

log = logging.getLogger(__name__)
BARCODE_RE = re.compile(r"^[A-Za-z0-9]{4,32}$")
MANUAL_STATUSES = ("available", "missing", "lost", "withdrawn", "damaged")


@dataclass(frozen=True)
class ItemView:
    uuid: str
    barcode: str
    call_number: str | None
    shelf_location: str | None
    status: str
    home_branch: str
    current_branch: str


@dataclass(frozen=True)
class BibView:
    uuid: str
    data: BibData
    source: str
    items: tuple[ItemView, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "bib_uuid": self.uuid,
            "source": self.source,
            **asdict(self.data),
            "items": [asdict(item) for item in self.items],
        }


@dataclass(frozen=True)
class LookupResult:
    """What the form starts from. ``source``: local, union or empty."""

    isbn: str
    source: str
    data: BibData
    bib_uuid: str | None = None
    items: tuple[ItemView, ...] = ()
    offline: bool = False
    origin: str | None = None  # the external target a copied record came from (copycat)
    failed: tuple[Any, ...] = ()  # external targets that did not answer (TargetFailure)
    # The target's own record (catalog_union.ExternalRecord), kept with the bib when saved
    # so a MARC export gives back every field the librarian did not edit.
    source_record: ExternalRecord | None = None


@dataclass(frozen=True)
class CopyInput:
    barcode: str
    shelf_location: str | None = None
    aux: str | None = None  # 辅助区分号: volume or copy number
    price: str | None = None


@dataclass(frozen=True)
class AddedCopies:
    bib_uuid: str
    items: tuple[ItemView, ...]
    seq_source: str  # county / local / existing
    queued_for_labels: int = field(default=0)


# --- reading -------------------------------------------------------------------------------


def item_view(item: Item) -> ItemView:
    return ItemView(
        uuid=item.uuid,
        barcode=item.barcode,
        call_number=item.call_number,
        shelf_location=item.shelf_location,
        status=item.status,
        home_branch=item.home_branch_code,
        current_branch=item.current_branch_code,
    )


def bib_data(bib: BibRecord) -> BibData:
    return BibData.from_mapping({k: getattr(bib, k) for k in BIB_FIELDS})


def items_of(session: Session, bib_id: int) -> tuple[ItemView, ...]:
    items = session.scalars(
        select(Item).where(Item.bib_id == bib_id).order_by(Item.call_sort_key, Item.barcode)
    )
    return tuple(item_view(i) for i in items)


def bib_view(session: Session, bib: BibRecord) -> BibView:
    return BibView(bib.uuid, bib_data(bib), bib.source, items_of(session, bib.id))


def get_bib(session: Session, bib_uuid: str) -> BibRecord:
    bib = session.scalar(select(BibRecord).where(BibRecord.uuid == bib_uuid))
    if bib is None:
        raise NotFound(_("This record no longer exists."))
    return bib


def find_item(session: Session, barcode: str) -> Item:
    item = session.scalar(select(Item).where(Item.barcode == barcode.strip()))
    if item is None:
        raise NotFound(_("No item has the barcode {barcode}.").format(barcode=barcode))
    return item


def require_isbn(raw: str) -> str:
    isbn = normalise_isbn(raw)
    if isbn is None:
        raise UserInputError(
            _(
                "{isbn} is not a valid ISBN (check the digits, the last one is a check digit)."
            ).format(isbn=raw.strip())
        )
    return isbn


# --- scan classification -------------------------------------------------------------------


def classify_scan(session: Session, code: str) -> str:
    """``isbn``, ``item`` (a known or new copy barcode), ``reader`` (a card) or ``unknown``."""
    if looks_like_isbn(code) or normalise_isbn(code):
        return "isbn"
    if session.scalar(select(Item.id).where(Item.barcode == code)) is not None:
        return "item"
    if session.scalar(select(Reader.id).where(Reader.card == code)) is not None:
        return "reader"
    return "item" if BARCODE_RE.match(code) else "unknown"


# --- lookup chain --------------------------------------------------------------------------


def lookup_isbn(session: Session, raw: str, union: UnionCatalog | None) -> LookupResult:
    """Local record (already in the catalogue) → county union catalogue → empty form.
    The county is asked while ``session`` is open: callers that must not hold a transaction
    during the network call use ``catalog_save.lookup_title``."""
    isbn = require_isbn(raw)
    return lookup_local(session, isbn) or lookup_county(union, isbn)


def lookup_local(session: Session, isbn: str) -> LookupResult | None:
    """The record this computer already has for ``isbn`` (ISBN-13, checked), with its copies."""
    local = session.scalar(
        select(BibRecord).where(BibRecord.isbn == isbn).order_by(BibRecord.id).limit(1)
    )
    if local is None:
        return None
    return LookupResult(isbn, "local", bib_data(local), local.uuid, items_of(session, local.id))


def lookup_county(union: UnionCatalog | None, isbn: str) -> LookupResult:
    """The county union catalogue's record (a network call: no session needed), else an empty
    form (``offline`` when the county could not be asked)."""
    offline = union is None
    if union is not None:
        try:
            record = union.lookup_isbn(isbn)
        except ServerUnreachable:
            record, offline = None, True
        failed = tuple(record.get("failed") or ()) if record else ()
        if record and record.get("title"):
            data = replace(BibData.from_mapping(record), isbn=isbn)
            return LookupResult(
                isbn,
                "union",
                data,
                origin=record.get("origin"),
                failed=failed,
                source_record=_external(record.get("source_record")),
            )
        if failed:
            return LookupResult(isbn, "empty", BibData(isbn=isbn), failed=failed)
    return LookupResult(isbn, "empty", BibData(isbn=isbn), offline=offline)


def _external(value: Any) -> ExternalRecord | None:
    return value if isinstance(value, ExternalRecord) else None


# --- saving a record -----------------------------------------------------------------------


def validate_bib(data: BibData) -> BibData:
    title = (data.title or "").strip()
    if not title:
        raise UserInputError(_("The title is required."))
    isbn = require_isbn(data.isbn) if data.isbn else None
    clc = (data.clc_class or "").strip().upper() or None
    if clc and not valid_class_number(clc):
        raise UserInputError(
            _("{clc} is not a 中图法 class number (for example I247.5 or TS976.3).").format(clc=clc)
        )
    checked = replace(data, title=title, isbn=isbn, clc_class=clc)
    # The county server's limits (lengths, no control characters): refused here, with the
    # field named, rather than set aside by the server after the record was saved.
    check_payload(
        "bib_upsert", {"bib_uuid": "check", **{k: getattr(checked, k) for k in BIB_FIELDS}}
    )
    return checked


def bib_payload(bib: BibRecord) -> dict[str, Any]:
    """The bib_upsert payload, with the source MARC record and its flags when the bib has one
    (so other branches export it losslessly; docs/sync-protocol.md)."""
    payload: dict[str, Any] = {"bib_uuid": bib.uuid}
    payload.update({k: getattr(bib, k) for k in BIB_FIELDS})
    if bib.marc:
        raw = bytes(bib.marc)
        problem = marc_problem(raw)
        if problem is None:
            payload["marc"] = encode_marc(raw)
        else:  # kept on this PC (its export still uses it); the county gets the columns
            log.warning("bib %s: source record not sent (%s)", bib.uuid, problem)
    for key, limit in (("bad_isbn", BAD_ISBN_MAX), ("other_class", OTHER_CLASS_MAX)):
        value = flag_text(getattr(bib, key), limit)
        if value:
            payload[key] = value
    payload["base_version"] = bib.server_version
    return payload


class SourceRecord(Protocol):
    """What a bib keeps of its source MARC record (``marc.convert.ConvertedRecord``)."""

    @property
    def source(self) -> bytes: ...
    @property
    def bad_isbn(self) -> str | None: ...
    @property
    def other_class(self) -> str | None: ...


def set_source(bib: BibRecord, converted: SourceRecord) -> None:
    """Keep the source record and its flags beside the columns."""
    bib.marc = converted.source
    bib.bad_isbn = converted.bad_isbn
    bib.other_class = converted.other_class


def search_keys_for(data: BibData) -> str:
    return " ".join(pinyin_keys(" ".join(v for v in (data.title, data.author) if v)))


def apply_bib(
    session: Session,
    clock: Clock,
    data: BibData,
    bib: BibRecord | None,
    source: str,
    marc: SourceRecord | None = None,
) -> BibRecord:
    """Write the record (insert or update), its search keys, index and bib_upsert op.
    ``marc``: a source record to keep with it (import, copy cataloguing), sent in the same op."""
    now = clock.now()
    if bib is None:
        bib = BibRecord(title=data.title, source=source, created_at=now, updated_at=now)
        session.add(bib)
    for key in BIB_FIELDS:
        setattr(bib, key, getattr(data, key))
    if marc is not None:
        set_source(bib, marc)
    bib.search_keys = search_keys_for(data)
    bib.updated_at = now
    session.flush()
    index_bib(session, bib)
    record_op(session, clock, "bib_upsert", bib_payload(bib))
    return bib


def save_bib(
    session: Session,
    clock: Clock,
    data: BibData,
    bib_uuid: str | None = None,
    source: str = "manual",
    source_record: ExternalRecord | None = None,
) -> BibView:
    """``source_record``: the external record a lookup found (``LookupResult.source_record``);
    stored with the bib as ``external-search --pick`` does."""
    data = validate_bib(data)
    bib = get_bib(session, bib_uuid) if bib_uuid else None
    if bib is None and data.isbn:
        bib = session.scalar(select(BibRecord).where(BibRecord.isbn == data.isbn).limit(1))
    converted = source_of(source_record) if source_record is not None else None
    bib = apply_bib(session, clock, data, bib, source, converted)
    return bib_view(session, bib)


def has_source_record(session: Session, bib_uuid: str) -> bool:
    """Whether the bib keeps a source MARC record (exported field for field)."""
    marc = session.scalar(select(BibRecord.marc).where(BibRecord.uuid == bib_uuid))
    return marc is not None


# --- copies --------------------------------------------------------------------------------


def check_barcode(session: Session, barcode: str, branch: str) -> str:
    code = barcode.strip()
    if not BARCODE_RE.match(code):
        raise UserInputError(
            _("{barcode} is not an item barcode (4–32 letters or digits).").format(barcode=code)
        )
    if normalise_isbn(code):
        raise UserInputError(
            _("{barcode} is the book's ISBN, not a copy barcode. Scan the library barcode.").format(
                barcode=code
            )
        )
    row = session.scalar(select(Branch).where(Branch.code == branch))
    if row is not None and row.barcode_range_start and row.barcode_range_end:
        low, high = row.barcode_range_start, row.barcode_range_end
        inside = len(code) == len(low) == len(high) and low <= code <= high
        if not inside:
            raise UserInputError(
                _("Barcode {barcode} is outside this branch's range {low}–{high}.").format(
                    barcode=code, low=low, high=high
                )
            )
    existing = session.scalar(select(Item).where(Item.barcode == code))
    if existing is not None or session.get(CountyCopy, code) is not None:
        raise UserInputError(
            _("Barcode {barcode} is already used by another copy. Use a new label.").format(
                barcode=code
            )
        )
    return code


@dataclass(frozen=True)
class BarcodeCheck:
    """A copy barcode checked at scan time: ``message`` says why it is refused ("" if ok)."""

    barcode: str
    ok: bool
    message: str = ""


MAX_RUN = 200


def check_new_barcode(session: Session, barcode: str, pending: Sequence[str] = ()) -> BarcodeCheck:
    """Format, this branch's range, unused by any copy this PC knows and not already pending."""
    code = barcode.strip()
    try:
        code = check_barcode(session, code, branch_code(session))
    except UserInputError as exc:
        return BarcodeCheck(code, False, exc.message)
    if code in pending:
        return BarcodeCheck(
            code, False, _("Barcode {barcode} is already in the list.").format(barcode=code)
        )
    return BarcodeCheck(code, True)


def refused_in_run(
    session: Session, codes: Sequence[str], pending: Sequence[str] = ()
) -> list[str]:
    """Why each barcode of a run (``barcode_run``) cannot be added after ``pending``; empty
    when the whole run can. A run is added all or none: a hole would misnumber the labels."""
    refused: list[str] = []
    taken = list(pending)
    for code in codes:
        check = check_new_barcode(session, code, taken)
        if check.ok:
            taken.append(code)
        else:
            refused.append(check.message)
    return refused


def barcode_run(start: str, count: int) -> tuple[str, ...]:
    """``start`` and the next ``count - 1`` barcodes: its trailing digits counted up, same width."""
    code = start.strip()
    match = re.match(r"^(.*?)(\d+)$", code)
    if not match or not BARCODE_RE.match(code):
        raise UserInputError(
            _("{barcode} does not end in digits, so no run can follow it.").format(barcode=code)
        )
    if not 1 <= count <= MAX_RUN:
        raise UserInputError(_("A run has 1 to {most} copies.").format(most=MAX_RUN))
    prefix, digits = match.groups()
    first = int(digits)
    if len(str(first + count - 1)) > len(digits):
        raise UserInputError(
            _("The run from {barcode} would need more digits than the barcode has.").format(
                barcode=code
            )
        )
    return tuple(f"{prefix}{first + n:0{len(digits)}d}" for n in range(count))


def bib_uuid_for(session: Session, which: str) -> str:
    """The record a copy barcode or an ISBN names (for ``shuwu catalog edit``)."""
    code = which.strip()
    item = session.scalar(select(Item).where(Item.barcode == code))
    if item is not None:
        bib = session.get(BibRecord, item.bib_id)
        assert bib is not None
        return bib.uuid
    isbn = normalise_isbn(code)
    bib = session.scalar(select(BibRecord).where(BibRecord.isbn == isbn)) if isbn else None
    if bib is None:
        raise NotFound(_("No copy or record has {code}.").format(code=code))
    return bib.uuid


def get_record(session: Session, bib_uuid: str) -> BibView:
    """A record and all its copies, for the record window."""
    return bib_view(session, get_bib(session, bib_uuid))


def _local_next_seq(session: Session, class_no: str) -> int:
    counter = session.get(CallSeqCounter, class_no)
    best = counter.last_seq if counter else 0
    numbers = session.scalars(
        select(Item.call_number).where(
            Item.call_number >= class_no + "/", Item.call_number < class_no + "0"
        )
    )
    for number in numbers:
        match = re.match(r"^[^/]+/(\d+)", number or "")
        if match:
            best = max(best, int(match.group(1)))
    return best + 1


def _remember_seq(session: Session, class_no: str, seq: int) -> None:
    counter = session.get(CallSeqCounter, class_no)
    if counter is None:
        session.add(CallSeqCounter(class_no=class_no, last_seq=seq))
    else:
        counter.last_seq = max(counter.last_seq, seq)


@dataclass(frozen=True)
class ReservedSeq:
    """A county-wide 种次号 handed out for ``class_no`` before the save's transaction began."""

    class_no: str
    seq: int


def reserve_call_seq(union: UnionCatalog | None, class_no: str) -> ReservedSeq | None:
    """Ask the county for the next 种次号 of ``class_no``: a network call (the union client's
    timeout), so call it with NO transaction open. None when offline or never enrolled: the
    save then takes this device's next number."""
    if union is None:
        return None
    try:
        return ReservedSeq(class_no, union.next_call_seq(class_no))
    except (ServerUnreachable, DeviceRevoked, NotShuwuServer):
        # Saving never stops for the network: a refused token or a stranger at the address
        # falls back to the local number too (sync reports those).
        return None


def allocate_call_seq(
    session: Session, class_no: str, reserved: ReservedSeq | None = None
) -> tuple[int, str]:
    """The next 种次号: the one the county reserved (``reserve_call_seq``, before the
    transaction), else this device's next number (the server files a CATALOGUE_CONFLICT if
    two offline devices chose the same). No network call here: this runs in the transaction."""
    if reserved is not None and reserved.class_no == class_no:
        _remember_seq(session, class_no, reserved.seq)
        return reserved.seq, "county"
    seq = _local_next_seq(session, class_no)
    _remember_seq(session, class_no, seq)
    return seq, "local"


def seq_to_reserve(
    session: Session, data: BibData, bib_uuid: str | None, copies: Sequence[CopyInput]
) -> str | None:
    """The class whose next 种次号 saving ``data`` with ``copies`` will take, or None (no
    copies, or the title already has one). Checks the record and the copies first, so a form
    that will be refused reserves nothing at the county."""
    data = validate_bib(data)
    if not copies:
        return None
    bib = get_bib(session, bib_uuid) if bib_uuid else None
    if bib is None and data.isbn:
        bib = session.scalar(select(BibRecord).where(BibRecord.isbn == data.isbn).limit(1))
    class_no = data.clc_class
    check_copies(session, class_no, copies)
    if not class_no or (bib is not None and _existing_seq(session, bib, class_no) is not None):
        return None
    return class_no


def _existing_seq(session: Session, bib: BibRecord, class_no: str) -> int | None:
    """Copies of the same title (种) share its 种次号."""
    for number in session.scalars(select(Item.call_number).where(Item.bib_id == bib.id)):
        if number and number.startswith(class_no + "/"):
            match = re.match(r"^[^/]+/(\d+)", number)
            if match:
                return int(match.group(1))
    return None


def item_payload(item: Item, bib_uuid: str) -> dict[str, Any]:
    return {
        "item_uuid": item.uuid,
        "bib_uuid": bib_uuid,
        "barcode": item.barcode,
        "call_number": item.call_number,
        "shelf_location": item.shelf_location,
        "status": item.status,
        "home_branch": item.home_branch_code,
        "current_branch": item.current_branch_code,
        "price": item.price,
        "acquired_on": item.acquired_on.isoformat() if item.acquired_on else None,
        "base_version": item.server_version,
    }


def check_copies(session: Session, class_no: str | None, copies: Sequence[CopyInput]) -> None:
    """The rules a batch of new copies must pass (UserInputError on the first it breaks)."""
    if not copies:
        raise UserInputError(_("Scan at least one copy barcode."))
    branch = branch_code(session)
    if not class_no:
        raise UserInputError(_("Choose the 中图法 class before adding copies."))
    seen: set[str] = set()
    for copy in copies:
        code = check_barcode(session, copy.barcode, branch)
        if code in seen:
            raise UserInputError(
                _("Barcode {barcode} was scanned twice in this batch.").format(barcode=code)
            )
        seen.add(code)
        if copy.aux and not re.match(r"^[A-Za-z0-9.\-]{1,16}$", copy.aux.strip()):
            raise UserInputError(
                _("{aux} is not a volume/copy mark (letters or digits).").format(aux=copy.aux)
            )
    from app.services.catalog_shelves import active_codes  # it imports this module

    known_locations = active_codes(session, branch)
    for copy in copies:
        if copy.shelf_location and known_locations and copy.shelf_location not in known_locations:
            raise UserInputError(
                _("Shelf location {code} does not exist at this branch.").format(
                    code=copy.shelf_location
                )
            )


def add_copies(
    session: Session,
    clock: Clock,
    bib_uuid: str,
    copies: Sequence[CopyInput],
    reserved: ReservedSeq | None = None,
) -> AddedCopies:
    """Add copies; all or none (a bad barcode refuses the whole batch, nothing saved).
    ``reserved``: the county's 种次号 for the class (``reserve_call_seq``, asked before this
    transaction began); without one a new title takes this device's next number."""
    if not copies:
        raise UserInputError(_("Scan at least one copy barcode."))
    bib = get_bib(session, bib_uuid)
    branch = branch_code(session)
    check_copies(session, bib.clc_class, copies)
    assert bib.clc_class is not None  # check_copies refuses a title without a class
    existing = _existing_seq(session, bib, bib.clc_class)
    if existing is not None:
        seq, seq_source = existing, "existing"
    else:
        seq, seq_source = allocate_call_seq(session, bib.clc_class, reserved)
    now = clock.now()
    added: list[ItemView] = []
    for copy in copies:
        call = CallNumber(bib.clc_class, seq, (copy.aux or "").strip() or None).format()
        item = Item(
            barcode=copy.barcode.strip(),
            bib_id=bib.id,
            call_number=call,
            call_sort_key=call_sort_key(call),
            shelf_location=copy.shelf_location or None,
            status="available",
            home_branch_code=branch,
            current_branch_code=branch,
            price=copy.price or bib.price,
            acquired_on=now.date(),
            created_at=now,
            updated_at=now,
        )
        session.add(item)
        session.flush()
        session.add(LabelQueue(item_uuid=item.uuid, queued_at=now, reason="new"))
        record_op(session, clock, "item_upsert", item_payload(item, bib.uuid))
        added.append(item_view(item))
    return AddedCopies(bib.uuid, tuple(added), seq_source, queued_for_labels=len(added))


def update_item(
    session: Session,
    clock: Clock,
    barcode: str,
    *,
    shelf_location: str | None = None,
    call_number: str | None = None,
) -> ItemView:
    item = find_item(session, barcode)
    if call_number is not None:
        from app.services.catalog_rules import parse_call_number

        try:
            parsed = parse_call_number(call_number)
        except ValueError as exc:
            raise UserInputError(
                _("{call} is not a call number (for example I247.5/123 or TS976.3/12:2).").format(
                    call=call_number
                )
            ) from exc
        item.call_number = parsed.format()
        item.call_sort_key = call_sort_key(item.call_number)
        session.add(LabelQueue(item_uuid=item.uuid, queued_at=clock.now(), reason="relabel"))
    if shelf_location is not None:
        item.shelf_location = shelf_location or None
    item.updated_at = clock.now()
    bib = session.get(BibRecord, item.bib_id)
    assert bib is not None
    record_op(session, clock, "item_upsert", item_payload(item, bib.uuid))
    return item_view(item)


def set_item_status(
    session: Session, clock: Clock, barcode: str, status: str, reason: str = ""
) -> ItemView:
    if status not in MANUAL_STATUSES:
        raise UserInputError(_("Unknown item status {status}.").format(status=status))
    item = find_item(session, barcode)
    if item.status == "on_loan" and status == "available":
        raise UserInputError(_("This copy is on loan; return it at the circulation desk."))
    wire = "found" if status == "available" else status
    item.status = status
    item.updated_at = clock.now()
    record_op(
        session,
        clock,
        "item_status",
        {"item_uuid": item.uuid, "barcode": item.barcode, "status": wire, "reason": reason},
    )
    return item_view(item)


# --- shelf locations: app.services.catalog_shelves (re-exported for older callers) -------


def list_shelf_locations(session: Session, branch: str | None = None) -> list[Any]:
    from app.services import catalog_shelves

    return catalog_shelves.list_shelves(session, branch)


def add_shelf_location(session: Session, clock: Clock, code: str, name: str) -> Any:
    from app.services import catalog_shelves

    return catalog_shelves.add_shelf(session, clock, code, name)


# --- label queue ---------------------------------------------------------------------------


def pending_labels(session: Session) -> list[str]:
    """Item UUIDs waiting for a label, oldest first (the labels screen prints these)."""
    return list(
        session.scalars(
            select(LabelQueue.item_uuid)
            .where(LabelQueue.printed_at.is_(None))
            .order_by(LabelQueue.queued_at, LabelQueue.id)
        )
    )
