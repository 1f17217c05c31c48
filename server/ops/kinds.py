"""Which function applies which op kind (payloads per docs/ops.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from server.ops import branchwork, circulation, records
from server.ops.context import OpContext

Apply = Callable[[OpContext, dict[str, Any]], None]
APPLY: dict[str, Apply] = {
    "checkout": circulation.checkout,
    "return": circulation.return_,
    "renew": circulation.renew,
    "undo": circulation.undo,
    "reader_upsert": records.reader_upsert,
    "bib_upsert": records.bib_upsert,
    "item_upsert": records.item_upsert,
    "item_status": records.item_status,
    "credit_entry": records.credit_entry,
    "override": branchwork.override,
    "transfer_send": branchwork.transfer_send,
    "transfer_receive": branchwork.transfer_receive,
    "stocktake_result": branchwork.stocktake_result,
    "shelf_location_upsert": branchwork.shelf_location_upsert,
    "activity": branchwork.activity,
    "visit_count": branchwork.visit_count,
}
