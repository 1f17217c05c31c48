"""Raw printer languages with the label as a 1-bit bitmap, so printers need no Chinese font.

TSPL (TSC, Gprinter, HPRT, Xprinter): ``BITMAP x,y,width_bytes,height,0,<bytes>``; in TSPL a
*0* bit prints a dot. ZPL (Zebra): ``^GFA`` with hex rows; in ZPL a *1* bit prints a dot.
Rows are padded to whole bytes; the padding is white.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

from app.printing.calibration import NONE, Calibration
from app.printing.layout import LabelLayout
from app.printing.pdf import progress_step
from app.printing.raster import render_image
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.progress import NoProgress, Progress, check_cancel

DPI = 203
RAW_FORMATS = ("tspl", "zpl")


def _packed(image: Image.Image, *, black_is_one: bool) -> tuple[int, int, bytes]:
    """Rows of bits, most significant bit leftmost; returns (bytes per row, rows, data)."""
    mono = image.convert("1")
    width, height = mono.size
    row_bytes = (width + 7) // 8
    pixels = mono.load()
    assert pixels is not None
    data = bytearray()
    for y in range(height):
        for xb in range(row_bytes):
            byte = 0
            for bit in range(8):
                x = xb * 8 + bit
                black = x < width and pixels[x, y] == 0
                if black == black_is_one:
                    byte |= 0x80 >> bit
            data.append(byte)
    return row_bytes, height, bytes(data)


def _dots(mm_value: float) -> int:
    return round(mm_value * DPI / 25.4)


def tspl_label(layout: LabelLayout, cal: Calibration = NONE) -> bytes:
    row_bytes, rows, data = _packed(render_image(layout, DPI, mono=True), black_is_one=False)
    head = (
        f"SIZE {layout.width_mm:g} mm,{layout.height_mm:g} mm\r\n"
        "GAP 2 mm,0 mm\r\nDIRECTION 1\r\n"
        f"REFERENCE {max(0, _dots(cal.dx_mm))},{max(0, _dots(cal.dy_mm))}\r\n"
        "CLS\r\n"
        f"BITMAP 0,0,{row_bytes},{rows},0,"
    ).encode("ascii")
    return head + data + b"\r\nPRINT 1,1\r\n"


def zpl_label(layout: LabelLayout, cal: Calibration = NONE) -> bytes:
    row_bytes, _rows, data = _packed(render_image(layout, DPI, mono=True), black_is_one=True)
    width_dots = _dots(layout.width_mm)
    return (
        f"^XA^PW{width_dots}^LL{_dots(layout.height_mm)}"
        f"^LH{max(0, _dots(cal.dx_mm))},{max(0, _dots(cal.dy_mm))}^CI28\n"
        f"^FO0,0^GFA,{len(data)},{len(data)},{row_bytes},{data.hex().upper()}^FS\n"
        "^PQ1^XZ\n"
    ).encode("ascii")


def write_raw(
    layouts: Sequence[LabelLayout],
    fmt: str,
    out: Path,
    *,
    calibration: Calibration = NONE,
    progress: Progress | None = None,
) -> int:
    if fmt not in RAW_FORMATS:
        raise UserInputError(_("Unknown printer language {fmt}.").format(fmt=fmt))
    progress = progress or NoProgress()
    encode = tspl_label if fmt == "tspl" else zpl_label
    step = progress_step(len(layouts))
    tmp = out.with_name(out.name + ".part")
    with tmp.open("wb") as fh:
        for n, layout in enumerate(layouts):
            check_cancel(progress)
            fh.write(encode(layout, calibration))
            if n % step == 0:
                progress.report(n, len(layouts), "")
    tmp.replace(out)
    progress.report(len(layouts), len(layouts), "")
    return len(layouts)


def send_raw(path: Path, printer: str) -> str:
    """Send a TSPL/ZPL file unchanged (or a PDF through the spooler) to a printer queue."""
    raw = path.suffix.lower() != ".pdf"
    if sys.platform.startswith("win"):
        if not raw:
            raise UserInputError(
                _("On Windows, print the PDF from the Labels screen (it keeps the exact size).")
            )
        try:
            import win32print  # type: ignore[import-not-found]
        except ImportError as exc:
            raise UserInputError(
                _(
                    "Sending raw labels needs the pywin32 package on Windows. The file was saved "
                    "as {file}; copy it to the printer with the printer maker's tool."
                ).format(file=str(path))
            ) from exc
        handle = win32print.OpenPrinter(printer)
        try:
            win32print.StartDocPrinter(handle, 1, ("Shuwu labels", None, "RAW"))
            win32print.StartPagePrinter(handle)
            win32print.WritePrinter(handle, path.read_bytes())
            win32print.EndPagePrinter(handle)
            win32print.EndDocPrinter(handle)
        finally:
            win32print.ClosePrinter(handle)
        return printer
    command = shutil.which("lp") or shutil.which("lpr")
    if command is None:
        raise UserInputError(
            _(
                "No print command (lp or lpr) on this computer. The file was saved as {file}."
            ).format(file=str(path))
        )
    if command.endswith("lp"):
        args = [command, "-d", printer, *(["-o", "raw"] if raw else []), str(path)]
    else:
        args = [command, "-P", printer, *(["-l"] if raw else []), str(path)]
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise UserInputError(
            _("The printer queue {printer} refused the labels: {reason}").format(
                printer=printer, reason=result.stderr.strip() or result.stdout.strip()
            )
        )
    return printer
