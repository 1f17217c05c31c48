"""Branch work that is not a loan: overrides, transfers, stocktakes, shelves, activities."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from server import models as m
from server.feed import record_change
from server.ops import publish
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
from shuwu_shared.i18n import _


def override(ctx: OpContext, p: dict[str, Any]) -> None:
    reader = find_reader(ctx.session, p.get("reader_uuid"), p.get("card"))
    item = find_item(ctx.session, p.get("item_uuid"), p.get("barcode"))
    rule = opt_str(p, "rule") or "?"
    ctx.file(
        "STAFF_OVERRIDE",
        [ctx.branch],
        _("Staff overrode rule {rule} for card {card}, copy {barcode}: {reason}").format(
            rule=rule,
            card=reader.card if reader else "?",
            barcode=item.barcode if item else "?",
            reason=opt_str(p, "reason") or "",
        ),
        {
            "rule": rule,
            "reason": opt_str(p, "reason"),
            "staff": opt_str(p, "staff"),
            "card": reader.card if reader else None,
            "barcode": item.barcode if item else None,
        },
    )


def _items(ctx: OpContext, p: dict[str, Any]) -> tuple[list[m.Item], list[str]]:
    uuids = list(p.get("item_uuids") or [])
    barcodes = list(p.get("barcodes") or [])
    if not isinstance(uuids, list) or not isinstance(barcodes, list):
        raise OpRejected("bad_payload", "item_uuids and barcodes must be lists")
    found: dict[int, m.Item] = {}
    unknown: list[str] = []
    for i in range(max(len(uuids), len(barcodes))):
        uuid = uuids[i] if i < len(uuids) else None
        barcode = barcodes[i] if i < len(barcodes) else None
        item = find_item(ctx.session, uuid, barcode)
        if item is None:
            unknown.append(str(barcode or uuid))
        else:
            found[item.id] = item
    return list(found.values()), unknown


def _file_unknown(ctx: OpContext, unknown: list[str], p: dict[str, Any]) -> None:
    if unknown:
        ctx.file(
            "UNKNOWN_BARCODE",
            [ctx.branch],
            _("Unknown barcodes in a {kind}: {barcodes}").format(
                kind=ctx.kind, barcodes=", ".join(unknown[:20])
            ),
            {"barcodes": unknown, "payload": p},
        )


def _file_out_of_scope(ctx: OpContext, items: list[m.Item], p: dict[str, Any]) -> None:
    """Copies an op named but the device's branch neither owns nor holds: left unchanged and
    shown to this branch and the county, which can tell a stale list from a wrong one."""
    if items:
        barcodes = [item.barcode for item in items]
        what = {
            "transfer_send": _("A transfer sent"),
            "transfer_receive": _("A transfer received"),
            "stocktake_result": _("A stocktake"),
        }.get(ctx.kind, ctx.kind)
        ctx.file(
            "OUT_OF_SCOPE",
            [ctx.branch],
            _("{kind} named copies of other branches, left unchanged: {barcodes}").format(
                kind=what, barcodes=", ".join(barcodes[:20])
            ),
            {"barcodes": barcodes},
        )


def _split(
    ctx: OpContext, items: list[m.Item], in_transit_too: bool = False
) -> tuple[list[m.Item], list[m.Item]]:
    """(copies the device's branch owns or holds, the others)."""
    mine: list[m.Item] = []
    others: list[m.Item] = []
    for item in items:
        ok = ctx.serves(item.home_branch_code, item.current_branch_code) or (
            in_transit_too and item.status == "in_transit"
        )
        (mine if ok else others).append(item)
    return mine, others


def transfer_send(ctx: OpContext, p: dict[str, Any]) -> None:
    found, unknown = _items(ctx, p)
    source = ctx.own_branch(p, "from_branch")
    items, others = _split(ctx, found)
    for item in items:
        if item.status != "on_loan":
            item.status = "in_transit"
        item.current_branch_code = source
        item.updated_at = ctx.received_at
        publish.item(ctx, item)
    _file_unknown(ctx, unknown, p)
    _file_out_of_scope(ctx, others, p)


def transfer_receive(ctx: OpContext, p: dict[str, Any]) -> None:
    found, unknown = _items(ctx, p)
    branch = ctx.own_branch(p, "branch")
    # A copy sent here (in transit from anywhere) or coming home is received; one sitting on
    # another branch's shelf is not.
    items, others = _split(ctx, found, in_transit_too=True)
    for item in items:
        if item.status != "on_loan":
            item.status = "available"
        item.current_branch_code = branch
        item.updated_at = ctx.received_at
        publish.item(ctx, item)
    _file_unknown(ctx, unknown, p)
    _file_out_of_scope(ctx, others, p)


def stocktake_result(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    stocktake_uuid = str(req(p, "stocktake_uuid"))
    branch = ctx.own_branch(p, "branch")
    existing = s.scalar(
        select(m.StocktakeResult.branch_code).where(m.StocktakeResult.uuid == stocktake_uuid)
    )
    if existing is not None and existing != branch:
        raise forbidden(_("This stocktake belongs to {branch}").format(branch=existing))
    if existing is None:
        s.add(
            m.StocktakeResult(
                uuid=stocktake_uuid,
                branch_code=branch,
                finished_at=ctx.time(p, "finished_at"),
                result=p,
            )
        )
    missing = p.get("missing") or []
    if not isinstance(missing, list):
        raise OpRejected("bad_payload", "missing must be a list")
    others: list[m.Item] = []
    for barcode in missing:
        item = find_item(s, None, barcode)
        if item is None:
            continue
        if not ctx.serves(item.home_branch_code, item.current_branch_code):
            others.append(item)  # not on this branch's shelves: its absence here says nothing
        elif item.status == "available":
            item.status = "missing"
            item.updated_at = ctx.received_at
            publish.item(ctx, item)
    _file_out_of_scope(ctx, others, p)


def shelf_location_upsert(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    branch = ctx.own_branch(p, "branch")
    code = str(req(p, "code"))
    row = s.scalar(
        select(m.ShelfLocation).where(m.ShelfLocation.uuid == str(req(p, "location_uuid")))
    )
    if row is not None and row.branch_code != branch:
        raise forbidden(_("This shelf location belongs to {branch}").format(branch=row.branch_code))
    if row is None:
        row = s.scalar(
            select(m.ShelfLocation).where(
                m.ShelfLocation.branch_code == branch, m.ShelfLocation.code == code
            )
        )
    if row is None:
        row = m.ShelfLocation(
            uuid=str(p["location_uuid"]),
            branch_code=branch,
            code=code,
            name=opt_str(p, "name") or code,
        )
        s.add(row)
    else:
        row.code = code
        row.name = opt_str(p, "name") or code
    row.retired = p.get("retired") is True  # absent (older clients): an active shelf
    s.flush()
    record_change(s, "shelf_location", row.uuid, [row.branch_code])


def activity(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    activity_uuid = str(req(p, "activity_uuid"))
    row = s.scalar(select(m.Activity).where(m.Activity.uuid == activity_uuid))
    if row is not None and row.branch_code != ctx.branch:
        raise forbidden(_("This activity belongs to {branch}").format(branch=row.branch_code))
    values = {
        "branch_code": ctx.own_branch(p, "branch"),
        "day": opt_date(p, "date"),
        "kind": opt_str(p, "kind") or "other",
        "title": str(req(p, "title")),
        "attendance": opt_int(p, "attendance") or 0,
        "note": opt_str(p, "note"),
    }
    if values["day"] is None:
        raise OpRejected("bad_payload", "missing field: date")
    if row is None:
        s.add(m.Activity(uuid=activity_uuid, **values))
    else:
        for key, value in values.items():
            setattr(row, key, value)


def visit_count(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    branch = ctx.own_branch(p, "branch")
    day = opt_date(p, "date")
    count = opt_int(p, "count")
    if day is None or count is None:
        raise OpRejected("bad_payload", "visit_count needs date and count")
    source = opt_str(p, "source") or "manual"
    row = s.scalar(
        select(m.VisitCount).where(
            m.VisitCount.branch_code == branch,
            m.VisitCount.day == day,
            m.VisitCount.source == source,
        )
    )
    if row is None:
        s.add(m.VisitCount(branch_code=branch, day=day, count=count, source=source))
    else:
        row.count = count
