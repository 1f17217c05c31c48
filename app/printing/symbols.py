"""Barcode symbols as module patterns ("1" bar, "0" space), drawn the same way by every backend.

Code 128 is the default. Code 39 is offered for old scanners; it carries a check character
only when asked (``check=True``), never silently.
"""

from __future__ import annotations

from barcode.codex import Code39, Code128
from barcode.errors import BarcodeError

from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

QUIET_MODULES = 10  # blank modules each side; scanners need a quiet zone


def modules(code: str, symbology: str = "code128", check: bool = False) -> str:
    if not code or not code.isascii() or not code.isprintable():
        raise UserInputError(
            _("{code} cannot be printed as a barcode (letters and digits only).").format(code=code)
        )
    try:
        if symbology == "code39":
            return str(Code39(code, add_checksum=check).build()[0])
        return str(Code128(code).build()[0])
    except BarcodeError as exc:
        raise UserInputError(
            _("{code} cannot be printed as a barcode (letters and digits only).").format(code=code)
        ) from exc


def bar_runs(pattern: str) -> list[tuple[int, int]]:
    """(start module, width in modules) of every bar."""
    runs: list[tuple[int, int]] = []
    start = -1
    for i, bit in enumerate(pattern + "0"):
        if bit == "1" and start < 0:
            start = i
        elif bit != "1" and start >= 0:
            runs.append((start, i - start))
            start = -1
    return runs
