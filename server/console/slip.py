"""The enrolment slip handed to a village: server address and one-time code, as text and QR."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from functools import cache

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from server.console.i18n import resources_dir
from server.services.errors import _

FONT = "ShuwuConsoleCJK"


@cache
def _font() -> str:
    pdfmetrics.registerFont(
        TTFont(FONT, str(resources_dir() / "fonts" / "wqy-microhei.ttc"), subfontIndex=0)
    )
    return FONT


def qr_payload(server_url: str, code: str) -> str:
    """What the QR code holds: a small JSON object a client (or a phone) can read back."""
    return json.dumps({"shuwu": "enrol", "server": server_url, "code": code}, separators=(",", ":"))


def _qr(payload: str, size: float) -> Drawing:
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def enrolment_slip(
    *,
    server_url: str,
    code: str,
    expires: str,
    branch: str,
    device_id: int,
    size: str,
    t: Callable[[str], str],
) -> bytes:
    page = A5 if size == "A5" else A4
    _width, height = page
    scale = 0.75 if size == "A5" else 1.0
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=page)
    pdf.setTitle(t(_("Shuwu enrolment slip")))
    font = _font()
    margin = 18 * mm * scale
    y = height - margin - 10 * scale
    pdf.setFont(font, 20 * scale)
    pdf.drawString(margin, y, t(_("Shuwu enrolment slip")))
    y -= 14 * mm * scale
    lines = [
        (t(_("Branch")), branch),
        (t(_("Device number")), str(device_id)),
        (t(_("Server address")), server_url),
        (t(_("Valid until (Beijing time)")), expires),
    ]
    for label, value in lines:
        pdf.setFont(font, 11 * scale)
        pdf.drawString(margin, y, label)
        pdf.setFont(font, 13 * scale)
        pdf.drawString(margin + 40 * mm * scale, y, value)
        y -= 9 * mm * scale
    y -= 6 * mm * scale
    pdf.setFont(font, 11 * scale)
    pdf.drawString(margin, y, t(_("One-time enrolment code")))
    y -= 16 * mm * scale
    pdf.setFont("Courier-Bold", 34 * scale)
    pdf.drawString(margin, y, f"{code[:4]} {code[4:]}")
    qr_size = 60 * mm * scale
    y -= qr_size + 10 * mm * scale
    renderPDF.draw(_qr(qr_payload(server_url, code), qr_size), pdf, margin, y)
    y -= 10 * mm * scale
    pdf.setFont(font, 10 * scale)
    for line in (
        t(_("On the village PC: enrol this computer with the server address and the code.")),
        t(_("The code works once. Keep this slip away from readers.")),
    ):
        pdf.drawString(margin, y, line)
        y -= 6 * mm * scale
    pdf.showPage()
    pdf.save()
    return out.getvalue()
