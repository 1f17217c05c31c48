"""The report over the branch's own database: its ORM tables as a ``ReportSource``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import Activity, BibRecord, Branch, CreditEntry, Item, Loan, Reader, VisitCount
from shuwu_shared.reports.source import ReportSource


def client_source(session: Session) -> ReportSource:
    """The branch's own database."""
    return ReportSource(
        session=session,
        branch=Branch.__table__,
        bib=BibRecord.__table__,
        item=Item.__table__,
        reader=Reader.__table__,
        loan=Loan.__table__,
        credit=CreditEntry.__table__,
        activity=Activity.__table__,
        visit=VisitCount.__table__,
    )
