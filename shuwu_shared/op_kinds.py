"""Operation kinds as a person reads them, listed once: the PC's list of refused operations
(app/sync/refused.py) and the county console's overview (server/console) both show these.

The words are English sources marked for tools/i18n.py; each caller translates them in its own
language (the PC with ``shuwu_shared.i18n._``, the console per request in its templates).
"""

from __future__ import annotations


def _(text: str) -> str:  # a marker for tools/i18n.py: callers translate
    return text


OP_KIND_WORDS: dict[str, str] = {
    "bib_upsert": _("Catalogue record"),
    "item_upsert": _("Copy"),
    "item_status": _("Copy status"),
    "reader_upsert": _("Reader registration"),
    "checkout": _("Checkout"),
    "return": _("Return"),
    "renew": _("Renewal"),
    "undo": _("Undo of a desk scan"),
    "credit_entry": _("Credit points"),
    "override": _("Staff override"),
    "transfer_send": _("Transfer sent"),
    "transfer_receive": _("Transfer received"),
    "stocktake_result": _("Stocktake result"),
    "shelf_location_upsert": _("Shelf location"),
    "activity": _("Reading activity"),
    "visit_count": _("Visitor count"),
}
