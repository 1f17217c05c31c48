"""PDF output with reportlab: exact physical page size, embedded CJK font, no scaling.

Sheets place ``rows × cols`` labels per page, starting at any position (a part-used sheet);
rolls get one page per label, the page being the label. Printer calibration shifts labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing.calibration import NONE, Calibration
from app.printing.fonts import register_font
from app.printing.layout import LabelLayout
from app.printing.templates import LabelTemplate
from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.progress import NoProgress, Progress, check_cancel


def progress_step(total: int) -> int:
    """Report about 10 times per job: enough for a progress bar, few cross-thread signals."""
    return max(20, total // 10)


def _draw(c: Canvas, layout: LabelLayout, x0: float, y0: float, page_h: float) -> None:
    """Draw one label whose top-left corner is (x0, y0) mm from the page's top-left."""
    font = register_font()
    for bars in layout.bars:
        c.setFillColorRGB(0, 0, 0)
        start = -1
        for i, bit in enumerate(bars.pattern + "0"):
            if bit == "1" and start < 0:
                start = i
            elif bit != "1" and start >= 0:
                x = x0 + bars.x_mm + start * bars.module_mm
                bottom = page_h - (y0 + bars.y_mm + bars.height_mm)
                c.rect(
                    x * mm,
                    bottom * mm,
                    (i - start) * bars.module_mm * mm,
                    bars.height_mm * mm,
                    stroke=0,
                    fill=1,
                )
                start = -1
    for text in layout.texts:
        c.setFont(font, text.size_pt)
        x = (x0 + text.x_mm) * mm
        y = (page_h - y0 - text.baseline_mm) * mm
        if text.centred:
            c.drawCentredString(x, y, text.text)
        else:
            c.drawString(x, y, text.text)


def check_skip(template: LabelTemplate, skip: int) -> int:
    if template.media == "roll":
        return 0
    if not 0 <= skip < template.per_page:
        raise UserInputError(
            _("The start position must be between 1 and {n} on this sheet.").format(
                n=template.per_page
            )
        )
    return skip


def write_pdf(
    layouts: Sequence[LabelLayout],
    template: LabelTemplate,
    out: Path,
    *,
    calibration: Calibration = NONE,
    skip: int = 0,
    progress: Progress | None = None,
) -> int:
    """Write the labels; returns the number of pages. ``skip`` = labels already used."""
    progress = progress or NoProgress()
    skip = check_skip(template, skip)
    page_w, page_h = template.page_width_mm, template.page_height_mm
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    # The initial font is ours too, so the PDF references no font the printer must supply.
    c = Canvas(
        str(tmp),
        pagesize=(page_w * mm, page_h * mm),
        pageCompression=1,
        initialFontName=register_font(),
    )
    c.setTitle(_("Shuwu labels"))
    c.setCreator("Shuwu")
    pages = 0
    position = skip
    step = progress_step(len(layouts))
    for n, layout in enumerate(layouts):
        check_cancel(progress)
        if position == template.per_page:
            c.showPage()
            pages += 1
            position = 0
        x, y, row = template.label_origin(position)
        dx, dy = calibration.shift(row)
        _draw(c, layout, x + dx, y + dy, page_h)
        position += 1
        if n % step == 0:
            progress.report(n, len(layouts), "")
    c.showPage()
    pages += 1
    c.save()
    tmp.replace(out)  # never leave a half-written PDF under the real name
    progress.report(len(layouts), len(layouts), "")
    return pages


def _ruler(c: Canvas, length_mm: float, page_h: float, *, horizontal: bool) -> None:
    """A millimetre ruler along the top (horizontal) or left edge; numbers every 10 mm."""
    c.setLineWidth(0.15)
    c.setFont(register_font(), 5)
    for i in range(int(length_mm) + 1):
        tick = 4.0 if i % 10 == 0 else 2.5 if i % 5 == 0 else 1.5
        if horizontal:
            c.line(i * mm, page_h * mm, i * mm, (page_h - tick) * mm)
            if i % 10 == 0 and i:
                c.drawCentredString(i * mm, (page_h - 6) * mm, str(i))
        else:
            y = (page_h - i) * mm
            c.line(0, y, tick * mm, y)
            if i % 10 == 0 and i:
                c.drawString(4.5 * mm, y - 1.7, str(i))


def write_test_page(template: LabelTemplate, out: Path, calibration: Calibration = NONE) -> Path:
    """Outlines of every label position (calibrated), a cross at each centre and mm rulers.

    Printed on plain paper and held against a label sheet, it shows how far and which way
    the printer is off, row by row.
    """
    page_w, page_h = template.page_width_mm, template.page_height_mm
    c = Canvas(str(out), pagesize=(page_w * mm, page_h * mm), initialFontName=register_font())
    c.setTitle(_("Calibration test page"))
    for index in range(template.per_page):
        x, y, row = template.label_origin(index)
        dx, dy = calibration.shift(row)
        x, y = x + dx, y + dy
        c.setLineWidth(0.2)
        c.rect(
            x * mm,
            (page_h - y - template.label_height_mm) * mm,
            template.label_width_mm * mm,
            template.label_height_mm * mm,
        )
        cx, cy = x + template.label_width_mm / 2, page_h - y - template.label_height_mm / 2
        c.line((cx - 2) * mm, cy * mm, (cx + 2) * mm, cy * mm)
        c.line(cx * mm, (cy - 2) * mm, cx * mm, (cy + 2) * mm)
    _ruler(c, page_w, page_h, horizontal=True)
    _ruler(c, page_h, page_h, horizontal=False)
    c.setFont(register_font(), 6)
    c.drawString(
        12 * mm,
        12 * mm if page_h > 40 else 2 * mm,
        _("{name}: shift {dx} / {dy} mm, creep {creep} mm per row").format(
            name=template.name,
            dx=f"{calibration.dx_mm:g}",
            dy=f"{calibration.dy_mm:g}",
            creep=f"{calibration.creep_mm_per_row:g}",
        ),
    )
    c.showPage()
    c.save()
    return out
