"""Overdue loans and printable reminder slips (催还单).

Decision on personal data: the overdue list shows names and phones MASKED, like every list.
Staff who must phone a reader press "show phone" for that one reader (``reveal_phone``), which
is written to the audit log (reader UUID only, never the number). The reminder slip is handed
to the reader (or left with the village committee), so it carries the full name and card but
no phone number.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import BibRecord, Item, Loan, Reader
from app.services import audit, credit, settings
from shuwu_shared.clock import Clock
from shuwu_shared.domain.masking import mask_name, mask_phone
from shuwu_shared.errors import NotFound
from shuwu_shared.i18n import _
from shuwu_shared.resources import cjk_font_path

FONT_NAME = "WQYMicroHei"


@dataclass(frozen=True)
class OverdueLoan:
    loan_uuid: str
    reader_uuid: str
    card: str
    name_masked: str
    phone_masked: str
    barcode: str
    title: str
    due_at: datetime
    overdue_days: int

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["due_at"] = self.due_at.isoformat()
        data["due_date"] = credit.local_date(self.due_at).isoformat()
        return data


def list_overdues(session: Session, clock: Clock) -> list[OverdueLoan]:
    """Open loans past their due day, most overdue first."""
    now = clock.now()
    rows = session.execute(
        select(Loan, Reader, Item, BibRecord)
        .join(Reader, Reader.id == Loan.reader_id)
        .join(Item, Item.id == Loan.item_id)
        .join(BibRecord, BibRecord.id == Item.bib_id)
        .where(Loan.returned_at.is_(None), Loan.due_at < now)
        .order_by(Loan.due_at, Loan.id)
    ).all()
    result = []
    for loan, reader, item, bib in rows:
        days = credit.overdue_days(loan.due_at, now)
        if days <= 0:
            continue
        result.append(
            OverdueLoan(
                loan_uuid=loan.uuid,
                reader_uuid=reader.uuid,
                card=reader.card,
                name_masked=mask_name(reader.name),
                phone_masked=mask_phone(reader.phone),
                barcode=item.barcode,
                title=bib.title,
                due_at=loan.due_at,
                overdue_days=days,
            )
        )
    return result


def reveal_phone(session: Session, clock: Clock, reader_uuid: str) -> str:
    """The full phone number, for staff who must call; audited without the number."""
    reader = session.scalar(select(Reader).where(Reader.uuid == reader_uuid))
    if reader is None:
        raise NotFound(_("This reader no longer exists."), code="reader_unknown")
    audit.log(session, clock, "reveal_phone", entity="reader", entity_uuid=reader.uuid)
    return reader.phone or ""


def _register_font() -> str:
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(cjk_font_path()), subfontIndex=0))
    return FONT_NAME


def write_reminder_slips(session: Session, clock: Clock, target: Path) -> int:
    """One slip per reader with overdue books, three to an A4 page; returns the slip count."""
    overdue = list_overdues(session, clock)
    by_reader: dict[str, list[OverdueLoan]] = defaultdict(list)
    for row in overdue:
        by_reader[row.reader_uuid].append(row)
    branch = (
        settings.get(session, settings.BRANCH_NAME)
        or settings.get(session, settings.BRANCH_CODE)
        or ""
    )
    today = credit.local_date(clock.now()).isoformat()
    font = _register_font()
    target.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(target), pagesize=A4)
    canvas.setTitle(_("Overdue reminders"))
    width, height = A4
    slip_h = height / 3
    for index, (reader_uuid, loans) in enumerate(by_reader.items()):
        if index and index % 3 == 0:
            canvas.showPage()
        reader = session.scalar(select(Reader).where(Reader.uuid == reader_uuid))
        assert reader is not None
        top = height - (index % 3) * slip_h
        _draw_slip(canvas, font, reader, loans, branch, today, top, width, slip_h)
    if not by_reader:
        canvas.setFont(font, 14)
        canvas.drawString(20 * mm, height - 30 * mm, _("No overdue books today."))
    canvas.save()
    return len(by_reader)


def _draw_slip(
    canvas: Canvas,
    font: str,
    reader: Reader,
    loans: list[OverdueLoan],
    branch: str,
    today: str,
    top: float,
    width: float,
    slip_h: float,
) -> None:
    left = 18 * mm
    y = top - 18 * mm
    canvas.setFont(font, 16)
    canvas.drawString(left, y, _("Overdue book reminder"))
    canvas.setFont(font, 10)
    canvas.drawRightString(width - left, y, f"{branch}  {today}")
    y -= 9 * mm
    canvas.setFont(font, 12)
    canvas.drawString(
        left, y, _("Reader: {name}    Card: {card}").format(name=reader.name, card=reader.card)
    )
    y -= 8 * mm
    canvas.setFont(font, 11)
    for loan in loans[:8]:
        line = _("{title}  ({barcode})  due {date}, {days} days overdue").format(
            title=loan.title[:30],
            barcode=loan.barcode,
            date=credit.local_date(loan.due_at).isoformat(),
            days=loan.overdue_days,
        )
        canvas.drawString(left + 4 * mm, y, line)
        y -= 6.5 * mm
    if len(loans) > 8:
        canvas.drawString(left + 4 * mm, y, _("… and {n} more").format(n=len(loans) - 8))
        y -= 6.5 * mm
    canvas.setFont(font, 10)
    canvas.drawString(
        left,
        top - slip_h + 14 * mm,
        _("Please return these books to any library or bookroom in the county. Thank you!"),
    )
    canvas.setDash(3, 3)
    canvas.line(8 * mm, top - slip_h, width - 8 * mm, top - slip_h)
    canvas.setDash()
