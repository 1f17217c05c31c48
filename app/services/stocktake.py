"""Stocktake (盘点): scan what is on the shelves, then compare with what should be there.

A session lives in the database (stocktake_session / stocktake_scan), so closing the app
half-way loses nothing; ``open_sessions`` finds it again. Finishing writes one
``stocktake_result`` op (and marks missing copies missing locally).
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.device.branch import branch_code
from app.models import BibRecord, Item, StocktakeScan, StocktakeSession
from app.services.outbox import record_op
from shuwu_shared.clock import Clock
from shuwu_shared.errors import NotFound, UserInputError
from shuwu_shared.i18n import _


@dataclass(frozen=True)
class StocktakeInfo:
    uuid: str
    branch: str
    shelf_location: str | None
    started_at: str
    finished_at: str | None
    scanned: int


@dataclass(frozen=True)
class ScanOutcome:
    barcode: str
    status: str  # ok / already / elsewhere / on_loan / unknown
    title: str | None


@dataclass(frozen=True)
class ReportLine:
    barcode: str
    title: str
    call_number: str | None
    shelf_location: str | None
    home_branch: str


@dataclass(frozen=True)
class StocktakeReport:
    info: StocktakeInfo
    expected: int
    found: int
    missing: tuple[ReportLine, ...]
    found_elsewhere: tuple[ReportLine, ...]
    on_loan_found: tuple[ReportLine, ...]
    unknown: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            **asdict(self.info),
            "expected": self.expected,
            "found": self.found,
            "missing": [asdict(r) for r in self.missing],
            "found_elsewhere": [asdict(r) for r in self.found_elsewhere],
            "on_loan_found": [asdict(r) for r in self.on_loan_found],
            "unknown": list(self.unknown),
        }


def _info(session: Session, row: StocktakeSession) -> StocktakeInfo:
    scanned = len(
        session.scalars(select(StocktakeScan.id).where(StocktakeScan.session_id == row.id)).all()
    )
    return StocktakeInfo(
        row.uuid,
        row.branch_code,
        row.shelf_location,
        row.started_at.isoformat(),
        row.finished_at.isoformat() if row.finished_at else None,
        scanned,
    )


def _get(session: Session, uuid: str | None) -> StocktakeSession:
    stmt = select(StocktakeSession).order_by(StocktakeSession.id.desc())
    if uuid:
        stmt = stmt.where(StocktakeSession.uuid.startswith(uuid))
    else:
        stmt = stmt.where(StocktakeSession.finished_at.is_(None))
    row = session.scalars(stmt).first()
    if row is None:
        raise NotFound(_("No open stocktake. Start one first."))
    return row


def start(session: Session, clock: Clock, shelf_location: str | None = None) -> StocktakeInfo:
    branch = branch_code(session)
    row = StocktakeSession(
        branch_code=branch, shelf_location=shelf_location or None, started_at=clock.now()
    )
    session.add(row)
    session.flush()
    return _info(session, row)


def open_sessions(session: Session) -> list[StocktakeInfo]:
    rows = session.scalars(
        select(StocktakeSession)
        .where(StocktakeSession.finished_at.is_(None))
        .order_by(StocktakeSession.id.desc())
    )
    return [_info(session, r) for r in rows]


def scan(session: Session, clock: Clock, barcode: str, uuid: str | None = None) -> ScanOutcome:
    row = _get(session, uuid)
    if row.finished_at is not None:
        raise UserInputError(_("This stocktake is finished; start a new one."))
    code = barcode.strip()
    if not code:
        raise UserInputError(_("Scan an item barcode."))
    item = session.scalar(select(Item).where(Item.barcode == code))
    title = None
    if item is not None:
        title = session.scalar(select(BibRecord.title).where(BibRecord.id == item.bib_id))
    already = session.scalar(
        select(StocktakeScan.id).where(
            StocktakeScan.session_id == row.id, StocktakeScan.barcode == code
        )
    )
    if already is not None:
        return ScanOutcome(code, "already", title)
    session.add(StocktakeScan(session_id=row.id, barcode=code, scanned_at=clock.now()))
    session.flush()
    if item is None:
        return ScanOutcome(code, "unknown", None)
    if _belongs_elsewhere(item, row):
        return ScanOutcome(code, "elsewhere", title)
    if item.status == "on_loan":
        return ScanOutcome(code, "on_loan", title)
    return ScanOutcome(code, "ok", title)


def _belongs_elsewhere(item: Item, row: StocktakeSession) -> bool:
    if item.home_branch_code != row.branch_code:
        return True
    return bool(row.shelf_location and item.shelf_location != row.shelf_location)


def _line(item: Item, title: str) -> ReportLine:
    return ReportLine(
        item.barcode, title, item.call_number, item.shelf_location, item.home_branch_code
    )


def report(session: Session, uuid: str | None = None) -> StocktakeReport:
    row = _get(session, uuid) if uuid else _latest(session)
    scanned = set(
        session.scalars(select(StocktakeScan.barcode).where(StocktakeScan.session_id == row.id))
    )
    expected_stmt = (
        select(Item, BibRecord.title)
        .join(BibRecord, BibRecord.id == Item.bib_id)
        .where(
            Item.home_branch_code == row.branch_code,
            Item.status.in_(("available", "missing")),
        )
        .order_by(Item.call_sort_key, Item.barcode)
    )
    if row.shelf_location:
        expected_stmt = expected_stmt.where(Item.shelf_location == row.shelf_location)
    expected = session.execute(expected_stmt).all()
    missing = tuple(_line(i, t) for i, t in expected if i.barcode not in scanned)
    found_rows = session.execute(
        select(Item, BibRecord.title)
        .join(BibRecord, BibRecord.id == Item.bib_id)
        .where(Item.barcode.in_(scanned))
        .order_by(Item.call_sort_key, Item.barcode)
    ).all()
    known = {i.barcode for i, _t in found_rows}
    elsewhere = tuple(_line(i, t) for i, t in found_rows if _belongs_elsewhere(i, row))
    on_loan = tuple(
        _line(i, t)
        for i, t in found_rows
        if i.status == "on_loan" and not _belongs_elsewhere(i, row)
    )
    return StocktakeReport(
        info=_info(session, row),
        expected=len(expected),
        found=len(expected) - len(missing),
        missing=missing,
        found_elsewhere=elsewhere,
        on_loan_found=on_loan,
        unknown=tuple(sorted(scanned - known)),
    )


def _latest(session: Session) -> StocktakeSession:
    row = session.scalars(select(StocktakeSession).order_by(StocktakeSession.id.desc())).first()
    if row is None:
        raise NotFound(_("No open stocktake. Start one first."))
    return row


def finish(
    session: Session, clock: Clock, uuid: str | None = None, mark_missing: bool = True
) -> StocktakeReport:
    row = _get(session, uuid)
    if row.finished_at is not None:
        raise UserInputError(_("This stocktake is already finished."))
    result = report(session, row.uuid)
    now = clock.now()
    missing = [line.barcode for line in result.missing]
    if mark_missing and missing:
        for item in session.scalars(select(Item).where(Item.barcode.in_(missing))):
            if item.status == "available":
                item.status = "missing"
                item.updated_at = now
    # Copies marked missing earlier but now found on the shelf are available again.
    for item in session.scalars(
        select(Item).where(
            Item.barcode.in_(
                select(StocktakeScan.barcode).where(StocktakeScan.session_id == row.id)
            ),
            Item.status == "missing",
        )
    ):
        item.status = "available"
        item.updated_at = now
    row.finished_at = now
    record_op(
        session,
        clock,
        "stocktake_result",
        {
            "stocktake_uuid": row.uuid,
            "branch": row.branch_code,
            "missing": missing,
            "found_elsewhere": [line.barcode for line in result.found_elsewhere],
            "on_loan_found": [line.barcode for line in result.on_loan_found],
            "finished_at": now.isoformat(),
        },
    )
    session.flush()
    return report(session, row.uuid)


def export_csv(result: StocktakeReport, path: Path) -> int:
    """UTF-8 with BOM so Excel on Chinese Windows opens it correctly."""
    sections = (
        (_("Missing"), result.missing),
        (_("Belongs elsewhere"), result.found_elsewhere),
        (_("On loan but on the shelf"), result.on_loan_found),
    )
    rows = 0
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(
                [
                    _("Result"),
                    _("Barcode"),
                    _("Title"),
                    _("Call number"),
                    _("Shelf"),
                    _("Home branch"),
                ]
            )
            for label, lines in sections:
                for line in lines:
                    writer.writerow(
                        [
                            label,
                            line.barcode,
                            line.title,
                            line.call_number or "",
                            line.shelf_location or "",
                            line.home_branch,
                        ]
                    )
                    rows += 1
            for code in result.unknown:
                writer.writerow([_("Unknown barcode"), code, "", "", "", ""])
                rows += 1
    except OSError as exc:
        raise UserInputError(
            _("Cannot write {path}: {reason}").format(path=path, reason=exc.strerror)
        ) from exc
    return rows
