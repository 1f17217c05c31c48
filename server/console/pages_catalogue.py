"""The union catalogue: search like the client (pinyin keys, two characters, ISBN, barcode),
and each record's copies across branches with their status and where they are now."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from server import models as m
from server.console import web
from server.services.errors import _
from server.timeutil import iso
from shuwu_shared.domain.masking import mask_name, mask_phone

router = APIRouter()
LIMIT = 50


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def normalise_isbn(text: str) -> str | None:
    digits = re.sub(r"[\s-]", "", text).upper()
    if re.fullmatch(r"97[89]\d{10}|\d{9}[\dX]", digits):
        return digits
    return None


def search(session: Session, query: str, limit: int = LIMIT) -> list[m.Bib]:
    """Every term must match: an ISBN exactly, otherwise a substring of the title, author,
    publisher, class number or the pinyin keys (full pinyin and initials, e.g. ``hlm``),
    or a copy's barcode. One or two Han characters work as substrings too."""
    terms = [t for t in query.strip().split() if t][:8]
    if not terms:
        return []
    conditions = []
    for term in terms:
        term = term[:100]
        isbn = normalise_isbn(term)
        if isbn:
            conditions.append(m.Bib.isbn == isbn)
            continue
        like = _like(term)
        barcode_hit = select(m.Item.bib_id).where(m.Item.barcode == term)
        conditions.append(
            or_(
                m.Bib.title.ilike(like, escape="\\"),
                m.Bib.author.ilike(like, escape="\\"),
                m.Bib.publisher.ilike(like, escape="\\"),
                m.Bib.clc_class.ilike(like, escape="\\"),
                m.Bib.search_keys.ilike(like, escape="\\"),
                m.Bib.id.in_(barcode_hit),
            )
        )
    return list(
        session.scalars(select(m.Bib).where(and_(*conditions)).order_by(m.Bib.title).limit(limit))
    )


@router.get("/catalogue", response_class=HTMLResponse)
def catalogue(request: Request, ctx: web.CtxDep, q: str = "") -> Response:
    q = q[:200]
    with ctx.read() as s:
        hits = search(s, q) if q.strip() else []
        counts: dict[int, tuple[int, int]] = {}
        if hits:
            for bib_id, status in s.execute(
                select(m.Item.bib_id, m.Item.status).where(m.Item.bib_id.in_([b.id for b in hits]))
            ):
                total, free = counts.get(bib_id, (0, 0))
                counts[bib_id] = (total + 1, free + (status == "available"))
    return web.render(
        request,
        ctx,
        "catalogue.html",
        active="catalogue",
        q=q,
        hits=hits,
        counts=counts,
        limit=LIMIT,
    )


@router.get("/catalogue/{uuid}", response_class=HTMLResponse)
def record(request: Request, ctx: web.CtxDep, uuid: str) -> Response:
    with ctx.read() as s:
        bib = s.scalar(select(m.Bib).where(m.Bib.uuid == uuid[:36]))
        if bib is None:
            raise web.Refused(404, ctx.t(_("No such record.")))
        copies: list[dict[str, Any]] = []
        items = list(
            s.scalars(select(m.Item).where(m.Item.bib_id == bib.id).order_by(m.Item.barcode))
        )
        open_loans = {
            loan.item_id: (loan, reader)
            for loan, reader in s.execute(
                select(m.Loan, m.Reader)
                .join(m.Reader, m.Reader.id == m.Loan.reader_id)
                .where(m.Loan.item_id.in_([i.id for i in items]), m.Loan.returned_at.is_(None))
            )
        }
        for item in items:
            loan, reader = open_loans.get(item.id, (None, None))
            mine = ctx.sees(item.home_branch_code) or ctx.sees(item.current_branch_code)
            copies.append(
                {
                    "item": item,
                    "visible": mine,
                    "loan": loan,
                    "reader": reader if (reader and ctx.sees(reader.home_branch_code)) else None,
                    "reader_name": mask_name(reader.name) if reader else "",
                    "reader_phone": mask_phone(reader.phone) if reader else "",
                }
            )
    return web.render(
        request, ctx, "record.html", active="catalogue", bib=bib, copies=copies, iso=iso
    )
