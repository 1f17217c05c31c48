"""Branch work that is not a loan: overrides, transfers, stocktakes, shelves, activities."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.i18n import _
from server import models as m
from server.feed import record_change
from server.ops import publish
from server.ops.context import OpContext, OpRejected, find_item, find_reader, opt_int, opt_str, req


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


def transfer_send(ctx: OpContext, p: dict[str, Any]) -> None:
    items, unknown = _items(ctx, p)
    source = opt_str(p, "from_branch") or ctx.branch
    for item in items:
        if item.status != "on_loan":
            item.status = "in_transit"
        item.current_branch_code = source
        item.updated_at = ctx.received_at
        publish.item(ctx, item)
    _file_unknown(ctx, unknown, p)


def transfer_receive(ctx: OpContext, p: dict[str, Any]) -> None:
    items, unknown = _items(ctx, p)
    branch = opt_str(p, "branch") or ctx.branch
    for item in items:
        if item.status != "on_loan":
            item.status = "available"
        item.current_branch_code = branch
        item.updated_at = ctx.received_at
        publish.item(ctx, item)
    _file_unknown(ctx, unknown, p)


def stocktake_result(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    stocktake_uuid = str(req(p, "stocktake_uuid"))
    branch = opt_str(p, "branch") or ctx.branch
    if (
        s.scalar(select(m.StocktakeResult.id).where(m.StocktakeResult.uuid == stocktake_uuid))
        is None
    ):
        s.add(
            m.StocktakeResult(
                uuid=stocktake_uuid,
                branch_code=branch,
                finished_at=ctx.time(p, "finished_at"),
                result=p,
            )
        )
    for barcode in p.get("missing") or []:
        item = find_item(s, None, barcode)
        if item is not None and item.status == "available":
            item.status = "missing"
            item.updated_at = ctx.received_at
            publish.item(ctx, item)


def shelf_location_upsert(ctx: OpContext, p: dict[str, Any]) -> None:
    s = ctx.session
    branch = opt_str(p, "branch") or ctx.branch
    code = str(req(p, "code"))
    row = s.scalar(
        select(m.ShelfLocation).where(m.ShelfLocation.uuid == str(req(p, "location_uuid")))
    )
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
    from server.ops.context import opt_date

    values = {
        "branch_code": opt_str(p, "branch") or ctx.branch,
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
    from server.ops.context import opt_date

    s = ctx.session
    branch = opt_str(p, "branch") or ctx.branch
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
