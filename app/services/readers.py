"""Readers: registration, edits, look-up by card/name/pinyin/phone, masking of personal data.

Personal data is minimal (no ID-card number) and never logged: the audit log and errors
reference readers by UUID or card only. Lists show masked names and phones (``mask_name``,
``mask_phone``); the full values appear only on the reader's own form.

Readers registered without a pre-printed card get a provisional card number
``P<branch><device><serial>``. The county confirms it when the ``reader_upsert`` op arrives
(or assigns another card on a clash), and the reader's row comes back in the feed with
``card_provisional`` false (``app.sync.apply``); no separate call confirms it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.device import state
from app.device.branch import branch_code
from app.models import Item, Loan, Reader
from app.services import audit
from app.services.outbox import record_op
from shuwu_shared import vocabulary
from shuwu_shared.clock import Clock
from shuwu_shared.domain.masking import mask_name, mask_phone
from shuwu_shared.domain.pinyin import name_search_keys as name_search_keys  # sync uses it too
from shuwu_shared.errors import NotFound, UserInputError
from shuwu_shared.i18n import _

GENDERS = ("F", "M", "U")
AGE_BANDS = ("0-6", "7-14", "15-17", "18-59", "60+")
READER_STATUSES = ("active", "blocked")
DEFAULT_READER_TYPE = "adult"
PROVISIONAL_PREFIX = "P"
_CARD_RE = re.compile(r"^[0-9A-Za-z-]{3,32}$")
_PHONE_RE = re.compile(r"^[0-9+\- ]{5,20}$")
MIN_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class ReaderView:
    """A reader as shown to staff. ``name``/``phone`` are full; lists use the masked ones."""

    uuid: str
    card: str
    card_provisional: bool
    name: str
    name_masked: str
    gender: str
    birth_year: int | None
    age_band: str | None
    phone: str | None
    phone_masked: str
    reader_type: str
    home_branch: str
    status: str
    registered_at: datetime

    def to_json(self, *, masked: bool = True) -> dict[str, Any]:
        data = asdict(self)
        data["registered_at"] = self.registered_at.isoformat()
        if masked:
            data["name"] = self.name_masked
            data["phone"] = self.phone_masked or None
        return data


def to_view(reader: Reader) -> ReaderView:
    return ReaderView(
        uuid=reader.uuid,
        card=reader.card,
        card_provisional=reader.card_provisional,
        name=reader.name,
        name_masked=mask_name(reader.name),
        gender=reader.gender,
        birth_year=reader.birth_year,
        age_band=reader.age_band,
        phone=reader.phone,
        phone_masked=mask_phone(reader.phone),
        reader_type=reader.reader_type,
        home_branch=reader.home_branch_code,
        status=reader.status,
        registered_at=reader.registered_at,
    )


def _device_tag(session: Session) -> str:
    raw = re.sub(r"[^0-9A-Za-z]", "", state.get(session, state.DEVICE_ID) or "")
    return (raw[:4] or "0000").upper()


def provisional_card(session: Session) -> str:
    """The next free ``P<branch><device><serial>`` number on this device."""
    prefix = f"{PROVISIONAL_PREFIX}{branch_code(session, required=False)}{_device_tag(session)}"
    taken = session.scalars(select(Reader.card).where(Reader.card.like(f"{prefix}%"))).all()
    serial = len(taken) + 1
    existing = set(taken)
    while f"{prefix}{serial:04d}" in existing:
        serial += 1
    return f"{prefix}{serial:04d}"


def _reader_payload(reader: Reader) -> dict[str, Any]:
    return {
        "reader_uuid": reader.uuid,
        "card": reader.card,
        "card_provisional": reader.card_provisional,
        "name": reader.name,
        "gender": reader.gender,
        "birth_year": reader.birth_year,
        "age_band": reader.age_band,
        "phone": reader.phone,
        "reader_type": reader.reader_type,
        "home_branch": reader.home_branch_code,
        "status": reader.status,
    }


@dataclass(frozen=True)
class ReaderInput:
    name: str
    gender: str = "U"
    birth_year: int | None = None
    age_band: str | None = None
    phone: str | None = None
    reader_type: str = DEFAULT_READER_TYPE
    card: str | None = None  # a pre-printed card scanned at registration
    home_branch: str | None = None
    status: str = "active"


def reader_types(session: Session) -> list[str]:
    return list(reader_type_labels(session))


def reader_type_labels(session: Session) -> dict[str, str]:
    """Reader types of the county's policies (type → label), or the two built-in ones."""
    from app.models import CirculationPolicy

    rows = session.execute(
        select(CirculationPolicy.reader_type, CirculationPolicy.label).order_by(
            CirculationPolicy.id
        )
    ).all()
    if rows:
        return {rtype: label or rtype for rtype, label in rows}
    return vocabulary.builtin_reader_types()


def _validate(session: Session, clock: Clock, data: ReaderInput) -> ReaderInput:
    name = " ".join(data.name.split())
    if not name:
        raise UserInputError(_("Enter the reader's name."), code="name_required")
    if len(name) > 50:
        raise UserInputError(_("The name is too long (at most 50 characters)."), code="name_long")
    gender = (data.gender or "U").strip().upper()
    if gender not in GENDERS:
        raise UserInputError(_("Gender must be F, M or U (not given)."), code="gender")
    year = data.birth_year
    if year is not None and not MIN_BIRTH_YEAR <= year <= clock.now().year:
        raise UserInputError(
            _("The birth year {year} is not possible.").format(year=year), code="birth_year"
        )
    band = (data.age_band or "").strip() or None
    if band is not None and band not in AGE_BANDS:
        raise UserInputError(
            _("The age band must be one of: {bands}.").format(bands=", ".join(AGE_BANDS)),
            code="age_band",
        )
    if year is None and band is None:
        raise UserInputError(_("Enter the birth year or choose an age band."), code="age_required")
    phone = (data.phone or "").strip() or None
    if phone is not None and not _PHONE_RE.match(phone):
        raise UserInputError(_("The phone number is not valid."), code="phone")
    card = (data.card or "").strip() or None
    if card is not None and not _CARD_RE.match(card):
        raise UserInputError(
            _("The card number may only hold letters, digits and '-'."), code="card"
        )
    rtype = (data.reader_type or DEFAULT_READER_TYPE).strip()
    if rtype not in reader_types(session):
        raise UserInputError(
            _("Unknown reader type {type}. Known types: {types}.").format(
                type=rtype, types=", ".join(reader_types(session))
            ),
            code="reader_type",
        )
    if data.status not in READER_STATUSES:
        raise UserInputError(_("Unknown reader status."), code="status")
    return ReaderInput(
        name=name,
        gender=gender,
        birth_year=year,
        age_band=band,
        phone=phone,
        reader_type=rtype,
        card=card,
        home_branch=data.home_branch,
        status=data.status,
    )


def _card_in_use(session: Session, card: str, except_uuid: str | None = None) -> bool:
    stmt = select(Reader.uuid).where(Reader.card == card)
    found = session.scalar(stmt)
    if found is not None and found != except_uuid:
        return True
    # A card number that is a book's barcode would confuse the desk's scanner flow.
    return session.scalar(select(Item.id).where(Item.barcode == card)) is not None


def register_reader(session: Session, clock: Clock, data: ReaderInput) -> ReaderView:
    """Register a reader (offline is fine): reader_upsert op and the opening credit points."""
    from app.services import credit

    data = _validate(session, clock, data)
    if data.card is not None:
        if _card_in_use(session, data.card):
            raise UserInputError(
                _("The card number {card} is already in use.").format(card=data.card),
                code="card_taken",
            )
        card, provisional = data.card, False
    else:
        card, provisional = provisional_card(session), True
    now = clock.now()
    reader = Reader(
        card=card,
        card_provisional=provisional,
        name=data.name,
        name_search_keys=name_search_keys(data.name),
        gender=data.gender,
        birth_year=data.birth_year,
        age_band=data.age_band,
        phone=data.phone,
        reader_type=data.reader_type,
        home_branch_code=data.home_branch or branch_code(session, required=False),
        status=data.status,
        registered_at=now,
        updated_at=now,
    )
    session.add(reader)
    session.flush()
    record_op(session, clock, "reader_upsert", _reader_payload(reader))
    credit.open_account(session, clock, reader)
    audit.log(session, clock, "reader_register", entity="reader", entity_uuid=reader.uuid)
    return to_view(reader)


def update_reader(
    session: Session, clock: Clock, reader_uuid: str, data: ReaderInput
) -> ReaderView:
    reader = _get(session, reader_uuid)
    data = _validate(session, clock, data)
    if data.card is not None and data.card != reader.card:
        if _card_in_use(session, data.card, except_uuid=reader.uuid):
            raise UserInputError(
                _("The card number {card} is already in use.").format(card=data.card),
                code="card_taken",
            )
        reader.card = data.card
        reader.card_provisional = False
    reader.name = data.name
    reader.name_search_keys = name_search_keys(data.name)
    reader.gender = data.gender
    reader.birth_year = data.birth_year
    reader.age_band = data.age_band
    reader.phone = data.phone
    reader.reader_type = data.reader_type
    if data.home_branch:
        reader.home_branch_code = data.home_branch
    reader.status = data.status
    reader.updated_at = clock.now()
    session.flush()
    record_op(session, clock, "reader_upsert", _reader_payload(reader))
    audit.log(session, clock, "reader_update", entity="reader", entity_uuid=reader.uuid)
    return to_view(reader)


def save_reader(
    session: Session, clock: Clock, data: ReaderInput, reader_uuid: str | None = None
) -> ReaderView:
    """The reader form's save, for the GUI and the CLI alike: no ``reader_uuid`` registers a
    new reader (``register_reader``), a ``reader_uuid`` changes that reader
    (``update_reader``; NotFound if it no longer exists)."""
    if reader_uuid is None:
        return register_reader(session, clock, data)
    return update_reader(session, clock, reader_uuid, data)


def _get(session: Session, reader_uuid: str) -> Reader:
    reader = session.scalar(select(Reader).where(Reader.uuid == reader_uuid))
    if reader is None:
        raise NotFound(_("This reader no longer exists."), code="reader_unknown")
    return reader


def get_reader(session: Session, reader_uuid: str) -> ReaderView:
    return to_view(_get(session, reader_uuid))


def reader_by_card(session: Session, card: str) -> Reader:
    """The ORM row for a scanned card; NotFound with a desk-friendly message."""
    code = card.strip()
    if not code:
        raise UserInputError(_("Scan or type the reader's card number."), code="card_required")
    reader = session.scalar(select(Reader).where(Reader.card == code))
    if reader is None:
        reader = session.scalar(select(Reader).where(func.upper(Reader.card) == code.upper()))
    if reader is None:
        if session.scalar(select(Item.id).where(Item.barcode == code)) is not None:
            raise UserInputError(
                _(
                    "{code} is a book's barcode, not a reader card. Scan the reader's card first."
                ).format(code=code),
                code="item_not_card",
            )
        raise NotFound(
            _("No reader has the card {card}. Check the card or register the reader.").format(
                card=code
            ),
            code="card_unknown",
        )
    return reader


def _like_literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_readers(session: Session, query: str = "", limit: int = 200) -> list[ReaderView]:
    """Search by card, name, pinyin (full or initials) or phone (any 4+ digits)."""
    text = query.strip()
    stmt = select(Reader)
    if text:
        # % and _ typed by staff are literal characters, never LIKE wildcards.
        literal = _like_literal(text)
        clauses = [
            Reader.card == text,
            Reader.name.like(f"%{literal}%", escape="\\"),
            Reader.name_search_keys.like(f"%{literal.lower()}%", escape="\\"),
        ]
        digits = re.sub(r"\D", "", text)
        if len(digits) >= 4 and digits == text.replace(" ", ""):
            clauses.append(Reader.phone.like(f"%{digits}%"))
            clauses.append(Reader.card.like(f"%{digits}%"))
        stmt = stmt.where(or_(*clauses))
    stmt = stmt.order_by(Reader.registered_at.desc(), Reader.id.desc()).limit(limit)
    return [to_view(r) for r in session.scalars(stmt)]


def open_loan_count(session: Session, reader_id: int) -> int:
    stmt = select(func.count()).where(Loan.reader_id == reader_id, Loan.returned_at.is_(None))
    return int(session.scalar(stmt) or 0)
