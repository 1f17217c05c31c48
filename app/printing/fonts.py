"""The embedded CJK font for reportlab (TrueType collection, so it is embedded in PDFs)."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from shuwu_shared.resources import cjk_font_path

FONT_NAME = "WenQuanYiMicroHei"


@cache
def register_font() -> str:
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(cjk_font_path()), subfontIndex=0))
    return FONT_NAME


def text_width_mm(text: str, size_pt: float) -> float:
    """Advance width of ``text`` in millimetres at ``size_pt``."""
    points = pdfmetrics.stringWidth(text, register_font(), size_pt)
    return float(points) * 25.4 / 72.0


def pt_to_mm(size_pt: float) -> float:
    return size_pt * 25.4 / 72.0
