"""A branch's shelves (书架): list, add, rename, retire, and moving a copy to another shelf.

Copies name their shelf by code (``item.shelf_location``). Imported and demo copies may stand
on shelves nobody defined (书架1–4 in the training profile): those are listed too, marked
``defined=False``, so a stocktake by shelf works; renaming one defines it. Every change writes
a ``shelf_location_upsert`` op (retiring sets ``retired: true``), a move an ``item_upsert``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.device.branch import branch_code
from app.models import BibRecord, Item, ShelfLocation
from app.services.catalog import ItemView, find_item, item_payload, item_view
from app.services.outbox import record_op
from shuwu_shared.clock import Clock
from shuwu_shared.errors import NotFound, UserInputError
from shuwu_shared.i18n import _

# Letters of any script (书架1), digits, dash, dot, underscore; no spaces (codes are scanned).
CODE_RE = re.compile(r"^[\w\-.]{1,32}$")


@dataclass(frozen=True)
class ShelfLocationView:
    code: str
    name: str
    items: int
    defined: bool = True  # False: copies stand on it but nobody added it as a shelf
    retired: bool = False


def _row(session: Session, branch: str, code: str) -> ShelfLocation | None:
    return session.scalar(
        select(ShelfLocation).where(ShelfLocation.branch_code == branch, ShelfLocation.code == code)
    )


def _counts(session: Session, branch: str) -> dict[str, int]:
    rows = session.execute(
        select(Item.shelf_location, func.count())
        .where(Item.home_branch_code == branch, Item.shelf_location.is_not(None))
        .group_by(Item.shelf_location)
    ).all()
    return {str(code): int(n) for code, n in rows}


def list_shelves(
    session: Session, branch: str | None = None, *, include_retired: bool = False
) -> list[ShelfLocationView]:
    """Defined shelves and shelves copies stand on, by code; retired ones only when asked."""
    branch = branch or branch_code(session)
    counts = _counts(session, branch)
    views: dict[str, ShelfLocationView] = {}
    for row in session.scalars(select(ShelfLocation).where(ShelfLocation.branch_code == branch)):
        if row.retired and not include_retired:
            continue
        views[row.code] = ShelfLocationView(
            row.code, row.name, counts.get(row.code, 0), True, bool(row.retired)
        )
    defined = set(
        session.scalars(select(ShelfLocation.code).where(ShelfLocation.branch_code == branch))
    )
    for code, n in counts.items():
        if code not in defined:
            views[code] = ShelfLocationView(code, code, n, defined=False)
    return sorted(views.values(), key=lambda v: (v.retired, v.code))


def _publish(session: Session, clock: Clock, row: ShelfLocation) -> None:
    session.flush()
    record_op(
        session,
        clock,
        "shelf_location_upsert",
        {
            "location_uuid": row.uuid,
            "branch": row.branch_code,
            "code": row.code,
            "name": row.name,
            "retired": bool(row.retired),
        },
    )


def _clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    bad = "\x00" in cleaned or any("\ud800" <= ch <= "\udfff" for ch in cleaned)
    if not cleaned or len(cleaned) > 200 or bad:
        raise UserInputError(_("A shelf needs a name (at most 200 characters)."))
    return cleaned


def add_shelf(session: Session, clock: Clock, code: str, name: str) -> ShelfLocationView:
    branch = branch_code(session)
    code = str(code).strip()
    if not CODE_RE.match(code):
        raise UserInputError(
            _("A shelf code is 1–32 letters or digits without spaces (for example 书架5 or A1).")
        )
    name = _clean_name(name or code)
    row = _row(session, branch, code)
    if row is not None and not row.retired:
        raise UserInputError(_("Shelf location {code} already exists.").format(code=code))
    if row is None:
        row = ShelfLocation(branch_code=branch, code=code, name=name)
        session.add(row)
    else:  # adding a retired code again brings it back
        row.name, row.retired = name, False
    _publish(session, clock, row)
    return ShelfLocationView(code, name, _counts(session, branch).get(code, 0))


def _existing(session: Session, code: str, *, define: bool = False) -> ShelfLocation:
    branch = branch_code(session)
    row = _row(session, branch, str(code).strip())
    if row is None and define and _counts(session, branch).get(str(code).strip()):
        row = ShelfLocation(branch_code=branch, code=str(code).strip(), name=str(code).strip())
        session.add(row)
    if row is None:
        raise NotFound(_("This branch has no shelf {code}.").format(code=code))
    return row


def rename_shelf(session: Session, clock: Clock, code: str, name: str) -> ShelfLocationView:
    row = _existing(session, code, define=True)
    row.name = _clean_name(name)
    _publish(session, clock, row)
    return ShelfLocationView(row.code, row.name, _counts(session, row.branch_code).get(row.code, 0))


def retire_shelf(session: Session, clock: Clock, code: str) -> ShelfLocationView:
    """Retire an empty shelf. Copies still on it must be moved first (they would be lost)."""
    row = _existing(session, code, define=True)
    left = _counts(session, row.branch_code).get(row.code, 0)
    if left:
        raise UserInputError(
            _("{n} copies are still on shelf {code}. Move them to another shelf first.").format(
                n=left, code=row.code
            )
        )
    row.retired = True
    _publish(session, clock, row)
    return ShelfLocationView(row.code, row.name, 0, True, True)


def active_codes(session: Session, branch: str) -> set[str]:
    return {v.code for v in list_shelves(session, branch)}


def move_copy(session: Session, clock: Clock, barcode: str, shelf: str | None) -> ItemView:
    """Put a copy on another shelf of its branch (``None`` or "" = no shelf)."""
    item = find_item(session, barcode)
    branch = branch_code(session)
    if item.home_branch_code != branch:
        raise UserInputError(
            _("Copy {barcode} belongs to another branch; only its own branch can move it.").format(
                barcode=item.barcode
            )
        )
    target = (shelf or "").strip() or None
    if target is not None and target not in active_codes(session, branch):
        raise UserInputError(
            _("Shelf location {code} does not exist at this branch.").format(code=target)
        )
    item.shelf_location = target
    item.updated_at = clock.now()
    bib = session.get(BibRecord, item.bib_id)
    assert bib is not None
    record_op(session, clock, "item_upsert", item_payload(item, bib.uuid))
    return item_view(item)


def move_copies(
    session: Session, clock: Clock, barcodes: list[str], shelf: str | None
) -> list[ItemView]:
    return [move_copy(session, clock, code, shelf) for code in barcodes]
