"""Training mode: a sandbox profile with practice data, a movable date, exercises and reset.

A training profile is an ordinary profile whose ``app_setting training_mode`` is 1. It is made
only by ``create_training_profile`` (never by flipping a switch on a real branch's data), the
main window shows the orange 培训模式 banner on every screen, and it can only talk to a county
server that says it is a training server (``check_server_mode``) — by design, not by luck.

The demo state is kept as ``training/demo-state.db`` inside the profile; ``reset`` copies it
back over the live database in one step (SQLite backup API), so a class starts again in a
second. Exercises are checked from the real database and outbox, counting only what was done
after the demo state (``training_baseline``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import Clock, clock_from_env
from app.errors import UserInputError
from app.i18n import _
from app.models import (
    BibRecord,
    Branch,
    CirculationPolicy,
    CreditRules,
    Item,
    LabelQueue,
    Loan,
    OutboxOp,
    Reader,
)
from app.models.db import DB_FILENAME, check_database_file
from app.profile import Profile, open_profile
from app.services import settings
from app.services.backup import TAKEN_AT_KEY, backup_to

TRAINING_DIRNAME = "training"
SNAPSHOT_NAME = "demo-state.db"
BASELINE_KEY = "training_baseline"
TRAINING_BRANCH = "TRN01"
TRAINING_BRANCH_NAME = "培训示范农家书屋"


def snapshot_path(home: Path) -> Path:
    return Path(home) / TRAINING_DIRNAME / SNAPSHOT_NAME


def is_training(session: Session) -> bool:
    return settings.get_bool(session, settings.TRAINING_MODE)


# --- the server guard -------------------------------------------------------------------------


def check_server_mode(profile_is_training: bool, hello: dict[str, Any]) -> None:
    """Refuse any sync between a training profile and a production server, and vice versa.

    ``hello`` is the server's ``GET /v1/hello`` answer; a server that does not say
    ``training: true`` is treated as production.
    """
    server_is_training = hello.get("training") is True
    if profile_is_training and not server_is_training:
        raise UserInputError(
            _(
                "This is a training profile: it never syncs with the county's real server. "
                "Ask the trainer for the classroom server's enrolment code."
            ),
            code="training_refused",
        )
    if server_is_training and not profile_is_training:
        raise UserInputError(
            _(
                "That server is a training server. A real branch never syncs with it; "
                "check the server address in the sync settings."
            ),
            code="training_server_refused",
        )


# --- demo data --------------------------------------------------------------------------------


def _isbn13(stem: str) -> str:
    digits = [int(c) for c in stem]
    check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
    return stem + str(check)


# (title, author, publisher, year, 中图法 class, price) — a small, plausible village collection.
DEMO_BOOKS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("活着", "余华", "作家出版社", "2012", "I247.57", "20.00"),
    ("平凡的世界", "路遥", "北京十月文艺出版社", "2017", "I247.57", "108.00"),
    ("红岩", "罗广斌, 杨益言", "中国青年出版社", "2019", "I247.5", "39.00"),
    ("西游记", "吴承恩", "人民文学出版社", "2010", "I242.4", "47.20"),
    ("果树栽培技术", "张玉星", "中国农业出版社", "2018", "S66", "36.00"),
    ("生猪养殖实用技术", "李德发", "金盾出版社", "2016", "S828", "18.00"),
    ("农村常见病防治", "王红", "人民卫生出版社", "2015", "R4", "25.00"),
    ("小学生字典", "商务印书馆辞书研究中心", "商务印书馆", "2020", "H163", "19.90"),
    ("十万个为什么·动物", "韩启德", "少年儿童出版社", "2013", "Z228.1", "28.00"),
    ("中国历史故事", "林汉达", "中国少年儿童出版社", "2014", "K209", "32.00"),
    ("家庭电工入门", "陈勇", "化学工业出版社", "2019", "TM05", "29.80"),
    ("三体", "刘慈欣", "重庆出版社", "2008", "I247.55", "23.00"),
)
DEMO_READERS: tuple[tuple[str, str, str, int], ...] = (
    ("王秀兰", "F", "adult", 1968),
    ("李建国", "M", "adult", 1975),
    ("张小雨", "F", "child", 2015),
    ("刘强", "M", "adult", 1990),
    ("陈芳", "F", "adult", 1983),
    ("赵磊", "M", "child", 2013),
)


def _seed_demo(session: Session, clock: Clock) -> None:
    """The practice collection, made through the same services the desk uses."""
    from app.services import catalog, circulation, readers

    settings.put(session, settings.BRANCH_CODE, TRAINING_BRANCH)
    settings.put(session, settings.BRANCH_NAME, TRAINING_BRANCH_NAME)
    now = clock.now()
    session.add(
        Branch(
            code=TRAINING_BRANCH,
            name=TRAINING_BRANCH_NAME,
            kind="village",
            parent_code="TRN",
            barcode_range_start="T0000001",
            barcode_range_end="T0099999",
        )
    )
    session.add(CirculationPolicy(reader_type="adult", label="成人", loan_days=30, max_items=5))
    session.add(CirculationPolicy(reader_type="child", label="少儿", loan_days=21, max_items=3))
    if session.scalar(select(func.count()).select_from(CreditRules)) == 0:
        session.add(CreditRules())
    session.flush()
    barcodes: list[str] = []
    for index, (title, author, publisher, year, clc, price) in enumerate(DEMO_BOOKS):
        bib = catalog.save_bib(
            session,
            clock,
            catalog.BibData(
                title=title,
                isbn=_isbn13(f"978700{index:06d}"),
                author=author,
                publisher=publisher,
                pub_year=year,
                clc_class=clc,
                price=price,
            ),
        )
        copies = [catalog.CopyInput(barcode=f"T{len(barcodes) + n + 1:07d}") for n in range(2)]
        catalog.add_copies(session, clock, bib.uuid, copies)
        barcodes += [c.barcode for c in copies]
    cards: list[str] = []
    for name, gender, reader_type, birth_year in DEMO_READERS:
        view = readers.register_reader(
            session,
            clock,
            readers.ReaderInput(
                name=name,
                gender=gender,
                reader_type=reader_type,
                birth_year=birth_year,
                card=f"TR{len(cards) + 1:04d}",
            ),
        )
        cards.append(view.card)
    # Open loans: one due in a fortnight, two lent long ago and now overdue (for the exercises
    # "return late" and the credit deductions the trainer shows by moving the date).
    circulation.checkout(session, clock.shifted(timedelta(days=-15)), cards[0], barcodes[0])
    circulation.checkout(session, clock.shifted(timedelta(days=-40)), cards[1], barcodes[2])
    circulation.checkout(session, clock.shifted(timedelta(days=-35)), cards[2], barcodes[16])
    # The demo state counts as already sent: only the trainees' own operations are pending.
    for op in session.scalars(select(OutboxOp).where(OutboxOp.state == "pending")):
        op.state = "acked"
        op.acked_at = now
        op.server_result = {"status": "training_seed"}
    for row in session.scalars(select(LabelQueue).where(LabelQueue.printed_at.is_(None))):
        row.printed_at = now


def _baseline(session: Session) -> dict[str, int]:
    def top(column: Any) -> int:
        return int(session.scalar(select(func.max(column))) or 0)

    return {
        "item": top(Item.id),
        "reader": top(Reader.id),
        "loan": top(Loan.id),
        "seq": top(OutboxOp.device_seq),
        "label": top(LabelQueue.id),
    }


@dataclass(frozen=True)
class TrainingProfileInfo:
    home: Path
    created: bool

    def to_json(self) -> dict[str, Any]:
        return {"home": str(self.home), "created": self.created}


def default_training_home(production_home: Path) -> Path:
    return production_home.with_name(production_home.name + "-training")


def create_training_profile(home: Path) -> TrainingProfileInfo:
    """Make (or reopen) a training profile at ``home``; never touches a real branch's data."""
    home = Path(home)
    db_path = home / DB_FILENAME
    if db_path.exists() and db_path.stat().st_size:
        check_database_file(db_path)
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT value FROM app_setting WHERE key = ?", (settings.TRAINING_MODE,)
            ).fetchone()
        except sqlite3.DatabaseError:
            row = None
        finally:
            conn.close()
        if not row or row[0] != "1":
            raise UserInputError(
                _(
                    "{path} holds a real branch's data, not a training profile. Training never "
                    "uses it; choose an empty folder with --home."
                ).format(path=home),
                code="not_training",
            )
        return TrainingProfileInfo(home=home, created=False)
    profile = open_profile(home)
    try:
        with profile.sessions() as session, session.begin():
            settings.put(session, settings.TRAINING_MODE, True)
            settings.put(session, settings.SIMULATED_DAYS, 0)
            _seed_demo(session, profile.clock)
            settings.put(session, BASELINE_KEY, json.dumps(_baseline(session)))
        backup_to(profile.db_path, snapshot_path(home), profile.clock)
    finally:
        profile.close()
    return TrainingProfileInfo(home=home, created=True)


def _require_training(session: Session) -> None:
    if not is_training(session):
        raise UserInputError(
            _("This is not a training profile. Reset and date changes only work in training."),
            code="not_training",
        )


def reset(profile: Profile) -> None:
    """Put the demo state back (every trainee change is discarded; the date returns to today)."""
    with profile.sessions() as session:
        _require_training(session)
    snapshot = snapshot_path(profile.home)
    if not snapshot.is_file():
        raise UserInputError(
            _("The training demo data is missing. Delete this training folder and start again.")
        )
    profile.engine.dispose()
    src = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        dst = sqlite3.connect(profile.db_path, timeout=30)
        try:
            src.backup(dst)
            dst.execute("DELETE FROM app_setting WHERE key = ?", (TAKEN_AT_KEY,))
            dst.commit()
        finally:
            dst.close()
    finally:
        src.close()
    profile.engine.dispose()
    profile.clock = clock_from_env()


def simulated_days(session: Session) -> float:
    return settings.get_float(session, settings.SIMULATED_DAYS, 0.0)


def advance_days(profile: Profile, days: float) -> float:
    """Move the training date forward (or back to today with a negative total); returns total."""
    with profile.sessions() as session, session.begin():
        _require_training(session)
        total = max(0.0, simulated_days(session) + days)
        settings.put(session, settings.SIMULATED_DAYS, total)
    profile.clock = clock_from_env().shifted(timedelta(days=total))
    return total


# --- exercises --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exercise:
    key: str
    title: str
    how: str
    done: bool


def _load_baseline(session: Session) -> dict[str, int]:
    raw = settings.get(session, BASELINE_KEY)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    return {k: int(data.get(k, 0)) for k in ("item", "reader", "loan", "seq", "label")}


def _catalogued(session: Session, base: dict[str, int]) -> bool:
    stmt = (
        select(Item.id)
        .join(BibRecord, BibRecord.id == Item.bib_id)
        .where(Item.id > base["item"], BibRecord.isbn.is_not(None))
    )
    return session.scalar(stmt.limit(1)) is not None


def _label_printed(session: Session, base: dict[str, int]) -> bool:
    new_items = select(Item.uuid).where(Item.id > base["item"])
    stmt = select(LabelQueue.id).where(
        LabelQueue.item_uuid.in_(new_items), LabelQueue.printed_at.is_not(None)
    )
    return session.scalar(stmt.limit(1)) is not None


def _registered(session: Session, base: dict[str, int]) -> bool:
    return session.scalar(select(Reader.id).where(Reader.id > base["reader"]).limit(1)) is not None


def _lent(session: Session, base: dict[str, int]) -> bool:
    return session.scalar(select(Loan.id).where(Loan.id > base["loan"]).limit(1)) is not None


def _returned_late(session: Session, base: dict[str, int]) -> bool:
    uuids = [
        op.payload.get("loan_uuid")
        for op in session.scalars(
            select(OutboxOp).where(OutboxOp.kind == "return", OutboxOp.device_seq > base["seq"])
        )
    ]
    uuids = [u for u in uuids if u]
    if not uuids:
        return False
    stmt = select(Loan.id).where(
        Loan.uuid.in_(uuids), Loan.returned_at.is_not(None), Loan.returned_at > Loan.due_at
    )
    return session.scalar(stmt.limit(1)) is not None


def _synced(session: Session, base: dict[str, int]) -> bool:
    stmt = select(OutboxOp.device_seq).where(
        OutboxOp.device_seq > base["seq"], OutboxOp.state == "acked"
    )
    return session.scalar(stmt.limit(1)) is not None


_CHECKS: tuple[tuple[str, Callable[[], str], Callable[[], str], Any], ...] = (
    (
        "catalogue",
        lambda: _("Catalogue a book by its ISBN"),
        lambda: _("Catalogue: scan the ISBN on the back cover, check the record, add a copy."),
        _catalogued,
    ),
    (
        "label",
        lambda: _("Print its spine label"),
        lambda: _("Labels: print the label of the copy you just added."),
        _label_printed,
    ),
    (
        "register",
        lambda: _("Register a reader"),
        lambda: _("Readers: register a new reader with a card."),
        _registered,
    ),
    (
        "lend",
        lambda: _("Lend a book"),
        lambda: _("Circulation: scan the reader's card, then the book's barcode."),
        _lent,
    ),
    (
        "return_late",
        lambda: _("Return a book late"),
        lambda: _("Move the date forward past a due date, then return that book."),
        _returned_late,
    ),
    (
        "sync",
        lambda: _("Sync with the classroom server"),
        lambda: _("Sync: send the operations to the trainer's classroom server."),
        _synced,
    ),
)


def exercises(session: Session) -> list[Exercise]:
    """Each exercise with whether the trainee has done it since the demo state."""
    base = _load_baseline(session)
    return [
        Exercise(key=key, title=title(), how=how(), done=bool(check(session, base)))
        for key, title, how, check in _CHECKS
    ]
