"""Catalogue, item, reader and credit ops: upserts by uuid, conflicts filed, never dropped."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, or_, select

from server import models as m
from server.ops import lookups, publish
from server.ops.context import (
    OpContext,
    OpRejected,
    find_item,
    find_reader,
    forbidden,
    opt_date,
    opt_int,
    opt_str,
    req,
)
from shuwu_shared.bib import BIB_FIELDS
from shuwu_shared.domain.pinyin import record_search_keys
from shuwu_shared.i18n import _
from shuwu_shared.protocol.marcwire import (
    BAD_ISBN_MAX,
    OTHER_CLASS_MAX,
    decode_marc,
    flag_text,
)

SETTABLE_STATUSES = ("available", "missing", "lost", "withdrawn", "damaged")
CARD_COUNTER = "next_card_number"


def bib_upsert(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    bib_uuid = str(req(p, "bib_uuid"))
    title = str(req(p, "title"))
    bib = s.scalar(select(m.Bib).where(m.Bib.uuid == bib_uuid))
    values = {f: opt_str(p, f) for f in BIB_FIELDS}
    values["title"] = title
    source = source_values(p)
    if bib is None:
        bib = m.Bib(uuid=bib_uuid, created_at=ctx.received_at, updated_at=ctx.received_at, **values)
        s.add(bib)
    else:
        base = opt_int(p, "base_version")
        changed = {f: v for f, v in values.items() if getattr(bib, f) != v}
        source_changed = sorted(k for k, v in source.items() if getattr(bib, k) != v)
        if (changed or source_changed) and not _may_edit_bib(ctx, bib):
            ctx.file(
                "CATALOGUE_CONFLICT",
                [ctx.branch],
                _(
                    "Record 《{title}》 is held only by other branches; the edit from {branch} "
                    "is kept for the county library and not applied"
                ).format(title=bib.title, branch=ctx.branch),
                {
                    "bib_uuid": bib_uuid,
                    "fields": sorted([*changed, *source_changed]),
                    "proposed": changed,
                },
            )
            return
        if base is not None and bib.version > base and changed:
            ctx.file(
                "CATALOGUE_CONFLICT",
                [ctx.branch],
                _(
                    "Record 《{title}》 was edited here and elsewhere; the latest edit is kept"
                ).format(title=title),
                {
                    "bib_uuid": bib_uuid,
                    "fields": sorted(changed),
                    "previous": {f: getattr(bib, f) for f in changed},
                },
            )
        for f, v in values.items():
            setattr(bib, f, v)
        bib.updated_at = ctx.received_at
    for f, v in source.items():
        setattr(bib, f, v)
    bib.search_keys = record_search_keys(bib.title, bib.author)
    publish.bib(ctx, bib)


def source_values(p: dict[str, Any]) -> dict[str, Any]:
    """The source-record columns a bib_upsert sets. A record (already checked by the protocol)
    comes with its flags, which describe it; without one, the county's record is kept (an older
    client, or a PC that has not received it yet, must not erase it), and only flags that are
    given are set."""
    marc = opt_str(p, "marc")
    if marc is not None:
        try:
            raw = decode_marc(marc)
        except ValueError as exc:  # checked by the protocol already; never a 500 regardless
            raise OpRejected("invalid_payload", f"marc: {exc}") from None
        return {
            "marc": raw,
            "bad_isbn": flag_text(opt_str(p, "bad_isbn"), BAD_ISBN_MAX),
            "other_class": flag_text(opt_str(p, "other_class"), OTHER_CLASS_MAX),
        }
    flags = {"bad_isbn": BAD_ISBN_MAX, "other_class": OTHER_CLASS_MAX}
    return {k: flag_text(opt_str(p, k), n) for k, n in flags.items() if opt_str(p, k)}


def _may_edit_bib(ctx: OpContext, bib: m.Bib) -> bool:
    """The union catalogue is shared: a record is edited by a branch holding a copy of it, or
    by anyone while no branch does (a record just added, not yet given copies)."""
    holders = ctx.session.execute(
        select(m.Item.home_branch_code, m.Item.current_branch_code).where(m.Item.bib_id == bib.id)
    ).all()
    return not holders or any(ctx.serves(home, current) for home, current in holders)


def item_upsert(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    item_uuid = str(req(p, "item_uuid"))
    barcode = str(req(p, "barcode"))
    bib = s.scalar(select(m.Bib).where(m.Bib.uuid == str(req(p, "bib_uuid"))))
    item = s.scalar(select(m.Item).where(m.Item.uuid == item_uuid))
    clash = s.scalar(select(m.Item).where(m.Item.barcode == barcode, m.Item.uuid != item_uuid))
    if bib is None or clash is not None:
        reason = (
            _("barcode {barcode} is already used by another copy").format(barcode=barcode)
            if clash is not None
            else _("its catalogue record is unknown")
        )
        ctx.file(
            "CATALOGUE_CONFLICT",
            [ctx.branch],
            _("Copy {barcode} was not added: {reason}").format(barcode=barcode, reason=reason),
            {"barcode": barcode, "payload": p},
        )
        return
    status = opt_str(p, "status") or "available"
    if item is None:
        home = ctx.own_branch(p, "home_branch")
        ctx.own_branch(p, "current_branch")
        item = m.Item(
            uuid=item_uuid,
            barcode=barcode,
            bib_id=bib.id,
            status=status if status in SETTABLE_STATUSES else "available",
            home_branch_code=home,
            current_branch_code=home,
            created_at=ctx.received_at,
            updated_at=ctx.received_at,
        )
        s.add(item)
        old_barcode = None
    else:
        if not ctx.serves(item.home_branch_code, item.current_branch_code):
            raise forbidden(
                _("Copy {barcode} belongs to {home} and is at {current}; edit it there").format(
                    barcode=item.barcode,
                    home=item.home_branch_code,
                    current=item.current_branch_code,
                )
            )
        home = opt_str(p, "home_branch") or item.home_branch_code
        if home != item.home_branch_code:
            raise forbidden(
                _("Only the county library moves copy {barcode} to another branch").format(
                    barcode=item.barcode
                )
            )
        old_barcode = item.barcode
        base = opt_int(p, "base_version")
        if (
            base is not None
            and item.version > base
            and (item.call_number != opt_str(p, "call_number") or item.bib_id != bib.id)
        ):
            ctx.file(
                "CATALOGUE_CONFLICT",
                [ctx.branch, item.home_branch_code],
                _("Copy {barcode} was edited here and elsewhere; the latest edit is kept").format(
                    barcode=barcode
                ),
                {"barcode": barcode, "previous_call_number": item.call_number},
            )
        item.barcode = barcode
        item.bib_id = bib.id
        item.home_branch_code = home
        # Circulation owns on_loan/in_transit; an edit cannot silently end a loan.
        if status in SETTABLE_STATUSES and item.status not in ("on_loan", "in_transit"):
            item.status = status
        item.updated_at = ctx.received_at
    item.call_number = opt_str(p, "call_number")
    item.shelf_location = opt_str(p, "shelf_location")
    item.price = opt_str(p, "price")
    item.acquired_on = opt_date(p, "acquired_on")
    index = lookups.active(s)
    if index is not None:
        index.item_saved(item, old_barcode)
    publish.item(ctx, item)


def item_status(ctx: OpContext, p: dict[str, Any]) -> None:
    item = find_item(ctx.session, p.get("item_uuid"), p.get("barcode"))
    status = str(req(p, "status"))
    if status == "found":
        status = "available"
    if status not in SETTABLE_STATUSES:
        raise OpRejected("bad_payload", f"status: unknown value {status}")
    if item is None:
        ctx.file(
            "UNKNOWN_BARCODE",
            [ctx.branch],
            _("Unknown barcode {barcode} marked {status}").format(
                barcode=opt_str(p, "barcode") or "?", status=status
            ),
            {"payload": p},
        )
        return
    if status == "available" and item.status == "on_loan":
        return  # "found" for a copy on loan: the loan decides
    if not ctx.serves(item.home_branch_code, item.current_branch_code):
        if status != "available" or item.status not in ("lost", "missing"):
            raise forbidden(
                _(
                    "Copy {barcode} belongs to {home} and is at {current}; its status is "
                    "changed there"
                ).format(
                    barcode=item.barcode,
                    home=item.home_branch_code,
                    current=item.current_branch_code,
                )
            )
        # A fact: another branch's lost copy turned up here. Its owner is told.
        ctx.file(
            "LOST_ITEM_FOUND",
            [ctx.branch, item.home_branch_code],
            _("Copy {barcode}, recorded as {status}, was scanned at {branch}").format(
                barcode=item.barcode, status=item.status, branch=ctx.branch
            ),
            {"barcode": item.barcode, "previous_status": item.status},
        )
    item.status = status
    item.updated_at = ctx.received_at
    publish.item(ctx, item)


def _next_card(ctx: OpContext) -> str:
    s = ctx.session
    setting = s.get(m.ServerSetting, CARD_COUNTER)
    if setting is None:
        highest = 0
        for (card,) in s.execute(select(m.Reader.card).where(m.Reader.card.like("R%"))):
            if re.fullmatch(r"R\d{7}", card):
                highest = max(highest, int(card[1:]))
        setting = m.ServerSetting(key=CARD_COUNTER, value=str(highest))
        s.add(setting)
    while True:
        number = int(setting.value) + 1
        setting.value = str(number)
        card = f"R{number:07d}"
        if s.scalar(select(m.Reader.id).where(m.Reader.card == card)) is None:
            return card


def reader_upsert(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    reader_uuid = str(req(p, "reader_uuid"))
    card = str(req(p, "card"))
    index = lookups.active(s)
    reader = clash = None
    if index is not None and reader_uuid in index.reader_uuid and card in index.reader_card:
        reader = index.reader_uuid[reader_uuid]
        holder = index.reader_card[card]
        clash = holder if holder is not None and holder is not reader else None
    else:
        # One query for both: this reader, and another one already holding the card.
        found = s.scalars(
            select(m.Reader).where(or_(m.Reader.uuid == reader_uuid, m.Reader.card == card))
        )
        for row in found:
            if row.uuid == reader_uuid:
                reader = row
            else:
                clash = row
    home = ctx.own_branch(p, "home_branch")
    if reader is not None and reader.home_branch_code != ctx.branch:
        raise forbidden(
            _("Card {card} belongs to a reader of {branch}; only that branch changes it").format(
                card=reader.card, branch=reader.home_branch_code
            )
        )
    if clash is not None:
        card = _next_card(ctx)
        ctx.data["card_changed"] = True
    gender = opt_str(p, "gender") or "U"
    values: dict[str, Any] = {
        "card": card,
        "card_provisional": False,
        "name": str(req(p, "name")),
        "gender": gender if gender in ("F", "M", "U") else "U",
        "birth_year": opt_int(p, "birth_year"),
        "age_band": opt_str(p, "age_band"),
        "phone": opt_str(p, "phone"),
        "reader_type": opt_str(p, "reader_type") or "adult",
        "home_branch_code": home,
        "status": opt_str(p, "status") or "active",
        "updated_at": ctx.received_at,
    }
    old_card = None
    if reader is None:
        reader = m.Reader(uuid=reader_uuid, registered_at=ctx.corrected_at, **values)
        s.add(reader)
    else:
        old_card = reader.card
        for key, value in values.items():
            setattr(reader, key, value)
        if old_card != card:
            # Now, not at the group's flush: a card freed here may be taken by a later op,
            # and UPDATEs in one flush run in id order, not op order (unique card).
            s.flush()
    if index is not None:
        index.reader_saved(reader, old_card)
    ctx.data["card"] = card
    ctx.data.setdefault("card_changed", False)
    publish.reader(ctx, reader)


def credit_entry(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    entry_uuid = str(req(p, "entry_uuid"))
    if s.scalar(select(m.CreditEntry.id).where(m.CreditEntry.uuid == entry_uuid)) is not None:
        return
    reader = find_reader(s, p.get("reader_uuid"), p.get("card"))
    delta = opt_int(p, "delta")
    if delta is None:
        raise OpRejected("bad_payload", "missing field: delta")
    if reader is None:
        ctx.file(
            "UNKNOWN_CARD",
            [ctx.branch],
            _("Credit entry for an unknown reader is kept here"),
            {"payload": p},
        )
        return
    if reader.home_branch_code != ctx.branch:
        _check_foreign_credit(ctx, p, reader, delta)
    entry = m.CreditEntry(
        uuid=entry_uuid,
        reader_id=reader.id,
        delta=delta,
        reason=opt_str(p, "reason") or "manual",
        loan_uuid=opt_str(p, "loan_uuid"),
        note=opt_str(p, "note"),
        created_at=ctx.time(p, "created_at") or ctx.corrected_at,
    )
    s.add(entry)
    publish.credit(ctx, entry, reader)


# What a desk records on another branch's reader, always for a loan it made or took back.
LOAN_CREDIT_REASONS = ("earn", "overdue", "amnesty", "amnesty_refund", "undo")


def _check_foreign_credit(ctx: OpContext, p: dict[str, Any], reader: m.Reader, delta: int) -> None:
    """Points of another branch's reader: only the loan-bound entries of a loan served here,
    and no more than one loan can earn or cost (the county's rules)."""
    reason = opt_str(p, "reason") or "manual"
    loan_uuid = opt_str(p, "loan_uuid")
    loan = ctx.session.scalar(select(m.Loan).where(m.Loan.uuid == loan_uuid)) if loan_uuid else None
    rules = ctx.session.scalar(select(m.CreditRules).limit(1))
    cap = rules.cap_per_item if rules is not None else 30
    earn = rules.extra.get("earn_per_loan", 0) if rules is not None and rules.extra else 0
    limit = cap + (earn if isinstance(earn, int) and earn > 0 else 0)
    if (
        reason not in LOAN_CREDIT_REASONS
        or loan is None
        or loan.reader_id != reader.id
        or not ctx.serves(loan.branch_code, loan.return_branch_code)
        or abs(delta) > limit
    ):
        raise forbidden(
            _(
                "Points of card {card} are kept by {branch}; only its own loans' points are "
                "recorded here"
            ).format(card=reader.card, branch=reader.home_branch_code)
        )


def reader_points(ctx: OpContext, reader: m.Reader) -> int:
    total = ctx.session.scalar(
        select(func.coalesce(func.sum(m.CreditEntry.delta), 0)).where(
            m.CreditEntry.reader_id == reader.id
        )
    )
    return int(total or 0)
