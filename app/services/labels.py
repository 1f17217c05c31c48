"""Labels use cases: the "to print" queue, finding a copy to re-label, generating output.

The queue is cataloguing's ``label_queue`` table (app.models.catalog.LabelQueue): newly
catalogued or re-numbered copies wait there until their labels are marked printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.models import BibRecord, Branch, Item, LabelQueue, Reader
from app.printing.calibration import NONE, Calibration
from app.printing.layout import LabelData, LabelLayout, layout_label
from app.printing.pdf import progress_step, write_pdf
from app.printing.raw import write_raw
from app.printing.templates import KINDS, LabelTemplate
from app.services import settings
from shuwu_shared.clock import Clock
from shuwu_shared.errors import NotFound, UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.progress import Progress, check_cancel

OUTPUT_FORMATS = {".pdf": "pdf", ".tspl": "tspl", ".prn": "tspl", ".zpl": "zpl"}
SEARCH_LIMIT = 200
SELECTION_LIMIT = 5000
FAILED = "failed"  # label_queue.reason of a label that came out of the printer unusable


@dataclass(frozen=True)
class QueueEntry:
    queue_id: int | None  # None for a copy found by search (not in the queue)
    item_uuid: str
    barcode: str
    call_number: str | None
    title: str
    queued_at: datetime | None
    reason: str


@dataclass(frozen=True)
class OutputResult:
    path: str
    format: str
    labels: int
    pages: int
    marked_printed: int


def library_name(session: Session) -> str:
    name = settings.get(session, settings.BRANCH_NAME)
    if name:
        return name
    code = settings.get(session, settings.BRANCH_CODE)
    branch = session.scalar(select(Branch).where(Branch.code == code)) if code else None
    return branch.name if branch is not None else ""


def list_queue(session: Session) -> list[QueueEntry]:
    """Copies waiting for a label, oldest first; one row per copy even if queued twice."""
    rows = session.execute(
        select(LabelQueue, Item, BibRecord.title)
        .join(Item, Item.uuid == LabelQueue.item_uuid)
        .join(BibRecord, BibRecord.id == Item.bib_id)
        .where(LabelQueue.printed_at.is_(None))
        .order_by(LabelQueue.queued_at, LabelQueue.id)
    ).all()
    seen: set[str] = set()
    entries: list[QueueEntry] = []
    for queue, item, title in rows:
        if item.uuid in seen:
            continue
        seen.add(item.uuid)
        entries.append(
            QueueEntry(
                queue.id,
                item.uuid,
                item.barcode,
                item.call_number,
                title,
                queue.queued_at,
                queue.reason,
            )
        )
    return entries


def find_copies(session: Session, query: str) -> list[QueueEntry]:
    """A damaged label: find the copy by its barcode (exact) or title/call number (part)."""
    text = query.strip()
    if not text:
        raise UserInputError(_("Type or scan a barcode, a title or a call number."))
    like = f"%{text}%"
    rows = session.execute(
        select(Item, BibRecord.title)
        .join(BibRecord, BibRecord.id == Item.bib_id)
        .where(
            or_(
                Item.barcode == text,
                BibRecord.title.like(like),
                Item.call_number.like(f"{text}%"),
            )
        )
        .order_by(Item.barcode != text, Item.call_sort_key, Item.barcode)
        .limit(SEARCH_LIMIT)
    ).all()
    return [
        QueueEntry(None, item.uuid, item.barcode, item.call_number, title, None, "reprint")
        for item, title in rows
    ]


def items_by_barcode(session: Session, barcodes: Sequence[str]) -> list[QueueEntry]:
    """The copies with these barcodes, in the given order; NotFound names the unknown ones."""
    wanted = [code.strip() for code in barcodes if code.strip()]
    if not wanted:
        raise UserInputError(_("Give at least one barcode."))
    rows = session.execute(
        select(Item, BibRecord.title)
        .join(BibRecord, BibRecord.id == Item.bib_id)
        .where(Item.barcode.in_(wanted))
    ).all()
    found = {item.barcode: (item, title) for item, title in rows}
    missing = [code for code in wanted if code not in found]
    if missing:
        raise NotFound(_("No copy has the barcode {codes}.").format(codes=", ".join(missing[:10])))
    return [
        QueueEntry(None, found[c][0].uuid, c, found[c][0].call_number, found[c][1], None, "")
        for c in wanted
    ]


def label_data(session: Session, entries: Iterable[QueueEntry]) -> list[LabelData]:
    name = library_name(session)
    return [LabelData(e.barcode, e.call_number, name, e.title) for e in entries]


def reader_card_data(session: Session, cards: Sequence[str]) -> list[LabelData]:
    """Reader cards carry the reader's name: they are handed to the reader, never listed."""
    name = library_name(session)
    result: list[LabelData] = []
    for card in cards:
        reader = session.scalar(select(Reader).where(Reader.card == card.strip()))
        if reader is None:
            raise NotFound(_("No reader has the card {card}.").format(card=card))
        result.append(LabelData(reader.card, None, name, reader_name=reader.name))
    return result


def mark_printed(session: Session, clock: Clock, item_uuids: Iterable[str]) -> int:
    """Mark the queued labels of these copies printed; returns how many queue rows closed."""
    uuids = set(item_uuids)
    if not uuids:
        return 0
    rows = session.scalars(
        select(LabelQueue).where(LabelQueue.item_uuid.in_(uuids), LabelQueue.printed_at.is_(None))
    ).all()
    now = clock.now()
    for row in rows:
        row.printed_at = now
    return len(rows)


def build_layouts(
    data: Sequence[LabelData],
    kind: str,
    template: LabelTemplate,
    progress: Progress | None = None,
) -> list[LabelLayout]:
    if kind not in KINDS:
        raise UserInputError(_("Unknown label kind {kind}.").format(kind=kind))
    layouts: list[LabelLayout] = []
    step = progress_step(len(data))
    for n, item in enumerate(data):
        if progress is not None:
            check_cancel(progress)
            if n % step == 0:
                progress.report(n, len(data), _("Laying out labels…"))
        layouts.append(layout_label(kind, item, template))
    return layouts


def problems(layouts: Sequence[LabelLayout]) -> list[tuple[str, str]]:
    """(barcode, message) for every label that cannot print as it is."""
    return [(layout.code, message) for layout in layouts for message in layout.problems]


def output_format(out: Path) -> str:
    fmt = OUTPUT_FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise UserInputError(
            _("Save labels as .pdf, .tspl or .zpl (not {suffix}).").format(
                suffix=out.suffix or _("no extension")
            )
        )
    return fmt


def write_output(
    layouts: Sequence[LabelLayout],
    template: LabelTemplate,
    out: Path,
    *,
    calibration: Calibration = NONE,
    skip: int = 0,
    progress: Progress | None = None,
) -> OutputResult:
    """Write PDF/TSPL/ZPL. Refuses (nothing written) if any label has a problem."""
    fmt = output_format(out)
    if not layouts:
        raise UserInputError(_("There are no labels to print."))
    bad = problems(layouts)
    if bad:
        lines = "\n".join(f"{code}: {message}" for code, message in bad[:10])
        more = len(bad) - 10
        if more > 0:
            lines += "\n" + _("…and {n} more.").format(n=more)
        raise UserInputError(
            _("{n} labels cannot be printed as they are:\n{lines}").format(
                n=len({c for c, _m in bad}), lines=lines
            )
        )
    if fmt == "pdf":
        pages = write_pdf(
            layouts, template, out, calibration=calibration, skip=skip, progress=progress
        )
    else:
        pages = write_raw(layouts, fmt, out, calibration=calibration, progress=progress)
    return OutputResult(str(out), fmt, len(layouts), pages, 0)


# --- choosing copies by range, class, date or shelf -------------------------------------------


@dataclass(frozen=True)
class LabelSelection:
    """Which of this branch's copies to label; every given criterion must hold."""

    barcode_from: str | None = None
    barcode_to: str | None = None
    class_prefix: str | None = None  # I247 → every call number starting I247
    catalogued_from: date | None = None
    catalogued_to: date | None = None
    shelf: str | None = None

    def is_empty(self) -> bool:
        return not any(
            (
                self.barcode_from,
                self.barcode_to,
                self.class_prefix,
                self.catalogued_from,
                self.catalogued_to,
                self.shelf,
            )
        )


def _criterion(text: str | None) -> str:
    """A typed criterion: trimmed; NUL, lone surrogates or an absurd length are refused."""
    value = (text or "").strip()
    if len(value) > 64 or "\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value):
        raise UserInputError(
            _("{text}… is not a barcode, a class or a shelf.").format(
                text=value[:16].encode("utf-8", "replace").decode("utf-8")
            )
        )
    return value


def select_copies(session: Session, selection: LabelSelection) -> list[QueueEntry]:
    """This branch's copies matching the selection, in shelf order (at most 5,000)."""
    selection = LabelSelection(
        _criterion(selection.barcode_from) or None,
        _criterion(selection.barcode_to) or None,
        _criterion(selection.class_prefix) or None,
        selection.catalogued_from,
        selection.catalogued_to,
        _criterion(selection.shelf) or None,
    )
    if selection.is_empty():
        raise UserInputError(
            _("Choose copies by a barcode range, a class, the date catalogued or a shelf.")
        )
    stmt = select(Item, BibRecord.title).join(BibRecord, BibRecord.id == Item.bib_id)
    branch = settings.get(session, settings.BRANCH_CODE)
    if branch:
        stmt = stmt.where(Item.home_branch_code == branch)
    low = (selection.barcode_from or "").strip()
    high = (selection.barcode_to or "").strip()
    if low and high and (len(low) != len(high) or low > high):
        raise UserInputError(
            _("The barcode range {low}–{high} is not a range (same length, low to high).").format(
                low=low, high=high
            )
        )
    # Barcodes of one branch have one length, so string order is number order within it.
    for bound, op in ((low, "ge"), (high, "le")):
        if bound:
            stmt = stmt.where(
                func.length(Item.barcode) == len(bound),
                Item.barcode >= bound if op == "ge" else Item.barcode <= bound,
            )
    prefix = (selection.class_prefix or "").strip().upper()
    if prefix:
        stmt = stmt.where(Item.call_number.like(prefix.replace("%", "").replace("_", "") + "%"))
    if selection.catalogued_from:
        stmt = stmt.where(Item.acquired_on >= selection.catalogued_from)
    if selection.catalogued_to:
        stmt = stmt.where(Item.acquired_on <= selection.catalogued_to)
    if selection.shelf:
        stmt = stmt.where(Item.shelf_location == selection.shelf.strip())
    rows = session.execute(
        stmt.order_by(Item.call_sort_key, Item.barcode).limit(SELECTION_LIMIT)
    ).all()
    return [
        QueueEntry(None, item.uuid, item.barcode, item.call_number, title, None, "reprint")
        for item, title in rows
    ]


# --- 补缺打印: labels that came out wrong wait to be printed again ----------------------------


def record_failed(session: Session, clock: Clock, item_uuids: Iterable[str]) -> int:
    """These copies' labels did not print well: queue them again as ``failed`` (their other
    queue rows close, so each copy waits once)."""
    uuids = list(dict.fromkeys(item_uuids))
    if not uuids:
        return 0
    known = set(session.scalars(select(Item.uuid).where(Item.uuid.in_(uuids))))
    now = clock.now()
    for row in session.scalars(
        select(LabelQueue).where(LabelQueue.item_uuid.in_(uuids), LabelQueue.printed_at.is_(None))
    ):
        row.printed_at = now
    for uuid in uuids:
        if uuid in known:
            session.add(LabelQueue(item_uuid=uuid, queued_at=now, reason=FAILED))
    session.flush()
    return len(known)


def failed_queue(session: Session) -> list[QueueEntry]:
    """The labels to print again (补缺打印), oldest first."""
    return [e for e in list_queue(session) if e.reason == FAILED]


@dataclass(frozen=True)
class PrintOutcome:
    printed: int  # queue rows closed
    failed: int  # copies queued again


def record_print_outcome(
    session: Session, clock: Clock, printed: Iterable[str], failed: Iterable[str]
) -> PrintOutcome:
    """After a print run: good labels are marked printed, bad ones wait for 补缺打印."""
    bad = list(dict.fromkeys(failed))
    good = [u for u in dict.fromkeys(printed) if u not in set(bad)]
    return PrintOutcome(mark_printed(session, clock, good), record_failed(session, clock, bad))
