"""A bib's source MARC record on the wire: base64 of one UTF-8 ISO 2709 record.

A PC that imported or copy-catalogued a record keeps the cleaned source (``bib_record.marc``)
and exports from it. ``bib_upsert`` carries it to the county, and the feed and snapshot carry it
to every other PC, so any branch exports the original fields losslessly.

It is untrusted input from a PC, so it is checked before it is stored: strict base64 (no line
breaks, no stray characters), at most 99,999 bytes once decoded (an ISO 2709 record length has
five digits), a well-formed ISO 2709 structure (leader length and base address, directory entries
inside the record, field and record terminators), UTF-8 text throughout (the form Shuwu stores),
and a record the client's own MARC reader decodes. Anything else is refused as
``invalid_payload`` for that op alone.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

MAX_MARC_BYTES = 99_999  # the five-digit record length of ISO 2709
MAX_MARC_BASE64 = 4 * ((MAX_MARC_BYTES + 2) // 3)  # 133,332 characters
BAD_ISBN_MAX = 32
OTHER_CLASS_MAX = 64
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def encode_marc(raw: bytes | None) -> str | None:
    """The wire form of a stored source record (None stays None)."""
    return base64.b64encode(bytes(raw)).decode("ascii") if raw else None


def flag_text(value: str | None, limit: int) -> str | None:
    """A flag (erroneous ISBN, other class) as the protocol and the county's columns take it:
    one line without control characters, at most ``limit`` characters."""
    if not value:
        return None
    text = _CONTROL.sub("", value).strip()[:limit]
    return text or None


def marc_problem(raw: bytes) -> str | None:
    """Why ``raw`` is not a storable source record, or None when it is."""
    if len(raw) > MAX_MARC_BYTES:
        return f"the record is larger than {MAX_MARC_BYTES} bytes"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "the record is not UTF-8"
    # Imported only here: pymarc costs start-up time a PC that never sees MARC need not pay.
    from shuwu_shared.marc.read import strict_structure_problem

    return strict_structure_problem(raw)


def decode_marc(value: str) -> bytes:
    """The record of a wire value; ValueError (a short English reason) when it is not one."""
    if len(value) > MAX_MARC_BASE64:
        raise ValueError(f"longer than {MAX_MARC_BASE64} base64 characters")
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ValueError("not base64 (RFC 4648, without line breaks)") from None
    if not raw:
        raise ValueError("empty")
    problem = marc_problem(raw)
    if problem is not None:
        raise ValueError("not an ISO 2709 MARC record: " + problem)
    return raw


def received_marc(value: object) -> bytes | None:
    """A record from the county's feed or snapshot, which checked it when it was pushed: only
    the base64 is undone here (a snapshot holds many thousands). A bad value is dropped."""
    if not isinstance(value, str) or not value or len(value) > MAX_MARC_BASE64:
        return None
    try:
        return base64.b64decode(value.encode("ascii"), validate=True) or None
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None


def _check(value: str) -> str:
    decode_marc(value)
    return value


MarcRecord = Annotated[str, StringConstraints(max_length=MAX_MARC_BASE64), AfterValidator(_check)]
