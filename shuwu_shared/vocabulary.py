"""Stored codes (available, on_loan, F, blocked, adult, sent…) as the words a person reads.

The one table for each vocabulary: the CLI's text output, the services' messages and the
screens all call these (JSON output keeps the codes; scripts read them). Unknown codes come
back unchanged.
"""

from __future__ import annotations

from shuwu_shared.i18n import _


def item_status(code: str) -> str:
    words = {
        "available": _("on the shelf"),
        "on_loan": _("on loan"),
        "in_transit": _("in transit"),
        "missing": _("missing"),
        "lost": _("lost"),
        "damaged": _("damaged"),
        "withdrawn": _("withdrawn"),
    }
    return words.get(code, code)


def gender(code: str) -> str:
    return {"F": _("Female"), "M": _("Male"), "U": _("Not given")}.get(code, code)


def reader_status(code: str) -> str:
    return {"active": _("Active"), "blocked": _("Blocked")}.get(code, code)


def builtin_reader_types() -> dict[str, str]:
    """The two reader types a county without its own policies has (type → words)."""
    return {"adult": _("Adult"), "child": _("Child")}


def reader_type(code: str, labels: dict[str, str] | None = None) -> str:
    """The county's own label when its policies name one, else the built-in words."""
    if labels and labels.get(code) and labels[code] != code:
        return labels[code]
    return builtin_reader_types().get(code, code)


def scan_outcome(code: str) -> str:
    words = {
        "ok": _("found"),
        "already": _("already scanned"),
        "elsewhere": _("belongs elsewhere"),
        "on_loan": _("on loan"),
        "unknown": _("unknown barcode"),
    }
    return words.get(code, code)


def stocktake_scan(code: str) -> str:
    """A stock-take scan's outcome as the screen says it at the moment of the scan: stronger
    than ``scan_outcome`` (the CLI's list), since the librarian must look at the book now."""
    words = {
        "ok": _("on shelf"),
        "already": _("already counted"),
        "elsewhere": _("belongs elsewhere"),
        "on_loan": _("recorded as on loan!"),
        "unknown": _("unknown barcode"),
    }
    return words.get(code, code)


def transfer_status(code: str) -> str:
    words = {"draft": _("draft"), "sent": _("sent"), "received": _("received")}
    return words.get(code, code)
