"""Render a label layout to a Pillow image: the on-screen preview and TSPL/ZPL bitmaps."""

from __future__ import annotations

from functools import cache

from PIL import Image, ImageDraw, ImageFont

from app.printing.layout import LabelLayout
from shuwu_shared.resources import cjk_font_path

MM_PER_INCH = 25.4


@cache
def _font(size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(cjk_font_path()), size_px, index=0)


def render_image(layout: LabelLayout, dpi: float = 203, *, mono: bool = False) -> Image.Image:
    """Grey-scale (``mono=False``) or 1-bit image of the label at ``dpi``, true proportions.

    Bars are placed on whole pixels with a whole number of pixels per module, so a 203 dpi
    bitmap prints every bar at exactly the width the printer head can make.
    """
    dpmm = dpi / MM_PER_INCH
    width = max(1, round(layout.width_mm * dpmm))
    height = max(1, round(layout.height_mm * dpmm))
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for bars in layout.bars:
        module_px = max(1, round(bars.module_mm * dpmm))
        # Keep the symbol centred where the layout put it, even after rounding the module.
        centre = (bars.x_mm + len(bars.pattern) * bars.module_mm / 2) * dpmm
        x0 = round(centre - len(bars.pattern) * module_px / 2)
        top = round(bars.y_mm * dpmm)
        bottom = round((bars.y_mm + bars.height_mm) * dpmm) - 1
        start = -1
        for i, bit in enumerate(bars.pattern + "0"):
            if bit == "1" and start < 0:
                start = i
            elif bit != "1" and start >= 0:
                draw.rectangle(
                    (x0 + start * module_px, top, x0 + i * module_px - 1, bottom), fill=0
                )
                start = -1
    for text in layout.texts:
        size_px = max(1, round(text.size_pt / 72 * dpi))
        anchor = "ms" if text.centred else "ls"
        draw.text(
            (text.x_mm * dpmm, text.baseline_mm * dpmm),
            text.text,
            font=_font(size_px),
            fill=0,
            anchor=anchor,
        )
    if mono:
        return image.point(lambda v: 0 if v < 128 else 255, mode="1")
    return image
