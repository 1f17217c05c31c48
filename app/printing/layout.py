"""Lay out one label as drawing operations in millimetres, independent of the output.

The PDF writer (reportlab) and the bitmap renderer (Pillow, for previews, TSPL and ZPL) draw
the same operations, so the preview is what prints. Text that does not fit is shrunk down to
the template's smallest font size; if it still does not fit, the label gets a *problem* and is
refused before printing: a call number is never silently cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.printing import symbols
from app.printing.fonts import pt_to_mm, text_width_mm
from app.printing.templates import LabelTemplate
from shuwu_shared.domain.callnumber import InvalidCallNumber
from shuwu_shared.domain.callnumber import spine_lines as domain_spine_lines
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _

PRINTER_DOT_MM = 25.4 / 203  # thermal printers are 203 dpi; whole-dot bars print cleanly
MODULE_CHOICES_MM = (3 * PRINTER_DOT_MM, 2 * PRINTER_DOT_MM)
MIN_BAR_HEIGHT_MM = 6.0
ASCENT = 0.86  # share of the font size above the baseline (WenQuanYi Micro Hei)
LINE = 1.12  # line box as a multiple of the font size
GAP_MM = 0.6


@dataclass(frozen=True)
class LabelData:
    """What goes on one label. ``code`` is the item barcode (or the reader card number)."""

    code: str
    call_number: str | None = None
    library_name: str = ""
    title: str = ""
    reader_name: str = ""


@dataclass(frozen=True)
class TextOp:
    x_mm: float  # left edge, or centre when ``centred``
    baseline_mm: float  # from the label's top edge
    size_pt: float
    text: str
    centred: bool = True


@dataclass(frozen=True)
class BarsOp:
    x_mm: float
    y_mm: float
    module_mm: float
    height_mm: float
    pattern: str


@dataclass(frozen=True)
class LabelLayout:
    code: str
    width_mm: float
    height_mm: float
    texts: tuple[TextOp, ...] = ()
    bars: tuple[BarsOp, ...] = ()
    problems: tuple[str, ...] = field(default=())


_CALL_RE = re.compile(r"^\s*([^/\s]+)\s*(?:/\s*([^:：\s]+)\s*(?:[:：]\s*(\S+))?)?\s*$")


def spine_lines(call_number: str) -> list[str]:
    """Class number, then 种次号, then 辅助区分号 (one per line), split by the domain rules so
    every screen agrees; text that does not parse is split at "/" and ":" and never cut."""
    try:
        return domain_spine_lines(call_number)
    except InvalidCallNumber:
        match = _CALL_RE.match(call_number)
        if not match:
            return [call_number.strip()]
        return [part for part in match.groups() if part]


def _fit(lines: list[str], width_mm: float, height_mm: float, start_pt: float) -> float:
    """Largest size ≤ start_pt at which every line fits the box (0.25 pt steps)."""
    size = start_pt
    if lines:
        size = min(size, height_mm / (len(lines) * pt_to_mm(LINE)))
    widest = max((text_width_mm(line, 1.0) for line in lines), default=0.0)
    if widest > 0:
        size = min(size, width_mm / widest)
    return max(0.0, int(size * 4) / 4)


class _Builder:
    def __init__(self, t: LabelTemplate, code: str) -> None:
        self.t = t
        self.code = code
        self.left = t.padding_mm
        self.width = t.label_width_mm - 2 * t.padding_mm
        self.top = t.padding_mm
        self.bottom = t.label_height_mm - t.padding_mm
        self.texts: list[TextOp] = []
        self.bars: list[BarsOp] = []
        self.problems: list[str] = []

    @property
    def centre(self) -> float:
        return self.t.label_width_mm / 2

    def line(self, text: str, size_pt: float, *, min_pt: float, what: str) -> None:
        """One centred line at the top of the free space, shrunk to fit the width."""
        if not text:
            return
        size = _fit([text], self.width, self.bottom - self.top, size_pt)
        if size < min_pt:
            self.problems.append(
                _("{what} “{text}” does not fit on this label even at {size} pt.").format(
                    what=what, text=text, size=f"{min_pt:g}"
                )
            )
            size = min_pt
        self.texts.append(TextOp(self.centre, self.top + ASCENT * pt_to_mm(size), size, text))
        self.top += pt_to_mm(size) * LINE + GAP_MM / 2

    def block(self, lines: list[str], height_mm: float) -> None:
        """Call-number lines, as large as the box allows (up to the template's font size)."""
        size = _fit(lines, self.width, height_mm, self.t.call_font_pt)
        if size < self.t.min_font_pt:
            self.problems.append(
                _(
                    "Call number {call} is too long for this label even at {size} pt; "
                    "use a wider label or shorten it."
                ).format(call="".join(lines), size=f"{self.t.min_font_pt:g}")
            )
            size = self.t.min_font_pt
        step = pt_to_mm(size) * LINE
        # Centre the block vertically in its box: spine labels look balanced.
        y = self.top + max(0.0, (height_mm - step * len(lines)) / 2)
        for text in lines:
            self.texts.append(TextOp(self.centre, y + ASCENT * pt_to_mm(size), size, text))
            y += step
        self.top += height_mm

    def barcode(self, with_number: bool = True) -> None:
        t = self.t
        try:
            pattern = symbols.modules(self.code, t.symbology, t.code39_check)
        except UserInputError as exc:
            self.problems.append(exc.message)
            return
        quiet = 2 * symbols.QUIET_MODULES
        module = next(
            (
                m
                for m in MODULE_CHOICES_MM
                if (len(pattern) + quiet) * m <= t.label_width_mm and len(pattern) * m <= self.width
            ),
            None,
        )
        if module is None:
            self.problems.append(
                _("Barcode {code} is too long for a {w} mm wide label.").format(
                    code=self.code, w=f"{t.label_width_mm:g}"
                )
            )
            return
        number_h = pt_to_mm(t.number_font_pt) * LINE if with_number else 0.0
        height = min(t.barcode_height_mm, self.bottom - self.top - number_h - GAP_MM)
        if height < MIN_BAR_HEIGHT_MM:
            self.problems.append(_("The barcode does not have enough height on this label."))
            return
        x = (t.label_width_mm - len(pattern) * module) / 2
        self.bars.append(BarsOp(x, self.top, module, height, pattern))
        self.top += height + GAP_MM / 2
        if with_number:
            self.line(self.code, t.number_font_pt, min_pt=5, what=_("Barcode number"))

    def name(self, text: str, size_pt: float | None = None) -> None:
        if self.t.show_library_name and text:
            self.line(text, size_pt or self.t.name_font_pt, min_pt=4, what=_("Library name"))

    def build(self) -> LabelLayout:
        return LabelLayout(
            self.code,
            self.t.label_width_mm,
            self.t.label_height_mm,
            tuple(self.texts),
            tuple(self.bars),
            tuple(self.problems),
        )


def layout_label(kind: str, data: LabelData, t: LabelTemplate) -> LabelLayout:
    b = _Builder(t, data.code)
    if kind == "spine":
        b.name(data.library_name)
        if not data.call_number:
            b.problems.append(_("Copy {code} has no call number.").format(code=data.code))
        else:
            b.block(spine_lines(data.call_number), b.bottom - b.top)
    elif kind == "barcode":
        b.name(data.library_name)
        b.barcode()
    elif kind == "combined":
        b.name(data.library_name)
        if not data.call_number:
            b.problems.append(_("Copy {code} has no call number.").format(code=data.code))
        else:
            room = b.bottom - b.top - MIN_BAR_HEIGHT_MM - pt_to_mm(t.number_font_pt) * LINE
            b.block([data.call_number.strip()], min(room, pt_to_mm(t.call_font_pt) * LINE))
        b.barcode()
    elif kind == "reader":
        b.name(data.library_name, t.name_font_pt + 2)
        b.line(_("Reader card"), t.name_font_pt, min_pt=4, what=_("Title"))
        if data.reader_name:
            b.line(data.reader_name, t.call_font_pt, min_pt=t.min_font_pt, what=_("Name"))
        b.barcode()
    else:
        b.problems.append(_("Unknown label kind {kind}.").format(kind=kind))
    return b.build()
